/**
 * Configuration -> TerraformModel: the AWS provider's network resources mapped onto VpcModels
 * (one per `aws_vpc` and per VPC module call), each named by its Terraform address and positioned
 * at its block. What is only known after a plan is an `unresolved-value` info where the
 * configuration says it; resource types not modelled are listed (`unsupported-resource`), so
 * nothing is dropped silently.
 */

import { parseCidr, type Cidr } from '../shared/cidr';
import type { Pos } from '../shared/diagnostic';
import { flowFromOption } from '../shared/flow-model';
import type { TextSource } from '../shared/text-source';
import { emptyVpc, type Instance as VpcInstance, type LoadBalancer, type Ref, type VpcModel } from '../vpc/model';
import { readLinks } from '../vpc/read-links';
import { readInOrder } from '../vpc/read-order';
import type { SecurityGroup } from '../vpc/security-group';
import { Configuration, type Instance } from './evaluate';
import { readHcl, type Body } from './hcl';
import type { ModuleBox, TerraformModel } from './model';
import { LINK_TARGETS, LINK_TYPES, linkAttribute } from './network-links';
import { naclRule, sgRules, type RulePeer } from './rules';
import { asBool, asNumber, asString, isList, Lazy, ResourceRef, showValue, Unknown, type Val } from './values';
import { expandVpcModule, isVpcModuleSource, majorVersion, VPC_MODULE_INPUTS } from './vpc-module';

/** Types read into the model, directly or as part of another resource. */
const MODELLED = new Set([
	'aws_vpc',
	'aws_vpc_ipv4_cidr_block_association',
	'aws_subnet',
	'aws_internet_gateway',
	'aws_internet_gateway_attachment',
	'aws_nat_gateway',
	'aws_eip',
	'aws_eip_association',
	'aws_route_table',
	'aws_route',
	'aws_route_table_association',
	'aws_main_route_table_association',
	'aws_default_route_table',
	'aws_security_group',
	'aws_security_group_rule',
	'aws_vpc_security_group_ingress_rule',
	'aws_vpc_security_group_egress_rule',
	'aws_network_acl',
	'aws_network_acl_rule',
	'aws_network_acl_association',
	'aws_instance',
	'aws_lb',
	'aws_alb',
	'aws_elb',
	'aws_lb_listener',
	'aws_alb_listener',
	'aws_lb_target_group',
	'aws_alb_target_group',
	'aws_lb_target_group_attachment',
	'aws_alb_target_group_attachment',
	'aws_db_instance',
	'aws_db_subnet_group',
	...Object.values(LINK_TYPES).flat(),
]);

/** What a route may lead to: a gateway (internet, NAT, VPN), a link between VPCs (the next three), or what is only listed. */
const ROUTE_TARGETS = ['nat_gateway_id', 'gateway_id', 'transit_gateway_id', 'vpc_peering_connection_id', 'vpc_endpoint_id', 'network_interface_id', 'instance_id', 'egress_only_gateway_id', 'carrier_gateway_id', 'local_gateway_id', 'core_network_arn'];

const OPTION = /^(\s*)#\s*cloudnotes\s+([a-z-]+)\s*:\s*(.*?)\s*$/i;

export function buildModel(src: TextSource): TerraformModel {
	const vpc = emptyVpc(src.start);
	const model: TerraformModel = { kind: 'terraform', vpcs: [], vpc, flows: vpc.flows, tooLarge: false, types: new Map(), modules: [], secondaryCidrs: new Map(), classicLoadBalancers: new Set(), declared: 0 };
	const file = readHcl(src.source);
	if (file.error) src.report(src.pos(file.error.at), 'hcl-syntax', `HCL: ${file.error.message}; what follows is not read`);
	for (const d of file.duplicates) src.report(src.pos(d.at), 'duplicate-name', `\`${d.name}\` is set twice in this block (line ${src.pos(d.first).line}); Terraform refuses that`);
	new ConfigurationReader(src, file.body, model).read();
	return model;
}

interface Option {
	key: string;
	value: string;
	pos: Pos;
}

class ConfigurationReader {
	private readonly cfg: Configuration;
	private readonly options: Option[] = [];
	private readonly reported = new Set<string>();
	/** VPC address (`aws_vpc.main`, `module.vpc`) -> its model. */
	private readonly vpcs = new Map<string, VpcModel>();
	/** Resource address -> the VPC it is drawn in. */
	private readonly home = new Map<string, VpcModel>();
	private readonly dbSubnetGroups = new Map<string, string[]>();
	private readonly moduleOutputs = new Map<string, Map<string, Val>>();
	/** Route tables that are their VPC's main table (aws_default_route_table, aws_main_route_table_association). */
	private readonly mainTables = new Map<VpcModel, string>();
	private readonly byType = new Map<string, Instance[]>();

	constructor(
		private readonly src: TextSource,
		body: Body,
		private readonly model: TerraformModel,
	) {
		src.source.split('\n').forEach((line, i) => {
			const m = OPTION.exec(line);
			if (m) this.options.push({ key: (m[2] ?? '').toLowerCase(), value: m[3] ?? '', pos: { line: src.start.line + i, column: src.start.column + (m[1]?.length ?? 0) } });
		});
		const region = this.options.filter((o) => o.key === 'region').pop();
		this.cfg = new Configuration({ body, error: null, duplicates: [] }, region?.value ?? null);
		this.cfg.moduleOutputs = (address, output, at) => {
			const outputs = this.moduleOutputs.get(address);
			if (!outputs) return new ResourceRef(address, output);
			return outputs.get(output) ?? new Unknown(`\`${address}\` has no output \`${output}\` that is read offline`, at);
		};
	}

	private pos(at: number): Pos {
		return this.src.pos(at);
	}

	private unresolved(at: number, what: string, value: Val): void {
		if (!(value instanceof Unknown)) return;
		const key = `${at}`;
		if (this.reported.has(key)) return;
		this.reported.add(key);
		this.src.report(this.pos(at), 'unresolved-value', `${what} is not known offline: ${value.why}`, 'info');
	}

