/**
 * Template -> CloudFormationModel: the network resources of one VPC mapped onto a VpcModel, each
 * named by its logical id and positioned at it in the template. Values go through the Resolver;
 * what cannot be known offline is reported (`unresolved-value`) where the template says it, and
 * resource types we do not model are listed (`unsupported-resource`), so nothing is dropped silently.
 */

import { parseCidr, type Cidr } from '../shared/cidr';
import type { Pos } from '../shared/diagnostic';
import { flowFromOption, parseFlows } from '../shared/flow-model';
import type { Nacl, NaclRule } from '../vpc/nacl';
import type { RouteTable } from '../vpc/route-table';
import { parseTraffic, splitNaclRule, splitSgRule } from '../vpc/rule-text';
import type { SecurityGroup, SgRule } from '../vpc/security-group';
import { emptyVpc, type Instance, type LoadBalancer, type Ref, type VpcModel } from '../vpc/model';
import { readInOrder } from '../vpc/read-order';
import type { Entry, YamlSource } from '../yaml/yaml-source';
import { awsPorts, awsProto, naclRuleLine, sgRuleLine } from './aws-rules';
import { looksLikeRegion, Resolver, type Value } from './intrinsics';
import type { CloudFormationModel } from './model';
import { LINK_TYPES, readNetworkLinks, type LinkReader } from './network-links';
import { readTemplate, type Template, type TemplateResource } from './template';

const EC2 = 'AWS::EC2::';
/** Types read into the model, directly or as part of another resource. */
const MODELLED = new Set([
	`${EC2}VPC`,
	`${EC2}Subnet`,
	`${EC2}InternetGateway`,
	`${EC2}VPCGatewayAttachment`,
	`${EC2}NatGateway`,
	`${EC2}EIP`,
	`${EC2}EIPAssociation`,
	`${EC2}RouteTable`,
	`${EC2}Route`,
	`${EC2}SubnetRouteTableAssociation`,
	`${EC2}SecurityGroup`,
	`${EC2}SecurityGroupIngress`,
	`${EC2}SecurityGroupEgress`,
	`${EC2}NetworkAcl`,
	`${EC2}NetworkAclEntry`,
	`${EC2}SubnetNetworkAclAssociation`,
	`${EC2}Instance`,
	`${EC2}LaunchTemplate`,
	...LINK_TYPES,
	'AWS::ElasticLoadBalancingV2::LoadBalancer',
	'AWS::ElasticLoadBalancingV2::TargetGroup',
	'AWS::ElasticLoadBalancingV2::Listener',
	'AWS::ElasticLoadBalancingV2::ListenerRule',
	'AWS::RDS::DBInstance',
	'AWS::RDS::DBCluster',
	'AWS::RDS::DBSubnetGroup',
]);

/** Route targets a vpc model traces; the others are drawn or listed. */
const OTHER_TARGETS = ['VpcPeeringConnectionId', 'TransitGatewayId', 'InstanceId', 'NetworkInterfaceId', 'VpcEndpointId', 'EgressOnlyInternetGatewayId', 'CarrierGatewayId', 'LocalGatewayId', 'CoreNetworkArn'];

export function buildModel(src: YamlSource): CloudFormationModel {
	const vpc = emptyVpc(src.start);
	const model: CloudFormationModel = { kind: 'cloudformation', vpc, flows: vpc.flows, tooLarge: false, types: new Map(), declared: 0 };
	const template = readTemplate(src);
	if (!template) return model;
	const first = new TemplateReader(src, template, model, null);
	first.read();
	// Every other VPC of the template is read the same way into the same network (unless
	// `# cloudnotes vpc:` picks one); what they report twice is said once by the sink.
	for (const other of first.otherVpcs()) {
		const more: CloudFormationModel = { ...model, vpc: emptyVpc(src.start, vpc.network), flows: [], types: new Map() };
		new TemplateReader(src, template, more, other).read();
	}
	readNetworkLinks(first.links());
	return model;
}

class TemplateReader {
	private readonly r: Resolver;
	private readonly vpc: VpcModel;
	/** Resources that exist (their Condition holds or is unknown), in template order. */
	private readonly live: TemplateResource[] = [];
	/** Logical id of the VPC drawn (or null when the template creates none). */
	private primary: string | null = null;
	private readonly others = new Set<string>();
	/** `# cloudnotes vpc:` names one VPC: the others are reported, not drawn (the one-VPC behaviour). */
	private single = true;
	private readonly reported = new Set<string>();

	constructor(
		private readonly src: YamlSource,
		private readonly t: Template,
		private readonly model: CloudFormationModel,
		/** The VPC this reader reads (a later pass of a several-VPC template), else chosen as before. */
		private readonly forced: string | null,
	) {
		this.r = new Resolver(src, t);
		this.vpc = model.vpc;
	}

	private option(key: string): { value: string; pos: Pos } | null {
		const found = this.t.options.filter((o) => o.key === key).pop();
		if (found) return { value: found.value, pos: found.pos };
		const meta = this.t.cloudnotes.get(key);
		const text = meta ? this.src.text(meta.value) : null;
		return meta && text ? { value: text, pos: meta.valuePos } : null;
	}

	private unresolved(value: Value, what: string): void {
		if (value.k !== 'unknown') return;
		const key = `${value.pos.line}:${value.pos.column}`;
		if (this.reported.has(key)) return;
		this.reported.add(key);
		this.src.report(value.pos, 'unresolved-value', `${what} is not known offline: ${value.why}`);
	}

