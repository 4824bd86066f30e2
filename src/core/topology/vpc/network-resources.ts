/** The details panel of a network's links: what each joins, and the routes that lead to it. */

import { listed, type ResourceInfo } from '../shared/resource-info';
import type { Network } from './model';
import { attachmentRanges, vpcNamed, vpnRanges } from './network';

export function linkResources(network: Network): ResourceInfo[] {
	const out: ResourceInfo[] = [];
	const routesTo = (name: string): string =>
		listed(network.vpcs.flatMap((v) => [...v.routeTables.values()].flatMap((t) => t.routes.filter((r) => r.target === name).map((r) => `${v.name} ${t.name}: ${r.destination.text}`))));
	for (const p of network.peerings.values()) {
		out.push({
			name: p.name,
			type: 'vpc-peering',
			line: p.pos.line,
			drawn: true,
			details: [
				{ label: 'Joins', value: `${p.vpcs[0].name} and ${p.vpcs[1].name}${p.outside ? ` (${p.outside} is outside this block)` : ''}` },
				{ label: 'Status', value: p.status },
				{ label: 'Routes to it', value: routesTo(p.name) },
				{ label: 'Transitive', value: 'No: only the two VPCs it joins talk through it' },
			],
		});
	}
	for (const t of network.transitGateways.values()) {
		const tables = [...t.routeTables.values()].map((rt) => {
			const routes = rt.routes.map((r) => `${r.destination.text} -> ${r.target}`);
			return `${rt.name}: associated ${rt.associations.map((a) => a.name).join(', ') || 'none'}; propagated ${rt.propagations.map((a) => a.name).join(', ') || 'none'}${routes.length ? `; static ${routes.join(', ')}` : ''}`;
		});
		const attachments = [...t.attachments.values()].map((a) => `${a.name} (${a.vpc ? `VPC ${a.vpc.name}` : `VPN ${a.vpn?.name ?? ''}`}: ${attachmentRanges(network, a).map((c) => c.text).join(', ') || '?'})`);
		out.push({ name: t.name, type: 'transit-gateway', line: t.pos.line, drawn: true, details: [{ label: 'Attachments', value: listed(attachments) }, { label: 'Route tables', value: listed(tables) }, { label: 'Routes to it', value: routesTo(t.name) }] });
	}
	for (const e of network.endpoints.values()) {
		const where = e.type === 'gateway' ? { label: 'Route tables', value: listed(e.routeTables.map((r) => r.name)) } : { label: 'Subnets', value: listed(e.subnets.map((r) => r.name)) };
		out.push({
			name: e.name,
			type: `${e.type}-endpoint`,
			line: e.pos.line,
			// Drawn on its VPC (an interface endpoint in its first subnet): not when those are not declared.
			drawn: e.type === 'gateway' ? !!vpcNamed(network, e.vpc?.name) : !!vpcNamed(network, e.vpc?.name)?.subnets.has(e.subnets[0]?.name ?? ''),
			details: [{ label: 'Service', value: e.service }, { label: 'VPC', value: e.vpc?.name ?? 'not set' }, where, { label: 'Policy', value: e.policy ? 'yes' : 'none (allows all)' }],
		});
	}
	// The services gateway endpoints lead to, drawn once each outside the VPCs (network-mermaid.ts).
	const services = new Map<string, { line: number; endpoints: string[] }>();
	for (const e of network.endpoints.values()) {
		if (e.type !== 'gateway') continue;
		const service = services.get(e.service) ?? { line: e.pos.line, endpoints: [] };
		service.endpoints.push(e.name);
		services.set(e.service, service);
	}
	for (const [name, service] of services) {
		out.push({ name, type: 'aws-service', line: service.line, drawn: true, details: [{ label: 'Means', value: `The AWS service ${name}, outside every VPC` }, { label: 'Gateway endpoints', value: listed(service.endpoints) }] });
	}
	for (const g of network.vpnGateways.values()) {
		out.push({ name: g.name, type: 'vpn-gateway', line: g.pos.line, drawn: !!vpcNamed(network, g.vpc?.name), details: [{ label: 'VPC', value: g.vpc?.name ?? 'not attached' }, { label: 'Propagates to', value: listed(g.propagates.map((r) => r.name)) }] });
	}
	for (const s of network.onPremises.values()) {
		out.push({ name: s.name, type: 'on-premises', line: s.pos.line, drawn: true, details: [{ label: 'Ranges', value: listed(s.cidrs.map((c) => c.text)) }, { label: 'Customer gateway IP', value: s.ip ?? 'not set' }] });
	}
	for (const c of network.vpnConnections.values()) {
		out.push({
			name: c.name,
			type: 'vpn-connection',
			line: c.pos.line,
			drawn: false,
			details: [
				{ label: 'Between', value: `${c.customerGateway?.name ?? '?'} and ${c.vpnGateway?.name ?? c.transitGateway?.name ?? '?'}` },
				{ label: 'Routing', value: c.staticRoutes ? `static: ${c.staticRoutes.map((r) => r.text).join(', ') || 'none'}` : 'BGP' },
				{ label: 'Carries', value: listed(vpnRanges(network, c).map((r) => r.text)) },
			],
		});
	}
	return out;
}
