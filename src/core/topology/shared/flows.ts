/**
 * Declared flows (`flows:` in a block): the diagram highlights them and lint checks each one
 * with a trace, warning (`flow-blocked`) when it cannot pass.
 */

import type { TopologyLanguage, TopologyModel } from '../language';
import type { DiagnosticSink } from './diagnostic';
import type { FlowSpec } from './flow-model';
import type { TraceQuery } from './trace-types';

export interface FlowDecl {
	from: string;
	to: string;
	/** `tcp`, `udp`, `icmp`, `all`, or `any` when the flow names no protocol. */
	proto: string;
	port?: number;
	line: number;
	text: string;
}

export function declaredFlows(model: { flows: readonly FlowSpec[] }): FlowDecl[] {
	return model.flows.map((f) => {
		const decl: FlowDecl = { from: f.from, to: f.to, proto: f.proto ?? 'any', line: f.pos.line, text: f.text };
		if (f.port !== undefined) decl.port = f.port;
		return decl;
	});
}

export function lintFlows<M extends TopologyModel>(language: TopologyLanguage<M>, model: M, sink: DiagnosticSink): void {
	for (const flow of model.flows) {
		const missing = [flow.from, flow.to].filter((n) => n !== 'internet' && !language.isEndpoint(model, n));
		if (missing.length > 0) {
			sink.add(flow.pos, 'unknown-reference', `flow \`${flow.text}\`: \`${missing[0] ?? ''}\` is not ${language.endpointHint} in this block`);
			continue;
		}
		const query: TraceQuery = { from: flow.from, to: flow.to };
		if (flow.proto) query.proto = flow.proto;
		if (flow.port !== undefined) query.port = flow.port;
		const result = language.trace(model, query);
		if (!result.allowed) sink.add(flow.pos, 'flow-blocked', `flow \`${flow.text}\` cannot pass. ${result.summary}`);
	}
}