	/** An argument of an instance; an unknown value is reported at it. */
	private arg(inst: { block: Instance['block']; scope: Instance['scope'] } | { body: Body; scope: Instance['scope'] }, name: string, owner: string): { v: Val; pos: Pos } | null {
		const a = this.cfg.attr(inst, name);
		if (!a) return null;
		this.unresolved(a.at, `\`${name}\` of \`${owner}\``, a.v);
		return { v: a.v, pos: this.pos(a.at) };
	}

	private str(inst: Instance | { body: Body; scope: Instance['scope'] }, name: string, owner: string): string | null {
		const a = this.arg(inst, name, owner);
		return a ? asString(a.v) : null;
	}

	/** The address a reference names (`aws_subnet.a.id` -> `aws_subnet.a`), or a literal id. */
	private refName(v: Val): string | null {
		if (v instanceof ResourceRef) {
			if (v.attr === 'default_security_group_id') return 'default';
			if (v.attr === 'main_route_table_id' || v.attr === 'default_route_table_id') return this.mainTableOf(v.address);
			const type = this.model.types.get(v.address);
			// An accepter's id is its peering's.
			const accepter = type === 'aws_vpc_peering_connection_accepter' ? this.ofType(type).find((i) => i.address === v.address) : undefined;
			if (accepter) return this.refName(this.cfg.attr(accepter, 'vpc_peering_connection_id')?.v ?? null);
			return linkAttribute(type, v.address, v.attr) ?? v.address;
		}
		if (v instanceof Lazy) return v.label;
		return asString(v);
	}

	/** A VPC's main route table as a reference names it (`aws_vpc.main.main_route_table_id`), made when first named. */
	private mainTableOf(vpcAddress: string): string | null {
		const vpc = this.vpcs.get(vpcAddress);
		if (!vpc) return null;
		const main = this.mainTables.get(vpc);
		if (main) return main;
		const name = `${vpcAddress}.main_route_table_id`;
		vpc.routeTables.set(name, { name, pos: vpc.pos, routes: [] });
		this.home.set(name, vpc);
		this.mainTables.set(vpc, name);
		return name;
	}

	private refList(v: Val | undefined): string[] {
		if (v === undefined || v === null) return [];
		const items = isList(v) ? v : [v];
		return items.map((x) => this.refName(x)).filter((x): x is string => x !== null);
	}

	private ofType(...types: string[]): Instance[] {
		return types.flatMap((t) => this.byType.get(t) ?? []);
	}

	read(): void {
		this.collectInstances();
		this.readVpcs();
		this.readModules();
		if (this.model.vpcs.length === 0 && (this.ofType('aws_subnet').length > 0 || this.ofType('aws_security_group', 'aws_instance').length > 0)) {
			// The VPC is an input (`var.vpc_id`, a data source): draw what goes into it.
			const vpc = emptyVpc(this.src.start);
			vpc.name = 'VPC';
			vpc.region = this.cfg.region;
			this.addVpc('VPC', vpc);
			this.src.report(this.src.start, 'unresolved-value', 'this block creates no VPC (no `aws_vpc`, no VPC module): its resources go into an existing VPC whose CIDR is not known offline', 'info');
		}
		if (this.model.vpcs[0]) {
			this.model.vpc = this.model.vpcs[0];
			this.model.vpc.flows = this.model.flows;
		} else this.model.vpcs = this.model.vpc.network.vpcs;
		readInOrder(this);
		this.readLinks();
		this.readFlows();
		if (this.cfg.regionNeededAt !== null) {
			this.src.report(this.pos(this.cfg.regionNeededAt), 'unresolved-value', 'the region is not known offline, so zones are drawn as `<region>a`, `<region>b`, ...; name it in `provider "aws" { region = ... }` or with `# cloudnotes region: ap-northeast-2`', 'info');
		}
	}

	private collectInstances(): void {
		for (const [, decl] of this.cfg.resources) {
			const instances = this.cfg.instances(decl);
			let list: Instance[];
			if (instances instanceof Unknown) {
				const attr = decl.block.body.attrs.get('count') ?? decl.block.body.attrs.get('for_each');
				this.unresolved(attr?.at ?? decl.block.at, `how many \`${decl.type}.${decl.name}\` there are`, instances);
				list = [{ address: `${decl.type}.${decl.name}`, type: decl.type, name: decl.name, block: decl.block, scope: new Map() }];
			} else list = instances;
			this.model.declared += list.length;
			for (const inst of list) this.model.types.set(inst.address, inst.type);
			if (!MODELLED.has(decl.type)) {
				this.src.report(this.pos(decl.block.at), 'unsupported-resource', `\`${decl.type}.${decl.name}\` (${decl.type}) is not modelled: it is not drawn or traced`);
				continue;
			}
			const existing = this.byType.get(decl.type) ?? [];
			existing.push(...list);
			this.byType.set(decl.type, existing);
		}
	}

	/** Every VPC of the block joins the first one's network: one network, linted and traced as one. */
	private addVpc(address: string, vpc: VpcModel): void {
		this.vpcs.set(address, vpc);
		const first = this.model.vpcs[0];
		if (!first) this.model.vpcs = vpc.network.vpcs;
		else {
			vpc.network = first.network;
			first.network.vpcs.push(vpc);
		}
	}

	private cidr(text: string, pos: Pos): Cidr | null {
		const parsed = parseCidr(text);
		if (parsed.ok) return parsed.cidr;
		this.src.report(pos, 'invalid-cidr', parsed.message);
		return null;
	}

