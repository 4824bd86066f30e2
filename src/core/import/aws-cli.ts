/**
 * `aws ec2 describe-*` (and `aws elbv2 describe-*`, `aws rds describe-db-instances`) JSON -> one
 * draft per VPC. Every output is an object whose top-level key names what it lists (`Vpcs`,
 * `Subnets`, `RouteTables`, `Reservations`, ...); files may be given one by one or concatenated.
 * Items are matched to their VPC by `VpcId` (or through their subnet); what a vpc block cannot
 * hold becomes a note of that VPC, or of the import as a whole.
 */

import { awsPorts, awsProto, naclRuleLine, sgRuleLine } from '../topology/cloudformation/aws-rules';
import { emptyDraft, Names, type NetworkDraft, type VpcDraft } from './draft';

type Json = Record<string, unknown>;

/** The top-level keys the AWS CLI prints for the outputs read here. */
export const AWS_CLI_KEYS = ['Vpcs', 'Subnets', 'RouteTables', 'InternetGateways', 'NatGateways', 'SecurityGroups', 'NetworkAcls', 'Reservations', 'LoadBalancers', 'TargetGroups', 'DBInstances', 'Tags', 'VpcPeeringConnections'] as const;
/**
 * Read only when several VPCs make one network block (a one-VPC block lists them as not
 * represented). A transit gateway route table's static routes and propagations come one output
 * per table, which does not name it: they are read as Batfish's snapshots wrap them,
 * `{"TransitGatewayStaticRoutes": [{"TransitGatewayRouteTableId", "Routes"}]}` (search-transit-gateway-routes)
 * and `{"TransitGatewayPropagations": [{"TransitGatewayRouteTableId", "TransitGatewayRouteTablePropagations"}]}`.
 */
const LINK_KEYS = [
	'VpnGateways',
	'VpcEndpoints',
	'TransitGateways',
	'TransitGatewayAttachments',
	'TransitGatewayVpcAttachments',
	'TransitGatewayRouteTables',
	'TransitGatewayStaticRoutes',
	'TransitGatewayPropagations',
	'VpnConnections',
	'CustomerGateways',
];
const GONE = new Set(['deleted', 'deleting', 'failed', 'rejected']);
/** Outputs that say nothing a vpc block draws (zones, statuses): read and ignored without a note. */
const SILENT_KEYS = new Set(['AvailabilityZones', 'InstanceStatuses', 'PlacementGroups', 'MovingAddressStatuses', 'Hosts', 'DhcpOptions', 'ServiceNames', 'PrefixLists', 'NextToken']);

function arr(value: unknown): Json[] {
	return Array.isArray(value) ? value.filter((v): v is Json => !!v && typeof v === 'object') : [];
}

function str(value: unknown): string | null {
	return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
}

function tagName(item: Json): string | null {
	const tags = arr(item.Tags);
	return str(tags.find((t) => t.Key === 'Name')?.Value) ?? null;
}

export interface ImportResult {
	drafts: VpcDraft[];
	/** Notes about the input as a whole (outputs not read, items of no VPC). */
	notes: string[];
	/** Several VPCs of one account and what links them: written as one block with `vpcs:`. */
	network?: NetworkDraft;
}

