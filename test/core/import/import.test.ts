import { detectFormat, importVpcBlocks, splitJsonDocuments, ImportError } from '../../../src/core/import';
import { analyzeTopology, trace, type VpcModel } from '../../../src/core/topology';
import { YAML_TEMPLATE } from '../topology/cloudformation-fixtures';
import { AWS_CLI_OUTPUTS, TERRAFORM_PLAN, TERRAFORM_STATE } from './fixtures';

/** A generated block read back as a `vpc` block: it must have no errors. */
function readBack(yaml: string) {
	const analysis = analyzeTopology('vpc', yaml, 1);
	expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
	return analysis.model as VpcModel;
}

const json = (doc: unknown) => JSON.stringify(doc, null, 2);

describe('import from AWS CLI output', () => {
	const files = AWS_CLI_OUTPUTS.map((doc, i) => ({ name: `out${i}.json`, text: json(doc) }));

	it('gives one vpc block holding every VPC (issue 26: one network), with names from Name tags, the main table as `main`, the default group as `default`', () => {
		const out = importVpcBlocks(files);
		expect(out.formats.every((f) => f === 'aws-cli')).toBe(true);
		expect(out.blocks.map((b) => b.name)).toEqual(['imported-network']);
		const lab = readBack(out.blocks[0]?.yaml ?? '');
		expect(lab.network.vpcs.map((v) => v.name)).toEqual(['lab', 'vpc-2']);
		expect(lab.cidr?.text).toBe('10.0.0.0/16');
		expect([...lab.subnets.values()].map((s) => [s.name, s.cidr?.text, s.zone, s.routeTable?.name ?? null, s.nacl?.name ?? null])).toEqual([
			['public-a', '10.0.1.0/24', 'ap-northeast-2a', 'public', 'default-nacl'],
			['private', '10.0.2.0/24', 'ap-northeast-2c', 'private-rtb', 'default-nacl'],
		]);
		expect(lab.internetGateway?.name).toBe('lab-igw');
		expect([...lab.routeTables.keys()]).toEqual(['main', 'public', 'private-rtb']);
		expect(lab.routeTables.get('private-rtb')?.routes.map((r) => `${r.destination.text} -> ${r.target}`)).toEqual(['0.0.0.0/0 -> nat-1']);
		expect(lab.securityGroups.get('db')?.inbound.map((r) => r.text)).toEqual(['tcp 5432 from web']);
		expect(lab.securityGroups.get('db')?.outbound).toEqual([]);
		expect(lab.nacls.get('default-nacl')?.inbound.map((r) => r.text)).toEqual(['100 allow all from 0.0.0.0/0']); // the 32767 `*` deny is implicit
		expect(lab.instances.get('web-instance')).toMatchObject({ publicIp: true, instanceType: 't3.micro' });
		expect(lab.loadBalancers.get('front')).toMatchObject({ targetPort: 8080, scheme: 'internet-facing' });
		expect(trace(lab, { from: 'internet', to: 'web-instance', proto: 'tcp', port: 443 }).allowed).toBe(true);
		const other = lab.network.vpcs[1];
		expect(other?.securityGroups.get('default')?.inbound.map((r) => r.text)).toEqual(['all from default']);
	});

	it('drops nothing silently: each dropped item is a comment at the top of its block', () => {
		const block = importVpcBlocks(files).blocks[0]?.yaml ?? '';
		const header = block.slice(0, block.indexOf('\nname:'));
		expect(header).toContain('10.8.0.0/16 -> pcx-9 (VPC peering routes are not traced)');
		expect(header).toContain('route to ::/0 (IPv6 and prefix-list routes are not modelled)');
		expect(header).toContain('security group web: inbound tcp 443 for 1 IPv6 range(s)');
		expect(header).toContain('NACL default-nacl: rule 101 outbound (IPv6 is not modelled)');
		expect(header).toContain('instance i-old is terminated');
		expect(header).toContain('its listeners and targets are not in describe-load-balancers');
		expect(header).toContain('VPN gateway vgw-1 is attached to no VPC');
		expect(header.split('\n').every((l) => l.startsWith('#'))).toBe(true);
	});

	it('reads the same outputs concatenated in one file', () => {
		const one = importVpcBlocks(files);
		const concatenated = importVpcBlocks([{ name: 'all.json', text: files.map((f) => f.text).join('\n') }]);
		expect(concatenated.blocks.map((b) => b.yaml.split('\n').slice(1).join('\n'))).toEqual(one.blocks.map((b) => b.yaml.split('\n').slice(1).join('\n')));
	});
});

