import type { LinksJson, VpcJson } from '../core/topology';

export interface ModelBlockJson {
	block: number;
	language: string;
	line: number;
	errors: number;
	vpcs: VpcJson[];
	links: LinksJson;
}

/**
 * `cloudnotes model --format text`: the block's VPCs and what joins them, one line each, written
 * from the same JSON objects `--format json` prints so the two cannot say different things.
 */
export function modelText(file: string, blocks: readonly ModelBlockJson[]): string {
	const out: string[] = [];
	for (const b of blocks) {
		out.push(`${file} block ${b.block} (${b.language}, line ${b.line}): ${count(b.vpcs.length, 'VPC')}, ${count(b.errors, 'error')}`);
		for (const v of b.vpcs) out.push(`  VPC ${v.name} ${v.cidr ?? '(no CIDR)'}: ${count(v.subnets.length, 'subnet')}, ${count(v.instances.length, 'instance')}${at(v.line)}`);
		out.push(...linksText(b.links).map((l) => `  ${l}`));
	}
	return out.join('\n');
}

function linksText(links: LinksJson): string[] {
	const out: string[] = [];
	for (const p of links.peerings) {
		const end = (i: 0 | 1): string => `${p.vpcs[i]} (${p.cidrs[i] ?? 'CIDR unknown'})`;
		out.push(`peering ${p.id}: ${end(0)} <-> ${end(1)}, ${p.status}${p.outside ? `, ${p.outside}` : ''}${at(p.line)}`);
	}
	for (const t of links.transitGateways) {
		out.push(`transit gateway ${t.id}: ${count(t.attachments.length, 'attachment')}, ${count(t.routeTables.length, 'route table')}${at(t.line)}`);
		for (const a of t.attachments) {
			const what = a.vpc ? `VPC ${a.vpc}${a.subnets.length ? ` (subnets ${a.subnets.join(', ')})` : ''}` : a.vpn ? `VPN ${a.vpn}` : 'nothing known';
			out.push(`  attachment ${a.id}: ${what}${at(a.line)}`);
		}
		for (const rt of t.routeTables) {
			out.push(`  route table ${rt.id}: associated ${list(rt.associations)}; propagated from ${list(rt.propagations)}${at(rt.line)}`);
			for (const r of rt.routes) out.push(`    ${r.destination} -> ${r.blackhole ? 'blackhole (dropped)' : r.target}${at(r.line)}`);
		}
	}
	for (const e of links.endpoints) {
		const where = e.type === 'gateway' ? `route tables ${list(e.routeTables)}` : `subnets ${list(e.subnets)}, security groups ${list(e.securityGroups)}`;
		out.push(`${e.type} endpoint ${e.id}: ${e.service} in ${e.vpc ?? 'an unknown VPC'}, ${where}${e.policy ? ', with a policy' : ''}${at(e.line)}`);
	}
	for (const g of links.vpnGateways) out.push(`VPN gateway ${g.id}: on ${g.vpc ?? 'no VPC'}, propagates into ${list(g.propagates)}${at(g.line)}`);
	for (const c of links.customerGateways) out.push(`customer gateway ${c.id}${c.ip ? ` ${c.ip}` : ''}: on-premises ${list(c.cidrs)}${at(c.line)}`);
	for (const v of links.vpnConnections) {
		const aws = v.vpnGateway ?? v.transitGateway ?? 'nothing known';
		out.push(`VPN connection ${v.id}: ${v.customerGateway ?? 'no customer gateway'} <-> ${aws}, ${v.routing} ${list(v.ranges)}${at(v.line)}`);
	}
	return out;
}

const at = (line: number | null): string => (line === null ? '' : ` (line ${line})`);
const list = (items: readonly string[]): string => (items.length ? items.join(', ') : 'none');
const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
