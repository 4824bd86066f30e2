/**
 * YAML of a `vpc` block -> VpcModel. Shape problems (missing or unknown fields, bad CIDRs, bad
 * rules, repeated names) are reported here; meaning problems (dangling references, overlaps,
 * unreachable setups) are vpc-lint's.
 */

import type { YamlNode } from '../yaml/yaml-nodes';
import { parseCidr, type Cidr } from '../shared/cidr';
import type { Pos } from '../shared/diagnostic';
import { parseFlows } from '../shared/flow-model';
import type { Nacl, NaclRule } from './nacl';
import type { Route, RouteTable } from './route-table';
import { parsePeer, parseTraffic, splitNaclRule, splitSgRule, type Direction, type RuleParts } from './rule-text';
import type { SecurityGroup, SgRule } from './security-group';
import type { Entry, YamlSource } from '../yaml/yaml-source';
import { GATEWAY_SERVICES, PEERING_STATUSES, type PeeringStatus, type TgwAttachment, type TgwRouteTable, type TransitGateway } from './links';
import { emptyVpc, type Network, type Instance, type LoadBalancer, type NatGateway, type Ref, type Subnet, type VpcModel } from './model';

/** What joins VPCs: top-level sections in either form of the block. */
const LINK_SECTIONS = ['peerings', 'transit-gateways', 'endpoints', 'vpn-gateways', 'on-premises', 'vpn-connections'] as const;

const TOP_FIELDS = [
	// (one-VPC form; with `vpcs:` only name, region, flows, description and the links)
	'name',
	'cidr',
	'region',
	'internet-gateway',
	'subnets',
	'route-tables',
	'nat-gateways',
	'instances',
	'load-balancers',
	'security-groups',
	'nacls',
	'flows',
	'description',
	'vpcs',
	...LINK_SECTIONS,
] as const;

/** A VPC's own fields: the top of a one-VPC block, or one entry of `vpcs:`. */
const VPC_FIELDS = ['cidr', 'region', 'internet-gateway', 'subnets', 'route-tables', 'nat-gateways', 'instances', 'load-balancers', 'security-groups', 'nacls', 'description'] as const;

const KIND_LABEL: Record<string, string> = {
	vpc: 'the VPC',
	'internet-gateway': 'the internet gateway',
	subnets: 'a subnet',
	'route-tables': 'a route table',
	'nat-gateways': 'a NAT gateway',
	instances: 'an instance',
	'load-balancers': 'a load balancer',
	'security-groups': 'a security group',
	nacls: 'a NACL',
	vpcs: 'a VPC',
	peerings: 'a VPC peering',
	'transit-gateways': 'a transit gateway',
	'tgw-attachment': 'a transit gateway attachment',
	'tgw-route-table': 'a transit gateway route table',
	endpoints: 'a VPC endpoint',
	'vpn-gateways': 'a virtual private gateway',
	'on-premises': 'an on-premises site',
	'vpn-connections': 'a VPN connection',
};

/** One namespace per block: a trace or a diagram node is addressed by name alone. */
class Namespace {
	private readonly names = new Map<string, { kind: string; pos: Pos }>();
	constructor(private readonly src: YamlSource) {}

	claim(name: string, kind: string, pos: Pos): boolean {
		if (name === 'internet') {
			this.src.report(pos, 'reserved-name', '`internet` is reserved for everything outside the VPC; pick another name');
			return false;
		}
		if (name === '') {
			this.src.report(pos, 'missing-field', 'this name is empty');
			return false;
		}
		const taken = this.names.get(name);
		if (taken) {
			this.src.report(pos, 'duplicate-name', `\`${name}\` is already ${KIND_LABEL[taken.kind] ?? taken.kind} (line ${taken.pos.line}); names are shared across the block`);
			return false;
		}
		this.names.set(name, { kind, pos });
		return true;
	}
}