	private prop(res: TemplateResource, name: string): Value {
		const entry = res.props.get(name);
		return entry ? this.r.value(entry.value, entry.valuePos) : { k: 'none', pos: res.pos };
	}

	/** A property that must be a text (CIDR, zone, port); reports when it cannot be known. */
	private text(res: TemplateResource, name: string, what: string): { value: string; pos: Pos } | null {
		const v = this.prop(res, name);
		if (v.k === 'str') return { value: v.v, pos: v.pos };
		if (v.k === 'unknown') this.unresolved(v, `${what} of \`${res.id}\``);
		return null;
	}

	/** The logical id a property points at (`Ref`, `GetAtt`, `${X}`), or null (reported when unknown). */
	private refId(res: TemplateResource, name: string, what: string): Ref | null {
		return this.refOf(this.prop(res, name), `${what} of \`${res.id}\``);
	}

	private refOf(v: Value, what: string): Ref | null {
		// `!GetAtt VPC.DefaultSecurityGroup` is the VPC's default group, `default` in the model.
		if (v.k === 'res' && v.attr === 'DefaultSecurityGroup') {
			this.vpc.securityGroups.set('default', this.vpc.securityGroups.get('default') ?? this.vpc.defaultSecurityGroup);
			return { name: 'default', pos: v.pos };
		}
		if (v.k === 'res') return { name: v.id, pos: v.pos };
		if (v.k === 'str') return { name: v.v, pos: v.pos };
		if (v.k === 'unknown') this.unresolved(v, what);
		return null;
	}

	private refList(v: Value, what: string): Ref[] {
		const items = v.k === 'list' ? v.items : v.k === 'none' ? [] : [v];
		const out: Ref[] = [];
		for (const item of items) {
			const ref = this.refOf(item, what);
			if (ref) out.push(ref);
		}
		return out;
	}

	private ofType(type: string): TemplateResource[] {
		return this.live.filter((r) => r.type === type);
	}

	/** Whether a resource's VpcId puts it in the drawn VPC (an unknown VPC counts as the drawn one). */
	private inVpc(res: TemplateResource, property = 'VpcId'): boolean {
		const v = this.prop(res, property);
		// A later pass takes only what names its VPC; the first pass keeps what names none.
		if (this.forced) return v.k === 'res' && v.id === this.primary;
		if (v.k === 'res' && this.others.has(v.id)) {
			this.notDrawn(res, `it belongs to VPC \`${v.id}\``);
			return false;
		}
		return true;
	}

	private notDrawn(res: TemplateResource, why: string): void {
		if (!this.single) return;
		this.src.report(res.pos, 'unsupported-resource', `\`${res.id}\` (${res.type}) is not drawn: ${why}; draw that VPC with \`# cloudnotes vpc: <its logical id>\``);
	}

	read(): void {
		const t = this.t;
		const vpc = this.vpc;
		this.model.declared = t.resources.size;
		const region = this.option('region');
		if (region) this.r.region = region.value;
		else {
			for (const [name] of t.parameters) {
				const v = this.r.value(t.parameters.get(name)?.value ?? null);
				const def = v.k === 'map' ? v.entries.get('Default') : undefined;
				if (def?.k === 'str' && looksLikeRegion(def.v) && /region/i.test(name)) this.r.region = def.v;
			}
		}
		vpc.region = this.r.region;
		for (const res of t.resources.values()) {
			this.model.types.set(res.id, res.type);
			if (res.condition) {
				const verdict = this.r.condition(res.condition.name);
				if (verdict === false) {
					this.src.report(res.condition.pos, 'unsupported-resource', `\`${res.id}\` is left out: condition \`${res.condition.name}\` is false with the parameters' defaults`);
					continue;
				}
				if (typeof verdict === 'string') this.src.report(res.condition.pos, 'unresolved-value', `whether \`${res.id}\` exists is not known offline: ${verdict}; it is drawn`);
			}
			this.live.push(res);
			if (!MODELLED.has(res.type)) this.src.report(res.pos, 'unsupported-resource', `\`${res.id}\` (${res.type}) is not modelled: it is not drawn or traced`);
		}
		this.chooseVpc();
		readInOrder(this);
		this.readFlows();
		if (this.r.regionNeededAt) {
			this.src.report(this.r.regionNeededAt, 'unresolved-value', 'the region is not known offline, so zones are drawn as `<region>a`, `<region>b`, ...; name it with `# cloudnotes region: ap-northeast-2` (a line of its own in the block) or a `Region` parameter default');
		}
	}

