/**
 * Small several-VPC Terraform configurations, one per rule (the vpc block's network-fixtures.ts
 * written as the AWS provider's resources): each says what a cloud engineer expects of it.
 */

/** One VPC with one subnet, its route table (inline routes), a security group and an instance. */
function vpc(name: string, cidr: string, subnet: string, routes: string[], instance: string, ingress: string): string {
	return `resource "aws_vpc" "${name}" {
  cidr_block = "${cidr}"
}

resource "aws_subnet" "${name}" {
  vpc_id            = aws_vpc.${name}.id
  cidr_block        = "${subnet}"
  availability_zone = "ap-northeast-2a"
}

resource "aws_route_table" "${name}" {
  vpc_id = aws_vpc.${name}.id
${routes.map((r) => `  route {\n    ${r}\n  }\n`).join('')}}

resource "aws_route_table_association" "${name}" {
  subnet_id      = aws_subnet.${name}.id
  route_table_id = aws_route_table.${name}.id
}

resource "aws_security_group" "${name}" {
  vpc_id = aws_vpc.${name}.id
  ingress {
    protocol    = "tcp"
    from_port   = ${ingress.split(' ')[0]}
    to_port     = ${ingress.split(' ')[0]}
    cidr_blocks = ["${ingress.split(' ')[1]}"]
  }
  egress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "${instance}" {
  ami                    = "ami-12345678"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.${name}.id
  vpc_security_group_ids = [aws_security_group.${name}.id]
}
`;
}

const peer = (cidr: string, peering: string): string => `cidr_block = "${cidr}"\n    vpc_peering_connection_id = aws_vpc_peering_connection.${peering}.id`;
const viaTgw = (cidr: string): string => `cidr_block = "${cidr}"\n    transit_gateway_id = aws_ec2_transit_gateway.hub.id`;

const peering = (name: string, a: string, b: string, extra = 'auto_accept = true'): string => `resource "aws_vpc_peering_connection" "${name}" {
  vpc_id      = aws_vpc.${a}.id
  peer_vpc_id = aws_vpc.${b}.id
  ${extra}
}
`;

const provider = 'provider "aws" {\n  region = "ap-northeast-2"\n}\n\n';

/** app <-> shared <-> data: peering is not transitive, so web cannot reach db. */
export const TF_PEERING_CHAIN =
	provider +
	vpc('app', '10.1.0.0/16', '10.1.1.0/24', [peer('10.2.0.0/16', 'app_shared'), peer('10.3.0.0/16', 'app_shared')], 'web', '443 10.2.0.0/16') +
	vpc('shared', '10.2.0.0/16', '10.2.1.0/24', [peer('10.1.0.0/16', 'app_shared'), peer('10.3.0.0/16', 'shared_data')], 'ldap', '636 10.0.0.0/8') +
	vpc('data', '10.3.0.0/16', '10.3.1.0/24', [peer('10.2.0.0/16', 'shared_data'), peer('10.1.0.0/16', 'shared_data')], 'db', '5432 10.0.0.0/8') +
	peering('app_shared', 'app', 'shared') +
	peering('shared_data', 'shared', 'data');

/** A route into the peering on the left side only (an aws_route): replies have no way back. */
export const TF_ONE_SIDED =
	provider +
	vpc('left', '10.10.0.0/16', '10.10.1.0/24', [], 'client', '22 10.10.0.0/16') +
	vpc('right', '10.20.0.0/16', '10.20.1.0/24', [], 'server', '80 10.10.0.0/16') +
	peering('left_right', 'left', 'right') +
	`resource "aws_route" "to_right" {
  route_table_id            = aws_route_table.left.id
  destination_cidr_block    = "10.20.0.0/16"
  vpc_peering_connection_id = aws_vpc_peering_connection.left_right.id
}
`;

/** Two VPCs whose ranges overlap, peered: AWS refuses the peering. */
export const TF_OVERLAP =
	provider +
	vpc('one', '10.50.0.0/16', '10.50.1.0/24', [], 'a', '22 10.0.0.0/8') +
	vpc('two', '10.50.128.0/17', '10.50.200.0/24', [], 'b', '22 10.0.0.0/8') +
	peering('one_two', 'one', 'two');

/** A hub: spoke1 and spoke2 share a TGW route table that blackholes spoke2's range; inspect is reached by propagation. */
export const TF_BLACKHOLE =
	provider +
	vpc('spoke1', '10.31.0.0/16', '10.31.1.0/24', [viaTgw('10.0.0.0/8')], 'app1', '443 10.0.0.0/8') +
	vpc('spoke2', '10.32.0.0/16', '10.32.1.0/24', [viaTgw('10.0.0.0/8')], 'app2', '443 10.0.0.0/8') +
	vpc('inspect', '10.40.0.0/16', '10.40.1.0/24', [viaTgw('10.0.0.0/8')], 'probe', '443 10.0.0.0/8') +
	`resource "aws_ec2_transit_gateway" "hub" {
  default_route_table_association = "disable"
  default_route_table_propagation = "disable"
}

${['spoke1', 'spoke2', 'inspect']
	.map(
		(v) => `resource "aws_ec2_transit_gateway_vpc_attachment" "${v}" {
  transit_gateway_id = aws_ec2_transit_gateway.hub.id
  vpc_id             = aws_vpc.${v}.id
  subnet_ids         = [aws_subnet.${v}.id]
}
`,
	)
	.join('\n')}
resource "aws_ec2_transit_gateway_route_table" "spokes" {
  transit_gateway_id = aws_ec2_transit_gateway.hub.id
}

resource "aws_ec2_transit_gateway_route_table" "shared" {
  transit_gateway_id = aws_ec2_transit_gateway.hub.id
}

${[
	['spokes', 'spoke1', 'association'],
	['spokes', 'spoke2', 'association'],
	['spokes', 'inspect', 'propagation'],
	['shared', 'inspect', 'association'],
	['shared', 'spoke1', 'propagation'],
	['shared', 'spoke2', 'propagation'],
]
	.map(
		([table, att, kind]) => `resource "aws_ec2_transit_gateway_route_table_${kind}" "${table}_${att}" {
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment.${att}.id
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.${table}.id
}
`,
	)
	.join('\n')}
resource "aws_ec2_transit_gateway_route" "no_spoke2" {
  destination_cidr_block         = "10.32.0.0/16"
  blackhole                      = true
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.spokes.id
}
`;