export function parseVpc(src: YamlSource): VpcModel {
	const start = src.start;
	const model = emptyVpc(start);
	const root = src.root;
	if (!root || src.isNull(root)) {
		src.report(start, 'missing-field', 'this vpc block is empty: start with `name:` and `cidr:`');
		return model;
	}
	if (!src.isMap(root)) {
		src.report(src.posOf(root), 'invalid-value', 'a vpc block is a YAML mapping starting with `name:` and `cidr:`');
		return model;
	}
	const names = new Namespace(src);
	const top = src.fields(root, 'vpc', TOP_FIELDS);
	const vpcsEntry = top.get('vpcs');
	if (!vpcsEntry) {
		readVpc(src, model, top, names, start, true);
	} else {
		// Several VPCs: the block's name is the network's; each VPC's fields sit under its name.
		for (const key of VPC_FIELDS) {
			const misplaced = top.get(key);
			if (key !== 'region' && key !== 'description' && misplaced) src.report(misplaced.keyPos, 'unknown-field', `with \`vpcs:\`, \`${key}\` belongs to each VPC: move it under the VPC it describes`);
		}
		const name = top.get('name');
		const networkName = name ? (src.text(name.value)?.trim() ?? '') : '';
		if (networkName) model.network.name = networkName;
		const region = top.get('region');
		const defaultRegion = region ? src.text(region.value) : null;
		let first = true;
		if (src.expectMap(vpcsEntry, '`vpcs`')) {
			for (const item of src.entries(vpcsEntry.value, '`vpcs`')) {
				if (!names.claim(item.key, 'vpcs', item.keyPos)) continue;
				if (!src.isMap(item.value)) {
					src.report(item.valuePos, 'invalid-value', `\`${item.key}\`: a VPC's settings go in a mapping, e.g. \`{ cidr: 10.1.0.0/16, subnets: ... }\``);
					continue;
				}
				const vpc = first ? model : emptyVpc(item.keyPos, model.network);
				first = false;
				vpc.name = item.key;
				vpc.pos = item.keyPos;
				vpc.region = defaultRegion;
				readVpc(src, vpc, src.fields(item.value, 'VPC', VPC_FIELDS), names, item.keyPos, false);
			}
		}
		if (first) src.report(vpcsEntry.keyPos, 'missing-field', '`vpcs` lists the VPCs by name, e.g. `vpcs: { app: { cidr: 10.1.0.0/16 } }`');
	}
	readLinks(src, model.network, top, names);

	const flows = top.get('flows');
	if (flows) model.flows = parseFlows(src, flows);
	return model;
}

/** One named section of the block (`subnets:`, `peerings:`, ...): each entry's name claimed and its settings a mapping, then `read`. */
function readSection(src: YamlSource, top: Map<string, Entry>, names: Namespace, key: string, read: (name: string, entry: Entry) => void): void {
	const entry = top.get(key);
	if (!entry || !src.expectMap(entry, `\`${key}\``)) return;
	for (const item of src.entries(entry.value, `\`${key}\``)) {
		if (!names.claim(item.key, key, item.keyPos)) continue;
		if (!src.isNull(item.value) && !src.isMap(item.value)) {
			src.report(item.valuePos, 'invalid-value', `\`${item.key}\`: settings go in a mapping, e.g. \`{ ${exampleFor(key)} }\``);
			continue;
		}
		read(item.key, item);
	}
}

