import { analyzeNote, analyzeTopology, toMermaid, trace, type Diagnostic } from '../../../src/core/topology';
import type { CloudFormationModel } from '../../../src/core/topology/cloudformation/model';
import { extractNote } from '../../../src/core/cards';
import { composeYaml } from '../../../src/core/topology/yaml/yaml-compose';
import { JSON_TEMPLATE, YAML_TEMPLATE } from './cloudformation-fixtures';

function analyze(template: string, firstLine = 1) {
	const analysis = analyzeTopology('cloudformation', template, firstLine);
	return { analysis, model: analysis.model as CloudFormationModel, codes: analysis.diagnostics.map((d) => d.code) };
}

/** The 1-based line of the first line of `template` containing `text`, shifted like a note. */
function lineOf(template: string, text: string, firstLine = 1): number {
	return template.split('\n').findIndex((l) => l.includes(text)) + firstLine;
}

function find(list: Diagnostic[], code: string, words: string): Diagnostic | undefined {
	return list.find((d) => d.code === code && d.message.includes(words));
}

describe('YAML composer keeps CloudFormation tags', () => {
	it('puts `!Ref`, `!Sub` and `!GetAtt` on scalars and collections, and still applies `!!int`', () => {
		const { root, problems } = composeYaml('A: !Ref X\nB: !Join ["", [a, !Sub "${AWS::Region}b"]]\nC: !GetAtt\n  - X\n  - Y\nD: !!int "5"\n');
		expect(problems).toEqual([]);
		const values = root?.kind === 'map' ? root.items.map((p) => p.value) : [];
		expect(values.map((v) => (v && v.kind !== 'alias' ? v.tag : undefined))).toEqual(['!Ref', '!Join', '!GetAtt', undefined]);
		expect(values[3]?.kind === 'scalar' && values[3].value).toBe(5);
	});
});

describe('cloudformation blocks: a YAML template with short forms', () => {
	const { analysis, model } = analyze(YAML_TEMPLATE, 10);

	it('reads the network by logical id, evaluating Ref, GetAtt, Cidr, Select, GetAZs, If and FindInMap', () => {
		const vpc = model.vpc;
		expect(analysis.title).toBe('VPC');
		expect(vpc.cidr?.text).toBe('10.0.0.0/16'); // Ref to a parameter's Default
		const subnets = [...vpc.subnets.values()].map((s) => [s.name, s.cidr?.text, s.zone, s.routeTable?.name ?? null, s.nacl?.name ?? null]);
		expect(subnets).toEqual([
			['PublicA', '10.0.0.0/24', '<region>a', 'PublicRT', null], // Fn::Select over Fn::Cidr of GetAtt VPC.CidrBlock; Fn::GetAZs
			['PublicB', '10.0.1.0/24', '<region>b', 'PublicRT', null],
			['PrivateA', '10.0.10.0/24', '<region>a', 'PrivateRT', 'PrivateNacl'], // Fn::If over IsProd (EnvType defaults to prod)
		]);
		expect(vpc.internetGateway?.name).toBe('InternetGateway');
		expect(vpc.routeTables.get('PrivateRT')?.routes.map((r) => `${r.destination.text} -> ${r.target}`)).toEqual(['0.0.0.0/0 -> Nat']);
		expect(vpc.securityGroups.get('AlbSG')?.inbound.map((r) => r.text)).toEqual(['tcp 80 from 0.0.0.0/0']); // ports from Fn::FindInMap
		expect(vpc.securityGroups.get('DbSG')?.inbound.map((r) => r.text)).toEqual(['tcp 5432 from WebSG']); // a standalone SecurityGroupIngress
		const web = vpc.instances.get('Web');
		expect(web && [web.subnet?.name, web.publicIp, web.securityGroups.map((g) => g.name), web.instanceType]).toEqual(['PublicA', true, ['WebSG'], 't3.micro']); // groups and type from the launch template
		expect(vpc.instances.get('Db')?.role).toBe('database');
		const alb = vpc.loadBalancers.get('Alb');
		expect(alb && [alb.listeners, alb.targets.map((t) => t.name), alb.targetPort]).toEqual([[80], ['Web'], 80]);
		expect(vpc.instances.has('DevBox')).toBe(false); // Condition IsDev is false
	});

	it('lints with positions in the template: our codes, unsupported-resource and unresolved-value', () => {
		const d = analysis.diagnostics;
		expect(find(d, 'unsupported-resource', '`Logs` (AWS::S3::Bucket)')?.line).toBe(lineOf(YAML_TEMPLATE, '  Logs:', 10));
		expect(find(d, 'unsupported-resource', 'condition `IsDev` is false')?.line).toBe(lineOf(YAML_TEMPLATE, 'Condition: IsDev', 10));
		const admin = find(d, 'unresolved-value', 'parameter `AdminCidr` has no `Default`');
		expect(admin?.severity).toBe('warning');
		expect(admin?.line).toBe(lineOf(YAML_TEMPLATE, 'CidrIp: !Ref AdminCidr', 10));
		expect(find(d, 'unresolved-value', 'the region is not known offline')).toBeDefined();
		const ephemeral = find(d, 'nacl-missing-ephemeral', 'PrivateNacl');
		expect(ephemeral?.line).toBe(lineOf(YAML_TEMPLATE, '  NaclOut:', 10)); // the entry that lets traffic out
		expect(d.filter((x) => x.severity === 'error')).toEqual([]);
	});

	it('traces hop by hop through the ALB, the security groups and the NACL', () => {
		expect(trace(model, { from: 'internet', to: 'Web', proto: 'tcp', port: 80 })).toMatchObject({ allowed: true });
		expect(trace(model, { from: 'Web', to: 'Db', proto: 'tcp', port: 5432 })).toMatchObject({ allowed: true });
		const blocked = trace(model, { from: 'Web', to: 'Db', proto: 'tcp', port: 3306 });
		expect(blocked.allowed).toBe(false);
		expect(blocked.hops.map((h) => h.resource)).toContain('PrivateNacl');
		// The declared flows (Metadata.Cloudnotes.flows) pass, so no flow-blocked warning.
		expect(model.flows.map((f) => f.text)).toEqual(['internet -> Alb tcp/80', 'Web -> Db tcp/5432']);
		expect(analysis.diagnostics.some((x) => x.code === 'flow-blocked')).toBe(false);
	});

	it('draws the VPC with logical ids and gives details with the CloudFormation type', () => {
		const diagram = toMermaid(model);
		expect(diagram.text).toContain('r_PublicA["PublicA · 10.0.0.0/24 · public"]');
		expect(diagram.text).toContain('r_PrivateA["PrivateA · 10.0.10.0/24 · private"]');
		expect(diagram.nodes.map((n) => n.resource)).toEqual(expect.arrayContaining(['VPC', 'Alb', 'Web', 'Db', 'Nat', 'InternetGateway']));
		const web = analysis.resources.find((r) => r.name === 'Web');
		expect(web?.details[0]).toEqual({ label: 'CloudFormation type', value: 'AWS::EC2::Instance' });
		expect(analysis.endpoints).toEqual(['internet', 'PublicA', 'PublicB', 'PrivateA', 'Nat', 'Web', 'Db', 'Alb']);
	});

	it('makes topology cards from a note holding the block', () => {
		const note = ['# 2티어 VPC', '', '```cloudformation', YAML_TEMPLATE.trimEnd(), '```', ''].join('\n');
		const cards = extractNote('vpc.md', note).cards;
		expect(cards.map((c) => c.front)).toEqual(expect.arrayContaining([expect.stringContaining('PublicA'), expect.stringContaining('PrivateA')]));
		expect(analyzeNote(note)[0]?.kind).toBe('cloudformation');
	});
});

