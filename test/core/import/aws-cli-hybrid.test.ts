/**
 * A hand-written AWS CLI snapshot of a hub-and-spoke network: two VPCs on a transit gateway, a VPN
 * to an office on the same transit gateway, the TGW route table's propagations and static routes
 * (a blackhole among them) in the wrapping Batfish's snapshots use. Imported as ONE vpc block,
 * read back with no error, traced across.
 */
import { importVpcBlocks } from '../../../src/core/import';
import { analyzeTopology, trace, type VpcModel } from '../../../src/core/topology';

const tag = (name: string) => [{ Key: 'Name', Value: name }];
const vpc = (id: string, name: string, cidr: string, subnet: string, subnetCidr: string, instance: string, ip: string) => ({
	Vpcs: [{ VpcId: id, CidrBlock: cidr, Tags: tag(name) }],
	Subnets: [{ SubnetId: subnet, VpcId: id, CidrBlock: subnetCidr, AvailabilityZone: 'ap-northeast-2a', Tags: tag(`${name}-a`) }],
	RouteTables: [
		{
			RouteTableId: `rtb-${name}`,
			VpcId: id,
			Tags: tag(`${name}-rt`),
			Associations: [{ Main: true }],
			Routes: [
				{ DestinationCidrBlock: cidr, GatewayId: 'local', State: 'active' },
				{ DestinationCidrBlock: '10.0.0.0/8', TransitGatewayId: 'tgw-1', State: 'active' },
				{ DestinationCidrBlock: '192.168.0.0/16', TransitGatewayId: 'tgw-1', State: 'active' },
			],
		},
	],
	SecurityGroups: [
		{
			GroupId: `sg-${name}`,
			GroupName: `${name}-sg`,
			VpcId: id,
			IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '10.0.0.0/8' }, { CidrIp: '192.168.0.0/16' }] }],
			IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
		},
	],
	Reservations: [{ Instances: [{ InstanceId: `i-${name}`, VpcId: id, SubnetId: subnet, PrivateIpAddress: ip, State: { Name: 'running' }, SecurityGroups: [{ GroupId: `sg-${name}` }], Tags: tag(instance) }] }],
});

const SNAPSHOT = [
	vpc('vpc-hub', 'hub', '10.1.0.0/16', 'subnet-hub', '10.1.1.0/24', 'tools', '10.1.1.10'),
	vpc('vpc-spoke', 'spoke', '10.2.0.0/16', 'subnet-spoke', '10.2.1.0/24', 'app', '10.2.1.10'),
	{ Subnets: [{ SubnetId: 'subnet-legacy', VpcId: 'vpc-hub', CidrBlock: '10.1.9.0/24', AvailabilityZone: 'ap-northeast-2a', Tags: tag('legacy') }] },
	{ TransitGateways: [{ TransitGatewayId: 'tgw-1', State: 'available', Tags: tag('core'), Options: { DefaultRouteTableAssociation: 'enable' } }] },
	{
		TransitGatewayAttachments: [
			{ TransitGatewayAttachmentId: 'tgw-attach-hub', TransitGatewayId: 'tgw-1', ResourceType: 'vpc', ResourceId: 'vpc-hub', State: 'available', Association: { TransitGatewayRouteTableId: 'tgw-rtb-1', State: 'associated' } },
			{ TransitGatewayAttachmentId: 'tgw-attach-spoke', TransitGatewayId: 'tgw-1', ResourceType: 'vpc', ResourceId: 'vpc-spoke', State: 'available', Association: { TransitGatewayRouteTableId: 'tgw-rtb-1', State: 'associated' } },
			{ TransitGatewayAttachmentId: 'tgw-attach-vpn', TransitGatewayId: 'tgw-1', ResourceType: 'vpn', ResourceId: 'vpn-1', State: 'available', Association: { TransitGatewayRouteTableId: 'tgw-rtb-1', State: 'associated' } },
			{ TransitGatewayAttachmentId: 'tgw-attach-gone', TransitGatewayId: 'tgw-1', ResourceType: 'vpc', ResourceId: 'vpc-old', State: 'deleted' },
		],
	},
	{ TransitGatewayVpcAttachments: [{ TransitGatewayAttachmentId: 'tgw-attach-spoke', TransitGatewayId: 'tgw-1', VpcId: 'vpc-spoke', SubnetIds: ['subnet-spoke'], State: 'available' }] },
	{ TransitGatewayRouteTables: [{ TransitGatewayRouteTableId: 'tgw-rtb-1', TransitGatewayId: 'tgw-1', State: 'available', DefaultAssociationRouteTable: true, Tags: tag('core-rt') }] },
	{ TransitGatewayPropagations: [{ TransitGatewayRouteTableId: 'tgw-rtb-1', TransitGatewayRouteTablePropagations: [{ TransitGatewayAttachmentId: 'tgw-attach-hub', ResourceId: 'vpc-hub', ResourceType: 'vpc', State: 'enabled' }] }] },
	{
		TransitGatewayStaticRoutes: [
			{
				TransitGatewayRouteTableId: 'tgw-rtb-1',
				Routes: [
					{ DestinationCidrBlock: '10.2.0.0/16', Type: 'propagated', State: 'active', TransitGatewayAttachments: [{ TransitGatewayAttachmentId: 'tgw-attach-spoke', ResourceType: 'vpc' }] },
					{ DestinationCidrBlock: '192.168.0.0/16', Type: 'static', State: 'active', TransitGatewayAttachments: [{ TransitGatewayAttachmentId: 'tgw-attach-vpn', ResourceType: 'vpn' }] },
					{ DestinationCidrBlock: '10.1.9.0/24', Type: 'static', State: 'blackhole' },
				],
			},
		],
	},
	{ VpnConnections: [{ VpnConnectionId: 'vpn-1', CustomerGatewayId: 'cgw-1', TransitGatewayId: 'tgw-1', State: 'available', Options: { StaticRoutesOnly: true }, Routes: [{ DestinationCidrBlock: '192.168.0.0/16', State: 'available' }] }] },
	{ CustomerGateways: [{ CustomerGatewayId: 'cgw-1', IpAddress: '203.0.113.10', BgpAsn: '65000', State: 'available', Tags: tag('office') }, { CustomerGatewayId: 'cgw-2', IpAddress: '198.51.100.7', State: 'available' }] },
];