	private readVpcs(): void {
		for (const inst of this.ofType('aws_vpc')) {
			const vpc = emptyVpc(this.pos(inst.block.at));
			vpc.name = inst.address;
			vpc.region = this.cfg.region;
			const cidr = this.arg(inst, 'cidr_block', inst.address);
			const text = cidr ? asString(cidr.v) : null;
			if (cidr) vpc.cidrPos = cidr.pos;
			if (text && cidr) vpc.cidr = this.cidr(text, cidr.pos);
			else if (!cidr && inst.block.body.attrs.has('ipv4_ipam_pool_id')) this.src.report(vpc.pos, 'unresolved-value', `the CIDR of \`${inst.address}\` comes from an IPAM pool, which is not known offline`, 'info');
			this.addVpc(inst.address, vpc);
		}
		for (const inst of this.ofType('aws_vpc_ipv4_cidr_block_association')) {
			const vpc = this.vpcOf(inst);
			const cidr = this.arg(inst, 'cidr_block', inst.address);
			const text = cidr ? asString(cidr.v) : null;
			if (vpc && text && cidr) this.addSecondary(vpc, text, cidr.pos);
		}
	}

	private addSecondary(vpc: VpcModel, text: string, pos: Pos): void {
		const cidr = this.cidr(text, pos);
		if (!cidr) return;
		const list = this.model.secondaryCidrs.get(vpc.name) ?? [];
		list.push(cidr);
		this.model.secondaryCidrs.set(vpc.name, list);
	}

	private readModules(): void {
		for (const [name, block] of this.cfg.modules) {
			const sourceAttr = block.body.attrs.get('source');
			const source = sourceAttr ? (asString(this.cfg.eval(sourceAttr.expr, new Map())) ?? '') : '';
			const versionAttr = block.body.attrs.get('version');
			const version = versionAttr ? asString(this.cfg.eval(versionAttr.expr, new Map())) : null;
			const expansion = this.cfg.expansion(block, `module.${name}`);
			const instances = expansion instanceof Unknown || expansion === null ? [{ key: null as string | number | null, scope: new Map() as ReadonlyMap<string, Val> }] : expansion;
			if (expansion instanceof Unknown) this.unresolved(block.body.attrs.get('for_each')?.at ?? block.body.attrs.get('count')?.at ?? block.at, `how many \`module.${name}\` there are`, expansion);
			const looksLikeVpc = !isVpcModuleSource(source) && block.body.attrs.has('cidr') && [...block.body.attrs.keys()].some((k) => /^(public|private|database|intra)_subnets$/.test(k));
			const vpcModule = isVpcModuleSource(source) || looksLikeVpc;
			if (looksLikeVpc) this.src.report(this.pos(sourceAttr?.at ?? block.at), 'unsupported-resource', `\`module.${name}\` (source \`${source}\`) is read as terraform-aws-modules/vpc/aws: its inputs are that module's`);
			for (const { key, scope } of instances) {
				const address = key === null ? `module.${name}` : `module.${name}[${typeof key === 'number' ? key : JSON.stringify(key)}]`;
				this.model.declared++;
				this.model.types.set(address, `module ${source}`);
				if (vpcModule) {
					const major = majorVersion(version, source);
					const expanded = expandVpcModule(this.cfg, this.src, address, block.body, scope, this.pos(block.at), major);
					this.addVpc(address, expanded.vpc);
					this.moduleOutputs.set(address, expanded.outputs);
					for (const c of expanded.secondaryCidrs) this.addSecondary(expanded.vpc, c, this.pos(block.body.attrs.get('secondary_cidr_blocks')?.at ?? block.at));
					for (const [group, subnets] of expanded.dbSubnetGroups) this.dbSubnetGroups.set(group, subnets);
					for (const s of expanded.vpc.subnets.keys()) this.model.types.set(s, `aws_subnet (module ${source} v${major})`);
					for (const [addr, tags] of expanded.tags) this.model.types.set(addr, `${this.model.types.get(addr) ?? ''} · ${tags}`);
					continue;
				}
				const inputs: ModuleBox['inputs'] = [];
				for (const [input, attr] of block.body.attrs) {
					if (input === 'source' || input === 'version' || input === 'for_each' || input === 'count') continue;
					const v = this.cfg.eval(attr.expr, scope);
					inputs.push({ name: input, value: v instanceof Unknown ? '(known after apply)' : showValue(v).slice(0, 200) });
				}
				this.model.modules.push({ name: address, pos: this.pos(block.at), source, inputs });
				this.src.report(this.pos(block.at), 'unsupported-resource', `\`${address}\` (${source || 'a module'}) is drawn as one box: only terraform-aws-modules/vpc/aws is expanded`);
			}
			if (vpcModule) {
				const ignored = [...block.body.attrs.keys()].filter((k) => !VPC_MODULE_INPUTS.has(k));
				if (ignored.length) this.src.report(this.pos(block.at), 'unsupported-resource', `inputs of \`module.${name}\` not modelled: ${ignored.join(', ')}`);
			}
		}
	}

	/** The VPC a resource's `vpc_id` names; an unknown or outside VPC means the first one. */
	private vpcOf(inst: Instance, property = 'vpc_id'): VpcModel | null {
		const a = this.arg(inst, property, inst.address);
		const name = a ? this.refName(a.v) : null;
		const vpc = name ? this.vpcs.get(name) : undefined;
		if (vpc) return vpc;
		return this.model.vpcs[0] ?? null;
	}

	readSubnets(): void {
		for (const inst of this.ofType('aws_subnet')) {
			const vpc = this.vpcOf(inst);
			if (!vpc) continue;
			const cidr = this.arg(inst, 'cidr_block', inst.address);
			const cidrText = cidr ? asString(cidr.v) : null;
			const zone = this.arg(inst, 'availability_zone', inst.address) ?? this.arg(inst, 'availability_zone_id', inst.address);
			if (!cidr) this.src.report(this.pos(inst.block.at), 'missing-field', `subnet \`${inst.address}\` needs \`cidr_block\` (IPv6-only and IPAM subnets are not modelled)`);
			vpc.subnets.set(inst.address, {
				name: inst.address,
				pos: this.pos(inst.block.at),
				cidr: cidrText && cidr ? this.cidr(cidrText, cidr.pos) : null,
				cidrPos: cidr?.pos ?? this.pos(inst.block.at),
				zone: zone ? asString(zone.v) : null,
				routeTable: null,
				nacl: null,
			});
			this.home.set(inst.address, vpc);
		}
	}

