import { analyzeNote, analyzeTopology, networkJson, toMermaid, trace, type VpcJson } from '../../../src/core/topology';
import type { TerraformModel } from '../../../src/core/topology/terraform/model';
import { isVpcModuleSource, majorVersion } from '../../../src/core/topology/terraform/vpc-module';

function analyze(text: string, firstLine = 1) {
	const analysis = analyzeTopology('terraform', text, firstLine);
	const model = analysis.model as TerraformModel;
	return { analysis, model, json: (networkJson(model) as { vpcs: VpcJson[] }).vpcs, errors: analysis.diagnostics.filter((d) => d.severity === 'error') };
}

const PLAIN = `provider "aws" {
  region = "ap-northeast-2"
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "public" {
  count                   = 2
  vpc_id                  = aws_vpc.main.id
  cidr_block              = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index)
  availability_zone       = element(["ap-northeast-2a", "ap-northeast-2c"], count.index)
  map_public_ip_on_launch = true
}

resource "aws_subnet" "private" {
  for_each          = { a = 10, c = 11 }
  vpc_id            = aws_vpc.main.id
  cidr_block        = cidrsubnet(aws_vpc.main.cidr_block, 8, each.value)
  availability_zone = "ap-northeast-2\${each.key}"
}

resource "aws_internet_gateway" "igw" {
  vpc_id = aws_vpc.main.id
}

resource "aws_eip" "nat" {
  domain = "vpc"
}

resource "aws_nat_gateway" "nat" {
  allocation_id = aws_eip.nat.id
  subnet_id     = aws_subnet.public[0].id
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.main.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.igw.id
  }
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id
}

resource "aws_route" "private_nat" {
  route_table_id         = aws_route_table.private.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.nat.id
}

resource "aws_route_table_association" "public" {
  count          = length(aws_subnet.public)
  subnet_id      = aws_subnet.public[count.index].id
  route_table_id = aws_route_table.public.id
}

resource "aws_main_route_table_association" "main" {
  vpc_id         = aws_vpc.main.id
  route_table_id = aws_route_table.private.id
}

resource "aws_security_group" "alb" {
  vpc_id = aws_vpc.main.id
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "web" {
  vpc_id = aws_vpc.main.id
}

resource "aws_security_group_rule" "web_from_alb" {
  type                     = "ingress"
  security_group_id        = aws_security_group.web.id
  from_port                = 8080
  to_port                  = 8080
  protocol                 = "tcp"
  source_security_group_id = aws_security_group.alb.id
}

resource "aws_vpc_security_group_egress_rule" "web_out" {
  security_group_id = aws_security_group.web.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

resource "aws_security_group" "db" {
  vpc_id = aws_vpc.main.id
}

resource "aws_vpc_security_group_ingress_rule" "db_from_web" {
  security_group_id            = aws_security_group.db.id
  referenced_security_group_id = aws_security_group.web.id
  from_port                    = 5432
  to_port                      = 5432
  ip_protocol                  = "tcp"
}

resource "aws_network_acl" "private" {
  vpc_id     = aws_vpc.main.id
  subnet_ids = [for s in aws_subnet.private : s.id]
  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "-1"
    from_port  = 0
    to_port    = 0
    cidr_block = "10.0.0.0/16"
  }
}

resource "aws_network_acl_rule" "out" {
  network_acl_id = aws_network_acl.private.id
  rule_number    = 100
  egress         = true
  protocol       = "-1"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
}

resource "aws_instance" "web" {
  count                  = 2
  ami                    = "ami-123"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.private["a"].id
  vpc_security_group_ids = [aws_security_group.web.id]
}

resource "aws_lb" "alb" {
  load_balancer_type = "application"
  subnets            = aws_subnet.public[*].id
  security_groups    = [aws_security_group.alb.id]
}

resource "aws_lb_target_group" "web" {
  port     = 8080
  protocol = "HTTP"
  vpc_id   = aws_vpc.main.id
}

resource "aws_lb_target_group_attachment" "web" {
  count            = 2
  target_group_arn = aws_lb_target_group.web.arn
  target_id        = aws_instance.web[count.index].id
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.alb.arn
  port              = 443
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

resource "aws_db_subnet_group" "db" {
  subnet_ids = values(aws_subnet.private)[*].id
}

resource "aws_db_instance" "db" {
  engine                 = "postgres"
  instance_class         = "db.t3.micro"
  db_subnet_group_name   = aws_db_subnet_group.db.name
  vpc_security_group_ids = [aws_security_group.db.id]
}

resource "aws_s3_bucket" "logs" {
  bucket = "logs"
}
`;