describe('AWS CLI import: transit gateway and VPN', () => {
	const out = importVpcBlocks(SNAPSHOT.map((doc, i) => ({ name: `out${i}.json`, text: JSON.stringify(doc) })));
	const yaml = out.blocks[0]?.yaml ?? '';
	const analysis = analyzeTopology('vpc', yaml, 1);
	const model = analysis.model as VpcModel;
	const tcp = (from: string, to: string) => trace(model, { from, to, proto: 'tcp', port: 443 });

	it('writes one block whose transit gateway, route table, VPN and office read back with no error', () => {
		expect(out.blocks).toHaveLength(1);
		expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
		const tgw = model.network.transitGateways.get('core');
		expect([...(tgw?.attachments.values() ?? [])].map((a) => [a.name, a.vpc?.name ?? a.vpn?.name, a.subnets.map((s) => s.name)])).toEqual([
			['tgw-attach-hub', 'hub', []],
			['tgw-attach-spoke', 'spoke', ['spoke-a']],
			['tgw-attach-vpn', 'vpn-1', []],
		]);
		const table = tgw?.routeTables.get('core-rt');
		expect(table?.associations.map((a) => a.name)).toEqual(['tgw-attach-hub', 'tgw-attach-spoke', 'tgw-attach-vpn']);
		expect(table?.propagations.map((a) => a.name)).toEqual(['tgw-attach-hub', 'tgw-attach-spoke']);
		expect(table?.routes.map((r) => `${r.destination.text} -> ${r.target}`)).toEqual(['192.168.0.0/16 -> tgw-attach-vpn', '10.1.9.0/24 -> blackhole']);
		expect(model.network.onPremises.get('office')).toMatchObject({ ip: '203.0.113.10' });
		expect(model.network.vpnConnections.get('vpn-1')?.staticRoutes?.map((c) => c.text)).toEqual(['192.168.0.0/16']);
	});

	it('says what it left out: the deleted attachment is skipped, the unused customer gateway is a comment', () => {
		expect(yaml).not.toContain('tgw-attach-gone');
		expect(yaml).toMatch(/^# .*customer gateway cgw-2 \(198\.51\.100\.7\): no VPN connection of the input names it/m);
	});

	it('traces hub -> spoke through the transit gateway, the office -> spoke through the VPN, and drops at the blackhole', () => {
		expect(tcp('tools', 'app')).toMatchObject({ allowed: true });
		const office = tcp('office', 'app');
		expect(office.allowed).toBe(true);
		expect(office.hops.map((h) => h.resource)).toEqual(expect.arrayContaining(['vpn-1', 'core-rt']));
		const dropped = tcp('app', '10.1.9.20');
		expect(dropped.allowed).toBe(false);
		expect(dropped.hops[dropped.blockedAt ?? -1]).toMatchObject({ resource: 'core-rt', rule: '10.1.9.0/24 -> blackhole' });
	});
});
