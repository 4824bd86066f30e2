/**
 * `terraform show -json` (a state, or a plan) -> one draft per VPC.
 *
 * In a state every resource has its values, ids included, so `vpc_id = "vpc-0a1b"` finds the VPC
 * by id. In a plan, ids are not known yet (they are absent from `planned_values`): references are
 * read from the plan's `configuration` instead (`aws_vpc.main.id`), so a plan links the same way.
 * Child modules are walked; resources outside the types read here become notes.
 */

import { awsPorts, awsProto, naclRuleLine, sgRuleLine } from '../topology/cloudformation/aws-rules';
import { emptyDraft, Names, type VpcDraft } from './draft';
import type { ImportResult } from './aws-cli';

type Json = Record<string, unknown>;

interface TfResource {
	address: string;
	type: string;
	/** The address without its index (`aws_subnet.public`), as configuration references name it. */
	base: string;
	label: string;
	values: Json;
	/** Attribute -> addresses it refers to (plans: from the configuration's expressions). */
	refs: Map<string, string[]>;
}

const READ = new Set([
	'aws_vpc',
	'aws_subnet',
	'aws_internet_gateway',
	'aws_internet_gateway_attachment',
	'aws_nat_gateway',
	'aws_eip',
	'aws_route_table',
	'aws_route',
	'aws_route_table_association',
	'aws_main_route_table_association',
	'aws_default_route_table',
	'aws_security_group',
	'aws_default_security_group',
	'aws_security_group_rule',
	'aws_vpc_security_group_ingress_rule',
	'aws_vpc_security_group_egress_rule',
	'aws_network_acl',
	'aws_default_network_acl',
	'aws_network_acl_rule',
	'aws_network_acl_association',
	'aws_instance',
	'aws_lb',
	'aws_alb',
	'aws_lb_target_group',
	'aws_alb_target_group',
	'aws_lb_target_group_attachment',
	'aws_alb_target_group_attachment',
	'aws_lb_listener',
	'aws_alb_listener',
	'aws_db_instance',
	'aws_db_subnet_group',
]);

function arr(value: unknown): Json[] {
	return Array.isArray(value) ? value.filter((v): v is Json => !!v && typeof v === 'object') : [];
}

function str(value: unknown): string | null {
	return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null;
}

function strs(value: unknown): string[] {
	return Array.isArray(value) ? value.map(str).filter((s): s is string => s !== null) : str(value) ? [str(value) as string] : [];
}

/** Whether a document is `terraform show -json` output, or a raw state file (`terraform.tfstate`, version 4). */
export function isTerraformJson(doc: Json): boolean {
	if (typeof doc.format_version === 'string' && ('values' in doc || 'planned_values' in doc || 'terraform_version' in doc)) return true;
	return isRawState(doc);
}

function isRawState(doc: Json): boolean {
	return typeof doc.version === 'number' && typeof doc.terraform_version === 'string' && Array.isArray(doc.resources);
}

/** A raw state's resources (with `instances`) in the shape `terraform show -json` gives them. */
function fromRawState(doc: Json): Json {
	const resources: Json[] = [];
	for (const r of arr(doc.resources)) {
		const prefix = str(r.module) ? `${str(r.module)}.` : '';
		for (const instance of arr(r.instances)) {
			const key = instance.index_key;
			const index = typeof key === 'number' ? `[${key}]` : typeof key === 'string' ? `[${JSON.stringify(key)}]` : '';
			resources.push({ address: `${prefix}${str(r.type) ?? ''}.${str(r.name) ?? ''}${index}`, mode: r.mode, type: r.type, name: r.name, index: key, values: instance.attributes ?? {} });
		}
	}
	return { format_version: '1.0', values: { root_module: { resources } } };
}

function collect(module: Json | undefined, out: Json[]): void {
	if (!module) return;
	out.push(...arr(module.resources));
	for (const child of arr(module.child_modules)) collect(child, out);
}

