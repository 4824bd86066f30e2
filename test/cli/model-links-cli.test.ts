/**
 * `cloudnotes model` on several VPCs: what joins them (`links`) in the JSON and in the text,
 * with the note line of each link, for a CloudFormation template and a Terraform configuration.
 */
import { main } from '../../src/cli/main';
import type { LinksJson } from '../../src/core/topology';
import { JSON_TEMPLATE } from '../core/topology/cloudformation-fixtures';
import { BLACKHOLE, fence } from '../core/topology/network-fixtures';
import { TF_BLACKHOLE, TF_PEERING_CHAIN, TF_S3_ENDPOINT, TF_VPN, tfFence } from '../core/topology/terraform-network-fixtures';
import { fakeIO } from './fake-io';

interface Out {
	blocks: { language: string; errors: number; vpcs: { id: string; line: number | null }[]; links: LinksJson }[];
}

const note = (block: string): string => `# net\n\n${block}`;

async function model(text: string): Promise<Out['blocks'][number]> {
	const t = fakeIO({ 'n.md': text });
	expect(await main(['model', 'n.md', '--format', 'json'], t.io)).toBe(0);
	const out = JSON.parse(t.stdout()) as Out;
	expect(out.blocks).toHaveLength(1);
	return out.blocks[0];
}

async function text(noteText: string): Promise<string[]> {
	const t = fakeIO({ 'n.md': noteText });
	expect(await main(['model', 'n.md', '--format', 'text'], t.io)).toBe(0);
	return t.stdout().split('\n');
}

/** The 1-based note line that holds `needle` (first match), so the expected lines are the note's own. */
function lineOf(noteText: string, needle: string): number {
	const i = noteText.split('\n').findIndex((l) => l.includes(needle));
	if (i < 0) throw new Error(`${needle} not in the note`);
	return i + 1;
}

/** Two VPCs on a transit gateway (a blackhole route), an S3 gateway endpoint, a static VPN to an office. */
const CFN_HUB = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  AppVpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.1.0.0/16 }
  AppSubnet:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref AppVpc, CidrBlock: 10.1.1.0/24 }
  AppRt:
    Type: AWS::EC2::RouteTable
    Properties: { VpcId: !Ref AppVpc }
  AppAssoc:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: { SubnetId: !Ref AppSubnet, RouteTableId: !Ref AppRt }
  DataVpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.2.0.0/16 }
  DataSubnet:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref DataVpc, CidrBlock: 10.2.1.0/24 }
  Hub:
    Type: AWS::EC2::TransitGateway
    Properties: { DefaultRouteTableAssociation: disable, DefaultRouteTablePropagation: disable }
  AppAttach:
    Type: AWS::EC2::TransitGatewayAttachment
    Properties: { TransitGatewayId: !Ref Hub, VpcId: !Ref AppVpc, SubnetIds: [!Ref AppSubnet] }
  DataAttach:
    Type: AWS::EC2::TransitGatewayAttachment
    Properties: { TransitGatewayId: !Ref Hub, VpcId: !Ref DataVpc, SubnetIds: [!Ref DataSubnet] }
  HubRt:
    Type: AWS::EC2::TransitGatewayRouteTable
    Properties: { TransitGatewayId: !Ref Hub }
  AppAssocHub:
    Type: AWS::EC2::TransitGatewayRouteTableAssociation
    Properties: { TransitGatewayAttachmentId: !Ref AppAttach, TransitGatewayRouteTableId: !Ref HubRt }
  DataPropagation:
    Type: AWS::EC2::TransitGatewayRouteTablePropagation
    Properties: { TransitGatewayAttachmentId: !Ref DataAttach, TransitGatewayRouteTableId: !Ref HubRt }
  DropAudit:
    Type: AWS::EC2::TransitGatewayRoute
    Properties: { TransitGatewayRouteTableId: !Ref HubRt, DestinationCidrBlock: 10.2.9.0/24, Blackhole: true }
  S3Endpoint:
    Type: AWS::EC2::VPCEndpoint
    Properties: { VpcId: !Ref AppVpc, ServiceName: !Sub "com.amazonaws.\${AWS::Region}.s3", RouteTableIds: [!Ref AppRt] }
  EndpointSg:
    Type: AWS::EC2::SecurityGroup
    Properties: { GroupDescription: https from the VPC, VpcId: !Ref DataVpc }
  SsmEndpoint:
    Type: AWS::EC2::VPCEndpoint
    Properties: { VpcId: !Ref DataVpc, ServiceName: com.amazonaws.ap-northeast-2.ssm, VpcEndpointType: Interface, SubnetIds: [!Ref DataSubnet], SecurityGroupIds: [!Ref EndpointSg] }
  Vgw:
    Type: AWS::EC2::VPNGateway
    Properties: { Type: ipsec.1 }
  VgwAttach:
    Type: AWS::EC2::VPCGatewayAttachment
    Properties: { VpcId: !Ref AppVpc, VpnGatewayId: !Ref Vgw }
  VgwPropagation:
    Type: AWS::EC2::VPNGatewayRoutePropagation
    Properties: { VpnGatewayId: !Ref Vgw, RouteTableIds: [!Ref AppRt] }
  Office:
    Type: AWS::EC2::CustomerGateway
    Properties: { IpAddress: 203.0.113.10, BgpAsn: 65000, Type: ipsec.1 }
  OfficeVpn:
    Type: AWS::EC2::VPNConnection
    Properties: { CustomerGatewayId: !Ref Office, VpnGatewayId: !Ref Vgw, Type: ipsec.1, StaticRoutesOnly: true }
  OfficeRoute:
    Type: AWS::EC2::VPNConnectionRoute
    Properties: { VpnConnectionId: !Ref OfficeVpn, DestinationCidrBlock: 192.168.0.0/16 }