describe('terraform blocks: plain AWS resources', () => {
	const { analysis, model, json, errors } = analyze(PLAIN, 10);
	const vpc = json[0];

	it('reads every resource kind into the vpc model, named by Terraform address', () => {
		expect(errors).toEqual([]);
		expect(analysis.title).toBe('aws_vpc.main');
		expect(vpc.cidr).toBe('10.0.0.0/16');
		expect(vpc.region).toBe('ap-northeast-2');
		expect(vpc.subnets.map((s) => [s.id, s.cidr, s.zone, s.public, s.routeTable])).toEqual([
			['aws_subnet.public[0]', '10.0.0.0/24', 'ap-northeast-2a', true, 'aws_route_table.public'],
			['aws_subnet.public[1]', '10.0.1.0/24', 'ap-northeast-2c', true, 'aws_route_table.public'],
			// No association: the main route table (aws_main_route_table_association), which routes to the NAT gateway.
			['aws_subnet.private["a"]', '10.0.10.0/24', 'ap-northeast-2a', false, 'aws_route_table.private'],
			['aws_subnet.private["c"]', '10.0.11.0/24', 'ap-northeast-2c', false, 'aws_route_table.private'],
		]);
		expect(vpc.internetGateways).toEqual([{ id: 'aws_internet_gateway.igw' }]);
		expect(vpc.natGateways).toEqual([{ id: 'aws_nat_gateway.nat', subnet: 'aws_subnet.public[0]' }]);
		expect(vpc.routeTables.find((t) => t.id === 'aws_route_table.private')?.routes).toEqual([{ destination: '0.0.0.0/0', target: 'aws_nat_gateway.nat' }]);
		expect(vpc.securityGroups.map((g) => [g.id, g.inbound, g.outbound])).toEqual([
			['aws_security_group.alb', ['tcp 443 from 0.0.0.0/0'], ['all to 0.0.0.0/0']],
			['aws_security_group.web', ['tcp 8080 from aws_security_group.alb'], ['all to 0.0.0.0/0']],
			// The provider removes AWS's allow-all egress from every group it creates.
			['aws_security_group.db', ['tcp 5432 from aws_security_group.web'], []],
		]);
		expect(vpc.nacls).toEqual([{ id: 'aws_network_acl.private', inbound: ['100 allow all from 10.0.0.0/16'], outbound: ['100 allow all to 0.0.0.0/0'] }]);
		expect(vpc.instances.map((i) => [i.id, i.subnet, i.type, i.role])).toEqual([
			['aws_instance.web[0]', 'aws_subnet.private["a"]', 't3.micro', null],
			['aws_instance.web[1]', 'aws_subnet.private["a"]', 't3.micro', null],
			['aws_db_instance.db', 'aws_subnet.private["a"]', 'db.t3.micro', 'database'],
		]);
		expect(vpc.loadBalancers).toEqual([
			{ id: 'aws_lb.alb', scheme: 'internet-facing', type: 'application', subnets: ['aws_subnet.public[0]', 'aws_subnet.public[1]'], securityGroups: ['aws_security_group.alb'], targets: ['aws_instance.web[0]', 'aws_instance.web[1]'], listeners: [443] },
		]);
		expect(model.types.get('aws_subnet.public[1]')).toBe('aws_subnet');
	});

	it('lists resources it does not model at their line, as info', () => {
		const s3 = analysis.diagnostics.find((d) => d.code === 'unsupported-resource' && d.message.includes('aws_s3_bucket.logs'));
		expect(s3?.severity).toBe('info');
		expect(s3?.line).toBe(10 + PLAIN.split('\n').findIndex((l) => l.includes('"aws_s3_bucket"')));
	});

	it('traces hop by hop through the load balancer and the security groups', () => {
		expect(trace(model, { from: 'internet', to: 'aws_lb.alb', port: 443, proto: 'tcp' }).allowed).toBe(true);
		expect(trace(model, { from: 'aws_instance.web[0]', to: 'aws_db_instance.db', port: 5432, proto: 'tcp' }).allowed).toBe(true);
		expect(trace(model, { from: 'internet', to: 'aws_db_instance.db', port: 5432, proto: 'tcp' }).allowed).toBe(false);
	});

	it('draws every subnet and gateway', () => {
		const diagram = toMermaid(model);
		const drawn = new Set(diagram.nodes.map((n) => n.resource));
		for (const name of ['aws_vpc.main', 'aws_subnet.public[0]', 'aws_subnet.private["c"]', 'aws_internet_gateway.igw', 'aws_nat_gateway.nat', 'aws_lb.alb', 'aws_db_instance.db']) expect(drawn.has(name)).toBe(true);
	});
});

