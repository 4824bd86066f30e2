import { main } from '../../src/cli/main';
import { fakeIO } from './fake-io';

const VPC = ['```vpc', 'name: lab', 'cidr: 10.0.0.0/16', 'internet-gateway: igw', 'subnets:', '  pub: { cidr: 10.0.1.0/24, zone: a, route-table: public }', '  priv: { cidr: 10.0.2.0/24, zone: a }', 'route-tables:', '  public: { 0.0.0.0/0: igw }', '```'].join('\n');
const COMPOSE = ['```containers', 'services:', '  web: { image: nginx }', '```'].join('\n');
const TERRAFORM = ['```tf', 'resource "aws_vpc" "v" {', '  cidr_block = "10.1.0.0/16"', '}', 'resource "aws_subnet" "s" {', '  vpc_id     = aws_vpc.v.id', '  cidr_block = "10.1.1.0/24"', '}', '```'].join('\n');
const NOTE = ['# note', '', VPC, '', COMPOSE, '', TERRAFORM, ''].join('\n');

describe('cloudnotes model', () => {
	it('prints every VPC-shaped block as the documented JSON, other languages left out', async () => {
		const t = fakeIO({ 'n.md': NOTE });
		expect(await main(['model', 'n.md', '--format', 'json'], t.io)).toBe(0);
		const out = JSON.parse(t.stdout()) as { blocks: { block: number; language: string; line: number; vpcs: { id: string; cidr: string; subnets: { id: string; public: boolean; routeTable: string | null; zone: string | null; cidr: string }[]; internetGateways: { id: string }[] }[] }[] };
		expect(out.blocks.map((b) => [b.block, b.language, b.line])).toEqual([
			[1, 'vpc', 3],
			[3, 'terraform', 19],
		]);
		const lab = out.blocks[0]?.vpcs[0];
		expect(lab?.id).toBe('lab');
		expect(lab?.internetGateways).toEqual([{ id: 'igw' }]);
		expect(lab?.subnets).toEqual([
			{ id: 'pub', name: 'pub', cidr: '10.0.1.0/24', zone: 'a', public: true, routeTable: 'public', nacl: null },
			{ id: 'priv', name: 'priv', cidr: '10.0.2.0/24', zone: 'a', public: false, routeTable: null, nacl: null },
		]);
		expect(out.blocks[1]?.vpcs[0]?.subnets.map((s) => [s.id, s.public])).toEqual([['aws_subnet.s', false]]);
		for (const key of ['natGateways', 'instances', 'loadBalancers', 'securityGroups']) expect(out.blocks[1]?.vpcs[0]).toHaveProperty(key);
	});

	it('--block picks one block; a block of another language or a note without VPCs is a usage error (2)', async () => {
		const t = fakeIO({ 'n.md': NOTE, 'c.md': COMPOSE });
		expect(await main(['model', 'n.md', '--block', '3'], t.io)).toBe(0);
		expect((JSON.parse(t.stdout()) as { blocks: unknown[] }).blocks).toHaveLength(1);
		const other = fakeIO({ 'n.md': NOTE });
		expect(await main(['model', 'n.md', '--block', '2'], other.io)).toBe(2);
		expect(other.stderr()).toMatch(/block 2 \(line 14\) is a containers block, which holds no VPC/);
		const none = fakeIO({ 'c.md': COMPOSE });
		expect(await main(['model', 'c.md'], none.io)).toBe(2);
		expect(none.stderr()).toMatch(/no VPC-shaped topology block/);
	});

	it('exits 1 when a block has errors, and still prints it', async () => {
		const t = fakeIO({ 'b.md': ['```vpc', 'name: x', 'cidr: 10.0.0.0/16', 'subnets:', '  a: { cidr: 10.9.0.0/24, zone: z }', '```'].join('\n') });
		expect(await main(['model', 'b.md'], t.io)).toBe(1);
		expect((JSON.parse(t.stdout()) as { blocks: { errors: number }[] }).blocks[0]?.errors).toBe(1);
		expect(t.stderr()).toMatch(/subnet-outside-vpc/);
	});
});