describe('cloudformation blocks: a JSON template with long forms', () => {
	const { analysis, model } = analyze(JSON_TEMPLATE);

	it('reads Fn::Join, Fn::Sub with a map, Fn::GetAZs with the region option, Fn::GetAtt lists and NetworkInterfaces', () => {
		expect(model.vpc.name).toBe('MainVpc');
		expect(model.vpc.region).toBe('ap-northeast-2');
		expect(model.vpc.cidr?.text).toBe('10.20.0.0/16');
		const pub = model.vpc.subnets.get('Public');
		expect([pub?.cidr?.text, pub?.zone]).toEqual(['10.20.1.0/24', 'ap-northeast-2c']);
		const bastion = model.vpc.instances.get('Bastion');
		expect(bastion && [bastion.subnet?.name, bastion.publicIp, bastion.securityGroups.map((g) => g.name), bastion.instanceType]).toEqual(['Public', true, ['BastionSG'], 't3.micro']);
	});

	it('draws both VPCs and the peering between them (issue 26: one network, traced across the peering)', () => {
		const d = analysis.diagnostics;
		expect(find(d, 'unsupported-resource', '`MainVpc` is drawn, not `PeerVpc`')).toBeUndefined();
		expect(model.vpc.network.vpcs.map((v) => v.name)).toEqual(['MainVpc', 'PeerVpc']);
		expect(model.vpc.network.vpcs[1]?.subnets.has('PeerSubnet')).toBe(true);
		expect(model.vpc.routeTables.get('Rt')?.routes.find((r) => r.target === 'Peering')?.destination.text).toBe('10.99.0.0/16');
		expect(find(d, 'unresolved-value', 'Fn::ImportValue')?.line).toBe(lineOf(JSON_TEMPLATE, '"Imported": {') + 2);
		const diagram = toMermaid(model);
		expect(diagram.text).toContain('r_Peering{{"Peering<br/>VPC peering"}}');
		expect(diagram.text).toContain('r_Public -->|"10.99.0.0/16"| r_Peering');
		expect(diagram.text).toContain('subgraph r_PeerVpc[');
		expect(analysis.resources.find((r) => r.name === 'Peering')?.type).toBe('vpc-peering');
	});

	it('keeps the one-VPC reading when `# cloudnotes vpc:` names one', () => {
		const one = analyzeTopology('cloudformation', `# cloudnotes vpc: MainVpc\n${JSON_TEMPLATE}`, 1);
		expect(find(one.diagnostics, 'unsupported-resource', '`MainVpc` is drawn, not `PeerVpc`')).toBeDefined();
		expect(find(one.diagnostics, 'unsupported-resource', '`PeerSubnet`')).toBeDefined();
	});

	it('checks flows given as a comment option: a blocked one is a flow-blocked warning on its line', () => {
		const blocked = find(analysis.diagnostics, 'flow-blocked', 'internet -> Bastion tcp/22');
		expect(blocked?.line).toBe(2);
		expect(trace(model, { from: '203.0.113.7', to: 'Bastion', proto: 'tcp', port: 22 }).allowed).toBe(true);
		// Egress is declared (443 only): nothing else leaves.
		expect(trace(model, { from: 'Bastion', to: 'internet', proto: 'tcp', port: 80 }).allowed).toBe(false);
	});

	it('the `vpc` option picks the other VPC', () => {
		const other = analyze(`# cloudnotes vpc: PeerVpc\n${JSON_TEMPLATE}`).model;
		expect(other.vpc.name).toBe('PeerVpc');
		expect([...other.vpc.subnets.keys()]).toEqual(['PeerSubnet']);
	});
});