function readVpc(src: YamlSource, model: VpcModel, top: Map<string, Entry>, names: Namespace, start: Pos, named: boolean): void {

	const name = named ? src.requireText(top, 'name', 'the vpc', start) : null;
	// A refused name (`internet`) is not kept: it would be the internet's node in the diagram and trace.
	if (name && names.claim(name.value, 'vpc', name.pos)) {
		model.name = name.value;
		model.pos = name.pos;
	}
	const cidr = src.requireText(top, 'cidr', named ? 'the vpc' : `VPC \`${model.name}\``, start);
	if (cidr) {
		model.cidrPos = cidr.pos;
		const parsed = parseCidr(cidr.value);
		if (!parsed.ok) src.report(cidr.pos, 'invalid-cidr', parsed.message);
		else if (parsed.cidr.prefix < 16 || parsed.cidr.prefix > 28) {
			src.report(cidr.pos, 'invalid-cidr', `a VPC's CIDR must be between /16 and /28, not /${parsed.cidr.prefix}`);
			model.cidr = parsed.cidr;
		} else model.cidr = parsed.cidr;
	}
	const region = top.get('region');
	if (region) model.region = src.text(region.value);
	const igw = top.get('internet-gateway');
	if (igw) {
		const igwName = src.text(igw.value)?.trim() ?? '';
		if (igwName === '') src.report(igw.valuePos, 'invalid-value', '`internet-gateway` is the gateway\'s name, e.g. `internet-gateway: igw`');
		else if (names.claim(igwName, 'internet-gateway', igw.valuePos)) model.internetGateway = { name: igwName, pos: igw.valuePos };
	}

	const section = (key: string, read: (name: string, entry: Entry) => void): void => readSection(src, top, names, key, read);

	section('subnets', (subnetName, item) => {
		const f = src.fields(item.value, 'subnet', ['cidr', 'zone', 'route-table', 'nacl', 'description']);
		const subnet: Subnet = {
			name: subnetName,
			pos: item.keyPos,
			cidr: null,
			cidrPos: item.keyPos,
			zone: optionalText(src, f, 'zone'),
			routeTable: ref(src, f, 'route-table'),
			nacl: ref(src, f, 'nacl'),
		};
		const c = src.requireText(f, 'cidr', `subnet \`${subnetName}\``, item.keyPos);
		if (c) {
			subnet.cidrPos = c.pos;
			subnet.cidr = cidrOrReport(src, c.value, c.pos);
		}
		model.subnets.set(subnetName, subnet);
	});

	section('route-tables', (tableName, item) => {
		const table: RouteTable = { name: tableName, pos: item.keyPos, routes: [] };
		for (const route of src.entries(item.value, `route table \`${tableName}\``)) {
			const destination = cidrOrReport(src, route.key, route.keyPos);
			const target = src.text(route.value)?.trim() ?? '';
			if (target === '') {
				src.report(route.valuePos, 'missing-field', `route ${route.key} needs a target: the internet gateway, a NAT gateway or \`local\``);
				continue;
			}
			if (destination) table.routes.push({ destination, target, pos: route.valuePos } satisfies Route);
		}
		model.routeTables.set(tableName, table);
	});

	section('nat-gateways', (natName, item) => {
		const f = src.fields(item.value, 'NAT gateway', ['subnet', 'description']);
		const nat: NatGateway = { name: natName, pos: item.keyPos, subnet: ref(src, f, 'subnet') };
		if (!nat.subnet) src.report(item.keyPos, 'missing-field', `NAT gateway \`${natName}\` needs \`subnet\`: the public subnet it sits in`);
		model.natGateways.set(natName, nat);
	});

	section('instances', (instanceName, item) => {
		const f = src.fields(item.value, 'instance', ['subnet', 'public-ip', 'security-groups', 'role', 'private-ip', 'type', 'description']);
		const instance: Instance = {
			name: instanceName,
			pos: item.keyPos,
			subnet: ref(src, f, 'subnet'),
			publicIp: flag(src, f, 'public-ip'),
			publicIpPos: f.get('public-ip')?.valuePos ?? item.keyPos,
			securityGroups: refs(src, f, 'security-groups'),
			role: optionalText(src, f, 'role'),
			instanceType: optionalText(src, f, 'type'),
			privateIp: null,
		};
		if (!instance.subnet) src.report(item.keyPos, 'missing-field', `instance \`${instanceName}\` needs \`subnet\``);
		const ip = f.get('private-ip');
		if (ip) {
			const parsed = parseCidr(src.text(ip.value) ?? '', { allowBareAddress: true });
			if (!parsed.ok) src.report(ip.valuePos, 'invalid-cidr', parsed.message);
			else instance.privateIp = parsed.cidr;
		}
		model.instances.set(instanceName, instance);
	});

	section('load-balancers', (lbName, item) => {
		const f = src.fields(item.value, 'load balancer', ['subnets', 'security-groups', 'targets', 'scheme', 'type', 'listeners', 'target-port', 'description']);
		const lb: LoadBalancer = {
			name: lbName,
			pos: item.keyPos,
			subnets: refs(src, f, 'subnets'),
			securityGroups: refs(src, f, 'security-groups'),
			targets: refs(src, f, 'targets'),
			scheme: 'internet-facing',
			type: 'application',
			listeners: null,
			targetPort: null,
		};
		if (lb.subnets.length === 0) src.report(item.keyPos, 'missing-field', `load balancer \`${lbName}\` needs \`subnets\`: one per zone it serves`);
		const scheme = f.get('scheme');
		if (scheme) {
			const value = src.text(scheme.value);
			if (value === 'internal' || value === 'internet-facing') lb.scheme = value;
			else src.report(scheme.valuePos, 'invalid-value', '`scheme` is `internet-facing` or `internal`');
		}
		const type = f.get('type');
		if (type) {
			const value = src.text(type.value);
			if (value === 'application' || value === 'alb') lb.type = 'application';
			else if (value === 'network' || value === 'nlb') lb.type = 'network';
			else src.report(type.valuePos, 'invalid-value', '`type` is `application` or `network`');
		}
		const listeners = f.get('listeners');
		if (listeners) {
			lb.listeners = [];
			for (const node of src.items(listeners.value)) {
				const port = portNumber(src, node);
				if (port !== null) lb.listeners.push(port);
			}
		}
		const targetPort = f.get('target-port');
		if (targetPort) lb.targetPort = portNumber(src, targetPort.value);
		model.loadBalancers.set(lbName, lb);
	});

	section('security-groups', (groupName, item) => {
		const f = src.fields(item.value, 'security group', ['inbound', 'outbound', 'description']);
		const group: SecurityGroup = {
			name: groupName,
			pos: item.keyPos,
			inbound: sgRules(src, f.get('inbound'), 'inbound'),
			outbound: sgRules(src, f.get('outbound'), 'outbound'),
			outboundDeclared: f.has('outbound'),
		};
		model.securityGroups.set(groupName, group);
	});

	section('nacls', (naclName, item) => {
		const f = src.fields(item.value, 'NACL', ['inbound', 'outbound', 'description']);
		const nacl: Nacl = {
			name: naclName,
			pos: item.keyPos,
			inbound: naclRules(src, f.get('inbound'), 'inbound'),
			outbound: naclRules(src, f.get('outbound'), 'outbound'),
		};
		model.nacls.set(naclName, nacl);
	});

}