	private subnetHome(name: string | null): VpcModel | null {
		return name ? (this.home.get(name) ?? [...this.vpcs.values()].find((v) => v.subnets.has(name)) ?? null) : null;
	}

	readGateways(): void {
		const attachments = new Map<string, string>();
		for (const inst of this.ofType('aws_internet_gateway_attachment')) {
			const igw = this.refName(this.arg(inst, 'internet_gateway_id', inst.address)?.v ?? null);
			const vpc = this.refName(this.arg(inst, 'vpc_id', inst.address)?.v ?? null);
			if (igw && vpc) attachments.set(igw, vpc);
		}
		for (const inst of this.ofType('aws_internet_gateway')) {
			const own = this.refName(this.arg(inst, 'vpc_id', inst.address)?.v ?? null) ?? attachments.get(inst.address) ?? null;
			const vpc = (own && this.vpcs.get(own)) || (own === null ? null : this.model.vpcs[0]);
			if (!vpc) {
				this.src.report(this.pos(inst.block.at), 'unused-resource', `internet gateway \`${inst.address}\` is attached to no VPC: set \`vpc_id\` or add an aws_internet_gateway_attachment`);
				continue;
			}
			if (vpc.internetGateway) {
				this.src.report(this.pos(inst.block.at), 'unsupported-resource', `\`${inst.address}\` is not drawn: a VPC has one internet gateway (\`${vpc.internetGateway.name}\`)`);
				continue;
			}
			vpc.internetGateway = { name: inst.address, pos: this.pos(inst.block.at) };
			this.home.set(inst.address, vpc);
		}
		for (const inst of this.ofType('aws_nat_gateway')) {
			const subnet = this.refName(this.arg(inst, 'subnet_id', inst.address)?.v ?? null);
			const pos = this.pos(inst.block.at);
			const vpc = this.subnetHome(subnet) ?? this.model.vpcs[0];
			if (!vpc) continue;
			if (this.str(inst, 'connectivity_type', inst.address) === 'private') this.src.report(pos, 'unsupported-resource', `\`${inst.address}\` is a private NAT gateway: drawn, but trace treats it as a public one`);
			if (!subnet) this.src.report(pos, 'missing-field', `NAT gateway \`${inst.address}\` needs \`subnet_id\`: the public subnet it sits in`);
			vpc.natGateways.set(inst.address, { name: inst.address, pos, subnet: subnet ? { name: subnet, pos } : null });
			this.home.set(inst.address, vpc);
		}
	}

	readRouteTables(): void {
		for (const inst of this.ofType('aws_route_table', 'aws_default_route_table')) {
			const isDefault = inst.type === 'aws_default_route_table';
			const pos = this.pos(inst.block.at);
			let vpc: VpcModel | null;
			if (isDefault) {
				const ref = this.arg(inst, 'default_route_table_id', inst.address)?.v ?? null;
				vpc = (ref instanceof ResourceRef && this.vpcs.get(ref.address)) || (this.model.vpcs[0] ?? null);
			} else vpc = this.vpcOf(inst);
			if (!vpc) continue;
			vpc.routeTables.set(inst.address, { name: inst.address, pos, routes: [] });
			this.home.set(inst.address, vpc);
			if (isDefault) {
				// References to the VPC's main table made before this block was read point here.
				const earlier = this.mainTables.get(vpc);
				if (earlier && earlier !== inst.address) vpc.routeTables.delete(earlier);
				this.mainTables.set(vpc, inst.address);
			}
			for (const route of this.cfg.blocks(inst, 'route')) this.route(inst.address, vpc, { body: route.body, scope: route.scope }, this.pos(route.at));
		}
		for (const inst of this.ofType('aws_route')) {
			const table = this.refName(this.arg(inst, 'route_table_id', inst.address)?.v ?? null);
			// A module's tables (`module.vpc.private_route_table_ids[0]`) are known by their VPC only.
			const vpc = table ? (this.home.get(table) ?? this.model.vpcs.find((v) => v.routeTables.has(table))) : undefined;
			if (!table || !vpc) {
				if (table && !this.model.types.has(table)) this.src.report(this.pos(inst.block.at), 'unknown-reference', `route \`${inst.address}\` names route table \`${table}\`, which is not an aws_route_table of this block`);
				else if (!table) this.src.report(this.pos(inst.block.at), 'unsupported-resource', `route \`${inst.address}\` goes into a route table not known offline; trace ignores it`);
				continue;
			}
			this.route(table, vpc, inst, this.pos(inst.block.at), inst.address);
		}
		for (const inst of this.ofType('aws_main_route_table_association')) {
			const vpc = this.vpcOf(inst);
			const table = this.refName(this.arg(inst, 'route_table_id', inst.address)?.v ?? null);
			if (vpc && table && vpc.routeTables.has(table)) this.mainTables.set(vpc, table);
		}
		for (const inst of this.ofType('aws_route_table_association')) {
			const subnet = this.refName(this.arg(inst, 'subnet_id', inst.address)?.v ?? null);
			const table = this.refName(this.arg(inst, 'route_table_id', inst.address)?.v ?? null);
			if (!table) continue;
			if (!subnet) {
				if (this.cfg.attr(inst, 'gateway_id')) this.src.report(this.pos(inst.block.at), 'unsupported-resource', `\`${inst.address}\` associates a gateway (edge association), which is not modelled`);
				continue;
			}
			const s = this.subnetHome(subnet)?.subnets.get(subnet);
			if (s) s.routeTable = { name: table, pos: this.pos(inst.block.at) };
		}
		// A secondary CIDR is local in every table of its VPC, as the primary one is.
		for (const vpc of this.model.vpcs) {
			for (const cidr of this.model.secondaryCidrs.get(vpc.name) ?? []) for (const t of vpc.routeTables.values()) t.routes.push({ destination: cidr, target: 'local', pos: t.pos });
		}
		// A subnet without an association uses its VPC's main route table.
		for (const [vpc, main] of this.mainTables) for (const s of vpc.subnets.values()) s.routeTable ??= { name: main, pos: s.pos };
	}