	private chooseVpc(): void {
		const vpcs = this.ofType(`${EC2}VPC`);
		const chosen = this.forced ? null : this.option('vpc');
		this.single = !!chosen || vpcs.length < 2;
		let primary = vpcs[0] ?? null;
		const forced = this.forced ? vpcs.find((v) => v.id === this.forced) : undefined;
		if (chosen) {
			const found = vpcs.find((v) => v.id === chosen.value);
			if (found) primary = found;
			else this.src.report(chosen.pos, 'unknown-reference', `\`${chosen.value}\` is not an AWS::EC2::VPC of this template${vpcs.length ? `; VPCs: ${vpcs.map((v) => v.id).join(', ')}` : ''}`);
		} else if (vpcs.length > 1) {
			// The VPC most subnets name is the one the template is about.
			const count = (id: string): number => this.ofType(`${EC2}Subnet`).filter((s) => this.prop(s, 'VpcId').k === 'res' && (this.prop(s, 'VpcId') as { id: string }).id === id).length;
			primary = vpcs.reduce((best, v) => (count(v.id) > count(best.id) ? v : best), vpcs[0]);
		}
		if (forced) primary = forced;
		for (const v of vpcs) if (v !== primary) this.others.add(v.id);
		if (primary) {
			this.primary = primary.id;
			this.vpc.name = primary.id;
			this.vpc.pos = primary.pos;
			this.vpc.cidrPos = primary.pos;
			const cidr = this.text(primary, 'CidrBlock', 'the CIDR');
			if (cidr) {
				this.vpc.cidrPos = cidr.pos;
				this.vpc.cidr = this.cidr(cidr.value, cidr.pos);
			} else if (this.prop(primary, 'Ipv4IpamPoolId').k !== 'none') {
				this.src.report(primary.pos, 'unresolved-value', `the CIDR of \`${primary.id}\` comes from an IPAM pool, which is not known offline`);
			}
			for (const other of this.others) {
				const res = this.single ? this.t.resources.get(other) : undefined;
				if (res) this.src.report(res.pos, 'unsupported-resource', `this template has ${vpcs.length} VPCs; \`${primary.id}\` is drawn, not \`${other}\` (draw it with \`# cloudnotes vpc: ${other}\`)`);
			}
		} else {
			// The VPC is the template's input (a VpcId parameter): draw what goes into it.
			const ref = this.ofType(`${EC2}Subnet`).map((s) => s.props.get('VpcId')).find((e): e is Entry => !!e);
			const refValue = ref ? this.r.value(ref.value, ref.valuePos) : null;
			const name = ref && this.src.text(ref.value);
			this.vpc.name = refValue?.k === 'str' && /^[A-Za-z0-9-]+$/.test(refValue.v) ? refValue.v : (name ?? 'VPC');
			if (this.ofType(`${EC2}Subnet`).length > 0 || this.ofType(`${EC2}SecurityGroup`).length > 0) {
				this.src.report(ref?.valuePos ?? this.src.start, 'unresolved-value', 'this template creates no AWS::EC2::VPC: its resources go into an existing VPC whose CIDR is not known offline');
			}
		}
	}

	private cidr(text: string, pos: Pos): Cidr | null {
		const parsed = parseCidr(text);
		if (parsed.ok) return parsed.cidr;
		this.src.report(pos, 'invalid-cidr', parsed.message);
		return null;
	}

	readSubnets(): void {
		for (const res of this.ofType(`${EC2}Subnet`)) {
			if (!this.inVpc(res)) continue;
			const cidr = this.text(res, 'CidrBlock', 'the CIDR');
			const zone = this.prop(res, 'AvailabilityZone');
			const zoneId = this.prop(res, 'AvailabilityZoneId');
			if (zone.k === 'unknown') this.unresolved(zone, `the zone of \`${res.id}\``);
			if (!cidr && this.prop(res, 'CidrBlock').k === 'none') this.src.report(res.pos, 'missing-field', `subnet \`${res.id}\` needs \`CidrBlock\` (IPv6-only and IPAM subnets are not modelled)`);
			this.vpc.subnets.set(res.id, {
				name: res.id,
				pos: res.pos,
				cidr: cidr ? this.cidr(cidr.value, cidr.pos) : null,
				cidrPos: cidr?.pos ?? res.pos,
				zone: zone.k === 'str' ? zone.v : zoneId.k === 'str' ? zoneId.v : null,
				routeTable: null,
				nacl: null,
			});
		}
	}

	readGateways(): void {
		const attached = new Map<string, Pos>();
		for (const res of this.ofType(`${EC2}VPCGatewayAttachment`)) {
			if (!this.inVpc(res)) continue;
			const igw = this.prop(res, 'InternetGatewayId');
			if (igw.k === 'res') attached.set(igw.id, res.pos);
			else if (igw.k === 'unknown') this.unresolved(igw, `the gateway of \`${res.id}\``);
		}
		const igws = this.ofType(`${EC2}InternetGateway`).filter((g) => attached.has(g.id) || (attached.size === 0 && !this.forced));
		const igw = igws.find((g) => attached.has(g.id)) ?? igws[0];
		if (igw) {
			this.vpc.internetGateway = { name: igw.id, pos: igw.pos };
			if (!attached.has(igw.id) && this.primary) {
				this.src.report(igw.pos, 'unused-resource', `internet gateway \`${igw.id}\` is not attached to \`${this.primary}\`: add an AWS::EC2::VPCGatewayAttachment, or AWS drops what is routed to it`);
			}
		}
		for (const other of this.forced ? [] : this.ofType(`${EC2}InternetGateway`)) {
			if (other !== igw && !attached.has(other.id) && this.single) this.src.report(other.pos, 'unused-resource', `internet gateway \`${other.id}\` is not attached to the drawn VPC`);
			else if (other !== igw) this.notDrawn(other, 'a VPC has one internet gateway');
		}
		for (const res of this.ofType(`${EC2}NatGateway`)) {
			const subnet = this.refId(res, 'SubnetId', 'the subnet');
			if (subnet && !this.vpc.subnets.has(subnet.name) && this.t.resources.has(subnet.name) && !this.inVpc(this.t.resources.get(subnet.name) as TemplateResource)) continue;
			if (this.forced && !this.vpc.subnets.has(subnet?.name ?? '')) continue;
			if (!subnet) this.src.report(res.pos, 'missing-field', `NAT gateway \`${res.id}\` needs \`SubnetId\`: the public subnet it sits in`);
			this.vpc.natGateways.set(res.id, { name: res.id, pos: res.pos, subnet });
		}
	}