`;

describe('cloudnotes model: the links between VPCs', () => {
	it('cloudformation: a transit gateway with its route table, an S3 endpoint and a VPN, with their lines', async () => {
		const n = note('```cloudformation\n' + CFN_HUB + '```\n');
		const b = await model(n);
		expect(b.vpcs.map((v) => [v.id, v.line])).toEqual([
			['AppVpc', lineOf(n, '  AppVpc:')],
			['DataVpc', lineOf(n, '  DataVpc:')],
		]);
		expect(b.links.transitGateways).toEqual([
			{
				id: 'Hub',
				line: lineOf(n, '  Hub:'),
				attachments: [
					{ id: 'AppAttach', line: lineOf(n, '  AppAttach:'), vpc: 'AppVpc', vpn: null, subnets: ['AppSubnet'] },
					{ id: 'DataAttach', line: lineOf(n, '  DataAttach:'), vpc: 'DataVpc', vpn: null, subnets: ['DataSubnet'] },
				],
				routeTables: [
					{
						id: 'HubRt',
						line: lineOf(n, '  HubRt:'),
						associations: ['AppAttach'],
						propagations: ['DataAttach'],
						routes: [{ destination: '10.2.9.0/24', target: 'blackhole', blackhole: true, line: lineOf(n, '  DropAudit:') }],
					},
				],
			},
		]);
		expect(b.links.endpoints).toEqual([
			{ id: 'S3Endpoint', line: lineOf(n, '  S3Endpoint:'), vpc: 'AppVpc', type: 'gateway', service: 's3', routeTables: ['AppRt'], subnets: [], securityGroups: [], policy: false },
			{ id: 'SsmEndpoint', line: lineOf(n, '  SsmEndpoint:'), vpc: 'DataVpc', type: 'interface', service: 'ssm', routeTables: [], subnets: ['DataSubnet'], securityGroups: ['EndpointSg'], policy: false },
		]);
		expect(b.links.vpnGateways).toEqual([{ id: 'Vgw', line: lineOf(n, '  Vgw:'), vpc: 'AppVpc', propagates: ['AppRt'] }]);
		expect(b.links.customerGateways).toEqual([{ id: 'Office', line: lineOf(n, '  Office:'), ip: '203.0.113.10', cidrs: ['192.168.0.0/16'] }]);
		expect(b.links.vpnConnections).toEqual([
			{ id: 'OfficeVpn', line: lineOf(n, '  OfficeVpn:'), customerGateway: 'Office', vpnGateway: 'Vgw', transitGateway: null, routing: 'static', ranges: ['192.168.0.0/16'] },
		]);
		expect(b.links.peerings).toEqual([]);

		const lines = await text(n);
		expect(lines[0]).toBe('n.md block 1 (cloudformation, line 3): 2 VPCs, 0 errors');
		expect(lines).toContain(`  transit gateway Hub: 2 attachments, 1 route table (line ${lineOf(n, '  Hub:')})`);
		expect(lines).toContain(`    route table HubRt: associated AppAttach; propagated from DataAttach (line ${lineOf(n, '  HubRt:')})`);
		expect(lines).toContain(`      10.2.9.0/24 -> blackhole (dropped) (line ${lineOf(n, '  DropAudit:')})`);
		expect(lines).toContain(`  gateway endpoint S3Endpoint: s3 in AppVpc, route tables AppRt (line ${lineOf(n, '  S3Endpoint:')})`);
		expect(lines).toContain(`  interface endpoint SsmEndpoint: ssm in DataVpc, subnets DataSubnet, security groups EndpointSg (line ${lineOf(n, '  SsmEndpoint:')})`);
		expect(lines).toContain(`  VPN connection OfficeVpn: Office <-> Vgw, static 192.168.0.0/16 (line ${lineOf(n, '  OfficeVpn:')})`);
	});

	it('cloudformation: a peering with both ends and their CIDRs (the JSON template fixture)', async () => {
		const n = note('```cloudformation\n' + JSON_TEMPLATE + '```\n');
		const b = await model(n);
		expect(b.links.peerings).toEqual([
			{ id: 'Peering', line: lineOf(n, '"Peering": {'), vpcs: ['MainVpc', 'PeerVpc'], status: 'active', cidrs: ['10.20.0.0/16', '10.99.0.0/16'], outside: null },
		]);
		expect(await text(n)).toContain(`  peering Peering: MainVpc (10.20.0.0/16) <-> PeerVpc (10.99.0.0/16), active (line ${lineOf(n, '"Peering": {')})`);
	});

	it('terraform: peerings with their status, a transit gateway with a blackhole route, an endpoint, a VPN', async () => {
		const cn = note(tfFence(TF_PEERING_CHAIN.replace('auto_accept = true', '')));
		const chain = await model(cn);
		expect(chain.links.peerings).toEqual([
			{ id: 'aws_vpc_peering_connection.app_shared', line: lineOf(cn, '"aws_vpc_peering_connection" "app_shared"'), vpcs: ['aws_vpc.app', 'aws_vpc.shared'], status: 'pending-acceptance', cidrs: ['10.1.0.0/16', '10.2.0.0/16'], outside: null },
			{ id: 'aws_vpc_peering_connection.shared_data', line: lineOf(cn, '"aws_vpc_peering_connection" "shared_data"'), vpcs: ['aws_vpc.shared', 'aws_vpc.data'], status: 'active', cidrs: ['10.2.0.0/16', '10.3.0.0/16'], outside: null },
		]);
		expect(await text(cn)).toContain(`  peering aws_vpc_peering_connection.app_shared: aws_vpc.app (10.1.0.0/16) <-> aws_vpc.shared (10.2.0.0/16), pending-acceptance (line ${lineOf(cn, '"aws_vpc_peering_connection" "app_shared"')})`);

		const n = note(tfFence(TF_BLACKHOLE));
		const hub = await model(n);
		const tgw = hub.links.transitGateways[0];
		expect(tgw.id).toBe('aws_ec2_transit_gateway.hub');
		expect(tgw.line).toBe(lineOf(n, 'resource "aws_ec2_transit_gateway" "hub"'));
		expect(tgw.attachments.map((a) => [a.id, a.vpc])).toEqual(['spoke1', 'spoke2', 'inspect'].map((v) => [`aws_ec2_transit_gateway_vpc_attachment.${v}`, `aws_vpc.${v}`]));
		const spokes = tgw.routeTables.find((t) => t.id === 'aws_ec2_transit_gateway_route_table.spokes');
		expect(spokes?.associations).toEqual(['aws_ec2_transit_gateway_vpc_attachment.spoke1', 'aws_ec2_transit_gateway_vpc_attachment.spoke2']);
		expect(spokes?.propagations).toEqual(['aws_ec2_transit_gateway_vpc_attachment.inspect']);
		expect(spokes?.routes).toEqual([{ destination: '10.32.0.0/16', target: 'blackhole', blackhole: true, line: lineOf(n, 'resource "aws_ec2_transit_gateway_route" "no_spoke2"') }]);
		expect(await text(n)).toContain(`      10.32.0.0/16 -> blackhole (dropped) (line ${lineOf(n, 'resource "aws_ec2_transit_gateway_route" "no_spoke2"')})`);

		const s3 = await model(note(tfFence(TF_S3_ENDPOINT)));
		expect(s3.links.endpoints.map((e) => [e.id, e.type, e.service, e.vpc, e.routeTables])).toEqual([['aws_vpc_endpoint.s3', 'gateway', 's3', 'aws_vpc.work', ['aws_route_table.work']]]);

		const vn = note(tfFence(TF_VPN(true)));
		const vpn = await model(vn);
		expect(vpn.links.vpnGateways).toEqual([{ id: 'aws_vpn_gateway.vgw', line: lineOf(vn, 'resource "aws_vpn_gateway" "vgw"'), vpc: 'aws_vpc.hybrid', propagates: ['aws_route_table.hybrid'] }]);
		expect(vpn.links.customerGateways).toEqual([{ id: 'aws_customer_gateway.office', line: lineOf(vn, 'resource "aws_customer_gateway" "office"'), ip: '203.0.113.10', cidrs: ['192.168.0.0/16'] }]);
		expect(vpn.links.vpnConnections.map((c) => [c.customerGateway, c.vpnGateway, c.routing, c.ranges])).toEqual([['aws_customer_gateway.office', 'aws_vpn_gateway.vgw', 'static', ['192.168.0.0/16']]]);
		// Not propagated: the gateway is there, its route tables are not.
		expect((await model(note(tfFence(TF_VPN(false))))).links.vpnGateways[0]?.propagates).toEqual([]);
	});

	it('a vpc block network prints the same shape, and a one-VPC block has empty links', async () => {
		const n = note(fence(BLACKHOLE));
		const b = await model(n);
		expect(b.links.transitGateways[0]?.routeTables.flatMap((t) => t.routes.filter((r) => r.blackhole).map((r) => r.destination))).toEqual(['10.32.0.0/16']);
		const one = await model(note('```vpc\nname: lab\ncidr: 10.0.0.0/16\nsubnets:\n  a: { cidr: 10.0.1.0/24, zone: a }\n```\n'));
		expect(one.links).toEqual({ peerings: [], transitGateways: [], endpoints: [], vpnGateways: [], customerGateways: [], vpnConnections: [] });
		expect(one.vpcs[0]?.line).toBe(4);
		const bad = fakeIO({ 'n.md': n });
		expect(await main(['model', 'n.md', '--format', 'yaml'], bad.io)).toBe(2);
		expect(bad.stderr()).toMatch(/model prints json or text/);
	});
});