	private route(table: string, vpc: VpcModel, inst: Instance | { body: Body; scope: Instance['scope'] }, pos: Pos, name = `a route of \`${table}\``): void {
		const dest = this.str(inst, 'destination_cidr_block', name) ?? this.str(inst, 'cidr_block', name);
		if (dest === null) {
			const other = this.cfg.attr(inst, 'destination_ipv6_cidr_block') ?? this.cfg.attr(inst, 'ipv6_cidr_block');
			if (other) this.src.report(pos, 'unsupported-resource', `${name} is an IPv6 route; only IPv4 routes are modelled`);
			else if (this.cfg.attr(inst, 'destination_prefix_list_id')) this.src.report(pos, 'unsupported-resource', `${name} is to a prefix list; only IPv4 routes are modelled`);
			return;
		}
		const destination = this.cidr(dest, pos);
		if (!destination) return;
		const key = ROUTE_TARGETS.find((k) => ![undefined, null, ''].includes(this.cfg.attr(inst, k)?.v as string));
		const target = key ? this.cfg.attr(inst, key) : undefined;
		const targetName = target ? this.refName(target.v) : null;
		if (!key || !target || !targetName) {
			if (target) this.unresolved(target.at, `the target of ${name}`, target.v);
			return;
		}
		const type = this.model.types.get(targetName);
		if (ROUTE_TARGETS.indexOf(key) > 1 && !LINK_TARGETS.has(type ?? '')) {
			const what = ROUTE_TARGETS.indexOf(key) < 5 ? `\`${targetName}\`, which this block does not create` : `a ${key.replace(/_id$|_arn$/, '').replace(/_/g, ' ')}, which is not modelled`;
			this.src.report(pos, 'unsupported-resource', `${name} leads to ${what}; trace ignores it`);
			return;
		}
		if (targetName === 'local') {
			vpc.routeTables.get(table)?.routes.push({ destination, target: 'local', pos });
			return;
		}
		const igw = vpc.internetGateway?.name;
		const known = targetName === igw || vpc.natGateways.has(targetName) || LINK_TARGETS.has(type ?? '');
		if (!known) {
			this.src.report(pos, 'unsupported-resource', `${name} leads to \`${targetName}\`${type ? ` (${type})` : ''}, which is not a gateway of this VPC; trace ignores it`);
			return;
		}
		vpc.routeTables.get(table)?.routes.push({ destination, target: targetName, pos });
	}

	private peers(inst: Instance | { body: Body; scope: Instance['scope'] }, owner: string, self: string): RulePeer[] {
		const peers: RulePeer[] = [];
		for (const key of ['cidr_blocks', 'cidr_ipv4']) {
			const a = this.cfg.attr(inst, key);
			if (!a) continue;
			for (const c of isList(a.v) ? a.v : [a.v]) {
				const text = asString(c);
				if (text) peers.push({ kind: 'cidr', text });
				else if (c !== null) this.unresolved(a.at, `a CIDR of a rule of \`${owner}\``, c instanceof Unknown ? c : new Unknown('it is known only after apply', a.at));
			}
		}
		for (const key of ['security_groups', 'source_security_group_id', 'referenced_security_group_id']) {
			for (const name of this.refList(this.arg(inst, key, owner)?.v)) peers.push({ kind: 'sg', name });
		}
		if (asBool(this.cfg.attr(inst, 'self')?.v ?? null)) peers.push({ kind: 'sg', name: self });
		if (this.cfg.attr(inst, 'ipv6_cidr_blocks') || this.cfg.attr(inst, 'prefix_list_ids') || this.cfg.attr(inst, 'cidr_ipv6') || this.cfg.attr(inst, 'prefix_list_id')) {
			const any = ['ipv6_cidr_blocks', 'prefix_list_ids', 'cidr_ipv6', 'prefix_list_id'].some((k) => {
				const v = this.cfg.attr(inst, k)?.v;
				return v !== undefined && v !== null && !(isList(v) && v.length === 0);
			});
			if (any) this.src.report(this.pos(('body' in inst ? 0 : inst.block.at)), 'unsupported-resource', `a rule of \`${owner}\` uses IPv6 ranges or prefix lists, which are not modelled`);
		}
		return peers;
	}