	readRouteTables(): void {
		const vpc = this.vpc;
		for (const res of this.ofType(`${EC2}RouteTable`)) {
			if (!this.inVpc(res)) continue;
			vpc.routeTables.set(res.id, { name: res.id, pos: res.pos, routes: [] } satisfies RouteTable);
		}
		for (const res of this.ofType(`${EC2}Route`)) {
			const table = this.refId(res, 'RouteTableId', 'the route table');
			if (!table) continue;
			const owner = vpc.routeTables.get(table.name);
			if (!owner) {
				const known = this.t.resources.get(table.name);
				if (known && known.type === `${EC2}RouteTable`) continue; // in another VPC, reported there
				this.src.report(table.pos, 'unknown-reference', `route \`${res.id}\` names route table \`${table.name}\`, which is not an AWS::EC2::RouteTable of this template`);
				continue;
			}
			if (this.prop(res, 'DestinationCidrBlock').k === 'none') {
				this.src.report(res.pos, 'unsupported-resource', `route \`${res.id}\` is ${this.prop(res, 'DestinationIpv6CidrBlock').k !== 'none' ? 'an IPv6 route' : 'to a prefix list'}; only IPv4 routes are modelled`);
				continue;
			}
			const dest = this.text(res, 'DestinationCidrBlock', 'the destination');
			if (!dest) continue;
			const destination = this.cidr(dest.value, dest.pos);
			if (!destination) continue;
			const gateway = this.prop(res, 'GatewayId');
			const nat = this.prop(res, 'NatGatewayId');
			const target = nat.k !== 'none' ? nat : gateway;
			if (target.k === 'none') {
				const other = OTHER_TARGETS.find((key) => this.prop(res, key).k !== 'none');
				const value = other ? this.prop(res, other) : null;
				// Peerings and transit gateways are links of the network: the route is traced across them.
				const linkType = value?.k === 'res' ? this.t.resources.get(value.id)?.type : undefined;
				if (value?.k === 'res' && (linkType === `${EC2}VPCPeeringConnection` || linkType === `${EC2}TransitGateway`)) {
					owner.routes.push({ destination, target: value.id, pos: res.pos });
				} else this.src.report(res.pos, 'unsupported-resource', `route \`${res.id}\` leads to a ${other ? other.replace(/Id$|Arn$/, '') : 'target'}, which is not modelled; trace ignores it`);
				continue;
			}
			const ref = this.refOf(target, `the target of \`${res.id}\``);
			if (!ref) continue;
			const name = ref.name === 'local' ? 'local' : ref.name;
			const targetType = this.t.resources.get(name)?.type;
			if (name !== 'local' && targetType && targetType !== `${EC2}InternetGateway` && targetType !== `${EC2}NatGateway` && targetType !== `${EC2}VPNGateway`) {
				this.src.report(res.pos, 'unsupported-resource', `route \`${res.id}\` leads to \`${name}\` (${targetType}), which is not modelled; trace ignores it`);
				continue;
			}
			owner.routes.push({ destination, target: name, pos: res.pos });
		}
		for (const [subnet, table] of this.associations()) {
			const s = vpc.subnets.get(subnet);
			if (s) s.routeTable = table;
		}
	}

	/** VPCs of the template this reader did not read (read by later passes). */
	otherVpcs(): string[] {
		return this.single ? [] : [...this.others];
	}

	/** What readNetworkLinks needs of this reader: values by logical id, resolved. */
	links(): LinkReader {
		return {
			network: this.vpc.network,
			ofType: (type) => this.ofType(type),
			prop: (res, name) => this.prop(res, name),
			ref: (v, what) => this.refOf(v, what),
			refs: (v, what) => this.refList(v, what),
			cidr: (text, pos) => this.cidr(text, pos),
		};
	}

	private assoc: Map<string, Ref> | null = null;
	private associations(): Map<string, Ref> {
		if (this.assoc) return this.assoc;
		const out = new Map<string, Ref>();
		for (const res of this.ofType(`${EC2}SubnetRouteTableAssociation`)) {
			const subnet = this.refId(res, 'SubnetId', 'the subnet');
			const table = this.refId(res, 'RouteTableId', 'the route table');
			if (!subnet || !table) continue;
			if (!this.vpc.subnets.has(subnet.name)) continue;
			out.set(subnet.name, table);
		}
		this.assoc = out;
		return out;
	}

	private sgRules(res: TemplateResource, node: Value, direction: 'inbound' | 'outbound'): SgRule[] {
		const items = node.k === 'list' ? node.items : node.k === 'none' ? [] : [node];
		const rules: SgRule[] = [];
		for (const item of items) {
			if (item.k === 'unknown') {
				this.unresolved(item, `a rule of \`${res.id}\``);
				continue;
			}
			if (item.k !== 'map') continue;
			const rule = this.sgRule(res, item.entries, item.pos, direction);
			if (rule) rules.push(rule);
		}
		return rules;
	}