describe('import from terraform show -json', () => {
	it('reads a state (child modules too), by ids', () => {
		const out = importVpcBlocks([{ name: 'state.json', text: json(TERRAFORM_STATE) }]);
		expect(out.formats).toEqual(['terraform']);
		const vpc = readBack(out.blocks[0]?.yaml ?? '');
		expect(vpc.name).toBe('tf-lab');
		expect([...vpc.subnets.values()].map((s) => [s.name, s.routeTable?.name, s.nacl?.name])).toEqual([
			['public-0', 'public', 'main-network-acl'],
			['public-1', 'public', 'main-network-acl'],
		]);
		expect(vpc.routeTables.get('public')?.routes.map((r) => `${r.destination.text} -> ${r.target}`)).toEqual(['0.0.0.0/0 -> gw']);
		expect(vpc.securityGroups.get('web')?.inbound.map((r) => r.text)).toEqual(['tcp 80 from 0.0.0.0/0', 'tcp 22 from 198.51.100.0/24']);
		expect(vpc.securityGroups.get('app')?.inbound.map((r) => r.text)).toEqual(['tcp 8080 from web']);
		expect(vpc.loadBalancers.get('front')).toMatchObject({ listeners: [80], targetPort: 80, targets: [{ name: 'web-instance' }] });
		expect(vpc.instances.get('db')).toMatchObject({ role: 'database', subnet: { name: 'public-1' } });
		expect(trace(vpc, { from: 'internet', to: 'web-instance', proto: 'tcp', port: 80 }).allowed).toBe(true);
		const header = out.blocks[0]?.yaml.slice(0, out.blocks[0].yaml.indexOf('\nname:')) ?? '';
		expect(header).toContain('192.168.0.0/16 -> transit gateway tgw-1 (not traced)');
		expect(header).toContain('1 aws_s3_bucket resource not represented');
	});

	it('reads a plan, linking through the configuration when ids are not known yet', () => {
		const out = importVpcBlocks([{ name: 'plan.json', text: json(TERRAFORM_PLAN) }]);
		const vpc = readBack(out.blocks[0]?.yaml ?? '');
		expect(vpc.name).toBe('planned');
		expect(vpc.subnets.get('app')?.routeTable?.name).toBe('rt');
		expect(vpc.routeTables.get('rt')?.routes.map((r) => `${r.destination.text} -> ${r.target}`)).toEqual(['0.0.0.0/0 -> gw']);
		// Resources that share a Terraform name (`app`) get their kind as a suffix.
		expect(vpc.instances.get('app-instance')?.securityGroups.map((g) => g.name)).toEqual(['app-security-group']);
		expect(vpc.securityGroups.get('app-security-group')?.outbound).toEqual([]);
	});
});

describe('import from a CloudFormation template', () => {
	it('writes the template read as a cloudformation block as a plain vpc block, with what it cannot say as comments', () => {
		const out = importVpcBlocks([{ name: 'two-tier.yaml', text: YAML_TEMPLATE }]);
		expect(out.formats).toEqual(['cloudformation']);
		const vpc = readBack(out.blocks[0]?.yaml ?? '');
		expect([...vpc.subnets.keys()]).toEqual(['PublicA', 'PublicB', 'PrivateA']);
		expect(trace(vpc, { from: 'Web', to: 'Db', proto: 'tcp', port: 5432 }).allowed).toBe(true);
		expect(out.blocks[0]?.yaml).toContain('# - template line');
		expect(out.blocks[0]?.yaml).toContain('`Logs` (AWS::S3::Bucket) is not modelled');
	});
});

describe('format detection and bad input', () => {
	it('detects each format, and splits concatenated JSON', () => {
		expect(detectFormat(json(AWS_CLI_OUTPUTS[0]))).toBe('aws-cli');
		expect(detectFormat(json(TERRAFORM_STATE))).toBe('terraform');
		expect(detectFormat(YAML_TEMPLATE)).toBe('cloudformation');
		expect(detectFormat('{"Resources": {}}')).toBe('cloudformation');
		expect(detectFormat('hello')).toBeNull();
		expect(splitJsonDocuments('{"a": "}{"} \n [1, 2]')).toEqual([{ a: '}{' }, [1, 2]]);
		expect(splitJsonDocuments('{"a": 1')).toBeNull();
	});

	it('refuses what it cannot read with a message naming the input and what to give', () => {
		expect(() => importVpcBlocks([{ name: 'notes.txt', text: 'just words' }])).toThrow(ImportError);
		expect(() => importVpcBlocks([{ name: 'notes.txt', text: 'just words' }])).toThrow(/notes\.txt: not recognised.*--from/);
		expect(() => importVpcBlocks([{ name: 'x.json', text: '{"Vpcs": [' }], 'aws-cli')).toThrow(/not valid JSON/);
		const none = importVpcBlocks([{ name: 'empty.json', text: '{"Vpcs": []}' }]);
		expect(none.blocks).toEqual([]);
		expect(none.notes).toContain('no VPC found in the input');
	});
});

describe('import from a raw terraform.tfstate (version 4)', () => {
	it('reads resources with instances and attributes, counted resources by index', () => {
		const raw = {
			version: 4,
			terraform_version: '1.6.5',
			resources: [
				{ mode: 'managed', type: 'aws_vpc', name: 'main', instances: [{ attributes: { id: 'vpc-r', cidr_block: '10.3.0.0/16', tags: { Name: 'raw' } } }] },
				{ mode: 'managed', type: 'aws_subnet', name: 'a', instances: [0, 1].map((i) => ({ index_key: i, attributes: { id: `subnet-r${i}`, vpc_id: 'vpc-r', cidr_block: `10.3.${i}.0/24` } })) },
				{ module: 'module.net', mode: 'managed', type: 'aws_security_group', name: 'sg', instances: [{ attributes: { id: 'sg-r', vpc_id: 'vpc-r', ingress: [], egress: [] } }] },
			],
		};
		const out = importVpcBlocks([{ name: 'terraform.tfstate', text: JSON.stringify(raw) }]);
		expect(out.formats).toEqual(['terraform']);
		const vpc = readBack(out.blocks[0]?.yaml ?? '');
		expect([vpc.name, [...vpc.subnets.keys()], [...vpc.securityGroups.keys()]]).toEqual(['raw', ['a-0', 'a-1'], ['sg']]);
	});
});