	readSecurityGroups(): void {
		for (const inst of this.ofType('aws_security_group')) {
			const vpc = this.vpcOf(inst);
			if (!vpc) continue;
			const pos = this.pos(inst.block.at);
			const group: SecurityGroup = { name: inst.address, pos, inbound: [], outbound: [], outboundDeclared: true };
			for (const [type, direction] of [
				['ingress', 'inbound'],
				['egress', 'outbound'],
			] as const) {
				for (const rule of this.cfg.blocks(inst, type)) {
					const r = { body: rule.body, scope: rule.scope };
					const rulePos = this.pos(rule.at);
					const list = sgRules(this.src, rulePos, inst.address, direction, this.str(r, 'protocol', inst.address), this.str(r, 'from_port', inst.address), this.str(r, 'to_port', inst.address), this.peers(r, inst.address, inst.address));
					(direction === 'inbound' ? group.inbound : group.outbound).push(...list);
				}
			}
			// The AWS provider removes AWS's allow-all egress rule from every group it creates.
			vpc.securityGroups.set(inst.address, group);
			this.home.set(inst.address, vpc);
		}
		const groupOf = (inst: Instance): SecurityGroup | null => {
			const name = this.refName(this.arg(inst, 'security_group_id', inst.address)?.v ?? null);
			const vpc = name ? this.home.get(name) : undefined;
			const group = name ? vpc?.securityGroups.get(name) : undefined;
			if (name && !group && !this.model.types.has(name) && name !== 'default') this.src.report(this.pos(inst.block.at), 'unknown-reference', `\`${inst.address}\` adds a rule to \`${name}\`, which is not an aws_security_group of this block`);
			return group ?? null;
		};
		for (const inst of this.ofType('aws_security_group_rule')) {
			const group = groupOf(inst);
			if (!group) continue;
			const direction = this.str(inst, 'type', inst.address) === 'egress' ? 'outbound' : 'inbound';
			const list = sgRules(this.src, this.pos(inst.block.at), inst.address, direction, this.str(inst, 'protocol', inst.address), this.str(inst, 'from_port', inst.address), this.str(inst, 'to_port', inst.address), this.peers(inst, inst.address, group.name));
			(direction === 'inbound' ? group.inbound : group.outbound).push(...list);
		}
		for (const inst of this.ofType('aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule')) {
			const group = groupOf(inst);
			if (!group) continue;
			const direction = inst.type.endsWith('ingress_rule') ? 'inbound' : 'outbound';
			const list = sgRules(this.src, this.pos(inst.block.at), inst.address, direction, this.str(inst, 'ip_protocol', inst.address), this.str(inst, 'from_port', inst.address), this.str(inst, 'to_port', inst.address), this.peers(inst, inst.address, group.name));
			(direction === 'inbound' ? group.inbound : group.outbound).push(...list);
		}
	}

	readNacls(): void {
		for (const inst of this.ofType('aws_network_acl')) {
			const vpc = this.vpcOf(inst);
			if (!vpc) continue;
			const nacl = { name: inst.address, pos: this.pos(inst.block.at), inbound: [] as import('../vpc/nacl').NaclRule[], outbound: [] as import('../vpc/nacl').NaclRule[] };
			for (const [type, direction] of [
				['ingress', 'inbound'],
				['egress', 'outbound'],
			] as const) {
				for (const rule of this.cfg.blocks(inst, type)) {
					const r = { body: rule.body, scope: rule.scope };
					if (!this.cfg.attr(r, 'cidr_block')) continue; // an IPv6 rule
					const f = (k: string): string | null => this.str(r, k, inst.address);
					const made = naclRule(this.src, this.pos(rule.at), inst.address, direction, { number: f('rule_no'), action: f('action'), proto: f('protocol'), from: f('from_port'), to: f('to_port'), cidr: f('cidr_block') });
					if (made) (direction === 'inbound' ? nacl.inbound : nacl.outbound).push(made);
				}
			}
			vpc.nacls.set(inst.address, nacl);
			this.home.set(inst.address, vpc);
			for (const subnet of this.refList(this.arg(inst, 'subnet_ids', inst.address)?.v)) {
				const s = vpc.subnets.get(subnet);
				if (s) s.nacl = { name: inst.address, pos: nacl.pos };
			}
		}
		for (const inst of this.ofType('aws_network_acl_rule')) {
			const name = this.refName(this.arg(inst, 'network_acl_id', inst.address)?.v ?? null);
			const nacl = name ? this.home.get(name)?.nacls.get(name) : undefined;
			if (!nacl) continue;
			if (!this.cfg.attr(inst, 'cidr_block')) continue;
			const direction = asBool(this.cfg.attr(inst, 'egress')?.v ?? false) ? 'outbound' : 'inbound';
			const f = (k: string): string | null => this.str(inst, k, inst.address);
			const made = naclRule(this.src, this.pos(inst.block.at), inst.address, direction, { number: f('rule_number'), action: f('rule_action'), proto: f('protocol'), from: f('from_port'), to: f('to_port'), cidr: f('cidr_block') });
			if (made) (direction === 'inbound' ? nacl.inbound : nacl.outbound).push(made);
		}
		for (const vpc of this.model.vpcs) {
			for (const nacl of vpc.nacls.values()) {
				nacl.inbound.sort((a, b) => a.number - b.number);
				nacl.outbound.sort((a, b) => a.number - b.number);
			}
		}
		for (const inst of this.ofType('aws_network_acl_association')) {
			const subnet = this.refName(this.arg(inst, 'subnet_id', inst.address)?.v ?? null);
			const nacl = this.refName(this.arg(inst, 'network_acl_id', inst.address)?.v ?? null);
			const s = subnet ? this.subnetHome(subnet)?.subnets.get(subnet) : undefined;
			if (s && nacl) s.nacl = { name: nacl, pos: this.pos(inst.block.at) };
		}
	}

	private publicIps(): Set<string> {
		const ids = new Set<string>();
		for (const inst of this.ofType('aws_eip', 'aws_eip_association')) {
			const target = this.refName(this.cfg.attr(inst, 'instance')?.v ?? this.cfg.attr(inst, 'instance_id')?.v ?? null);
			if (target) ids.add(target);
		}
		return ids;
	}

	/** Security groups (or subnets) an instance names; those not in this block (a module's, an id) are left out and said. */
	private refs(inst: Instance, keys: string[], what: 'security group' | 'subnet' = 'security group'): Ref[] {
		const pos = this.pos(inst.block.at);
		for (const key of keys) {
			const list = this.refList(this.arg(inst, key, inst.address)?.v);
			if (!list.length) continue;
			const known = list.filter((name) => this.known(name, what));
			for (const name of list.filter((n) => !known.includes(n))) this.notInBlock(pos, inst.address, what, name);
			return known.map((name) => ({ name, pos }));
		}
		return [];
	}

	private known(name: string, what: 'security group' | 'subnet'): boolean {
		if (what === 'security group') return name === 'default' || this.model.vpcs.some((v) => v.securityGroups.has(name));
		return this.model.vpcs.some((v) => v.subnets.has(name));
	}

