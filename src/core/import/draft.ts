/**
 * What every importer produces: one VPC as the fields of a `vpc` block, by readable name, plus the
 * list of what the input held that a vpc block cannot say (written as comments at the top of the
 * block, so nothing is dropped silently). `toVpcBlock` writes it as the block's YAML.
 */

export interface DraftSubnet {
	name: string;
	cidr: string | null;
	zone: string | null;
	routeTable: string | null;
	nacl: string | null;
}

export interface DraftInstance {
	name: string;
	subnet: string | null;
	publicIp: boolean;
	securityGroups: string[];
	type: string | null;
	privateIp: string | null;
	role: string | null;
}

export interface DraftLoadBalancer {
	name: string;
	subnets: string[];
	securityGroups: string[];
	targets: string[];
	scheme: 'internet-facing' | 'internal';
	type: 'application' | 'network';
	listeners: number[];
	targetPort: number | null;
}

export interface VpcDraft {
	name: string;
	cidr: string | null;
	region: string | null;
	/** Where it came from, for the first comment line (`vpc-0a1b2c`, `aws_vpc.main`). */
	source: string;
	internetGateway: string | null;
	subnets: DraftSubnet[];
	routeTables: { name: string; routes: [string, string][] }[];
	natGateways: { name: string; subnet: string | null }[];
	instances: DraftInstance[];
	loadBalancers: DraftLoadBalancer[];
	/** `outbound: null` keeps AWS's allow-all default (the key is left out). */
	securityGroups: { name: string; inbound: string[]; outbound: string[] | null }[];
	nacls: { name: string; inbound: string[]; outbound: string[] }[];
	/** What the input says about this VPC that the block cannot hold. */
	notes: string[];
}

export function emptyDraft(name: string, source: string): VpcDraft {
	return { name, cidr: null, region: null, source, internetGateway: null, subnets: [], routeTables: [], natGateways: [], instances: [], loadBalancers: [], securityGroups: [], nacls: [], notes: [] };
}

/**
 * Readable, unique names for a block: the `Name` tag (or another label) made safe for a key,
 * else the id; `internet` is reserved, and names repeat only with a suffix. `main` and `default`
 * are kept for the main route table and the default security group, as the vpc block reads them.
 */
export class Names {
	private readonly used = new Set<string>(['internet']);
	private readonly byId = new Map<string, string>();

	/** `kind` (`igw`, `rtb`, ...) tells apart resources that share a `Name` tag (a VPC and its gateway often do). */
	name(id: string, label: string | null | undefined, reserved?: 'main' | 'default', kind?: string): string {
		const known = this.byId.get(id);
		if (known) return known;
		let base = reserved && !this.used.has(reserved) ? reserved : safeName(label) || safeName(id) || 'resource';
		if (base === 'main' || base === 'default') base = reserved === base && !this.used.has(base) ? base : `${base}-${kind ?? safeName(id)}`;
		if (kind && this.used.has(base) && !this.used.has(`${base}-${kind}`)) base = `${base}-${kind}`;
		let name = base;
		for (let i = 2; this.used.has(name); i++) name = `${base}-${i}`;
		this.used.add(name);
		this.byId.set(id, name);
		return name;
	}

	get(id: string): string | undefined {
		return this.byId.get(id);
	}
}

function safeName(text: string | null | undefined): string {
	return (text ?? '')
		.trim()
		.replace(/\s+/g, '-')
		.replace(/[^A-Za-z0-9._/-]/g, '')
		.replace(/^[-./]+/, '')
		.slice(0, 60);
}

const PLAIN = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
const YAML_WORDS = /^(?:true|false|null|yes|no|on|off|y|n|~)$/i;

/** A YAML scalar: plain when that reads back as the same string, else double-quoted (JSON is valid YAML). */
export function yamlText(text: string): string {
	return PLAIN.test(text) && !YAML_WORDS.test(text) ? text : JSON.stringify(text);
}

function list(items: readonly string[]): string {
	return `[${items.map(yamlText).join(', ')}]`;
}

function comment(text: string): string {
	return `# ${text.replace(/[\r\n]+/g, ' ')}`;
}

/** The draft as the YAML of a `vpc` block (without the fence), notes first as comments. */
export function toVpcBlock(draft: VpcDraft, origin: string, inputNotes: readonly string[] = []): string {
	const out: string[] = [comment(`Imported by cloudnotes import from ${origin} (${draft.source}).`)];
	if (draft.notes.length > 0) {
		out.push(comment(`Not represented in this block (${draft.notes.length}):`));
		for (const note of draft.notes) out.push(comment(`- ${note}`));
	}
	if (inputNotes.length > 0) {
		out.push(comment(`Not represented from the input as a whole (${inputNotes.length}):`));
		for (const note of inputNotes) out.push(comment(`- ${note}`));
	}
	out.push(`name: ${yamlText(draft.name)}`);
	out.push(...vpcFields(draft));
	return out.join('\n') + '\n';
}