describe('cloudformation blocks: bad input gets a clear message, never an exception', () => {
	it.each([
		['empty', '', 'missing-field'],
		['a list', '- a\n- b', 'invalid-value'],
		['no Resources', 'AWSTemplateFormatVersion: "2010-09-09"', 'missing-field'],
		['a resource without Type', 'Resources:\n  X:\n    Properties: {}', 'missing-field'],
		['a broken subnet CIDR', 'Resources:\n  V: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }\n  S: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref V, CidrBlock: 10.0.0.1/24 } }', 'invalid-cidr'],
		['a self-referencing condition', 'Conditions:\n  A: !Condition A\nResources:\n  V: { Type: AWS::EC2::VPC, Condition: A, Properties: { CidrBlock: 10.0.0.0/16 } }', 'unresolved-value'],
		['an unknown option', '# cloudnotes colour: red\nResources: {}', 'unknown-field'],
	])('%s', (_name, text, code) => {
		const { analysis, codes } = analyze(text);
		expect(codes).toContain(code);
		expect(analysis.diagnostics.some((d) => d.message.includes('internal error'))).toBe(false);
	});

	it('a template that puts its subnets into an existing VPC (a VpcId parameter) still draws them', () => {
		const { model, analysis } = analyze('Parameters:\n  VpcId: { Type: "AWS::EC2::VPC::Id" }\nResources:\n  S: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref VpcId, CidrBlock: 10.1.0.0/24 } }');
		expect([...model.vpc.subnets.keys()]).toEqual(['S']);
		expect(find(analysis.diagnostics, 'unresolved-value', 'creates no AWS::EC2::VPC')).toBeDefined();
	});
});

describe('cloudformation blocks: the VPC default group and NACL', () => {
	it('`!GetAtt VPC.DefaultSecurityGroup` is the `default` group; entries of the default NACL are listed, not dropped', () => {
		const { model, analysis } = analyze(
			[
				'Resources:',
				'  VPC: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }',
				'  S: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref VPC, CidrBlock: 10.0.1.0/24 } }',
				'  Web: { Type: AWS::EC2::Instance, Properties: { SubnetId: !Ref S, SecurityGroupIds: [!GetAtt VPC.DefaultSecurityGroup] } }',
				'  Sg: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: x, VpcId: !Ref VPC, SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: 80, ToPort: 80, SourceSecurityGroupId: !GetAtt VPC.DefaultSecurityGroup }] } }',
				'  Deny: { Type: AWS::EC2::NetworkAclEntry, Properties: { NetworkAclId: !GetAtt VPC.DefaultNetworkAcl, RuleNumber: 90, Protocol: -1, RuleAction: deny, CidrBlock: 0.0.0.0/0 } }',
			].join('\n'),
		);
		expect(model.vpc.instances.get('Web')?.securityGroups.map((g) => g.name)).toEqual(['default']);
		expect(model.vpc.securityGroups.get('Sg')?.inbound.map((r) => r.text)).toEqual(['tcp 80 from default']);
		expect(find(analysis.diagnostics, 'unsupported-resource', '`Deny` changes the NACL of `VPC`')?.line).toBe(6);
		expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
	});
});