describe('terraform blocks: what is not known offline', () => {
	it('gives an unresolved-value info at the line, never an error', () => {
		const text = 'variable "vpc_cidr" {}\nresource "aws_vpc" "v" {\n  cidr_block = var.vpc_cidr\n}\nresource "aws_subnet" "s" {\n  vpc_id = aws_vpc.v.id\n  cidr_block = cidrsubnet(var.vpc_cidr, 8, 0)\n}\n';
		const { analysis, errors } = analyze(text, 5);
		expect(errors).toEqual([]);
		const unknown = analysis.diagnostics.filter((d) => d.code === 'unresolved-value');
		expect(unknown.map((d) => [d.line, d.severity])).toEqual([
			[7, 'info'],
			[11, 'info'],
		]);
		expect(unknown[0]?.message).toMatch(/variable `vpc_cidr` has no default/);
	});

	it('reports an HCL syntax error at its line and keeps what was read before it', () => {
		const { analysis, json } = analyze('resource "aws_vpc" "v" {\n  cidr_block = "10.0.0.0/16"\n}\nresource "aws_subnet" "s" {\n  cidr_block = [\n', 20);
		const syntax = analysis.diagnostics.find((d) => d.code === 'hcl-syntax');
		expect(syntax?.severity).toBe('error');
		expect(syntax?.line).toBe(25);
		expect(json[0]?.id).toBe('aws_vpc.v');
	});
});

const MODULE = (inputs: string, version = '~> 5.0'): string => `module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "${version}"

  name = "demo"
  cidr = "10.0.0.0/16"
  azs  = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
${inputs}
}
`;

function moduleJson(inputs: string, version?: string): VpcJson {
	const { json, errors } = analyze(MODULE(inputs, version));
	expect(errors).toEqual([]);
	return json[0];
}

const table = (v: VpcJson): Record<string, string | null> => Object.fromEntries(v.subnets.map((s) => [s.id.replace('module.vpc.', ''), `${s.public ? 'public' : 'private'} ${s.routeTable?.replace('module.vpc.', '') ?? '-'}`]));