/** What links the VPCs of one import (the AWS CLI's describe-vpc-peering-connections, describe-vpn-gateways, ...). */
export interface NetworkDraft {
	peerings: { name: string; vpcs: [string, string]; status: string }[];
	vpnGateways: { name: string; vpc: string; propagateTo: string[] }[];
	endpoints: { name: string; vpc: string; service: string; type: 'gateway' | 'interface'; routeTables: string[]; subnets: string[]; securityGroups: string[] }[];
	transitGateways: {
		name: string;
		attachments: { name: string; vpc?: string; vpn?: string; subnets: string[] }[];
		routeTables: { name: string; associations: string[]; propagations: string[]; routes: [string, string][] }[];
	}[];
	onPremises: { name: string; cidrs: string[]; ip: string | null }[];
	/** `staticRoutes` null: BGP. */
	vpnConnections: { name: string; customerGateway: string; vpnGateway?: string; transitGateway?: string; staticRoutes: string[] | null }[];
}

/** Several VPCs of one input as ONE `vpc` block with `vpcs:` (they can reach each other only in one block). */
export function toNetworkBlock(name: string, drafts: readonly VpcDraft[], links: NetworkDraft, origin: string, inputNotes: readonly string[] = []): string {
	const out: string[] = [comment(`Imported by cloudnotes import from ${origin} (${drafts.map((d) => d.source).join(', ')}).`)];
	const notes = drafts.flatMap((d) => d.notes.map((n) => `${d.name}: ${n}`));
	if (notes.length > 0) {
		out.push(comment(`Not represented in this block (${notes.length}):`));
		for (const note of notes) out.push(comment(`- ${note}`));
	}
	if (inputNotes.length > 0) {
		out.push(comment(`Not represented from the input as a whole (${inputNotes.length}):`));
		for (const note of inputNotes) out.push(comment(`- ${note}`));
	}
	out.push(`name: ${yamlText(name)}`, 'vpcs:');
	for (const d of drafts) {
		out.push(`  ${yamlText(d.name)}:`);
		for (const line of vpcFields(d)) out.push(`    ${line}`);
	}
	if (links.peerings.length) {
		out.push('peerings:');
		for (const p of links.peerings) out.push(`  ${yamlText(p.name)}: { vpcs: ${list(p.vpcs)}${p.status === 'active' ? '' : `, status: ${yamlText(p.status)}`} }`);
	}
	if (links.vpnGateways.length) {
		out.push('vpn-gateways:');
		for (const g of links.vpnGateways) out.push(`  ${yamlText(g.name)}: { vpc: ${yamlText(g.vpc)}${g.propagateTo.length ? `, propagate-to: ${list(g.propagateTo)}` : ''} }`);
	}
	if (links.endpoints.length) {
		out.push('endpoints:');
		for (const e of links.endpoints) {
			const fields = [`vpc: ${yamlText(e.vpc)}`, `service: ${yamlText(e.service)}`, `type: ${e.type}`];
			if (e.routeTables.length) fields.push(`route-tables: ${list(e.routeTables)}`);
			if (e.subnets.length) fields.push(`subnets: ${list(e.subnets)}`);
			if (e.securityGroups.length) fields.push(`security-groups: ${list(e.securityGroups)}`);
			out.push(`  ${yamlText(e.name)}: { ${fields.join(', ')} }`);
		}
	}
	if (links.transitGateways.length) {
		out.push('transit-gateways:');
		for (const g of links.transitGateways) {
			out.push(`  ${yamlText(g.name)}:`);
			if (g.attachments.length) out.push('    attachments:');
			for (const a of g.attachments) out.push(`      ${yamlText(a.name)}: { ${a.vpc ? `vpc: ${yamlText(a.vpc)}${a.subnets.length ? `, subnets: ${list(a.subnets)}` : ''}` : `vpn: ${yamlText(a.vpn ?? '')}`} }`);
			if (g.routeTables.length) out.push('    route-tables:');
			for (const t of g.routeTables) {
				const fields = [`associations: ${list(t.associations)}`, `propagations: ${list(t.propagations)}`];
				if (t.routes.length) fields.push(`routes: { ${t.routes.map(([d, x]) => `${d}: ${yamlText(x)}`).join(', ')} }`);
				out.push(`      ${yamlText(t.name)}: { ${fields.join(', ')} }`);
			}
		}
	}
	if (links.onPremises.length) {
		out.push('on-premises:');
		for (const o of links.onPremises) out.push(`  ${yamlText(o.name)}: { cidrs: ${list(o.cidrs)}${o.ip ? `, ip: ${o.ip}` : ''} }`);
	}
	if (links.vpnConnections.length) {
		out.push('vpn-connections:');
		for (const c of links.vpnConnections) {
			const end = c.vpnGateway ? `vpn-gateway: ${yamlText(c.vpnGateway)}` : `transit-gateway: ${yamlText(c.transitGateway ?? '')}`;
			out.push(`  ${yamlText(c.name)}: { customer-gateway: ${yamlText(c.customerGateway)}, ${end}, ${c.staticRoutes ? `static-routes: ${list(c.staticRoutes)}` : 'routing: bgp'} }`);
		}
	}
	return out.join('\n') + '\n';
}

