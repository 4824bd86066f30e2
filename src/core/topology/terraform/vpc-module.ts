/**
 * `terraform-aws-modules/vpc/aws` expanded into the subnets, route tables, routes, gateways and
 * NAT gateways its own `main.tf` creates, by its `count` expressions (read at
 * github.com/terraform-aws-modules/terraform-aws-vpc: v3.19.0 90ef90a, v4.0.0 57323d9,
 * v5.0.0 26c38a6, v6.6.0 82d1929):
 * - `max_subnet_length` is the largest tier; from v4.0.0 public and intra subnets count in it
 *   (v2/v3: private, elasticache, database, redshift only).
 * - `nat_gateway_count = single_nat_gateway ? 1 : one_nat_gateway_per_az ? length(azs) : max_subnet_length`.
 * - private route tables: `nat_gateway_count` of them when there are private subnets, NAT or not;
 *   private subnet i uses table `element(private, single_nat_gateway ? 0 : i)`.
 * - NAT gateway i sits in public subnet `element(public, single ? 0 : i)`; private table i routes
 *   0.0.0.0/0 to NAT gateway i.
 * - one public table (0.0.0.0/0 -> the internet gateway, which exists only with public subnets);
 *   one intra table without routes; database/elasticache/redshift subnets join the private tables
 *   unless `create_<tier>_subnet_route_table`; a database table routes to the internet gateway or
 *   a NAT gateway only with `create_database_internet_gateway_route` / `_nat_gateway_route`.
 * Names are the module's outputs: `module.vpc.public_subnets[0]`, `module.vpc.natgw_ids[0]`.
 */

import { parseCidr } from '../shared/cidr';
import type { Pos } from '../shared/diagnostic';
import type { TextSource } from '../shared/text-source';
import { emptyVpc, type VpcModel } from '../vpc/model';
import type { Nacl } from '../vpc/nacl';
import type { Configuration, Scope } from './evaluate';
import type { Body } from './hcl';
import { naclRule } from './rules';
import { asBool, asString, isList, isMap, ResourceRef, showValue, Unknown, type Val } from './values';

/** The newest major version read; an unpinned module is taken at it. */
export const LATEST_MAJOR = 6;

