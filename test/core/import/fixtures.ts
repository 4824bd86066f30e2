/**
 * Inputs written for these tests in the formats the AWS CLI reference and Terraform's JSON output
 * format document: `aws ec2 describe-*` outputs, `terraform show -json` of a state and of a plan.
 */

const tags = (name: string) => [{ Key: 'Name', Value: name }];

export const DESCRIBE_VPCS = {
	Vpcs: [
		{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16', State: 'available', IsDefault: false, Tags: tags('lab') },
		{ VpcId: 'vpc-2', CidrBlock: '172.31.0.0/16', State: 'available', IsDefault: true },
	],
};
export const DESCRIBE_SUBNETS = {
	Subnets: [
		{ SubnetId: 'subnet-a', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24', AvailabilityZone: 'ap-northeast-2a', MapPublicIpOnLaunch: true, Tags: tags('public a') },
		{ SubnetId: 'subnet-b', VpcId: 'vpc-1', CidrBlock: '10.0.2.0/24', AvailabilityZone: 'ap-northeast-2c', Tags: tags('private') },
		{ SubnetId: 'subnet-d', VpcId: 'vpc-2', CidrBlock: '172.31.0.0/20', AvailabilityZone: 'ap-northeast-2a', DefaultForAz: true },
	],
};
export const DESCRIBE_IGWS = {
	InternetGateways: [
		{ InternetGatewayId: 'igw-1', Attachments: [{ State: 'available', VpcId: 'vpc-1' }], Tags: tags('lab') },
		{ InternetGatewayId: 'igw-2', Attachments: [{ State: 'available', VpcId: 'vpc-2' }] },
	],
};
export const DESCRIBE_NATS = { NatGateways: [{ NatGatewayId: 'nat-1', SubnetId: 'subnet-a', VpcId: 'vpc-1', State: 'available', ConnectivityType: 'public' }] };
export const DESCRIBE_ROUTE_TABLES = {
	RouteTables: [
		{
			RouteTableId: 'rtb-main',
			VpcId: 'vpc-1',
			Associations: [{ Main: true, RouteTableAssociationId: 'rtbassoc-0', RouteTableId: 'rtb-main' }],
			Routes: [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' }],
		},
		{
			RouteTableId: 'rtb-pub',
			VpcId: 'vpc-1',
			Associations: [{ Main: false, SubnetId: 'subnet-a', RouteTableId: 'rtb-pub' }],
			Routes: [
				{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' },
				{ DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1', State: 'active' },
				{ DestinationCidrBlock: '10.8.0.0/16', VpcPeeringConnectionId: 'pcx-9', State: 'active' },
				{ DestinationIpv6CidrBlock: '::/0', GatewayId: 'igw-1', State: 'active' },
			],
			Tags: tags('public'),
		},
		{
			RouteTableId: 'rtb-priv',
			VpcId: 'vpc-1',
			Associations: [{ Main: false, SubnetId: 'subnet-b', RouteTableId: 'rtb-priv' }],
			Routes: [
				{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' },
				{ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1', State: 'active' },
			],
			Tags: tags('private'),
		},
		{
			RouteTableId: 'rtb-d',
			VpcId: 'vpc-2',
			Associations: [{ Main: true, RouteTableId: 'rtb-d' }],
			Routes: [
				{ DestinationCidrBlock: '172.31.0.0/16', GatewayId: 'local', State: 'active' },
				{ DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-2', State: 'active' },
			],
		},
	],
};
export const DESCRIBE_SGS = {
	SecurityGroups: [
		{
			GroupId: 'sg-web',
			GroupName: 'web',
			VpcId: 'vpc-1',
			IpPermissions: [
				{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [{ CidrIpv6: '::/0' }], UserIdGroupPairs: [], PrefixListIds: [] },
			],
			IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], UserIdGroupPairs: [] }],
		},
		{
			GroupId: 'sg-db',
			GroupName: 'db',
			VpcId: 'vpc-1',
			IpPermissions: [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, IpRanges: [], UserIdGroupPairs: [{ GroupId: 'sg-web', UserId: '111122223333' }] }],
			IpPermissionsEgress: [],
		},
		{ GroupId: 'sg-d', GroupName: 'default', VpcId: 'vpc-2', IpPermissions: [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: 'sg-d' }] }], IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] },
	],
};
export const DESCRIBE_NACLS = {
	NetworkAcls: [
		{
			NetworkAclId: 'acl-1',
			VpcId: 'vpc-1',
			IsDefault: true,
			Associations: [{ SubnetId: 'subnet-a' }, { SubnetId: 'subnet-b' }],
			Entries: [
				{ RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0' },
				{ RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: false, CidrBlock: '0.0.0.0/0' },
				{ RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: true, CidrBlock: '0.0.0.0/0' },
				{ RuleNumber: 101, Protocol: '6', RuleAction: 'deny', Egress: true, Ipv6CidrBlock: '::/0', PortRange: { From: 25, To: 25 } },
			],
		},
	],
};
export const DESCRIBE_INSTANCES = {
	Reservations: [
		{
			Instances: [
				{ InstanceId: 'i-web', InstanceType: 't3.micro', SubnetId: 'subnet-a', VpcId: 'vpc-1', PrivateIpAddress: '10.0.1.10', PublicIpAddress: '3.3.3.3', SecurityGroups: [{ GroupId: 'sg-web', GroupName: 'web' }], State: { Name: 'running' }, Tags: tags('web') },
				{ InstanceId: 'i-old', SubnetId: 'subnet-a', VpcId: 'vpc-1', State: { Name: 'terminated' } },
			],
		},
	],
};
export const DESCRIBE_LBS = {
	LoadBalancers: [{ LoadBalancerArn: 'arn:aws:elasticloadbalancing:lb/app/front/1', LoadBalancerName: 'front', Scheme: 'internet-facing', Type: 'application', VpcId: 'vpc-1', AvailabilityZones: [{ ZoneName: 'ap-northeast-2a', SubnetId: 'subnet-a' }, { ZoneName: 'ap-northeast-2c', SubnetId: 'subnet-b' }], SecurityGroups: ['sg-web'] }],
};
export const DESCRIBE_TGS = { TargetGroups: [{ TargetGroupArn: 'arn:tg/web', Port: 8080, Protocol: 'HTTP', VpcId: 'vpc-1', LoadBalancerArns: ['arn:aws:elasticloadbalancing:lb/app/front/1'] }] };

export const AWS_CLI_OUTPUTS = [DESCRIBE_VPCS, DESCRIBE_SUBNETS, DESCRIBE_IGWS, DESCRIBE_NATS, DESCRIBE_ROUTE_TABLES, DESCRIBE_SGS, DESCRIBE_NACLS, DESCRIBE_INSTANCES, DESCRIBE_LBS, DESCRIBE_TGS, { VpnGateways: [{ VpnGatewayId: 'vgw-1' }] }];

const res = (type: string, name: string, values: Record<string, unknown>, index?: number) => ({
	address: `${type}.${name}${index === undefined ? '' : `[${index}]`}`,
	mode: 'managed',
	type,
	name,
	...(index === undefined ? {} : { index }),
	provider_name: 'registry.terraform.io/hashicorp/aws',
	values,
});

/** `terraform show -json` of a state: ids everywhere, references by id; one resource in a module. */
export const TERRAFORM_STATE = {
	format_version: '1.0',
	terraform_version: '1.9.0',
	values: {
		root_module: {
			resources: [
				res('aws_vpc', 'main', { id: 'vpc-tf', cidr_block: '10.1.0.0/16', tags: { Name: 'tf-lab' } }),
				res('aws_subnet', 'public', { id: 'subnet-p0', vpc_id: 'vpc-tf', cidr_block: '10.1.0.0/24', availability_zone: 'us-east-1a', map_public_ip_on_launch: true }, 0),
				res('aws_subnet', 'public', { id: 'subnet-p1', vpc_id: 'vpc-tf', cidr_block: '10.1.1.0/24', availability_zone: 'us-east-1b', map_public_ip_on_launch: true }, 1),
				res('aws_internet_gateway', 'gw', { id: 'igw-tf', vpc_id: 'vpc-tf' }),
				res('aws_route_table', 'public', { id: 'rtb-tf', vpc_id: 'vpc-tf', route: [{ cidr_block: '0.0.0.0/0', gateway_id: 'igw-tf' }, { cidr_block: '192.168.0.0/16', transit_gateway_id: 'tgw-1' }] }),
				res('aws_route_table_association', 'a', { subnet_id: 'subnet-p0', route_table_id: 'rtb-tf' }, 0),
				res('aws_route_table_association', 'a', { subnet_id: 'subnet-p1', route_table_id: 'rtb-tf' }, 1),
				res('aws_security_group', 'web', { id: 'sg-tfweb', name: 'web', vpc_id: 'vpc-tf', ingress: [{ from_port: 80, to_port: 80, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'], security_groups: [], self: false }], egress: [{ from_port: 0, to_port: 0, protocol: '-1', cidr_blocks: ['0.0.0.0/0'] }] }),
				res('aws_security_group', 'app', { id: 'sg-tfapp', name: 'app', vpc_id: 'vpc-tf', ingress: [], egress: [] }),
				res('aws_vpc_security_group_ingress_rule', 'app_from_web', { security_group_id: 'sg-tfapp', ip_protocol: 'tcp', from_port: 8080, to_port: 8080, referenced_security_group_id: 'sg-tfweb' }),
				res('aws_security_group_rule', 'ssh', { type: 'ingress', security_group_id: 'sg-tfweb', protocol: 'tcp', from_port: 22, to_port: 22, cidr_blocks: ['198.51.100.0/24'] }),
				res('aws_network_acl', 'main', { id: 'acl-tf', vpc_id: 'vpc-tf', subnet_ids: ['subnet-p0', 'subnet-p1'], ingress: [{ rule_no: 100, action: 'allow', protocol: 'tcp', from_port: 80, to_port: 80, cidr_block: '0.0.0.0/0' }, { rule_no: 110, action: 'allow', protocol: 'tcp', from_port: 1024, to_port: 65535, cidr_block: '0.0.0.0/0' }], egress: [{ rule_no: 100, action: 'allow', protocol: '-1', from_port: 0, to_port: 0, cidr_block: '0.0.0.0/0' }] }),
				res('aws_instance', 'web', { id: 'i-tf', subnet_id: 'subnet-p0', vpc_security_group_ids: ['sg-tfweb'], instance_type: 't3.small', private_ip: '10.1.0.10', associate_public_ip_address: true }),
				res('aws_lb', 'front', { id: 'arn:lb/front', arn: 'arn:lb/front', name: 'front', internal: false, load_balancer_type: 'application', subnets: ['subnet-p0', 'subnet-p1'], security_groups: ['sg-tfweb'] }),
				res('aws_lb_target_group', 'web', { id: 'arn:tg/web', arn: 'arn:tg/web', port: 80, vpc_id: 'vpc-tf' }),
				res('aws_lb_target_group_attachment', 'web', { target_group_arn: 'arn:tg/web', target_id: 'i-tf', port: 80 }),
				res('aws_lb_listener', 'http', { load_balancer_arn: 'arn:lb/front', port: 80, default_action: [{ type: 'forward', target_group_arn: 'arn:tg/web' }] }),
				res('aws_s3_bucket', 'logs', { id: 'logs' }),
			],
			child_modules: [
				{ address: 'module.db', resources: [{ ...res('aws_db_subnet_group', 'db', { id: 'dbsub', name: 'dbsub', subnet_ids: ['subnet-p1'] }), address: 'module.db.aws_db_subnet_group.db' }, { ...res('aws_db_instance', 'db', { id: 'db-1', db_subnet_group_name: 'dbsub', vpc_security_group_ids: ['sg-tfapp'], instance_class: 'db.t3.micro', publicly_accessible: false }), address: 'module.db.aws_db_instance.db' }] },
			],
		},
	},
};

/** `terraform show -json` of a plan: no ids yet, so links come from the configuration's references. */
export const TERRAFORM_PLAN = {
	format_version: '1.2',
	terraform_version: '1.9.0',
	planned_values: {
		root_module: {
			resources: [
				res('aws_vpc', 'main', { cidr_block: '10.2.0.0/16', tags: { Name: 'planned' } }),
				res('aws_subnet', 'app', { cidr_block: '10.2.1.0/24', availability_zone: 'eu-west-1a' }),
				res('aws_internet_gateway', 'gw', {}),
				res('aws_route_table', 'rt', { route: [{ cidr_block: '0.0.0.0/0' }] }),
				res('aws_route_table_association', 'app', {}),
				res('aws_security_group', 'app', { ingress: [{ from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] }], egress: [] }),
				res('aws_instance', 'app', { instance_type: 't3.micro' }),
			],
		},
	},
	configuration: {
		root_module: {
			resources: [
				{ address: 'aws_vpc.main', type: 'aws_vpc', name: 'main', expressions: { cidr_block: { constant_value: '10.2.0.0/16' } } },
				{ address: 'aws_subnet.app', type: 'aws_subnet', name: 'app', expressions: { vpc_id: { references: ['aws_vpc.main.id', 'aws_vpc.main'] } } },
				{ address: 'aws_internet_gateway.gw', type: 'aws_internet_gateway', name: 'gw', expressions: { vpc_id: { references: ['aws_vpc.main.id', 'aws_vpc.main'] } } },
				{ address: 'aws_route_table.rt', type: 'aws_route_table', name: 'rt', expressions: { vpc_id: { references: ['aws_vpc.main.id', 'aws_vpc.main'] }, route: [{ gateway_id: { references: ['aws_internet_gateway.gw.id', 'aws_internet_gateway.gw'] } }] } },
				{ address: 'aws_route_table_association.app', type: 'aws_route_table_association', name: 'app', expressions: { subnet_id: { references: ['aws_subnet.app.id', 'aws_subnet.app'] }, route_table_id: { references: ['aws_route_table.rt.id', 'aws_route_table.rt'] } } },
				{ address: 'aws_security_group.app', type: 'aws_security_group', name: 'app', expressions: { vpc_id: { references: ['aws_vpc.main.id', 'aws_vpc.main'] } } },
				{ address: 'aws_instance.app', type: 'aws_instance', name: 'app', expressions: { subnet_id: { references: ['aws_subnet.app.id', 'aws_subnet.app'] }, vpc_security_group_ids: { references: ['aws_security_group.app.id', 'aws_security_group.app'] } } },
			],
		},
	},
};