/** A VPC's fields from `cidr:` on, unindented. */
function vpcFields(draft: VpcDraft): string[] {
	const out: string[] = [];
	out.push(`cidr: ${draft.cidr ?? '"" # not in the input: write the VPC\'s IPv4 CIDR here'}`);
	if (draft.region) out.push(`region: ${yamlText(draft.region)}`);
	if (draft.internetGateway) out.push(`internet-gateway: ${yamlText(draft.internetGateway)}`);
	if (draft.subnets.length) {
		out.push('subnets:');
		for (const s of draft.subnets) {
			const fields = [`cidr: ${s.cidr ?? '""'}`];
			if (s.zone) fields.push(`zone: ${yamlText(s.zone)}`);
			if (s.routeTable) fields.push(`route-table: ${yamlText(s.routeTable)}`);
			if (s.nacl) fields.push(`nacl: ${yamlText(s.nacl)}`);
			out.push(`  ${yamlText(s.name)}: { ${fields.join(', ')} }`);
		}
	}
	if (draft.routeTables.length) {
		out.push('route-tables:');
		for (const t of draft.routeTables) {
			if (t.routes.length === 0) {
				out.push(`  ${yamlText(t.name)}: {}`);
				continue;
			}
			out.push(`  ${yamlText(t.name)}:`);
			for (const [dest, target] of t.routes) out.push(`    ${dest}: ${yamlText(target)}`);
		}
	}
	if (draft.natGateways.length) {
		out.push('nat-gateways:');
		for (const n of draft.natGateways) out.push(`  ${yamlText(n.name)}: { subnet: ${n.subnet ? yamlText(n.subnet) : '""'} }`);
	}
	if (draft.instances.length) {
		out.push('instances:');
		for (const i of draft.instances) {
			const fields = [`subnet: ${i.subnet ? yamlText(i.subnet) : '""'}`];
			if (i.publicIp) fields.push('public-ip: true');
			if (i.securityGroups.length) fields.push(`security-groups: ${list(i.securityGroups)}`);
			if (i.type) fields.push(`type: ${yamlText(i.type)}`);
			if (i.role) fields.push(`role: ${yamlText(i.role)}`);
			if (i.privateIp) fields.push(`private-ip: ${i.privateIp}`);
			out.push(`  ${yamlText(i.name)}: { ${fields.join(', ')} }`);
		}
	}
	if (draft.loadBalancers.length) {
		out.push('load-balancers:');
		for (const lb of draft.loadBalancers) {
			const fields = [`subnets: ${list(lb.subnets)}`];
			if (lb.securityGroups.length) fields.push(`security-groups: ${list(lb.securityGroups)}`);
			if (lb.targets.length) fields.push(`targets: ${list(lb.targets)}`);
			if (lb.scheme === 'internal') fields.push('scheme: internal');
			if (lb.type === 'network') fields.push('type: network');
			if (lb.listeners.length) fields.push(`listeners: [${lb.listeners.join(', ')}]`);
			if (lb.targetPort !== null) fields.push(`target-port: ${lb.targetPort}`);
			out.push(`  ${yamlText(lb.name)}: { ${fields.join(', ')} }`);
		}
	}
	const rules = (key: string, items: readonly string[]): void => {
		if (items.length === 0) out.push(`    ${key}: []`);
		else {
			out.push(`    ${key}:`);
			for (const r of items) out.push(`      - ${yamlText(r)}`);
		}
	};
	if (draft.securityGroups.length) {
		out.push('security-groups:');
		for (const g of draft.securityGroups) {
			out.push(`  ${yamlText(g.name)}:`);
			rules('inbound', g.inbound);
			if (g.outbound) rules('outbound', g.outbound);
		}
	}
	if (draft.nacls.length) {
		out.push('nacls:');
		for (const n of draft.nacls) {
			out.push(`  ${yamlText(n.name)}:`);
			rules('inbound', n.inbound);
			rules('outbound', n.outbound);
		}
	}
	return out;
}