/** The links between VPCs (and to on-premises), read into the network every VPC of the block shares. */
function readLinks(src: YamlSource, network: Network, top: Map<string, Entry>, names: Namespace): void {
	// In a one-VPC block `vpc:` may be left out: it is that VPC.
	const only = network.vpcs.length === 1 ? network.vpcs[0].name : null;
	const vpcRef = (f: Map<string, Entry>, pos: Pos): ReturnType<typeof ref> => ref(src, f, 'vpc') ?? (only ? { name: only, pos } : null);
	const section = (key: (typeof LINK_SECTIONS)[number], read: (name: string, item: Entry, f: (known: readonly string[], what: string) => Map<string, Entry>) => void): void =>
		readSection(src, top, names, key, (name, item) => read(name, item, (known, what) => src.fields(item.value, what, [...known, 'description'])));

	section('peerings', (name, item, fields) => {
		const f = fields(['vpcs', 'status'], 'peering');
		const ends = refs(src, f, 'vpcs');
		if (ends.length !== 2) {
			src.report(f.get('vpcs')?.valuePos ?? item.keyPos, 'missing-field', `peering \`${name}\` joins two VPCs: \`vpcs: [requester, accepter]\``);
			return;
		}
		const status = f.get('status');
		let value: PeeringStatus = 'active';
		if (status) {
			const text = src.text(status.value)?.trim() ?? '';
			if ((PEERING_STATUSES as readonly string[]).includes(text)) value = text as PeeringStatus;
			else src.report(status.valuePos, 'invalid-value', `\`status\` is one of ${PEERING_STATUSES.join(', ')}`);
		}
		network.peerings.set(name, { name, pos: item.keyPos, vpcs: [ends[0], ends[1]], status: value, statusPos: status?.valuePos ?? item.keyPos });
	});

	section('transit-gateways', (name, item, fields) => {
		const f = fields(['attachments', 'route-tables'], 'transit gateway');
		const tgw: TransitGateway = { name, pos: item.keyPos, attachments: new Map(), routeTables: new Map() };
		const attachments = f.get('attachments');
		if (attachments && src.expectMap(attachments, '`attachments`')) {
			for (const a of src.entries(attachments.value, '`attachments`')) {
				if (!names.claim(a.key, 'tgw-attachment', a.keyPos)) continue;
				const af = src.fields(a.value, 'attachment', ['vpc', 'vpn', 'subnets', 'description']);
				const attachment: TgwAttachment = { name: a.key, pos: a.keyPos, vpc: ref(src, af, 'vpc'), vpn: ref(src, af, 'vpn'), subnets: refs(src, af, 'subnets') };
				if (!attachment.vpc === !attachment.vpn) src.report(a.keyPos, 'missing-field', `attachment \`${a.key}\` names either \`vpc:\` (with \`subnets:\`) or \`vpn:\``);
				tgw.attachments.set(a.key, attachment);
			}
		}
		const tables = f.get('route-tables');
		if (tables && src.expectMap(tables, '`route-tables`')) {
			for (const t of src.entries(tables.value, '`route-tables`')) {
				if (!names.claim(t.key, 'tgw-route-table', t.keyPos)) continue;
				const tf = src.fields(t.value, 'transit gateway route table', ['associations', 'propagations', 'routes', 'description']);
				const table: TgwRouteTable = { name: t.key, pos: t.keyPos, associations: refs(src, tf, 'associations'), propagations: refs(src, tf, 'propagations'), routes: [] };
				const routes = tf.get('routes');
				if (routes && src.expectMap(routes, '`routes`')) {
					for (const r of src.entries(routes.value, '`routes`')) {
						const destination = cidrOrReport(src, r.key, r.keyPos);
						const target = src.text(r.value)?.trim() ?? '';
						if (target === '') src.report(r.valuePos, 'missing-field', `route ${r.key} needs a target: an attachment or \`blackhole\``);
						else if (destination) table.routes.push({ destination, target, pos: r.valuePos });
					}
				}
				tgw.routeTables.set(t.key, table);
			}
		}
		network.transitGateways.set(name, tgw);
	});

	section('endpoints', (name, item, fields) => {
		const f = fields(['vpc', 'service', 'type', 'route-tables', 'subnets', 'security-groups', 'policy'], 'endpoint');
		const service = src.requireText(f, 'service', `endpoint \`${name}\``, item.keyPos);
		const short = (service?.value ?? '').replace(/^com\.amazonaws\.[a-z0-9-]+\./, '');
		const typeEntry = f.get('type');
		const typeText = typeEntry ? (src.text(typeEntry.value)?.trim() ?? '') : (GATEWAY_SERVICES as readonly string[]).includes(short) && !f.has('subnets') ? 'gateway' : 'interface';
		if (typeText !== 'gateway' && typeText !== 'interface') src.report(typeEntry?.valuePos ?? item.keyPos, 'invalid-value', '`type` is `gateway` (S3, DynamoDB) or `interface`');
		const type = typeText === 'gateway' ? 'gateway' : 'interface';
		if (type === 'gateway' && service && !(GATEWAY_SERVICES as readonly string[]).includes(short)) {
			src.report(service.pos, 'invalid-value', `gateway endpoints serve ${GATEWAY_SERVICES.join(' and ')}; \`${short}\` takes an interface endpoint (\`subnets:\`)`);
		}
		const policy = f.get('policy');
		network.endpoints.set(name, {
			name,
			pos: item.keyPos,
			vpc: vpcRef(f, item.keyPos),
			service: short,
			type,
			routeTables: refs(src, f, 'route-tables'),
			subnets: refs(src, f, 'subnets'),
			securityGroups: refs(src, f, 'security-groups'),
			policy: !!policy && !src.isNull(policy.value),
		});
	});

	section('vpn-gateways', (name, item, fields) => {
		const f = fields(['vpc', 'propagate-to'], 'VPN gateway');
		network.vpnGateways.set(name, { name, pos: item.keyPos, vpc: vpcRef(f, item.keyPos), propagates: refs(src, f, 'propagate-to') });
	});

	section('on-premises', (name, item, fields) => {
		const f = fields(['cidrs', 'ip'], 'on-premises site');
		const cidrs: Cidr[] = [];
		const entry = f.get('cidrs');
		for (const node of entry ? src.items(entry.value) : []) {
			const c = cidrOrReport(src, src.text(node)?.trim() ?? '', src.posOf(node, entry?.valuePos));
			if (c) cidrs.push(c);
		}
		if (cidrs.length === 0) src.report(item.keyPos, 'missing-field', `on-premises site \`${name}\` needs \`cidrs:\`, the ranges behind its customer gateway`);
		network.onPremises.set(name, { name, pos: item.keyPos, cidrs, ip: optionalText(src, f, 'ip') });
	});

	section('vpn-connections', (name, item, fields) => {
		const f = fields(['customer-gateway', 'vpn-gateway', 'transit-gateway', 'routing', 'static-routes'], 'VPN connection');
		const routing = optionalText(src, f, 'routing') ?? (f.has('static-routes') ? 'static' : 'bgp');
		if (routing !== 'static' && routing !== 'bgp') src.report(f.get('routing')?.valuePos ?? item.keyPos, 'invalid-value', '`routing` is `static` or `bgp`');
		const routes: Cidr[] = [];
		const entry = f.get('static-routes');
		for (const node of entry ? src.items(entry.value) : []) {
			const c = cidrOrReport(src, src.text(node)?.trim() ?? '', src.posOf(node, entry?.valuePos));
			if (c) routes.push(c);
		}
		const vpn = {
			name,
			pos: item.keyPos,
			customerGateway: ref(src, f, 'customer-gateway'),
			vpnGateway: ref(src, f, 'vpn-gateway'),
			transitGateway: ref(src, f, 'transit-gateway'),
			staticRoutes: routing === 'static' ? routes : null,
		};
		if (!vpn.customerGateway) src.report(item.keyPos, 'missing-field', `VPN connection \`${name}\` needs \`customer-gateway:\`, an on-premises site`);
		if (!vpn.vpnGateway && !vpn.transitGateway) src.report(item.keyPos, 'missing-field', `VPN connection \`${name}\` ends on a \`vpn-gateway:\` or a \`transit-gateway:\``);
		network.vpnConnections.set(name, vpn);
	});
}