export function importAwsCli(docs: readonly Json[]): ImportResult {
	const all = new Map<string, Json[]>();
	const notes: string[] = [];
	for (const doc of docs) {
		for (const [key, value] of Object.entries(doc)) {
			if (key === 'Reservations') {
				const list = all.get('Instances') ?? [];
				for (const r of arr(value)) list.push(...arr(r.Instances));
				all.set('Instances', list);
				continue;
			}
			if (!Array.isArray(value)) continue;
			if (LINK_KEYS.includes(key)) all.set(key, [...(all.get(key) ?? []), ...arr(value)]);
			if (!(AWS_CLI_KEYS as readonly string[]).includes(key)) {
				if (!SILENT_KEYS.has(key) && value.length > 0) notes.push(`${key}: ${value.length} item${value.length === 1 ? '' : 's'} not represented (a vpc block has no place for them)`);
				continue;
			}
			all.set(key, [...(all.get(key) ?? []), ...arr(value)]);
		}
	}
	const get = (key: string): Json[] => all.get(key) ?? [];
	// describe-tags gives names for resources whose own output was not captured with tags.
	const tagNames = new Map<string, string>();
	for (const t of get('Tags')) if (t.Key === 'Name' && str(t.ResourceId) && str(t.Value)) tagNames.set(str(t.ResourceId) as string, str(t.Value) as string);
	const label = (item: Json, id: string): string | null => tagName(item) ?? tagNames.get(id) ?? null;

	const vpcIds = new Set<string>();
	for (const v of get('Vpcs')) if (str(v.VpcId)) vpcIds.add(str(v.VpcId) as string);
	for (const key of ['Subnets', 'RouteTables', 'SecurityGroups', 'NetworkAcls', 'Instances', 'NatGateways', 'LoadBalancers']) {
		for (const item of get(key)) if (str(item.VpcId)) vpcIds.add(str(item.VpcId) as string);
	}
	const drafts: VpcDraft[] = [];
	const subnetVpc = new Map<string, string>();
	for (const s of get('Subnets')) if (str(s.SubnetId) && str(s.VpcId)) subnetVpc.set(str(s.SubnetId) as string, str(s.VpcId) as string);

	// Several VPCs of one snapshot are one network: one namespace, links between them kept.
	const multi = vpcIds.size > 1;
	const names = new Names();
	const network: NetworkDraft = { peerings: [], vpnGateways: [], endpoints: [], transitGateways: [], onPremises: [], vpnConnections: [] };
	const tgwsById = new Map<string, Json>();
	for (const g of get('TransitGateways')) if (str(g.TransitGatewayId) && !GONE.has(str(g.State) ?? '')) tgwsById.set(str(g.TransitGatewayId) as string, g);
	const tgwName = (id: string): string => names.name(id, label(tgwsById.get(id) ?? {}, id), undefined, 'tgw');
	const peeringsById = new Map<string, Json>();
	for (const p of get('VpcPeeringConnections')) if (str(p.VpcPeeringConnectionId)) peeringsById.set(str(p.VpcPeeringConnectionId) as string, p);
	const vgwOf = new Map<string, Json>();
	for (const g of get('VpnGateways')) for (const a of arr(g.VpcAttachments)) if (a.State === 'attached' && str(a.VpcId)) vgwOf.set(str(a.VpcId) as string, g);
	const endpointsById = new Map<string, Json>();
	for (const e of get('VpcEndpoints')) if (str(e.VpcEndpointId)) endpointsById.set(str(e.VpcEndpointId) as string, e);
	for (const vpcId of vpcIds) {
		const vpc = get('Vpcs').find((v) => v.VpcId === vpcId);
		const draft = emptyDraft(names.name(vpcId, vpc ? label(vpc, vpcId) : null), vpcId);
		draft.cidr = vpc ? str(vpc.CidrBlock) : null;
		if (!vpc) draft.notes.push(`${vpcId} is named by other outputs, but describe-vpcs output for it was not given (its CIDR is unknown)`);
		if (vpc && arr(vpc.CidrBlockAssociationSet).length > 1) {
			const extra = arr(vpc.CidrBlockAssociationSet).map((a) => str(a.CidrBlock)).filter((c) => c && c !== draft.cidr);
			draft.notes.push(`secondary CIDR${extra.length === 1 ? '' : 's'} ${extra.join(', ')} (a vpc block has one CIDR)`);
		}
		if (vpc && arr(vpc.Ipv6CidrBlockAssociationSet).length > 0) draft.notes.push('IPv6 CIDR blocks (vpc blocks model IPv4 only)');
		const mine = (key: string): Json[] => get(key).filter((i) => i.VpcId === vpcId);

		// Internet gateways: attached to this VPC.
		const igws = get('InternetGateways').filter((g) => arr(g.Attachments).some((a) => a.VpcId === vpcId));
		const igw = igws[0];
		if (igw) draft.internetGateway = names.name(str(igw.InternetGatewayId) ?? 'igw', label(igw, str(igw.InternetGatewayId) ?? ''), undefined, 'igw');
		for (const extra of igws.slice(1)) draft.notes.push(`internet gateway ${str(extra.InternetGatewayId) ?? '?'} (a VPC has one)`);

		const subnets = mine('Subnets');
		for (const s of subnets) names.name(str(s.SubnetId) ?? '', label(s, str(s.SubnetId) ?? ''), undefined, 'subnet');
		// Route tables: the main one is `main` (the vpc block's table for subnets that name none).
		const tables = mine('RouteTables');
		const tableOf = new Map<string, string>();
		let mainTable: string | null = null;
		for (const t of tables) {
			const id = str(t.RouteTableId) ?? '';
			const isMain = arr(t.Associations).some((a) => a.Main === true);
			const name = names.name(id, label(t, id), isMain ? 'main' : undefined, 'rtb');
			if (isMain) mainTable = name;
			for (const a of arr(t.Associations)) if (str(a.SubnetId)) tableOf.set(str(a.SubnetId) as string, name);
		}
		// `main` is one name per block: the other VPCs' main tables are named on their subnets.
		const vgw = multi ? vgwOf.get(vpcId) : undefined;
		const vgwName = vgw ? names.name(str(vgw.VpnGatewayId) ?? 'vgw', label(vgw, str(vgw.VpnGatewayId) ?? ''), undefined, 'vgw') : null;
		const nats = mine('NatGateways').filter((n) => {
			if (n.State === 'deleted' || n.State === 'failed') {
				draft.notes.push(`NAT gateway ${str(n.NatGatewayId) ?? '?'} is ${str(n.State) ?? ''}`);
				return false;
			}
			return true;
		});
		for (const n of nats) names.name(str(n.NatGatewayId) ?? '', label(n, str(n.NatGatewayId) ?? ''), undefined, 'nat');
		for (const t of tables) {
			const routes: [string, string][] = [];
			const tableName = names.get(str(t.RouteTableId) ?? '') ?? '?';
			for (const r of arr(t.Routes)) {
				const dest = str(r.DestinationCidrBlock);
				const gateway = str(r.GatewayId);
				const nat = str(r.NatGatewayId);
				const endpoint = multi && gateway ? endpointsById.get(gateway) : undefined;
				if (!dest && endpoint) continue; // the gateway endpoint's prefix-list route: `endpoints:` says it
				if (!dest) {
					draft.notes.push(`route table ${tableName}: route to ${str(r.DestinationIpv6CidrBlock) ?? str(r.DestinationPrefixListId) ?? '?'} (IPv6 and prefix-list routes are not modelled)`);
					continue;
				}
				if (gateway === 'local') continue;
				if (r.State === 'blackhole') {
					draft.notes.push(`route table ${tableName}: ${dest} -> ${nat ?? gateway ?? '?'} is a blackhole (its target is gone)`);
					continue;
				}
				const pcx = multi ? str(r.VpcPeeringConnectionId) : null;
				const peering = pcx ? peeringsById.get(pcx) : undefined;
				const tgw = multi ? str(r.TransitGatewayId) : null;
				const link = peering && pcx ? names.name(pcx, label(peering, pcx), undefined, 'pcx') : gateway && vgwName && gateway === vgw?.VpnGatewayId ? vgwName : tgw && tgwsById.has(tgw) ? tgwName(tgw) : undefined;
				const target = link ?? (nat ? names.get(nat) : gateway && igw && gateway === igw.InternetGatewayId ? draft.internetGateway : undefined);
				if (target) routes.push([dest, target]);
				else {
					const other = gateway ?? nat ?? str(r.VpcPeeringConnectionId) ?? str(r.TransitGatewayId) ?? str(r.NetworkInterfaceId) ?? str(r.InstanceId) ?? '?';
					draft.notes.push(`route table ${tableName}: ${dest} -> ${other} (${targetKind(other)} routes are not traced)`);
				}
			}
			draft.routeTables.push({ name: tableName, routes });
		}
		// NACLs, with every subnet's association (the default NACL's too).
		const naclOf = new Map<string, string>();
		for (const n of mine('NetworkAcls')) {
			const id = str(n.NetworkAclId) ?? '';
			const name = names.name(id, label(n, id) ?? (n.IsDefault === true ? 'default-nacl' : null), undefined, 'nacl');
			for (const a of arr(n.Associations)) if (str(a.SubnetId)) naclOf.set(str(a.SubnetId) as string, name);
			const inbound: string[] = [];
			const outbound: string[] = [];
			for (const e of arr(n.Entries)) {
				if (Number(e.RuleNumber) === 32767) continue; // the implicit `*` deny, which a vpc block always has
				const direction = e.Egress === true ? 'outbound' : 'inbound';
				const cidr = str(e.CidrBlock);
				const proto = awsProto(str(e.Protocol));
				if (!cidr || !proto) {
					draft.notes.push(`NACL ${name}: rule ${str(e.RuleNumber) ?? '?'} ${direction} (${!cidr ? 'IPv6' : `protocol ${str(e.Protocol) ?? '?'}`} is not modelled)`);
					continue;
				}
				const range = (e.PortRange ?? {}) as Json;
				const line = naclRuleLine(str(e.RuleNumber) ?? '0', str(e.RuleAction) ?? 'deny', proto, awsPorts(proto, str(range.From), str(range.To)), direction, cidr);
				(direction === 'inbound' ? inbound : outbound).push(line);
			}
			draft.nacls.push({ name, inbound, outbound });
		}
		for (const s of subnets) {
			const id = str(s.SubnetId) ?? '';
			draft.subnets.push({ name: names.get(id) ?? id, cidr: str(s.CidrBlock), zone: str(s.AvailabilityZone), routeTable: tableOf.get(id) ?? (multi && mainTable !== 'main' ? mainTable : null), nacl: naclOf.get(id) ?? null });
		}
		for (const n of nats) {
			const subnet = str(n.SubnetId);
			draft.natGateways.push({ name: names.get(str(n.NatGatewayId) ?? '') ?? '?', subnet: subnet ? (names.get(subnet) ?? subnet) : null });
			if (n.ConnectivityType === 'private') draft.notes.push(`NAT gateway ${names.get(str(n.NatGatewayId) ?? '') ?? '?'} is a private NAT gateway (drawn as a public one)`);
		}
		// Security groups: the VPC's default group is `default`.
		const groups = mine('SecurityGroups');
		for (const g of groups) names.name(str(g.GroupId) ?? '', g.GroupName === 'default' ? null : (label(g, str(g.GroupId) ?? '') ?? str(g.GroupName)), g.GroupName === 'default' ? 'default' : undefined, 'sg');
		for (const g of groups) {
			const name = names.get(str(g.GroupId) ?? '') ?? '?';
			const rules = (perms: unknown, direction: 'inbound' | 'outbound'): string[] => {
				const lines: string[] = [];
				for (const p of arr(perms)) {
					const proto = awsProto(str(p.IpProtocol));
					if (!proto) {
						draft.notes.push(`security group ${name}: ${direction} rule for protocol ${str(p.IpProtocol) ?? '?'} (not modelled)`);
						continue;
					}
					const ports = awsPorts(proto, str(p.FromPort), str(p.ToPort));
					for (const r of arr(p.IpRanges)) if (str(r.CidrIp)) lines.push(sgRuleLine(proto, ports, direction, str(r.CidrIp) as string));
					for (const pair of arr(p.UserIdGroupPairs)) {
						const peer = names.get(str(pair.GroupId) ?? '');
						if (peer) lines.push(sgRuleLine(proto, ports, direction, peer));
						else draft.notes.push(`security group ${name}: ${direction} rule naming group ${str(pair.GroupId) ?? '?'}, which is not in this VPC's output`);
					}
					const v6 = arr(p.Ipv6Ranges).length;
					const lists = arr(p.PrefixListIds).length;
					if (v6 + lists > 0) draft.notes.push(`security group ${name}: ${direction} ${proto} ${ports || 'all'} for ${v6 ? `${v6} IPv6 range(s)` : ''}${v6 && lists ? ' and ' : ''}${lists ? `${lists} prefix list(s)` : ''} (not modelled)`);
				}
				return lines;
			};
			draft.securityGroups.push({ name, inbound: rules(g.IpPermissions, 'inbound'), outbound: rules(g.IpPermissionsEgress, 'outbound') });
		}
		const groupNames = (list: unknown, key: string): string[] =>
			(Array.isArray(list) ? list : [])
				.map((g) => (typeof g === 'string' ? g : str((g as Json)[key])))
				.map((id) => (id ? (names.get(id) ?? null) : null))
				.filter((n): n is string => n !== null);
		for (const i of mine('Instances')) {
			const id = str(i.InstanceId) ?? '';
			const state = str((i.State as Json | undefined)?.Name);
			if (state === 'terminated' || state === 'shutting-down') {
				draft.notes.push(`instance ${label(i, id) ?? id} is ${state}`);
				continue;
			}
			const subnet = str(i.SubnetId);
			draft.instances.push({
				name: names.name(id, label(i, id), undefined, 'instance'),
				subnet: subnet ? (names.get(subnet) ?? subnet) : null,
				publicIp: !!str(i.PublicIpAddress),
				securityGroups: groupNames(i.SecurityGroups, 'GroupId'),
				type: str(i.InstanceType),
				privateIp: str(i.PrivateIpAddress),
				role: null,
			});
			if (arr(i.NetworkInterfaces).length > 1) draft.notes.push(`instance ${names.get(id) ?? id}: ${arr(i.NetworkInterfaces).length} network interfaces (only the primary is modelled)`);
		}
		for (const d of get('DBInstances')) {
			const group = (d.DBSubnetGroup ?? {}) as Json;
			if (group.VpcId !== vpcId) continue;
			const id = str(d.DBInstanceIdentifier) ?? 'db';
			const first = str(arr(group.Subnets)[0]?.SubnetIdentifier);
			draft.instances.push({
				name: names.name(`rds:${id}`, id, undefined, 'db'),
				subnet: first ? (names.get(first) ?? first) : null,
				publicIp: d.PubliclyAccessible === true,
				securityGroups: groupNames(d.VpcSecurityGroups, 'VpcSecurityGroupId'),
				type: str(d.DBInstanceClass),
				privateIp: null,
				role: 'database',
			});
			if (arr(group.Subnets).length > 1) draft.notes.push(`database ${id} spans ${arr(group.Subnets).length} subnets of its subnet group (drawn in the first)`);
		}
		const targetGroups = get('TargetGroups');
		for (const lb of mine('LoadBalancers')) {
			const arn = str(lb.LoadBalancerArn) ?? '';
			const type = str(lb.Type);
			if (type === 'gateway') {
				draft.notes.push(`load balancer ${str(lb.LoadBalancerName) ?? arn} is a Gateway Load Balancer (not modelled)`);
				continue;
			}
			const tgs = targetGroups.filter((t) => Array.isArray(t.LoadBalancerArns) && t.LoadBalancerArns.includes(arn));
			const ports = [...new Set(tgs.map((t) => Number(t.Port)).filter((p) => Number.isInteger(p)))];
			draft.loadBalancers.push({
				name: names.name(arn, str(lb.LoadBalancerName), undefined, 'lb'),
				subnets: arr(lb.AvailabilityZones)
					.map((z) => str(z.SubnetId))
					.filter((s): s is string => !!s)
					.map((s) => names.get(s) ?? s),
				securityGroups: groupNames(lb.SecurityGroups, 'GroupId'),
				targets: [],
				scheme: lb.Scheme === 'internal' ? 'internal' : 'internet-facing',
				type: type === 'network' ? 'network' : 'application',
				listeners: [],
				targetPort: ports.length === 1 ? (ports[0] ?? null) : null,
			});
			draft.notes.push(`load balancer ${names.get(arn) ?? arn}: its listeners and targets are not in describe-load-balancers/describe-target-groups output (describe-listeners and describe-target-health say them); add \`listeners:\` and \`targets:\` by hand`);
		}
		if (vgw && vgwName) {
			const propagateTo = tables.filter((t) => arr(t.PropagatingVgws).some((g) => g.GatewayId === vgw.VpnGatewayId)).map((t) => names.get(str(t.RouteTableId) ?? '') ?? '?');
			network.vpnGateways.push({ name: vgwName, vpc: draft.name, propagateTo });
		}
		for (const e of multi ? get('VpcEndpoints').filter((x) => x.VpcId === vpcId) : []) {
			const id = str(e.VpcEndpointId) ?? 'vpce';
			const type = str(e.VpcEndpointType)?.toLowerCase() === 'gateway' ? 'gateway' : 'interface';
			const service = (str(e.ServiceName) ?? '').split('.').pop() ?? 'service';
			if (type === 'interface' && arr(e.SubnetIds).length === 0 && !Array.isArray(e.SubnetIds)) continue;
			network.endpoints.push({
				name: names.name(id, label(e, id), undefined, 'vpce'),
				vpc: draft.name,
				service,
				type,
				routeTables: (Array.isArray(e.RouteTableIds) ? e.RouteTableIds : []).map((t) => names.get(String(t)) ?? String(t)),
				subnets: (Array.isArray(e.SubnetIds) ? e.SubnetIds : []).map((t) => names.get(String(t)) ?? String(t)),
				securityGroups: arr(e.Groups).map((g) => names.get(str(g.GroupId) ?? '') ?? '').filter((g) => g !== ''),
			});
		}
		for (const p of multi ? [] : get('VpcPeeringConnections')) {
			const requester = (p.RequesterVpcInfo ?? {}) as Json;
			const accepter = (p.AccepterVpcInfo ?? {}) as Json;
			if (requester.VpcId === vpcId || accepter.VpcId === vpcId) {
				const other = requester.VpcId === vpcId ? accepter : requester;
				draft.notes.push(`VPC peering ${str(p.VpcPeeringConnectionId) ?? '?'} with ${str(other.VpcId) ?? '?'} ${str(other.CidrBlock) ?? ''} (peering is not modelled in a vpc block)`.trim());
			}
		}
		drafts.push(draft);
	}
	if (multi) {
		for (const p of get('VpcPeeringConnections')) {
			const id = str(p.VpcPeeringConnectionId) ?? 'pcx';
			const ends = [(p.RequesterVpcInfo ?? {}) as Json, (p.AccepterVpcInfo ?? {}) as Json].map((e) => str(e.VpcId) ?? '?');
			const vpcNames = ends.map((e) => drafts.find((d) => d.source === e)?.name ?? null);
			const status = str((p.Status as Json | undefined)?.Code) ?? 'active';
			if (vpcNames[0] && vpcNames[1]) network.peerings.push({ name: names.name(id, label(p, id), undefined, 'pcx'), vpcs: [vpcNames[0], vpcNames[1]], status });
			else notes.push(`VPC peering ${id} between ${ends.join(' and ')} (one end is not in the input)`);
		}
		for (const g of get('VpnGateways')) if (!arr(g.VpcAttachments).some((a) => a.State === 'attached')) notes.push(`VPN gateway ${str(g.VpnGatewayId) ?? '?'} is attached to no VPC`);
		readHybrid(get, network, names, label, drafts, tgwsById, tgwName, notes);
	}
	const orphanInstances = get('Instances').filter((i) => !str(i.VpcId));
	if (orphanInstances.length) notes.push(`${orphanInstances.length} instance(s) outside any VPC (EC2-Classic) not represented`);
	for (const d of get('DBInstances')) {
		const group = (d.DBSubnetGroup ?? {}) as Json;
		if (!str(group.VpcId) || !vpcIds.has(str(group.VpcId) as string)) notes.push(`database ${str(d.DBInstanceIdentifier) ?? '?'} is in no VPC of the input`);
	}
	void subnetVpc;
	if (!multi) return { drafts, notes };
	// The network block holds the VPN gateways and endpoints: they are no longer "not represented".
	return { drafts, notes: notes.filter((n) => !LINK_KEYS.some((k) => n.startsWith(`${k}:`))), network };
}

