/**
 * Lint of a block's declared flows: each end must be something its language can trace, and each
 * flow is traced, with a `flow-blocked` warning when it cannot pass. It needs the block's
 * language, so it lives beside the interface rather than among the shared parts the languages use.
 */
import type { TopologyLanguage, TopologyModel } from './language';
import type { DiagnosticSink } from './shared/diagnostic';
import type { TraceQuery } from './shared/trace-types';

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