function exampleFor(section: string): string {
	switch (section) {
		case 'subnets':
			return 'cidr: 10.0.1.0/24, zone: ap-northeast-2a';
		case 'instances':
			return 'subnet: public-a, security-groups: [web-sg]';
		case 'nat-gateways':
			return 'subnet: public-a';
		case 'load-balancers':
			return 'subnets: [public-a, public-c], targets: [web]';
		case 'route-tables':
			return '0.0.0.0/0: igw';
		case 'peerings':
			return 'vpcs: [app, shared]';
		case 'transit-gateways':
			return 'attachments: { app-att: { vpc: app, subnets: [app-a] } }';
		case 'endpoints':
			return 'service: s3, route-tables: [private-rt]';
		case 'vpn-gateways':
			return 'vpc: app, propagate-to: [private-rt]';
		case 'on-premises':
			return 'cidrs: [192.168.0.0/16]';
		case 'vpn-connections':
			return 'customer-gateway: office, vpn-gateway: vgw';
		default:
			return 'inbound: ["tcp 443 from 0.0.0.0/0"]';
	}
}

function cidrOrReport(src: YamlSource, text: string, pos: Pos): Cidr | null {
	const parsed = parseCidr(text);
	if (parsed.ok) return parsed.cidr;
	src.report(pos, 'invalid-cidr', parsed.message);
	return null;
}