	private notInBlock(pos: Pos, owner: string, what: string, name: string): void {
		const from = name.startsWith('module.') ? 'an output of a module not expanded' : name.startsWith('data.') ? 'a data source' : this.model.types.has(name) ? `a ${this.model.types.get(name) ?? ''}` : 'not declared in this block';
		this.src.report(pos, 'unresolved-value', `${what} \`${name}\` of \`${owner}\` is ${from}: it is left out of the drawing and of traces`, 'info');
	}

	/** A subnet a resource names, or null (said) when it is not one of this block's. */
	private subnetRef(inst: Instance, key: string): string | null {
		const name = this.refName(this.arg(inst, key, inst.address)?.v ?? null);
		if (name === null || this.known(name, 'subnet')) return name;
		this.notInBlock(this.pos(inst.block.at), inst.address, 'subnet', name);
		return null;
	}

	readInstances(): void {
		const eips = this.publicIps();
		for (const inst of this.ofType('aws_instance')) {
			const pos = this.pos(inst.block.at);
			const subnet = this.subnetRef(inst, 'subnet_id');
			const vpc = this.subnetHome(subnet) ?? this.model.vpcs[0];
			if (!vpc) continue;
			if (!subnet && !inst.block.body.attrs.has('subnet_id')) this.src.report(pos, 'unresolved-value', `instance \`${inst.address}\` names no \`subnet_id\`: it goes to the default VPC's default subnet`, 'info');
			const s = subnet ? vpc.subnets.get(subnet) : undefined;
			const subnetInst = s ? this.ofType('aws_subnet').find((x) => x.address === subnet) : undefined;
			const mapPublic = subnetInst ? asBool(this.cfg.attr(subnetInst, 'map_public_ip_on_launch')?.v ?? null) : null;
			const assoc = asBool(this.cfg.attr(inst, 'associate_public_ip_address')?.v ?? null);
			const privateIp = this.str(inst, 'private_ip', inst.address);
			const parsed = privateIp ? parseCidr(privateIp, { allowBareAddress: true }) : null;
			const instance: VpcInstance = {
				name: inst.address,
				pos,
				subnet: subnet ? { name: subnet, pos } : null,
				publicIp: eips.has(inst.address) || (assoc ?? mapPublic ?? false),
				publicIpPos: pos,
				securityGroups: this.refs(inst, ['vpc_security_group_ids', 'security_groups']),
				role: null,
				instanceType: this.str(inst, 'instance_type', inst.address),
				privateIp: parsed?.ok ? parsed.cidr : null,
			};
			vpc.instances.set(inst.address, instance);
			this.home.set(inst.address, vpc);
		}
	}

	readDatabases(): void {
		for (const inst of this.ofType('aws_db_subnet_group')) this.dbSubnetGroups.set(inst.address, this.refList(this.arg(inst, 'subnet_ids', inst.address)?.v));
		for (const inst of this.ofType('aws_db_instance')) {
			const pos = this.pos(inst.block.at);
			const groupRef = this.arg(inst, 'db_subnet_group_name', inst.address);
			const group = groupRef ? this.refName(groupRef.v) : null;
			const subnets = group ? this.dbSubnetGroups.get(group) : undefined;
			const subnet = subnets?.[0] ?? null;
			const vpc = this.subnetHome(subnet) ?? this.model.vpcs[0];
			if (!vpc) continue;
			if (!groupRef) this.src.report(pos, 'unresolved-value', `database \`${inst.address}\` names no \`db_subnet_group_name\`: it goes to the default VPC`, 'info');
			vpc.instances.set(inst.address, {
				name: inst.address,
				pos,
				subnet: subnet ? { name: subnet, pos } : null,
				publicIp: asBool(this.cfg.attr(inst, 'publicly_accessible')?.v ?? null) ?? false,
				publicIpPos: pos,
				securityGroups: this.refs(inst, ['vpc_security_group_ids']),
				role: 'database',
				instanceType: this.str(inst, 'instance_class', inst.address) ?? this.str(inst, 'engine', inst.address),
				privateIp: null,
			});
			this.home.set(inst.address, vpc);
		}
	}