	private sgRule(res: TemplateResource, f: Map<string, Value>, pos: Pos, direction: 'inbound' | 'outbound'): SgRule | null {
		const get = (key: string): Value => f.get(key) ?? { k: 'none', pos };
		const str = (key: string): string | null => {
			const v = get(key);
			if (v.k === 'unknown') this.unresolved(v, `\`${key}\` of a rule of \`${res.id}\``);
			return v.k === 'str' ? v.v : null;
		};
		const protoText = str('IpProtocol');
		const proto = awsProto(protoText ?? '-1');
		if (!proto) {
			this.src.report(pos, 'unsupported-resource', `a rule of \`${res.id}\` uses protocol \`${protoText ?? ''}\`, which is not modelled (tcp, udp, icmp, all)`);
			return null;
		}
		const peerKeys = direction === 'inbound' ? ['CidrIp', 'SourceSecurityGroupId', 'SourceSecurityGroupName', 'CidrIpv6', 'SourcePrefixListId'] : ['CidrIp', 'DestinationSecurityGroupId', 'CidrIpv6', 'DestinationPrefixListId'];
		const key = peerKeys.find((k) => get(k).k !== 'none');
		if (!key) {
			this.src.report(pos, 'missing-field', `a rule of \`${res.id}\` names no peer (CidrIp or a security group)`);
			return null;
		}
		if (key === 'CidrIpv6' || key.endsWith('PrefixListId')) {
			this.src.report(get(key).pos, 'unsupported-resource', `a rule of \`${res.id}\` uses ${key === 'CidrIpv6' ? 'an IPv6 range' : 'a prefix list'}, which is not modelled`);
			return null;
		}
		const peerValue = get(key);
		let peer: string;
		const peerType = peerValue.k === 'res' ? this.t.resources.get(peerValue.id)?.type : undefined;
		const defaultGroup = peerValue.k === 'res' && peerValue.attr === 'DefaultSecurityGroup';
		if (peerValue.k === 'res' && peerType !== `${EC2}SecurityGroup` && !defaultGroup) {
			this.src.report(peerValue.pos, 'unsupported-resource', `a rule of \`${res.id}\` names the group of \`${peerValue.id}\` (${peerType ?? '?'}), which is not modelled; the rule is left out`);
			return null;
		}
		if (defaultGroup) peer = 'default';
		else if (peerValue.k === 'res') peer = peerValue.id;
		else if (peerValue.k === 'str') peer = peerValue.v;
		else {
			this.unresolved(peerValue, `the peer of a rule of \`${res.id}\``);
			return null;
		}
		const text = sgRuleLine(proto, awsPorts(proto, str('FromPort'), str('ToPort')), direction, peer);
		const parts = splitSgRule(text);
		if (!parts) return null;
		const traffic = parseTraffic(parts, direction);
		if (!traffic.ok) {
			this.src.report(pos, traffic.code, traffic.message);
			return null;
		}
		let parsedPeer: { kind: 'cidr'; cidr: Cidr } | { kind: 'sg'; name: string } = { kind: 'sg', name: peer };
		if (key === 'CidrIp') {
			const cidr = parseCidr(peer);
			if (!cidr.ok) {
				this.src.report(peerValue.pos, 'invalid-cidr', `a rule of \`${res.id}\`: ${cidr.message}`);
				return null;
			}
			parsedPeer = { kind: 'cidr', cidr: cidr.cidr };
		}
		return { ...traffic.value, peer: parsedPeer, text, pos };
	}

	readSecurityGroups(): void {
		for (const res of this.ofType(`${EC2}SecurityGroup`)) {
			if (!this.inVpc(res)) continue;
			const egress = this.prop(res, 'SecurityGroupEgress');
			const group: SecurityGroup = {
				name: res.id,
				pos: res.pos,
				inbound: this.sgRules(res, this.prop(res, 'SecurityGroupIngress'), 'inbound'),
				outbound: this.sgRules(res, egress, 'outbound'),
				// AWS removes the allow-all egress only when the group itself lists egress rules.
				outboundDeclared: egress.k === 'list' ? egress.items.length > 0 : egress.k !== 'none',
			};
			this.vpc.securityGroups.set(res.id, group);
		}
		for (const [type, direction] of [
			[`${EC2}SecurityGroupIngress`, 'inbound'],
			[`${EC2}SecurityGroupEgress`, 'outbound'],
		] as const) {
			for (const res of this.ofType(type)) {
				const id = this.prop(res, 'GroupId');
				const byName = this.prop(res, 'GroupName');
				const ref = this.refOf(id.k !== 'none' ? id : byName, `the group of \`${res.id}\``);
				if (!ref) continue;
				const group = this.vpc.securityGroups.get(ref.name);
				if (!group) {
					if (!this.t.resources.has(ref.name)) this.src.report(ref.pos, 'unknown-reference', `\`${res.id}\` adds a rule to \`${ref.name}\`, which is not an AWS::EC2::SecurityGroup of this template`);
					continue;
				}
				const fields = new Map<string, Value>();
				for (const key of res.props.keys()) fields.set(key, this.prop(res, key));
				const rule = this.sgRule(res, fields, res.pos, direction);
				if (rule) (direction === 'inbound' ? group.inbound : group.outbound).push(rule);
			}
		}
	}

