/** Reachability for either kind of block; unknown names give a refusal, never an exception. */

import type { ContainersModel } from './containers/model';
import { traceContainers } from './containers/trace';
import { refusedOutright, type TraceQuery, type TraceResult } from './shared/trace-types';
import { traceVpc } from './vpc/trace';
import type { VpcModel } from './vpc/model';

export type { TraceHop, TraceQuery, TraceResult } from './shared/trace-types';

export function trace(model: VpcModel | ContainersModel, query: TraceQuery): TraceResult {
	if (query.port !== undefined && (!Number.isInteger(query.port) || query.port < 0 || query.port > 65535)) {
		return refusedOutright(`${query.port} is not a port (0-65535)`, query.to, 'query');
	}
	try {
		return model.kind === 'vpc' ? traceVpc(model, query) : traceContainers(model, query);
	} catch (e) {
		// A tracer bug must not take the editor down: report it as a refusal the user can quote.
		return refusedOutright(`could not trace: ${e instanceof Error ? e.message : String(e)}`, query.from, 'trace');
	}
}
