/**
 * Declared flows (`flows:` in a block): the diagram highlights them and lint checks each one
 * with a trace, warning (`flow-blocked`) when it cannot pass.
 */

import { parseCidr } from './cidr';
import type { ContainersModel } from '../containers/model';
import { hostName } from '../containers/model';
import type { DiagnosticSink } from './diagnostic';
import { trace } from '../trace';
import type { VpcModel } from '../vpc/model';

export interface FlowDecl {
	from: string;
	to: string;
	/** `tcp`, `udp`, `icmp`, `all`, or `any` when the flow names no protocol. */
	proto: string;
	port?: number;
	line: number;
	text: string;
}

export function declaredFlows(model: VpcModel | ContainersModel): FlowDecl[] {
	return model.flows.map((f) => {
		const decl: FlowDecl = { from: f.from, to: f.to, proto: f.proto ?? 'any', line: f.pos.line, text: f.text };
		if (f.port !== undefined) decl.port = f.port;
		return decl;
	});
}

function endpointExists(model: VpcModel | ContainersModel, name: string): boolean {
	if (name === 'internet') return true;
	if (model.kind === 'containers') return model.services.has(name) || name === hostName(model) || name === 'host';
	return (
		model.instances.has(name) ||
		model.loadBalancers.has(name) ||
		model.natGateways.has(name) ||
		model.subnets.has(name) ||
		parseCidr(name, { allowBareAddress: true }).ok
	);
}

export function lintFlows(model: VpcModel | ContainersModel, sink: DiagnosticSink): void {
	for (const flow of model.flows) {
		const missing = [flow.from, flow.to].filter((n) => !endpointExists(model, n));
		if (missing.length > 0) {
			const what = model.kind === 'vpc' ? 'an instance, load balancer, NAT gateway, subnet, `internet` or an IP' : 'a service, the host or `internet`';
			sink.add(flow.pos, 'unknown-reference', `flow \`${flow.text}\`: \`${missing[0] ?? ''}\` is not ${what} in this block`);
			continue;
		}
		const query: Parameters<typeof trace>[1] = { from: flow.from, to: flow.to };
		if (flow.proto) query.proto = flow.proto;
		if (flow.port !== undefined) query.port = flow.port;
		const result = trace(model, query);
		if (!result.allowed) sink.add(flow.pos, 'flow-blocked', `flow \`${flow.text}\` cannot pass. ${result.summary}`);
	}
}