	readNacls(): void {
		for (const res of this.ofType(`${EC2}NetworkAcl`)) {
			if (!this.inVpc(res)) continue;
			this.vpc.nacls.set(res.id, { name: res.id, pos: res.pos, inbound: [], outbound: [] } satisfies Nacl);
		}
		for (const res of this.ofType(`${EC2}NetworkAclEntry`)) {
			const ref = this.refId(res, 'NetworkAclId', 'the NACL');
			const nacl = ref && this.vpc.nacls.get(ref.name);
			if (!ref || !nacl) {
				const target = ref ? this.t.resources.get(ref.name) : undefined;
				if (ref && !target) this.src.report(ref.pos, 'unknown-reference', `\`${res.id}\` adds a rule to \`${ref.name}\`, which is not an AWS::EC2::NetworkAcl of this template`);
				// The VPC's default NACL (`!GetAtt VPC.DefaultNetworkAcl`) keeps AWS's allow-all in the model.
				else if (ref && target?.type !== `${EC2}NetworkAcl`) this.src.report(res.pos, 'unsupported-resource', `\`${res.id}\` changes the NACL of \`${ref.name}\` (its default NACL), which is not modelled: subnets without a NACL allow all`);
				continue;
			}
			const egress = this.prop(res, 'Egress');
			const direction = egress.k === 'str' && egress.v === 'true' ? 'outbound' : 'inbound';
			if (this.prop(res, 'CidrBlock').k === 'none') {
				this.src.report(res.pos, 'unsupported-resource', `NACL entry \`${res.id}\` is for IPv6 (Ipv6CidrBlock), which is not modelled`);
				continue;
			}
			const cidr = this.text(res, 'CidrBlock', 'the CIDR');
			const number = this.text(res, 'RuleNumber', 'the rule number');
			const action = this.text(res, 'RuleAction', 'the action');
			const protoText = this.text(res, 'Protocol', 'the protocol');
			if (!cidr || !number || !action || !protoText) continue;
			const proto = awsProto(protoText.value);
			if (!proto) {
				this.src.report(res.pos, 'unsupported-resource', `NACL entry \`${res.id}\` uses protocol ${protoText.value}, which is not modelled (tcp, udp, icmp, all)`);
				continue;
			}
			const range = this.prop(res, 'PortRange');
			const from = range.k === 'map' ? range.entries.get('From') : undefined;
			const to = range.k === 'map' ? range.entries.get('To') : undefined;
			const ports = awsPorts(proto, from?.k === 'str' ? from.v : null, to?.k === 'str' ? to.v : null);
			const text = naclRuleLine(number.value, action.value, proto, ports, direction, cidr.value);
			const parts = splitNaclRule(text);
			const traffic = parts && parseTraffic(parts, direction);
			if (!parts || !traffic) continue;
			if (!traffic.ok) {
				this.src.report(res.pos, traffic.code, traffic.message);
				continue;
			}
			const n = Number(number.value);
			const act = action.value.toLowerCase();
			if (!Number.isInteger(n) || n < 1 || n > 32766 || (act !== 'allow' && act !== 'deny')) {
				this.src.report(res.pos, 'invalid-rule', `NACL entry \`${res.id}\`: rule numbers run from 1 to 32766 and the action is allow or deny`);
				continue;
			}
			const c = this.cidr(cidr.value, cidr.pos);
			if (!c) continue;
			const rule: NaclRule = { number: n, action: act, ...traffic.value, cidr: c, text, pos: res.pos };
			(direction === 'inbound' ? nacl.inbound : nacl.outbound).push(rule);
		}
		for (const nacl of this.vpc.nacls.values()) {
			nacl.inbound.sort((a, b) => a.number - b.number);
			nacl.outbound.sort((a, b) => a.number - b.number);
		}
		for (const res of this.ofType(`${EC2}SubnetNetworkAclAssociation`)) {
			const subnet = this.refId(res, 'SubnetId', 'the subnet');
			const nacl = this.refId(res, 'NetworkAclId', 'the NACL');
			const s = subnet && this.vpc.subnets.get(subnet.name);
			if (s && nacl) s.nacl = nacl;
		}
	}