function optionalText(src: YamlSource, f: Map<string, Entry>, key: string): string | null {
	const entry = f.get(key);
	if (!entry) return null;
	const value = src.text(entry.value)?.trim() ?? '';
	if (value === '') {
		src.report(entry.valuePos, 'invalid-value', `\`${key}\` should be a single value`);
		return null;
	}
	return value;
}

function ref(src: YamlSource, f: Map<string, Entry>, key: string): Ref | null {
	const entry = f.get(key);
	if (!entry) return null;
	const value = src.text(entry.value)?.trim() ?? '';
	if (value === '') {
		src.report(entry.valuePos, 'invalid-value', `\`${key}\` names one resource`);
		return null;
	}
	return { name: value, pos: entry.valuePos };
}

function refs(src: YamlSource, f: Map<string, Entry>, key: string): Ref[] {
	const entry = f.get(key);
	if (!entry) return [];
	const result: Ref[] = [];
	for (const node of src.items(entry.value)) {
		const value = src.text(node)?.trim() ?? '';
		if (value === '') src.report(src.posOf(node, entry.valuePos), 'invalid-value', `\`${key}\` is a list of names`);
		else result.push({ name: value, pos: src.posOf(node, entry.valuePos) });
	}
	return result;
}

function flag(src: YamlSource, f: Map<string, Entry>, key: string): boolean {
	const entry = f.get(key);
	if (!entry) return false;
	const value = src.bool(entry.value);
	if (value === null) {
		src.report(entry.valuePos, 'invalid-value', `\`${key}\` is \`true\` or \`false\``);
		return false;
	}
	return value;
}