describe('terraform-aws-modules/vpc/aws, expanded as its main.tf does', () => {
	it('recognises the registry, git:: and GitHub sources and pins the major version', () => {
		expect(isVpcModuleSource('terraform-aws-modules/vpc/aws')).toBe(true);
		expect(isVpcModuleSource('git::https://github.com/terraform-aws-modules/terraform-aws-vpc.git?ref=v5.1.0')).toBe(true);
		expect(isVpcModuleSource('github.com/terraform-aws-modules/terraform-aws-vpc')).toBe(true);
		expect(isVpcModuleSource('git::https://github.com/terraform-aws-modules/terraform-aws-vpc.git//modules/vpc-endpoints')).toBe(false);
		expect(isVpcModuleSource('terraform-aws-modules/security-group/aws')).toBe(false);
		expect(majorVersion('~> 5.0', '')).toBe(5);
		expect(majorVersion('3.14.2', '')).toBe(3);
		expect(majorVersion(null, 'git::https://x?ref=v4.0.1')).toBe(4);
		expect(majorVersion(null, '')).toBe(6);
	});

	it('public_subnets get one route table to the internet gateway; private ones one table per NAT gateway (one per subnet)', () => {
		const v = moduleJson('  public_subnets  = ["10.0.101.0/24", "10.0.102.0/24"]\n  private_subnets = ["10.0.1.0/24", "10.0.2.0/24"]\n  enable_nat_gateway = true\n  public_subnet_names = ["edge-a"]\n  public_subnet_tags = { Tier = "edge" }\n');
		expect(table(v)).toEqual({
			'public_subnets[0]': 'public public_route_table_ids[0]',
			'public_subnets[1]': 'public public_route_table_ids[0]',
			'private_subnets[0]': 'private private_route_table_ids[0]',
			'private_subnets[1]': 'private private_route_table_ids[1]',
		});
		expect(v.internetGateways).toEqual([{ id: 'module.vpc.igw_id' }]);
		expect(v.natGateways).toEqual([
			{ id: 'module.vpc.natgw_ids[0]', subnet: 'module.vpc.public_subnets[0]' },
			{ id: 'module.vpc.natgw_ids[1]', subnet: 'module.vpc.public_subnets[1]' },
		]);
		expect(v.routeTables.find((t) => t.id.endsWith('private_route_table_ids[1]'))?.routes).toEqual([{ destination: '0.0.0.0/0', target: 'module.vpc.natgw_ids[1]' }]);
		const { model } = analyze(MODULE('  public_subnets  = ["10.0.101.0/24"]\n  public_subnet_names = ["edge-a"]\n  public_subnet_tags = { Tier = "edge" }\n'));
		expect(model.types.get('module.vpc.public_subnets[0]')).toMatch(/Name=edge-a, Tier=edge/);
	});

	it('single_nat_gateway: one NAT gateway, every private subnet on the first private table', () => {
		const v = moduleJson('  public_subnets  = ["10.0.101.0/24", "10.0.102.0/24"]\n  private_subnets = ["10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"]\n  enable_nat_gateway = true\n  single_nat_gateway = true\n');
		expect(v.natGateways).toHaveLength(1);
		expect(v.routeTables.filter((t) => t.id.includes('private_route_table_ids'))).toHaveLength(1);
		expect(new Set(v.subnets.filter((s) => s.id.includes('private')).map((s) => s.routeTable))).toEqual(new Set(['module.vpc.private_route_table_ids[0]']));
	});

	it('one_nat_gateway_per_az: one NAT gateway per zone', () => {
		const v = moduleJson('  public_subnets  = ["10.0.101.0/24", "10.0.102.0/24", "10.0.103.0/24"]\n  private_subnets = ["10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24", "10.0.4.0/24"]\n  enable_nat_gateway = true\n  one_nat_gateway_per_az = true\n');
		expect(v.natGateways).toHaveLength(3);
		expect(v.subnets.find((s) => s.id.endsWith('private_subnets[3]'))?.routeTable).toBe('module.vpc.private_route_table_ids[0]'); // element() wraps
	});

	it('from v4 public subnets count toward the private tables; v3 counts private, database, elasticache, redshift only', () => {
		const inputs = '  public_subnets  = ["10.0.101.0/24", "10.0.102.0/24", "10.0.103.0/24"]\n  private_subnets = ["10.0.1.0/24"]\n';
		expect(moduleJson(inputs, '~> 5.0').routeTables.filter((t) => t.id.includes('private_route_table_ids'))).toHaveLength(3);
		expect(moduleJson(inputs, '3.14.2').routeTables.filter((t) => t.id.includes('private_route_table_ids'))).toHaveLength(1);
	});

	it('private route tables exist without NAT gateways, with no default route', () => {
		const v = moduleJson('  private_subnets = ["10.0.1.0/24", "10.0.2.0/24"]\n');
		expect(v.internetGateways).toEqual([]);
		expect(v.routeTables.map((t) => [t.id, t.routes])).toEqual([
			['module.vpc.private_route_table_ids[0]', []],
			['module.vpc.private_route_table_ids[1]', []],
		]);
	});

	it('database subnets join the private tables, or their own with create_database_subnet_route_table (+ internet route)', () => {
		const base = '  public_subnets  = ["10.0.101.0/24"]\n  private_subnets = ["10.0.1.0/24"]\n  database_subnets = ["10.0.21.0/24", "10.0.22.0/24"]\n';
		// v5: three tiers of at most two subnets make two private tables; database subnet i uses table i.
		expect(table(moduleJson(base))['database_subnets[1]']).toBe('private private_route_table_ids[1]');
		const own = moduleJson(`${base}  create_database_subnet_route_table = true\n`);
		expect(table(own)['database_subnets[1]']).toBe('private database_route_table_ids[1]');
		const open = moduleJson(`${base}  create_database_subnet_route_table = true\n  create_database_internet_gateway_route = true\n`);
		expect(table(open)).toMatchObject({ 'database_subnets[0]': 'public database_route_table_ids[0]', 'database_subnets[1]': 'public database_route_table_ids[0]' });
		const { json } = analyze(MODULE(`${base}  create_database_subnet_group = true\n`) + 'resource "aws_db_instance" "db" {\n  db_subnet_group_name = module.vpc.database_subnet_group\n}\n');
		expect(json[0]?.instances[0]?.subnet).toBe('module.vpc.database_subnets[0]');
	});

	it('intra subnets get a table without routes; elasticache and redshift may get their own', () => {
		const v = moduleJson('  private_subnets = ["10.0.1.0/24"]\n  intra_subnets = ["10.0.51.0/24"]\n  elasticache_subnets = ["10.0.31.0/24"]\n  redshift_subnets = ["10.0.41.0/24"]\n  create_elasticache_subnet_route_table = true\n');
		expect(table(v)).toEqual({
			'private_subnets[0]': 'private private_route_table_ids[0]',
			'elasticache_subnets[0]': 'private elasticache_route_table_ids[0]',
			'redshift_subnets[0]': 'private private_route_table_ids[0]',
			'intra_subnets[0]': 'private intra_route_table_ids[0]',
		});
	});

	it('expands a module with for_each once per key, named by its address, and references its outputs', () => {
		const text = 'module "vpcs" {\n  for_each = { dev = "10.0.0.0/16", prod = "10.1.0.0/16" }\n  source = "terraform-aws-modules/vpc/aws"\n  cidr = each.value\n  azs = ["us-east-1a"]\n  public_subnets = [cidrsubnet(each.value, 8, 1)]\n}\nresource "aws_instance" "bastion" {\n  subnet_id = module.vpcs["prod"].public_subnets[0]\n}\n';
		const { json, model } = analyze(text);
		expect(json.map((v) => [v.id, v.cidr, v.subnets.map((s) => s.id)])).toEqual([
			['module.vpcs["dev"]', '10.0.0.0/16', ['module.vpcs["dev"].public_subnets[0]']],
			['module.vpcs["prod"]', '10.1.0.0/16', ['module.vpcs["prod"].public_subnets[0]']],
		]);
		expect(json[1]?.instances.map((i) => i.subnet)).toEqual(['module.vpcs["prod"].public_subnets[0]']);
		expect(trace(model, { from: 'internet', to: 'module.vpcs["prod"].public_subnets[0]', port: 22, proto: 'tcp' }).hops.length).toBeGreaterThan(0);
		const drawn = new Set(toMermaid(model).nodes.map((n) => n.resource));
		expect(drawn.has('module.vpcs["dev"].public_subnets[0]') && drawn.has('module.vpcs["prod"].public_subnets[0]')).toBe(true);
	});

	it('draws other modules as one box listing their inputs', () => {
		const { model, analysis } = analyze('module "db" {\n  source = "terraform-aws-modules/rds/aws"\n  engine = "postgres"\n}\n');
		expect(model.modules).toEqual([{ name: 'module.db', pos: { line: 1, column: 1 }, source: 'terraform-aws-modules/rds/aws', inputs: [{ name: 'engine', value: 'postgres' }] }]);
		expect(analysis.resources.find((r) => r.name === 'module.db')?.details).toContainEqual({ label: 'engine', value: 'postgres' });
		expect(toMermaid(model).text).toContain('terraform-aws-modules/rds/aws');
	});
});