/** Two VPCs on two transit gateways (defaults on): requests east go through `a`, replies west through `b`. */
export const TF_ASYMMETRIC =
	provider +
	vpc('west', '10.1.0.0/16', '10.1.1.0/24', ['cidr_block = "10.2.0.0/16"\n    transit_gateway_id = aws_ec2_transit_gateway.a.id'], 'w1', '22 10.0.0.0/8') +
	vpc('east', '10.2.0.0/16', '10.2.1.0/24', ['cidr_block = "10.1.0.0/16"\n    transit_gateway_id = aws_ec2_transit_gateway.b.id'], 'e1', '22 10.0.0.0/8') +
	['a', 'b']
		.map(
			(t) => `resource "aws_ec2_transit_gateway" "${t}" {}

${['west', 'east']
	.map(
		(v) => `resource "aws_ec2_transit_gateway_vpc_attachment" "${t}_${v}" {
  transit_gateway_id = aws_ec2_transit_gateway.${t}.id
  vpc_id             = aws_vpc.${v}.id
  subnet_ids         = [aws_subnet.${v}.id]
}
`,
	)
	.join('\n')}`,
		)
		.join('\n');

/** A private subnet with no NAT gateway: it reaches S3 through a gateway endpoint in its route table only. */
export const TF_S3_ENDPOINT =
	provider +
	vpc('work', '10.60.0.0/16', '10.60.1.0/24', [], 'worker', '22 10.60.0.0/16') +
	vpc('batch', '10.61.0.0/16', '10.61.1.0/24', [], 'batcher', '22 10.61.0.0/16') +
	`resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.work.id
  service_name      = "com.amazonaws.\${data.aws_region.current.name}.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = [aws_route_table.work.id]
}
`;

/** An office behind a customer gateway, a static VPN to the VPC's VPN gateway, its routes propagated (or not). */
export const TF_VPN = (propagate: boolean): string =>
	provider +
	vpc('hybrid', '10.70.0.0/16', '10.70.1.0/24', [], 'erp', '443 192.168.0.0/16') +
	`resource "aws_vpn_gateway" "vgw" {
  vpc_id = aws_vpc.hybrid.id
}

resource "aws_customer_gateway" "office" {
  bgp_asn    = 65000
  ip_address = "203.0.113.10"
  type       = "ipsec.1"
}

resource "aws_vpn_connection" "office" {
  vpn_gateway_id      = aws_vpn_gateway.vgw.id
  customer_gateway_id = aws_customer_gateway.office.id
  type                = "ipsec.1"
  static_routes_only  = true
}

resource "aws_vpn_connection_route" "office" {
  destination_cidr_block = "192.168.0.0/16"
  vpn_connection_id      = aws_vpn_connection.office.id
}
${
	propagate
		? `
resource "aws_vpn_gateway_route_propagation" "hybrid" {
  vpn_gateway_id = aws_vpn_gateway.vgw.id
  route_table_id = aws_route_table.hybrid.id
}
`
		: ''
}`;

const vpcModule = (name: string, net: number): string => `module "vpc_${name}" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.0"
  name    = "${name}"
  cidr    = "10.${net}.0.0/16"
  azs     = ["ap-northeast-2a", "ap-northeast-2c"]
  private_subnets = ["10.${net}.1.0/24", "10.${net}.2.0/24"]
}

`;

/** Two VPC modules on a transit gateway with its default route table, routes added to the modules' tables by aws_route, an S3 endpoint in one. */
export const TF_MODULES_TGW = `${provider}${vpcModule('a', 10)}${vpcModule('b', 20)}resource "aws_ec2_transit_gateway" "tgw" {}

resource "aws_ec2_transit_gateway_vpc_attachment" "a" {
  transit_gateway_id = aws_ec2_transit_gateway.tgw.id
  vpc_id             = module.vpc_a.vpc_id
  subnet_ids         = module.vpc_a.private_subnets
}

resource "aws_ec2_transit_gateway_vpc_attachment" "b" {
  transit_gateway_id = aws_ec2_transit_gateway.tgw.id
  vpc_id             = module.vpc_b.vpc_id
  subnet_ids         = module.vpc_b.private_subnets
}

resource "aws_route" "a_to_b" {
  count                  = 2
  route_table_id         = module.vpc_a.private_route_table_ids[count.index]
  destination_cidr_block = "10.20.0.0/16"
  transit_gateway_id     = aws_ec2_transit_gateway.tgw.id
}

resource "aws_route" "b_to_a" {
  count                  = 2
  route_table_id         = module.vpc_b.private_route_table_ids[count.index]
  destination_cidr_block = module.vpc_a.vpc_cidr_block
  transit_gateway_id     = aws_ec2_transit_gateway.tgw.id
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id          = module.vpc_a.vpc_id
  service_name    = "com.amazonaws.ap-northeast-2.s3"
  route_table_ids = module.vpc_a.private_route_table_ids
}
`;

export const tfFence = (hcl: string): string => '```terraform\n' + hcl + '```\n';