function portNumber(src: YamlSource, node: YamlNode | null): number | null {
	const text = src.text(node)?.trim() ?? '';
	if (/^[0-9]{1,5}$/.test(text) && Number(text) >= 1 && Number(text) <= 65535) return Number(text);
	src.report(src.posOf(node), 'invalid-value', `\`${text}\` is not a port (1-65535)`);
	return null;
}

/** A rule written as a map (`{ proto: tcp, ports: 22, from: 10.0.0.0/16 }`) turned into parts. */
function partsFromMap(src: YamlSource, node: YamlNode, direction: Direction, nacl: boolean): RuleParts | null {
	const word = direction === 'inbound' ? 'from' : 'to';
	const known = nacl ? ['rule', 'action', 'proto', 'ports', word] : ['proto', 'ports', word, 'description'];
	const f = src.fields(node, `${nacl ? 'NACL' : 'security group'} ${direction} rule`, known);
	const pos = src.posOf(node);
	const peer = src.requireText(f, word, `this ${direction} rule`, pos);
	const proto = src.text(f.get('proto')?.value ?? null) ?? 'all';
	const portsNode = f.get('ports')?.value ?? null;
	const ports = src.isSeq(portsNode)
		? src.items(portsNode).map((n) => src.text(n) ?? '').join(',')
		: (src.text(portsNode) ?? undefined);
	if (!peer) return null;
	const parts: RuleParts = { proto, word, peer: peer.value };
	if (ports !== undefined) parts.ports = ports;
	if (nacl) {
		const number = src.requireText(f, 'rule', `this NACL ${direction} rule`, pos);
		const action = src.requireText(f, 'action', `this NACL ${direction} rule`, pos);
		if (!number || !action) return null;
		parts.number = number.value;
		parts.action = action.value;
	}
	return parts;
}