/** Configuration resources by address, with their expressions' references (module paths prefixed). */
function configRefs(module: Json | undefined, prefix: string, out: Map<string, Map<string, string[]>>): void {
	if (!module) return;
	for (const r of arr(module.resources)) {
		const refs = new Map<string, string[]>();
		const walk = (expr: unknown, attr: string): void => {
			if (!expr || typeof expr !== 'object') return;
			if (Array.isArray(expr)) {
				for (const e of expr) walk(e, attr);
				return;
			}
			const e = expr as Json;
			if (Array.isArray(e.references)) refs.set(attr, [...(refs.get(attr) ?? []), ...strs(e.references).map((x) => prefix + x)]);
			for (const [k, v] of Object.entries(e)) if (k !== 'references' && k !== 'constant_value') walk(v, attr === '' ? k : `${attr}.${k}`);
		};
		for (const [k, v] of Object.entries((r.expressions ?? {}) as Json)) walk(v, k);
		out.set(prefix + (str(r.address) ?? ''), refs);
	}
	for (const [name, call] of Object.entries((module.module_calls ?? {}) as Json)) {
		configRefs(((call as Json).module ?? undefined) as Json | undefined, `${prefix}module.${name}.`, out);
	}
}

export function importTerraform(input: Json): ImportResult {
	const doc = isRawState(input) ? fromRawState(input) : input;
	const notes: string[] = [];
	const plan = 'planned_values' in doc;
	const raw: Json[] = [];
	collect(((plan ? doc.planned_values : doc.values) as Json | undefined)?.root_module as Json | undefined, raw);
	const config = new Map<string, Map<string, string[]>>();
	configRefs(((doc.configuration ?? {}) as Json).root_module as Json | undefined, '', config);

	const resources: TfResource[] = [];
	const skipped = new Map<string, number>();
	for (const r of raw) {
		if (r.mode === 'data') continue;
		const type = str(r.type) ?? '';
		const address = str(r.address) ?? '';
		if (!READ.has(type)) {
			skipped.set(type, (skipped.get(type) ?? 0) + 1);
			continue;
		}
		const base = address.replace(/\[[^\]]*\]$/, '').replace(/\[[^\]]*\]\./g, '.');
		const index = typeof r.index === 'number' || typeof r.index === 'string' ? `-${r.index}` : '';
		resources.push({ address, type, base, label: `${str(r.name) ?? type}${index}`, values: (r.values ?? {}) as Json, refs: config.get(base) ?? new Map<string, string[]>() });
	}
	for (const [type, n] of skipped) notes.push(`${n} ${type} resource${n === 1 ? '' : 's'} not represented (a vpc block has no place for them)`);

	const byId = new Map<string, TfResource>();
	const byAddress = new Map<string, TfResource[]>();
	for (const r of resources) {
		for (const key of ['id', 'arn', 'name']) {
			const v = str(r.values[key]);
			if (v && (key !== 'name' || r.type === 'aws_db_subnet_group')) byId.set(v, r);
		}
		for (const a of [r.address, r.base]) byAddress.set(a, [...(byAddress.get(a) ?? []), r]);
	}
	/** What an attribute points at: by id in a state, by configuration reference in a plan. */
	const targets = (r: TfResource, attr: string): TfResource[] => {
		const found: TfResource[] = [];
		for (const id of strs(r.values[attr])) {
			const t = byId.get(id);
			if (t) found.push(t);
		}
		if (found.length) return found;
		for (const ref of r.refs.get(attr) ?? []) {
			const address = ref.replace(/\.(id|arn|name)$/, '');
			const hit = byAddress.get(address);
			if (hit && !found.some((f) => hit.includes(f))) found.push(...hit.filter((h) => address.endsWith(']') || h.base === address));
		}
		return found.filter((f, i) => found.indexOf(f) === i);
	};
	const target = (r: TfResource, attr: string): TfResource | null => targets(r, attr)[0] ?? null;
	const ofType = (...types: string[]): TfResource[] => resources.filter((r) => types.includes(r.type));

	const vpcs = ofType('aws_vpc');
	const vpcOf = new Map<TfResource, TfResource | null>();
	const vpcOfResource = (r: TfResource): TfResource | null => {
		if (vpcOf.has(r)) return vpcOf.get(r) ?? null;
		vpcOf.set(r, null);
		let v: TfResource | null = null;
		if (r.type === 'aws_vpc') v = r;
		else {
			const direct = target(r, 'vpc_id');
			if (direct?.type === 'aws_vpc') v = direct;
			else {
				for (const attr of ['subnet_id', 'subnet_ids', 'subnets', 'route_table_id', 'security_group_id', 'network_acl_id', 'vpc_security_group_ids', 'db_subnet_group_name', 'load_balancer_arn', 'target_group_arn']) {
					const t = target(r, attr);
					if (t && t !== r) {
						v = vpcOfResource(t);
						if (v) break;
					}
				}
			}
		}
		vpcOf.set(r, v);
		return v;
	};
	if (vpcs.length === 0 && resources.length > 0) notes.push('no aws_vpc in the input: its resources go into a VPC it does not declare; nothing is drawn without one');

	const drafts: VpcDraft[] = [];
	for (const vpc of vpcs) {
		const names = new Names();
		const nameOf = (r: TfResource, reserved?: 'main' | 'default'): string => {
			const tags = (r.values.tags ?? r.values.tags_all ?? {}) as Json;
			return names.name(r.address, reserved ? null : (str(tags.Name) ?? r.label), reserved, r.type.replace(/^aws_(default_)?/, '').replace(/_/g, '-'));
		};
		const draft = emptyDraft(nameOf(vpc), vpc.address);
		draft.cidr = str(vpc.values.cidr_block);
		if (!draft.cidr) draft.notes.push(`${vpc.address} has no known cidr_block${plan ? ' (computed, e.g. from IPAM)' : ''}`);
		const mine = (...types: string[]): TfResource[] => ofType(...types).filter((r) => vpcOfResource(r) === vpc);

		const igws = mine('aws_internet_gateway');
		for (const a of ofType('aws_internet_gateway_attachment')) {
			const g = target(a, 'internet_gateway_id');
			if (g && target(a, 'vpc_id') === vpc && !igws.includes(g)) igws.push(g);
		}
		const igw = igws[0];
		if (igw) draft.internetGateway = nameOf(igw);
		for (const extra of igws.slice(1)) draft.notes.push(`internet gateway ${extra.address} (a VPC has one)`);

		const subnets = mine('aws_subnet');
		for (const s of subnets) nameOf(s);
		const mainTable = ofType('aws_main_route_table_association').find((a) => target(a, 'vpc_id') === vpc);
		const mainTarget = mainTable ? target(mainTable, 'route_table_id') : null;
		const tables = [...mine('aws_route_table'), ...mine('aws_default_route_table')];
		for (const t of tables) nameOf(t, t === mainTarget || t.type === 'aws_default_route_table' ? 'main' : undefined);
		const nats = mine('aws_nat_gateway');
		for (const n of nats) nameOf(n);
		const routeTarget = (route: Json | TfResource, from: string, table?: TfResource): string | null => {
			const values = 'values' in route && 'address' in route ? (route as TfResource).values : route;
			const resource = 'address' in route ? (route as TfResource) : null;
			// An inline route of a plan has no ids yet: its table's configuration names the gateway.
			const inline = (key: string): TfResource | null => byId.get(str(values[key]) ?? '') ?? (table && !str(values[key]) ? (targets(table, `route.${key}`)[0] ?? null) : null);
			const gatewayRef = resource ? target(resource, 'gateway_id') : inline('gateway_id');
			const natRef = resource ? target(resource, 'nat_gateway_id') : inline('nat_gateway_id');
			if (natRef && nats.includes(natRef)) return names.get(natRef.address) ?? null;
			if (gatewayRef && igw && gatewayRef === igw) return draft.internetGateway;
			const other = ['vpc_peering_connection_id', 'transit_gateway_id', 'network_interface_id', 'vpc_endpoint_id', 'egress_only_gateway_id', 'gateway_id', 'nat_gateway_id', 'instance_id'].find((k) => str(values[k]) || resource?.refs.has(k));
			draft.notes.push(`${from}: ${str(values.cidr_block) ?? str(values.destination_cidr_block) ?? '?'} -> ${other ? `${other.replace(/_id$/, '').replace(/_/g, ' ')} ${str(values[other]) ?? resource?.refs.get(other)?.[0] ?? ''}`.trim() : 'an unknown target'} (not traced)`);
			return null;
		};
		for (const t of tables) {
			const name = names.get(t.address) ?? '?';
			const routes: [string, string][] = [];
			for (const r of arr(t.values.route)) {
				const dest = str(r.cidr_block);
				if (!dest) {
					draft.notes.push(`route table ${name}: route to ${str(r.ipv6_cidr_block) ?? str(r.destination_prefix_list_id) ?? '?'} (IPv4 only)`);
					continue;
				}
				const to = routeTarget(r, `route table ${name}`, t);
				if (to) routes.push([dest, to]);
			}
			for (const r of ofType('aws_route').filter((x) => target(x, 'route_table_id') === t)) {
				const dest = str(r.values.destination_cidr_block);
				if (!dest) {
					draft.notes.push(`${r.address}: not an IPv4 route (or its destination is not known before apply)`);
					continue;
				}
				const to = routeTarget(r, r.address);
				if (to) routes.push([dest, to]);
			}
			draft.routeTables.push({ name, routes });
		}
		const tableOf = new Map<TfResource, string>();
		for (const a of ofType('aws_route_table_association')) {
			const s = target(a, 'subnet_id');
			const t = target(a, 'route_table_id');
			if (s && t && names.get(t.address)) tableOf.set(s, names.get(t.address) as string);
		}

		const groups = [...mine('aws_security_group'), ...mine('aws_default_security_group')];
		for (const g of groups) nameOf(g, g.type === 'aws_default_security_group' ? 'default' : undefined);
		const peerName = (id: string): string | null => {
			const r = byId.get(id);
			return r ? (names.get(r.address) ?? null) : null;
		};
		for (const g of groups) {
			const name = names.get(g.address) ?? '?';
			const rules = (blocks: unknown, direction: 'inbound' | 'outbound'): string[] => {
				const lines: string[] = [];
				for (const b of arr(blocks)) lines.push(...tfSgRule(b, direction, name, peerName, draft.notes, g));
				return lines;
			};
			const inbound = rules(g.values.ingress, 'inbound');
			// Terraform removes AWS's allow-all egress unless the group lists it: egress is always declared.
			const outbound = rules(g.values.egress, 'outbound');
			for (const r of ofType('aws_security_group_rule').filter((x) => target(x, 'security_group_id') === g)) {
				const direction = r.values.type === 'egress' ? 'outbound' : 'inbound';
				const source = target(r, 'source_security_group_id');
				const b = { ...r.values, security_groups: source ? [str(source.values.id) ?? source.address] : [] } as Json;
				if (source && !str(source.values.id)) byId.set(source.address, source);
				(direction === 'inbound' ? inbound : outbound).push(...tfSgRule(b, direction, name, (id) => peerName(id) ?? (byId.get(id) ? (names.get(byId.get(id)?.address ?? '') ?? null) : null), draft.notes, g));
			}
			for (const [type, direction] of [
				['aws_vpc_security_group_ingress_rule', 'inbound'],
				['aws_vpc_security_group_egress_rule', 'outbound'],
			] as const) {
				for (const r of ofType(type).filter((x) => target(x, 'security_group_id') === g)) {
					const peer = target(r, 'referenced_security_group_id');
					const b: Json = { protocol: r.values.ip_protocol, from_port: r.values.from_port, to_port: r.values.to_port, cidr_blocks: strs(r.values.cidr_ipv4), ipv6_cidr_blocks: strs(r.values.cidr_ipv6), prefix_list_ids: strs(r.values.prefix_list_id) };
					const peerLine = peer ? names.get(peer.address) : null;
					const lines = tfSgRule(b, direction, name, peerName, draft.notes, g);
					const proto = awsProto(str(r.values.ip_protocol));
					if (peerLine && proto) lines.push(sgRuleLine(proto, awsPorts(proto, str(r.values.from_port), str(r.values.to_port)), direction, peerLine));
					(direction === 'inbound' ? inbound : outbound).push(...lines);
				}
			}
			draft.securityGroups.push({ name, inbound, outbound });
		}

		const naclOf = new Map<TfResource, string>();
		for (const n of [...mine('aws_network_acl'), ...mine('aws_default_network_acl')]) {
			const name = nameOf(n);
			for (const s of targets(n, 'subnet_ids')) naclOf.set(s, name);
			const inbound: string[] = [];
			const outbound: string[] = [];
			const add = (rule: Json, direction: 'inbound' | 'outbound'): void => {
				const cidr = str(rule.cidr_block);
				const proto = awsProto(str(rule.protocol));
				const number = str(rule.rule_no) ?? str(rule.rule_number);
				if (!cidr || !proto || !number) {
					draft.notes.push(`NACL ${name}: ${direction} rule ${number ?? '?'} (${!cidr ? 'IPv6 or unknown CIDR' : `protocol ${str(rule.protocol) ?? '?'}`} is not modelled)`);
					return;
				}
				(direction === 'inbound' ? inbound : outbound).push(naclRuleLine(number, str(rule.action) ?? str(rule.rule_action) ?? 'deny', proto, awsPorts(proto, str(rule.from_port), str(rule.to_port)), direction, cidr));
			};
			for (const rule of arr(n.values.ingress)) add(rule, 'inbound');
			for (const rule of arr(n.values.egress)) add(rule, 'outbound');
			for (const r of ofType('aws_network_acl_rule').filter((x) => target(x, 'network_acl_id') === n)) add(r.values, r.values.egress === true ? 'outbound' : 'inbound');
			draft.nacls.push({ name, inbound, outbound });
		}
		for (const a of ofType('aws_network_acl_association')) {
			const s = target(a, 'subnet_id');
			const n = target(a, 'network_acl_id');
			if (s && n && names.get(n.address)) naclOf.set(s, names.get(n.address) as string);
		}
		for (const s of subnets) {
			draft.subnets.push({ name: names.get(s.address) ?? s.address, cidr: str(s.values.cidr_block), zone: str(s.values.availability_zone), routeTable: tableOf.get(s) ?? null, nacl: naclOf.get(s) ?? null });
			if (!str(s.values.cidr_block)) draft.notes.push(`${s.address}: cidr_block not known${plan ? ' before apply' : ''}`);
		}
		for (const n of nats) draft.natGateways.push({ name: names.get(n.address) ?? '?', subnet: subnetName(target(n, 'subnet_id'), names) });

		const groupNames = (r: TfResource, ...attrs: string[]): string[] => {
			for (const attr of attrs) {
				const found = targets(r, attr)
					.map((t) => names.get(t.address))
					.filter((n): n is string => !!n);
				if (found.length) return found;
			}
			return [];
		};
		const eipInstances = new Set(ofType('aws_eip').map((e) => target(e, 'instance')).filter((x): x is TfResource => !!x));
		for (const i of mine('aws_instance')) {
			const subnet = target(i, 'subnet_id');
			const mapPublic = subnet?.values.map_public_ip_on_launch === true;
			draft.instances.push({
				name: nameOf(i),
				subnet: subnetName(subnet, names),
				publicIp: i.values.associate_public_ip_address === true || !!str(i.values.public_ip) || eipInstances.has(i) || (i.values.associate_public_ip_address === undefined && mapPublic),
				securityGroups: groupNames(i, 'vpc_security_group_ids', 'security_groups'),
				type: str(i.values.instance_type),
				privateIp: str(i.values.private_ip),
				role: null,
			});
		}
		const dbGroups = ofType('aws_db_subnet_group');
		for (const d of ofType('aws_db_instance')) {
			const group = target(d, 'db_subnet_group_name') ?? dbGroups.find((g) => str(g.values.name) === str(d.values.db_subnet_group_name)) ?? null;
			const groupSubnets = group ? targets(group, 'subnet_ids') : [];
			if (!groupSubnets.some((s) => vpcOfResource(s) === vpc)) continue;
			draft.instances.push({
				name: nameOf(d),
				subnet: subnetName(groupSubnets[0] ?? null, names),
				publicIp: d.values.publicly_accessible === true,
				securityGroups: groupNames(d, 'vpc_security_group_ids'),
				type: str(d.values.instance_class),
				privateIp: null,
				role: 'database',
			});
			if (groupSubnets.length > 1) draft.notes.push(`database ${names.get(d.address) ?? d.address} spans ${groupSubnets.length} subnets (drawn in the first)`);
		}
		const tgs = ofType('aws_lb_target_group', 'aws_alb_target_group');
		const attachments = ofType('aws_lb_target_group_attachment', 'aws_alb_target_group_attachment');
		const listeners = ofType('aws_lb_listener', 'aws_alb_listener');
		for (const lb of ofType('aws_lb', 'aws_alb').filter((x) => targets(x, 'subnets').some((s) => vpcOfResource(s) === vpc) || arr(x.values.subnet_mapping).length > 0)) {
			if (lb.values.load_balancer_type === 'gateway') {
				draft.notes.push(`${lb.address} is a Gateway Load Balancer (not modelled)`);
				continue;
			}
			const own = listeners.filter((l) => target(l, 'load_balancer_arn') === lb);
			const groupsUsed = new Set<TfResource>();
			for (const l of own) for (const t of [...targets(l, 'default_action'), ...targets(l, 'default_action.target_group_arn')]) if (tgs.includes(t)) groupsUsed.add(t);
			for (const l of own) for (const a of arr(l.values.default_action)) { const t = byId.get(str(a.target_group_arn) ?? ''); if (t) groupsUsed.add(t); }
			const targetsOf = [...groupsUsed].flatMap((tg) => attachments.filter((a) => target(a, 'target_group_arn') === tg).map((a) => target(a, 'target_id')).filter((x): x is TfResource => !!x));
			const ports = [...new Set([...groupsUsed].map((tg) => Number(tg.values.port)).filter((p) => Number.isInteger(p) && p > 0))];
			const subnetsOf = targets(lb, 'subnets');
			for (const m of arr(lb.values.subnet_mapping)) { const s = byId.get(str(m.subnet_id) ?? ''); if (s) subnetsOf.push(s); }
			draft.loadBalancers.push({
				name: nameOf(lb),
				subnets: subnetsOf.map((s) => subnetName(s, names)).filter((n): n is string => !!n),
				securityGroups: groupNames(lb, 'security_groups'),
				targets: targetsOf.map((t) => names.get(t.address)).filter((n): n is string => !!n),
				scheme: lb.values.internal === true ? 'internal' : 'internet-facing',
				type: lb.values.load_balancer_type === 'network' ? 'network' : 'application',
				listeners: own.map((l) => Number(l.values.port)).filter((p) => Number.isInteger(p) && p > 0),
				targetPort: ports.length === 1 ? (ports[0] ?? null) : null,
			});
		}
		drafts.push(draft);
	}
	const homeless = resources.filter((r) => r.type !== 'aws_vpc' && !['aws_eip', 'aws_route', 'aws_route_table_association', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule', 'aws_network_acl_rule', 'aws_network_acl_association', 'aws_lb_target_group_attachment', 'aws_alb_target_group_attachment', 'aws_lb_listener', 'aws_alb_listener', 'aws_db_subnet_group', 'aws_main_route_table_association', 'aws_internet_gateway_attachment', 'aws_lb_target_group', 'aws_alb_target_group', 'aws_db_instance', 'aws_lb', 'aws_alb'].includes(r.type) && vpcOfResource(r) === null);
	for (const r of homeless) notes.push(`${r.address}: its VPC is not in the input (not represented)`);
	return { drafts, notes };
}

function subnetName(subnet: TfResource | null, names: Names): string | null {
	return subnet ? (names.get(subnet.address) ?? null) : null;
}

/** One `ingress`/`egress` block of a Terraform security group -> rule lines (one per peer). */
function tfSgRule(b: Json, direction: 'inbound' | 'outbound', group: string, peerName: (id: string) => string | null, notes: string[], self: TfResource): string[] {
	const proto = awsProto(str(b.protocol) ?? str(b.ip_protocol));
	if (!proto) {
		notes.push(`security group ${group}: ${direction} rule for protocol ${str(b.protocol) ?? '?'} (not modelled)`);
		return [];
	}
	const ports = awsPorts(proto, str(b.from_port), str(b.to_port));
	const lines: string[] = [];
	for (const cidr of strs(b.cidr_blocks)) lines.push(sgRuleLine(proto, ports, direction, cidr));
	for (const id of strs(b.security_groups)) {
		const peer = peerName(id);
		if (peer) lines.push(sgRuleLine(proto, ports, direction, peer));
		else notes.push(`security group ${group}: ${direction} rule naming group ${id}, which is not in this VPC's input`);
	}
	if (b.self === true) lines.push(sgRuleLine(proto, ports, direction, group));
	const v6 = strs(b.ipv6_cidr_blocks).length + strs(b.prefix_list_ids).length;
	if (v6 > 0) notes.push(`security group ${group}: ${direction} ${proto} ${ports || 'all'} for ${v6} IPv6 range(s) or prefix list(s) (not modelled)`);
	void self;
	return lines;
}