	readLoadBalancers(): void {
		const targetGroups = new Map<string, { targets: string[]; port: number | null }>();
		for (const inst of this.ofType('aws_lb_target_group', 'aws_alb_target_group')) {
			targetGroups.set(inst.address, { targets: [], port: asNumber(this.cfg.attr(inst, 'port')?.v ?? null) });
		}
		for (const inst of this.ofType('aws_lb_target_group_attachment', 'aws_alb_target_group_attachment')) {
			const group = this.refName(this.arg(inst, 'target_group_arn', inst.address)?.v ?? null);
			const target = this.refName(this.arg(inst, 'target_id', inst.address)?.v ?? null);
			if (group && target) targetGroups.get(group)?.targets.push(target);
		}
		const listeners: { lb: string; port: number | null; groups: string[] }[] = [];
		for (const inst of this.ofType('aws_lb_listener', 'aws_alb_listener')) {
			const lb = this.refName(this.arg(inst, 'load_balancer_arn', inst.address)?.v ?? null);
			if (!lb) continue;
			const groups: string[] = [];
			for (const action of this.cfg.blocks(inst, 'default_action')) {
				const a = { body: action.body, scope: action.scope };
				groups.push(...this.refList(this.cfg.attr(a, 'target_group_arn')?.v));
				for (const forward of this.cfg.blocks(a, 'forward')) {
					for (const tg of this.cfg.blocks({ body: forward.body, scope: forward.scope }, 'target_group')) groups.push(...this.refList(this.cfg.attr({ body: tg.body, scope: tg.scope }, 'arn')?.v));
				}
			}
			listeners.push({ lb, port: asNumber(this.cfg.attr(inst, 'port')?.v ?? null), groups });
		}
		for (const inst of this.ofType('aws_lb', 'aws_alb', 'aws_elb')) {
			const pos = this.pos(inst.block.at);
			const type = this.str(inst, 'load_balancer_type', inst.address) ?? 'application';
			if (type === 'gateway') {
				this.src.report(pos, 'unsupported-resource', `\`${inst.address}\` is a Gateway Load Balancer, which is not modelled`);
				continue;
			}
			let subnets = this.refs(inst, ['subnets'], 'subnet');
			if (subnets.length === 0) {
				for (const m of this.cfg.blocks(inst, 'subnet_mapping')) {
					const s = this.refName(this.cfg.attr({ body: m.body, scope: m.scope }, 'subnet_id')?.v ?? null);
					if (s) subnets.push({ name: s, pos });
				}
			}
			const vpc = this.subnetHome(subnets[0]?.name ?? null) ?? this.model.vpcs[0];
			if (!vpc) continue;
			subnets = subnets.filter((s) => vpc.subnets.has(s.name) || !this.subnetHome(s.name));
			let targets: string[];
			let ports: number[];
			let targetPort: number | null = null;
			if (inst.type === 'aws_elb') {
				this.model.classicLoadBalancers.add(inst.address);
				// A classic load balancer lists its instances and listeners itself.
				targets = this.refList(this.arg(inst, 'instances', inst.address)?.v);
				const ls = this.cfg.blocks(inst, 'listener').map((l) => ({ lb: asNumber(this.cfg.attr({ body: l.body, scope: l.scope }, 'lb_port')?.v ?? null), to: asNumber(this.cfg.attr({ body: l.body, scope: l.scope }, 'instance_port')?.v ?? null) }));
				ports = ls.map((l) => l.lb).filter((p): p is number => p !== null);
				const tos = [...new Set(ls.map((l) => l.to))];
				targetPort = tos.length === 1 ? (tos[0] ?? null) : null;
				if (subnets.length === 0 && this.cfg.attr(inst, 'availability_zones')) this.src.report(pos, 'unresolved-value', `\`${inst.address}\` is placed by zones, not subnets: it goes to the default VPC`, 'info');
			} else {
				const own = listeners.filter((l) => l.lb === inst.address);
				const groupIds = [...new Set(own.flatMap((l) => l.groups))];
				targets = groupIds.flatMap((g) => targetGroups.get(g)?.targets ?? []);
				ports = own.map((l) => l.port).filter((p): p is number => p !== null);
				const tgPorts = [...new Set(groupIds.map((g) => targetGroups.get(g)?.port ?? null))];
				targetPort = tgPorts.length === 1 ? (tgPorts[0] ?? null) : null;
			}
			const internal = asBool(this.cfg.attr(inst, 'internal')?.v ?? null) ?? false;
			const lb: LoadBalancer = {
				name: inst.address,
				pos,
				subnets,
				securityGroups: this.refs(inst, ['security_groups']),
				targets: [...new Set(targets)].filter((t) => vpc.instances.has(t)).map((name) => ({ name, pos })),
				scheme: internal ? 'internal' : 'internet-facing',
				type: type === 'network' ? 'network' : 'application',
				listeners: ports.length ? ports : null,
				targetPort,
			};
			vpc.loadBalancers.set(inst.address, lb);
			this.home.set(inst.address, vpc);
		}
	}

	private readLinks(): void {
		const network = this.model.vpc.network;
		type Res = { id: string; pos: Pos; inst: Instance };
		const at = (r: Res, key: string, quiet?: boolean): { v: Val; pos: Pos } | null => {
			const a = this.cfg.attr(r.inst, key);
			if (a && !quiet) this.unresolved(a.at, `\`${key}\` of \`${r.id}\``, a.v);
			return a && !(a.v instanceof Unknown) ? { v: a.v, pos: this.pos(a.at) } : null;
		};
		readLinks<Res>({
			network,
			of: (kind) => this.ofType(...LINK_TYPES[kind]).map((inst) => ({ id: inst.address, pos: this.pos(inst.block.at), inst })),
			str: (r, key) => {
				const a = at(r, key);
				return a && asString(a.v);
			},
			has: (r, key) => !!this.cfg.attr(r.inst, key),
			ref: (r, key, quiet) => {
				const a = at(r, key, quiet);
				const name = a && this.refName(a.v);
				return a && name ? { name, pos: a.pos } : null;
			},
			refs: (r, key) => {
				const a = at(r, key);
				return a ? this.refList(a.v).map((name) => ({ name, pos: a.pos })) : [];
			},
			cidr: (r, key) => {
				const a = at(r, key);
				const text = a && asString(a.v);
				return a && text ? this.cidr(text, a.pos) : null;
			},
			// `com.amazonaws.${data.aws_region.current.name}.s3`: the service is in the text as written.
			service: (r) => {
				const a = this.cfg.attr(r.inst, 'service_name');
				return a ? (asString(a.v) ?? this.src.source.slice(a.at).split('\n')[0] ?? '') : '';
			},
			names: { vpnAttachment: (id) => `${id}.transit_gateway_attachment_id`, defaultTable: (id) => `${id}.association_default_route_table_id` },
			acceptedOnCreate: false,
		});
		for (const inst of this.ofType('aws_route_table')) {
			for (const vgw of this.refList(this.cfg.attr(inst, 'propagating_vgws')?.v)) network.vpnGateways.get(vgw)?.propagates.push({ name: inst.address, pos: this.pos(inst.block.at) });
		}
	}

	private readFlows(): void {
		for (const option of this.options) {
			if (option.key === 'region') continue;
			if (option.key !== 'flow') {
				this.src.report(option.pos, 'unknown-field', `unknown cloudnotes option \`${option.key}\`; options are region and flow`);
				continue;
			}
			const flow = flowFromOption(this.src, option);
			if (flow) this.model.flows.push(flow);
		}
	}
}