	/** An instance's placement: its own properties, else its launch template's. */
	private placement(res: TemplateResource): { subnet: Ref | null; groups: Ref[]; publicIp: boolean | null; privateIp: string | null; type: string | null } {
		const out = { subnet: null as Ref | null, groups: [] as Ref[], publicIp: null as boolean | null, privateIp: null as string | null, type: null as string | null };
		const read = (f: (key: string) => Value, owner: string): void => {
			const type = f('InstanceType');
			if (out.type === null && type.k === 'str') out.type = type.v;
			const nics = f('NetworkInterfaces');
			const first = nics.k === 'list' ? nics.items.find((n) => n.k === 'map' && ((n.entries.get('DeviceIndex') as { v?: string } | undefined)?.v ?? '0') === '0') ?? nics.items[0] : undefined;
			const nic = first?.k === 'map' ? first.entries : null;
			const subnet = nic?.get('SubnetId') ?? f('SubnetId');
			if (!out.subnet && subnet.k !== 'none') out.subnet = this.refOf(subnet, `the subnet of \`${owner}\``);
			if (out.groups.length === 0) {
				for (const key of ['SecurityGroupIds', 'SecurityGroups']) {
					const v = f(key);
					if (v.k !== 'none') out.groups = this.refList(v, `the security groups of \`${owner}\``);
					if (out.groups.length) break;
				}
				const groupSet = nic?.get('GroupSet') ?? nic?.get('Groups');
				if (out.groups.length === 0 && groupSet) out.groups = this.refList(groupSet, `the security groups of \`${owner}\``);
			}
			const assoc = nic?.get('AssociatePublicIpAddress');
			if (out.publicIp === null && assoc?.k === 'str') out.publicIp = assoc.v === 'true';
			const ip = nic?.get('PrivateIpAddress') ?? f('PrivateIpAddress');
			if (out.privateIp === null && ip.k === 'str') out.privateIp = ip.v;
		};
		read((key) => this.prop(res, key), res.id);
		const lt = this.prop(res, 'LaunchTemplate');
		if (lt.k === 'map') {
			const ref = lt.entries.get('LaunchTemplateId') ?? lt.entries.get('LaunchTemplateName');
			const template = ref?.k === 'res' ? this.t.resources.get(ref.id) : undefined;
			if (template) {
				const data = this.prop(template, 'LaunchTemplateData');
				if (data.k === 'map') read((key) => data.entries.get(key) ?? { k: 'none', pos: data.pos }, template.id);
			} else if (ref?.k === 'unknown') this.unresolved(ref, `the launch template of \`${res.id}\``);
		}
		return out;
	}

	private publicIps(): Set<string> {
		const ids = new Set<string>();
		for (const type of [`${EC2}EIP`, `${EC2}EIPAssociation`]) {
			for (const res of this.ofType(type)) {
				const instance = this.prop(res, 'InstanceId');
				if (instance.k === 'res') ids.add(instance.id);
			}
		}
		return ids;
	}

	private subnetElsewhere(ref: Ref | null): boolean {
		const res = ref ? this.t.resources.get(ref.name) : undefined;
		return !!res && res.type === `${EC2}Subnet` && !this.vpc.subnets.has(res.id);
	}

	readInstances(): void {
		const eips = this.publicIps();
		for (const res of this.ofType(`${EC2}Instance`)) {
			const p = this.placement(res);
			if (this.subnetElsewhere(p.subnet) || (this.forced && !this.vpc.subnets.has(p.subnet?.name ?? ''))) continue;
			if (!p.subnet) this.src.report(res.pos, 'unresolved-value', `instance \`${res.id}\` names no subnet (SubnetId, NetworkInterfaces or its launch template): it would go to the default VPC`);
			const subnet = p.subnet ? this.t.resources.get(p.subnet.name) : undefined;
			const mapPublic = subnet ? this.prop(subnet, 'MapPublicIpOnLaunch') : null;
			const instance: Instance = {
				name: res.id,
				pos: res.pos,
				subnet: p.subnet,
				publicIp: eips.has(res.id) || (p.publicIp ?? (mapPublic?.k === 'str' && mapPublic.v === 'true')),
				publicIpPos: res.pos,
				securityGroups: p.groups,
				role: null,
				instanceType: p.type,
				privateIp: null,
			};
			if (p.privateIp) {
				const parsed = parseCidr(p.privateIp, { allowBareAddress: true });
				if (parsed.ok) instance.privateIp = parsed.cidr;
			}
			this.vpc.instances.set(res.id, instance);
		}
	}

	readDatabases(): void {
		const groups = new Map<string, Ref[]>();
		for (const res of this.ofType('AWS::RDS::DBSubnetGroup')) groups.set(res.id, this.refList(this.prop(res, 'SubnetIds'), `the subnets of \`${res.id}\``));
		for (const type of ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster']) {
			for (const res of this.ofType(type)) {
				// An instance of a cluster sits where its cluster does: draw the cluster once.
				if (type === 'AWS::RDS::DBInstance' && this.prop(res, 'DBClusterIdentifier').k !== 'none') {
					this.src.report(res.pos, 'unsupported-resource', `\`${res.id}\` is drawn as its DB cluster (DBClusterIdentifier)`);
					continue;
				}
				const groupRef = this.refId(res, 'DBSubnetGroupName', 'the DB subnet group');
				const subnets = groupRef ? groups.get(groupRef.name) : undefined;
				const subnet = subnets?.[0] ?? null;
				if (this.subnetElsewhere(subnet) || (this.forced && !this.vpc.subnets.has(subnet?.name ?? ''))) continue;
				if (!groupRef) this.src.report(res.pos, 'unresolved-value', `database \`${res.id}\` names no DBSubnetGroupName: it would go to the default VPC`);
				const sgs = this.prop(res, type === 'AWS::RDS::DBCluster' ? 'VpcSecurityGroupIds' : 'VPCSecurityGroups');
				const pub = this.prop(res, 'PubliclyAccessible');
				const cls = this.prop(res, 'DBInstanceClass');
				const engine = this.prop(res, 'Engine');
				this.vpc.instances.set(res.id, {
					name: res.id,
					pos: res.pos,
					subnet,
					publicIp: pub.k === 'str' && pub.v === 'true',
					publicIpPos: res.pos,
					securityGroups: this.refList(sgs, `the security groups of \`${res.id}\``),
					role: 'database',
					instanceType: cls.k === 'str' ? cls.v : engine.k === 'str' ? engine.v : null,
					privateIp: null,
				});
			}
		}
	}