/** VPN connections with their customer gateways, and transit gateways with their attachments and route tables. */
function readHybrid(get: (key: string) => Json[], network: NetworkDraft, names: Names, label: (item: Json, id: string) => string | null, drafts: VpcDraft[], tgws: Map<string, Json>, tgwName: (id: string) => string, notes: string[]): void {
	const named = (item: Json | undefined, id: string, kind: string): string => names.name(id, label(item ?? {}, id), undefined, kind);
	const cgws = new Map(get('CustomerGateways').map((c) => [str(c.CustomerGatewayId) ?? '', c]));
	const sites = new Map<string, NetworkDraft['onPremises'][number]>();
	const vpns = new Set<string>();
	for (const v of get('VpnConnections')) {
		const id = str(v.VpnConnectionId) ?? '';
		const cgwId = str(v.CustomerGatewayId) ?? '';
		const vgw = names.get(str(v.VpnGatewayId) ?? '');
		const tgw = str(v.TransitGatewayId);
		if (GONE.has(str(v.State) ?? '')) continue;
		const routes = arr(v.Routes).filter((r) => !GONE.has(str(r.State) ?? '')).map((r) => str(r.DestinationCidrBlock)).filter((c): c is string => !!c);
		const site = sites.get(cgwId) ?? { name: named(cgws.get(cgwId), cgwId, 'cgw'), cidrs: [], ip: str(cgws.get(cgwId)?.IpAddress) };
		for (const c of routes) if (!site.cidrs.includes(c)) site.cidrs.push(c);
		// With BGP the ranges behind the site are announced at run time: not in any output.
		if (site.cidrs.length === 0 || !(vgw || (tgw && tgws.has(tgw)))) {
			notes.push(`VPN connection ${id}: ${site.cidrs.length ? `its ${str(v.VpnGatewayId) ?? tgw ?? 'gateway'} is not in the input` : `the ranges behind ${cgwId} are announced by BGP, not in the output; add it under \`on-premises:\` with \`cidrs:\``}`);
			continue;
		}
		sites.set(cgwId, site);
		vpns.add(id);
		network.vpnConnections.push({ name: named(v, id, 'vpn'), customerGateway: site.name, ...(vgw ? { vpnGateway: vgw } : { transitGateway: tgwName(tgw as string) }), staticRoutes: (v.Options as Json | undefined)?.StaticRoutesOnly === true ? routes : null });
	}
	network.onPremises.push(...sites.values());
	for (const [id, c] of cgws) if (id && !sites.has(id)) notes.push(`customer gateway ${label(c, id) ?? id} (${str(c.IpAddress) ?? '?'}): no VPN connection of the input names it`);

	// describe-transit-gateway-attachments says associations, the -vpc- one subnets: one item of both.
	const attachments = new Map<string, Json>();
	for (const a of [...get('TransitGatewayAttachments'), ...get('TransitGatewayVpcAttachments')]) {
		const id = str(a.TransitGatewayAttachmentId) ?? '';
		attachments.set(id, { ...a, ...attachments.get(id) });
	}
	const tables = new Map(get('TransitGatewayRouteTables').map((t) => [str(t.TransitGatewayRouteTableId) ?? '', t]));
	const drafted = new Map<string, NetworkDraft['transitGateways'][number]>();
	for (const id of tgws.keys()) {
		const g: NetworkDraft['transitGateways'][number] = { name: tgwName(id), attachments: [], routeTables: [] };
		drafted.set(id, g);
		network.transitGateways.push(g);
	}
	const tableDraft = (id: string, tgw: string | null): NetworkDraft['transitGateways'][number]['routeTables'][number] | undefined => {
		const g = drafted.get(str(tables.get(id)?.TransitGatewayId) ?? tgw ?? '');
		if (!g || !id || GONE.has(str(tables.get(id)?.State) ?? '')) return undefined;
		const name = named(tables.get(id), id, 'tgw-rtb');
		let t = g.routeTables.find((x) => x.name === name);
		if (!t) g.routeTables.push((t = { name, associations: [], propagations: [], routes: [] }));
		return t;
	};
	for (const [id, a] of attachments) {
		const g = drafted.get(str(a.TransitGatewayId) ?? '');
		if (!g || GONE.has(str(a.State) ?? '')) continue;
		const resource = str(a.VpcId) ?? str(a.ResourceId) ?? '';
		const vpc = drafts.find((d) => d.source === resource)?.name;
		const isVpn = a.ResourceType === 'vpn';
		if (!(vpc || (isVpn && vpns.has(resource)))) {
			notes.push(`transit gateway attachment ${id} to ${resource || '?'}, which is not in the input`);
			continue;
		}
		const name = named(a, id, 'tgw-attach');
		const subnets = (Array.isArray(a.SubnetIds) ? a.SubnetIds : []).map((x) => names.get(String(x)) ?? String(x));
		g.attachments.push(isVpn ? { name, vpn: names.get(resource), subnets: [] } : { name, vpc, subnets });
		const assoc = (a.Association ?? {}) as Json;
		if (assoc.State === 'associated') tableDraft(str(assoc.TransitGatewayRouteTableId) ?? '', str(a.TransitGatewayId))?.associations.push(name);
	}
	for (const t of tables.keys()) tableDraft(t, null);
	for (const p of get('TransitGatewayPropagations')) {
		const t = tableDraft(str(p.TransitGatewayRouteTableId) ?? '', null);
		for (const x of arr(p.TransitGatewayRouteTablePropagations)) {
			const att = names.get(str(x.TransitGatewayAttachmentId) ?? '');
			if (t && att && x.State !== 'disabled' && !t.propagations.includes(att)) t.propagations.push(att);
		}
	}
	for (const w of get('TransitGatewayStaticRoutes')) {
		const t = tableDraft(str(w.TransitGatewayRouteTableId) ?? '', null);
		for (const r of arr(w.Routes)) {
			const dest = str(r.DestinationCidrBlock);
			const att = names.get(str(arr(r.TransitGatewayAttachments)[0]?.TransitGatewayAttachmentId) ?? '');
			if (!t || !dest) continue;
			// A propagated route says the attachment propagates into this table.
			if (r.Type === 'propagated') {
				if (att && !t.propagations.includes(att)) t.propagations.push(att);
			} else if (r.State === 'blackhole' || att) t.routes.push([dest, r.State === 'blackhole' ? 'blackhole' : (att as string)]);
		}
	}
}

function targetKind(id: string): string {
	if (id.startsWith('vgw-')) return 'VPN gateway';
	if (id.startsWith('pcx-')) return 'VPC peering';
	if (id.startsWith('tgw-')) return 'transit gateway';
	if (id.startsWith('vpce-')) return 'VPC endpoint';
	if (id.startsWith('eni-')) return 'network interface';
	if (id.startsWith('i-')) return 'instance';
	if (id.startsWith('eigw-')) return 'egress-only internet gateway';
	if (id.startsWith('igw-')) return 'another VPC\'s internet gateway';
	return 'this kind of';
}