/** The registry, `git::` and GitHub forms of the module's source; a `//` subpath is another module. */
export function isVpcModuleSource(source: string): boolean {
	const s = source.trim().replace(/^registry\.terraform\.io\//, '').replace(/^git::/, '').replace(/\?.*$/, '');
	if (/^terraform-aws-modules\/vpc\/aws$/.test(s)) return true;
	const m = /^(?:https:\/\/|ssh:\/\/git@|git@)?github\.com[/:]terraform-aws-modules\/terraform-aws-vpc(?:\.git)?(\/\/.*)?$/.exec(s);
	return !!m && (m[1] === undefined || m[1] === '//' || m[1] === '//.');
}

/** The major version a `version` constraint or a `?ref=v5.1.0` pins; the latest when unpinned. */
export function majorVersion(version: string | null, source: string): number {
	const ref = /[?&]ref=v?([0-9]+)/.exec(source);
	if (ref) return Number(ref[1]);
	const m = version ? /([0-9]+)(?:\.[0-9]+)*/.exec(version) : null;
	if (!m) return LATEST_MAJOR;
	// `>= 3.0` lets Terraform take the newest release.
	if (version && /^\s*>/.test(version)) return LATEST_MAJOR;
	return Number(m[1]);
}

export interface VpcModuleExpansion {
	vpc: VpcModel;
	outputs: Map<string, Val>;
	/** DB subnet group address -> its subnets. */
	dbSubnetGroups: Map<string, string[]>;
	/** Address -> the Name and tags AWS shows. */
	tags: Map<string, string>;
	secondaryCidrs: string[];
}

const TIERS = ['public', 'private', 'database', 'elasticache', 'redshift', 'intra'] as const;
type Tier = (typeof TIERS)[number];
const SUFFIX: Record<Tier, string> = { public: 'public', private: 'private', database: 'db', elasticache: 'elasticache', redshift: 'redshift', intra: 'intra' };

/** Inputs this expansion reads; the others are listed as not modelled. */
export const VPC_MODULE_INPUTS = new Set([
	'source',
	'version',
	'count',
	'for_each',
	'providers',
	'depends_on',
	'name',
	'cidr',
	'azs',
	'enable_nat_gateway',
	'single_nat_gateway',
	'one_nat_gateway_per_az',
	'create_igw',
	'create_vpc',
	'create_database_subnet_route_table',
	'create_database_internet_gateway_route',
	'create_database_nat_gateway_route',
	'create_elasticache_subnet_route_table',
	'create_redshift_subnet_route_table',
	'create_database_subnet_group',
	'tags',
	'vpc_tags',
	'enable_dns_hostnames',
	'enable_dns_support',
	'manage_default_route_table',
	'manage_default_network_acl',
	'manage_default_security_group',
	'map_public_ip_on_launch',
	'secondary_cidr_blocks',
	...TIERS.flatMap((t) => [`${t}_subnets`, `${t}_subnet_names`, `${t}_subnet_tags`, `${t}_route_table_tags`, `${t}_subnet_suffix`, `${t}_dedicated_network_acl`, `${t}_inbound_acl_rules`, `${t}_outbound_acl_rules`]),
]);

export function expandVpcModule(cfg: Configuration, src: TextSource, address: string, body: Body, scope: Scope, blockPos: Pos, major: number): VpcModuleExpansion {
	const vpc = emptyVpc(blockPos);
	vpc.name = address;
	vpc.region = cfg.region;
	const outputs = new Map<string, Val>();
	const dbSubnetGroups = new Map<string, string[]>();
	const tags = new Map<string, string>();
	const reported = new Set<number>();
	const input = (name: string): { v: Val; pos: Pos } | null => {
		const a = cfg.attr({ body, scope }, name);
		if (!a) return null;
		const pos = src.pos(a.at);
		if (a.v instanceof Unknown && !reported.has(a.at)) {
			reported.add(a.at);
			src.report(pos, 'unresolved-value', `\`${name}\` of \`${address}\` is not known offline: ${a.v.why}`, 'info');
		}
		return { v: a.v, pos };
	};
	const bool = (name: string, fallback: boolean): boolean => asBool(input(name)?.v ?? null) ?? fallback;
	const strings = (name: string): { items: string[]; pos: Pos } => {
		const i = input(name);
		const items = i && isList(i.v) ? i.v.map((x) => asString(x) ?? '') : [];
		return { items, pos: i?.pos ?? blockPos };
	};
	const name = asString(input('name')?.v ?? null) ?? '';
	const cidrInput = input('cidr');
	const cidrText = asString(cidrInput?.v ?? null) ?? '10.0.0.0/16';
	if (!cidrInput) src.report(blockPos, 'unresolved-value', `\`${address}\` sets no \`cidr\`: the module's default 10.0.0.0/16 is drawn`, 'info');
	vpc.cidrPos = cidrInput?.pos ?? blockPos;
	const parsed = parseCidr(cidrText);
	if (parsed.ok) vpc.cidr = parsed.cidr;
	else if (!(cidrInput?.v instanceof Unknown)) src.report(vpc.cidrPos, 'invalid-cidr', parsed.message);
	outputs.set('vpc_id', new ResourceRef(address, 'vpc_id'));
	outputs.set('vpc_arn', new ResourceRef(address, 'vpc_arn'));
	outputs.set('vpc_cidr_block', vpc.cidr?.text ?? new Unknown(`the CIDR of \`${address}\` is not known offline`, 0));
	outputs.set('default_security_group_id', new ResourceRef(address, 'default_security_group_id'));
	outputs.set('name', name);
	if (!bool('create_vpc', true)) {
		src.report(blockPos, 'unsupported-resource', `\`${address}\` has \`create_vpc = false\`: it creates nothing`);
		return { vpc, outputs, dbSubnetGroups, tags, secondaryCidrs: [] };
	}
	const secondaryCidrs = strings('secondary_cidr_blocks').items;
	const azs = strings('azs').items;
	outputs.set('azs', azs);
	const subnets = Object.fromEntries(TIERS.map((t) => [t, strings(`${t}_subnets`)])) as Record<Tier, { items: string[]; pos: Pos }>;
	const len = (t: Tier): number => subnets[t].items.length;
	const single = bool('single_nat_gateway', false);
	const perAz = bool('one_nat_gateway_per_az', false);
	const maxSubnetLength = Math.max(0, ...(major >= 4 ? TIERS : (['private', 'elasticache', 'database', 'redshift'] as const)).map(len));
	const natCount = single ? 1 : perAz ? azs.length : maxSubnetLength;
	const element = <T>(list: readonly T[], i: number): T | null => (list.length ? (list[i % list.length] ?? null) : null);
	const names = new Map<Tier, string[]>();
	const mapPublicIp = bool('map_public_ip_on_launch', false);
	const commonTags = input('tags')?.v ?? null;

	// Subnets, tier by tier, as the module's aws_subnet.<tier> resources.
	for (const tier of TIERS) {
		const created = tier !== 'public' || !perAz || len('public') >= azs.length;
		const list: string[] = [];
		if (!created && len('public') > 0) src.report(subnets.public.pos, 'unsupported-resource', `\`${address}\` creates no public subnets: \`one_nat_gateway_per_az\` needs at least one public subnet per zone (${azs.length})`);
		const given = strings(`${tier}_subnet_names`).items;
		const suffix = asString(input(`${tier}_subnet_suffix`)?.v ?? null) ?? SUFFIX[tier];
		const tierTags = input(`${tier}_subnet_tags`)?.v ?? null;
		for (const [i, text] of (created ? subnets[tier].items : []).entries()) {
			const subnetName = `${address}.${tier}_subnets[${i}]`;
			const c = parseCidr(text);
			if (!c.ok) src.report(subnets[tier].pos, 'invalid-cidr', `\`${tier}_subnets[${i}]\` of \`${address}\`: ${c.message}`);
			const zone = element(azs, i);
			vpc.subnets.set(subnetName, { name: subnetName, pos: subnets[tier].pos, cidr: c.ok ? c.cidr : null, cidrPos: subnets[tier].pos, zone, routeTable: null, nacl: null });
			list.push(subnetName);
			const nameTag = given[i] ?? `${name}-${suffix}-${zone ?? ''}`;
			tags.set(subnetName, tagText(nameTag, [commonTags, tierTags]));
		}
		names.set(tier, list);
		outputs.set(`${tier}_subnets`, list.map((s) => new ResourceRef(s, 'id')));
		outputs.set(`${tier}_subnets_cidr_blocks`, list.map((s) => vpc.subnets.get(s)?.cidr?.text ?? ''));
		outputs.set(
			`${tier}_subnet_objects`,
			list.map((s) => new Map<string, Val>([['id', new ResourceRef(s, 'id')], ['cidr_block', vpc.subnets.get(s)?.cidr?.text ?? ''], ['availability_zone', vpc.subnets.get(s)?.zone ?? null]])),
		);
	}
	if (mapPublicIp) outputs.set('map_public_ip_on_launch', true);
	const pub = names.get('public') ?? [];
	const pos = (t: Tier): Pos => subnets[t].pos;

	// The internet gateway and the public route table.
	const igwName = `${address}.igw_id`;
	if (pub.length > 0 && bool('create_igw', true)) {
		vpc.internetGateway = { name: igwName, pos: pos('public') };
		outputs.set('igw_id', new ResourceRef(igwName, 'id'));
	}
	const table = (tableName: string, at: Pos): string => {
		vpc.routeTables.set(tableName, { name: tableName, pos: at, routes: [] });
		return tableName;
	};
	const route = (tableName: string, target: string, at: Pos): void => {
		const dest = parseCidr('0.0.0.0/0');
		if (dest.ok) vpc.routeTables.get(tableName)?.routes.push({ destination: dest.cidr, target, pos: at });
	};
	const associate = (subnet: string, tableName: string | null): void => {
		const s = vpc.subnets.get(subnet);
		if (s && tableName) s.routeTable = { name: tableName, pos: s.pos };
	};
	const publicTables: string[] = [];
	if (pub.length > 0) {
		const multiple = major >= 5 && bool('create_multiple_public_route_tables', false);
		for (let i = 0; i < (multiple ? pub.length : 1); i++) publicTables.push(table(`${address}.public_route_table_ids[${i}]`, pos('public')));
		for (const t of publicTables) if (vpc.internetGateway) route(t, igwName, pos('public'));
		pub.forEach((s, i) => associate(s, element(publicTables, multiple ? i : 0)));
	}

	// NAT gateways, and the private route tables that exist with or without them.
	const enableNat = bool('enable_nat_gateway', false);
	const nats: string[] = [];
	const natPos = input('enable_nat_gateway')?.pos ?? blockPos;
	for (let i = 0; enableNat && i < natCount; i++) {
		const natName = `${address}.natgw_ids[${i}]`;
		const subnet = element(pub, single ? 0 : i);
		vpc.natGateways.set(natName, { name: natName, pos: natPos, subnet: subnet ? { name: subnet, pos: natPos } : null });
		if (!subnet) src.report(natPos, 'missing-field', `\`${address}\` enables NAT gateways but has no public subnets to put them in`);
		nats.push(natName);
	}
	outputs.set('natgw_ids', nats.map((n) => new ResourceRef(n, 'id')));
	const priv = names.get('private') ?? [];
	const privateTables: string[] = [];
	if (priv.length > 0 && maxSubnetLength > 0) for (let i = 0; i < natCount; i++) privateTables.push(table(`${address}.private_route_table_ids[${i}]`, pos('private')));
	nats.forEach((nat, i) => {
		const t = element(privateTables, i);
		if (t) route(t, nat, natPos);
	});
	priv.forEach((s, i) => associate(s, element(privateTables, single ? 0 : i)));

	// Database, elasticache and redshift subnets: their own tables, or the private ones.
	const db = names.get('database') ?? [];
	const dbTable = bool('create_database_subnet_route_table', false) && db.length > 0;
	const igwRoute = bool('create_database_internet_gateway_route', false);
	const natRoute = bool('create_database_nat_gateway_route', false);
	const dbTables: string[] = [];
	if (dbTable) for (let i = 0; i < (single || igwRoute ? 1 : db.length); i++) dbTables.push(table(`${address}.database_route_table_ids[${i}]`, pos('database')));
	if (dbTable && igwRoute && !natRoute && vpc.internetGateway) route(dbTables[0] ?? '', igwName, pos('database'));
	if (dbTable && !igwRoute && natRoute && enableNat) {
		for (let i = 0; i < (single ? 1 : db.length); i++) {
			const nat = element(nats, i);
			const t = element(dbTables, i);
			if (nat && t) route(t, nat, pos('database'));
		}
	}
	const dbOrPrivate = dbTables.length ? dbTables : privateTables;
	db.forEach((s, i) => associate(s, element(dbOrPrivate, dbTable ? (single || igwRoute ? 0 : i) : i)));
	outputs.set('database_route_table_ids', (dbTables.length ? dbTables : privateTables).map((t) => new ResourceRef(t, 'id')));
	if (db.length > 0 && bool('create_database_subnet_group', true)) {
		const group = `${address}.database_subnet_group`;
		dbSubnetGroups.set(group, db);
		outputs.set('database_subnet_group', new ResourceRef(group, 'name'));
		outputs.set('database_subnet_group_name', new ResourceRef(group, 'name'));
	}
	for (const tier of ['elasticache', 'redshift'] as const) {
		const list = names.get(tier) ?? [];
		const own = bool(`create_${tier}_subnet_route_table`, false) && list.length > 0;
		const tables = own ? [table(`${address}.${tier}_route_table_ids[0]`, pos(tier))] : privateTables;
		list.forEach((s, i) => associate(s, element(tables, single || own ? 0 : i)));
	}
	const intra = names.get('intra') ?? [];
	const intraTable = intra.length > 0 ? table(`${address}.intra_route_table_ids[0]`, pos('intra')) : null;
	intra.forEach((s) => associate(s, intraTable));
	outputs.set('public_route_table_ids', publicTables.map((t) => new ResourceRef(t, 'id')));
	outputs.set('private_route_table_ids', privateTables.map((t) => new ResourceRef(t, 'id')));
	outputs.set('intra_route_table_ids', intraTable ? [new ResourceRef(intraTable, 'id')] : []);

	// Dedicated network ACLs (`<tier>_dedicated_network_acl`), allow-all rules unless given.
	for (const tier of TIERS) {
		const list = names.get(tier) ?? [];
		const flag = input(`${tier}_dedicated_network_acl`);
		if (!list.length || asBool(flag?.v ?? null) !== true) continue;
		const naclName = `${address}.${tier}_network_acl_id`;
		const nacl: Nacl = { name: naclName, pos: flag?.pos ?? blockPos, inbound: [], outbound: [] };
		for (const direction of ['inbound', 'outbound'] as const) {
			const rulesInput = input(`${tier}_${direction}_acl_rules`);
			const rules = rulesInput && isList(rulesInput.v) ? rulesInput.v : [new Map<string, Val>([['rule_number', 100], ['rule_action', 'allow'], ['from_port', 0], ['to_port', 0], ['protocol', '-1'], ['cidr_block', '0.0.0.0/0']])];
			for (const r of rules) {
				if (!isMap(r)) continue;
				const f = (k: string): string | null => asString(r.get(k) ?? null);
				if (!r.has('cidr_block')) continue; // IPv6 rules (ipv6_cidr_block) are not modelled
				const rule = naclRule(src, rulesInput?.pos ?? nacl.pos, naclName, direction, { number: f('rule_number'), action: f('rule_action'), proto: f('protocol'), from: f('from_port'), to: f('to_port'), cidr: f('cidr_block') });
				if (rule) (direction === 'inbound' ? nacl.inbound : nacl.outbound).push(rule);
			}
			(direction === 'inbound' ? nacl.inbound : nacl.outbound).sort((a, b) => a.number - b.number);
		}
		vpc.nacls.set(naclName, nacl);
		for (const s of list) {
			const subnet = vpc.subnets.get(s);
			if (subnet) subnet.nacl = { name: naclName, pos: nacl.pos };
		}
	}
	return { vpc, outputs, dbSubnetGroups, tags, secondaryCidrs };
}

function tagText(nameTag: string, maps: Val[]): string {
	const parts = [`Name=${nameTag}`];
	for (const m of maps) if (isMap(m)) for (const [k, v] of m) if (k !== 'Name') parts.push(`${k}=${showValue(v)}`);
	return parts.join(', ');
}