	readLoadBalancers(): void {
		const targetGroups = new Map<string, { targets: Ref[]; port: number | null }>();
		for (const res of this.ofType('AWS::ElasticLoadBalancingV2::TargetGroup')) {
			const targets: Ref[] = [];
			const list = this.prop(res, 'Targets');
			for (const item of list.k === 'list' ? list.items : []) {
				if (item.k !== 'map') continue;
				const id = item.entries.get('Id');
				const ref = id ? this.refOf(id, `a target of \`${res.id}\``) : null;
				if (ref && this.vpc.instances.has(ref.name)) targets.push(ref);
			}
			const port = this.prop(res, 'Port');
			targetGroups.set(res.id, { targets, port: port.k === 'str' && /^[0-9]+$/.test(port.v) ? Number(port.v) : null });
		}
		const forwards = (actions: Value): string[] => {
			const out: string[] = [];
			for (const action of actions.k === 'list' ? actions.items : []) {
				if (action.k !== 'map') continue;
				const tg = action.entries.get('TargetGroupArn');
				if (tg?.k === 'res') out.push(tg.id);
				const forward = action.entries.get('ForwardConfig');
				const groups = forward?.k === 'map' ? forward.entries.get('TargetGroups') : undefined;
				for (const g of groups?.k === 'list' ? groups.items : []) {
					const arn = g.k === 'map' ? g.entries.get('TargetGroupArn') : undefined;
					if (arn?.k === 'res') out.push(arn.id);
				}
			}
			return out;
		};
		const listeners = new Map<string, { lb: string; port: number | null; groups: string[] }>();
		for (const res of this.ofType('AWS::ElasticLoadBalancingV2::Listener')) {
			const lb = this.prop(res, 'LoadBalancerArn');
			if (lb.k !== 'res') {
				this.unresolved(lb, `the load balancer of \`${res.id}\``);
				continue;
			}
			const port = this.prop(res, 'Port');
			listeners.set(res.id, { lb: lb.id, port: port.k === 'str' && /^[0-9]+$/.test(port.v) ? Number(port.v) : null, groups: forwards(this.prop(res, 'DefaultActions')) });
		}
		for (const res of this.ofType('AWS::ElasticLoadBalancingV2::ListenerRule')) {
			const listener = this.prop(res, 'ListenerArn');
			const l = listener.k === 'res' ? listeners.get(listener.id) : undefined;
			if (l) l.groups.push(...forwards(this.prop(res, 'Actions')));
		}
		for (const res of this.ofType('AWS::ElasticLoadBalancingV2::LoadBalancer')) {
			let subnets = this.refList(this.prop(res, 'Subnets'), `the subnets of \`${res.id}\``);
			const mappings = this.prop(res, 'SubnetMappings');
			if (subnets.length === 0 && mappings.k === 'list') {
				for (const m of mappings.items) {
					const s = m.k === 'map' ? m.entries.get('SubnetId') : undefined;
					const ref = s ? this.refOf(s, `the subnets of \`${res.id}\``) : null;
					if (ref) subnets.push(ref);
				}
			}
			if (subnets.some((s) => this.subnetElsewhere(s)) || (this.forced && subnets.length === 0)) continue;
			subnets = subnets.filter((s) => !this.subnetElsewhere(s));
			const scheme = this.prop(res, 'Scheme');
			const type = this.prop(res, 'Type');
			if (type.k === 'str' && type.v === 'gateway') {
				this.src.report(res.pos, 'unsupported-resource', `\`${res.id}\` is a Gateway Load Balancer, which is not modelled`);
				continue;
			}
			const own = [...listeners.values()].filter((l) => l.lb === res.id);
			const groupIds = [...new Set(own.flatMap((l) => l.groups))];
			const targets = groupIds.flatMap((g) => targetGroups.get(g)?.targets ?? []);
			const ports = [...new Set(groupIds.map((g) => targetGroups.get(g)?.port ?? null))];
			const lb: LoadBalancer = {
				name: res.id,
				pos: res.pos,
				subnets,
				securityGroups: this.refList(this.prop(res, 'SecurityGroups'), `the security groups of \`${res.id}\``),
				targets: targets.filter((t, i) => targets.findIndex((u) => u.name === t.name) === i),
				scheme: scheme.k === 'str' && scheme.v === 'internal' ? 'internal' : 'internet-facing',
				type: type.k === 'str' && type.v === 'network' ? 'network' : 'application',
				listeners: own.length ? own.map((l) => l.port).filter((p): p is number => p !== null) : null,
				targetPort: ports.length === 1 ? (ports[0] ?? null) : null,
			};
			if (lb.listeners?.length === 0) lb.listeners = null;
			this.vpc.loadBalancers.set(res.id, lb);
		}
	}

	private readFlows(): void {
		const flows = this.model.flows;
		const meta = this.t.cloudnotes.get('flows');
		if (meta) flows.push(...parseFlows(this.src, meta));
		for (const option of this.t.options) {
			if (option.key === 'region' || option.key === 'vpc') continue;
			if (option.key !== 'flow') {
				this.src.report(option.pos, 'unknown-field', `unknown cloudnotes option \`${option.key}\`; options are region, vpc and flow`);
				continue;
			}
			const flow = flowFromOption(this.src, option);
			if (flow) flows.push(flow);
		}
	}
}
