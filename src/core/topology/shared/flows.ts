/**
 * Declared flows (`flows:` in a block): the diagram highlights them, cards ask about them, and
 * lint checks each one with a trace (flow-lint.ts, beside the language interface it needs).
 */

import type { FlowSpec } from './flow-model';

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