function ruleItems(src: YamlSource, entry: Entry | undefined, what: string): YamlNode[] {
	if (!entry) return [];
	if (!src.isNull(entry.value) && !src.isSeq(entry.value)) {
		src.report(entry.valuePos, 'invalid-value', `${what} is a list of rules, e.g. ["tcp 443 from 0.0.0.0/0"]`);
		return [];
	}
	return src.items(entry.value);
}

function sgRules(src: YamlSource, entry: Entry | undefined, direction: Direction): SgRule[] {
	const rules: SgRule[] = [];
	for (const node of ruleItems(src, entry, `\`${direction}\``)) {
		const pos = src.posOf(node);
		const text = src.text(node);
		const parts = src.isMap(node) ? partsFromMap(src, node, direction, false) : text === null ? null : splitSgRule(text);
		if (!parts) {
			if (!src.isMap(node)) {
				const word = direction === 'inbound' ? 'from' : 'to';
				src.report(pos, 'invalid-rule', `write a security group rule as "<proto> <ports> ${word} <cidr|group>", e.g. "tcp 443 ${word} 0.0.0.0/0"`);
			}
			continue;
		}
		const traffic = parseTraffic(parts, direction);
		if (!traffic.ok) {
			src.report(pos, traffic.code, traffic.message);
			continue;
		}
		const peer = parsePeer(parts.peer, true);
		if (!peer.ok) {
			src.report(pos, peer.code, peer.message);
			continue;
		}
		rules.push({ ...traffic.value, peer: peer.value, text: text ?? describeParts(parts), pos });
	}
	return rules;
}

function naclRules(src: YamlSource, entry: Entry | undefined, direction: Direction): NaclRule[] {
	const rules: NaclRule[] = [];
	for (const node of ruleItems(src, entry, `\`${direction}\``)) {
		const pos = src.posOf(node);
		const text = src.text(node);
		const parts = src.isMap(node) ? partsFromMap(src, node, direction, true) : text === null ? null : splitNaclRule(text);
		if (!parts) {
			if (!src.isMap(node)) {
				const word = direction === 'inbound' ? 'from' : 'to';
				src.report(pos, 'invalid-rule', `write a NACL rule as "<number> <allow|deny> <proto> <ports> ${word} <cidr>", e.g. "100 allow tcp 443 ${word} 0.0.0.0/0"`);
			}
			continue;
		}
		const number = Number(parts.number);
		if (!/^[0-9]+$/.test(parts.number ?? '') || number < 1 || number > 32766) {
			src.report(pos, 'invalid-rule', `NACL rule numbers run from 1 to 32766, not \`${parts.number ?? ''}\``);
			continue;
		}
		const action = (parts.action ?? '').toLowerCase();
		if (action !== 'allow' && action !== 'deny') {
			src.report(pos, 'invalid-rule', `a NACL rule's action is \`allow\` or \`deny\`, not \`${parts.action ?? ''}\``);
			continue;
		}
		const traffic = parseTraffic(parts, direction);
		if (!traffic.ok) {
			src.report(pos, traffic.code, traffic.message);
			continue;
		}
		const peer = parsePeer(parts.peer, false);
		if (!peer.ok || peer.value.kind !== 'cidr') {
			src.report(pos, 'invalid-cidr', peer.ok ? 'NACL rules take CIDRs' : peer.message);
			continue;
		}
		rules.push({ number, action, ...traffic.value, cidr: peer.value.cidr, text: text ?? describeParts(parts), pos });
	}
	// Stable sort: equal numbers (reported by lint) keep their written order.
	return rules.sort((a, b) => a.number - b.number);
}

function describeParts(parts: RuleParts): string {
	return [parts.number, parts.action, parts.proto, parts.ports, parts.word, parts.peer].filter((p) => p !== undefined && p !== '').join(' ');
}