describe('terraform fences', () => {
	it('opens a block with terraform, hcl and tf', () => {
		const note = ['```hcl', 'resource "aws_vpc" "a" {', '  cidr_block = "10.0.0.0/16"', '}', '```', '```tf', 'resource "aws_vpc" "b" {', '  cidr_block = "10.1.0.0/16"', '}', '```'].join('\n');
		expect(analyzeNote(note).map((b) => [b.kind, b.analysis.title])).toEqual([
			['terraform', 'aws_vpc.a'],
			['terraform', 'aws_vpc.b'],
		]);
	});
});

describe('terraform rules whose CIDR is not known offline', () => {
	it('say so at the rule line, as info, and keep the other peers', () => {
		const text = 'variable "office" {}\nresource "aws_vpc" "v" {\n  cidr_block = "10.0.0.0/16"\n}\nresource "aws_security_group" "g" {\n  vpc_id = aws_vpc.v.id\n  ingress {\n    from_port = 22\n    to_port = 22\n    protocol = "tcp"\n    cidr_blocks = [var.office, "10.0.0.0/16"]\n  }\n}\n';
		const { analysis, json } = analyze(text);
		const info = analysis.diagnostics.find((d) => d.code === 'unresolved-value' && d.message.includes('aws_security_group.g'));
		expect([info?.line, info?.severity]).toEqual([11, 'info']);
		expect(json[0]?.securityGroups[0]?.inbound).toEqual(['tcp 22 from 10.0.0.0/16']);
	});
});
