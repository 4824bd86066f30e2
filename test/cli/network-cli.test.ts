/**
 * Several VPCs through the command line: `trace --format json` across peerings, a transit gateway,
 * a gateway endpoint and a VPN, and `lint` on the rules that only a network has.
 */
import { main } from '../../src/cli/main';
import { BLACKHOLE, fence, ONE_SIDED, OVERLAP, PEERING_CHAIN, S3_ENDPOINT, VPN } from '../core/topology/network-fixtures';
import { TF_BLACKHOLE, TF_ONE_SIDED, TF_PEERING_CHAIN, TF_S3_ENDPOINT, TF_VPN, tfFence } from '../core/topology/terraform-network-fixtures';
import { fakeIO } from './fake-io';

interface Hop {
	resource: string;
	step: string;
	allowed: boolean;
	rule?: string;
	reason: string;
}
interface Json {
	allowed: boolean;
	hops: Hop[];
	blockedAt?: number;
	summary: string;
}

async function trace(yaml: string, from: string, to: string, port?: number, wrap = fence): Promise<Json> {
	const t = fakeIO({ 'n.md': `# net\n\n${wrap(yaml)}` });
	const args = ['trace', 'n.md', '--from', from, '--to', to, '--format', 'json'];
	if (port !== undefined) args.push('--port', String(port));
	const code = await main(args, t.io);
	const result = JSON.parse(t.stdout()) as Json;
	expect(code).toBe(result.allowed ? 0 : 1);
	return result;
}

async function lint(yaml: string, wrap = fence): Promise<{ line: number; severity: string; code: string; message: string }[]> {
	const t = fakeIO({ 'n.md': `# net\n\n${wrap(yaml)}` });
	await main(['lint', 'n.md', '--format', 'json'], t.io);
	return JSON.parse(t.stdout()) as { line: number; severity: string; code: string; message: string }[];
}

const blocked = (r: Json): Hop => r.hops[r.blockedAt ?? -1];

describe('peering', () => {
	it('carries app -> shared over the peering, both routes present', async () => {
		const r = await trace(PEERING_CHAIN, 'web', 'ldap', 636);
		expect(r.allowed).toBe(true);
		expect(r.hops.map((h) => h.step)).toEqual(expect.arrayContaining(['route table', 'vpc peering', 'security group inbound', 'route table (reply)']));
		expect(r.hops.find((h) => h.step === 'vpc peering')?.resource).toBe('app-shared');
		expect(r.summary).toBe('Allowed: web -> ldap on tcp 636 via app-shared');
	});

	it('is not transitive: app -> data through shared is refused at the peering', async () => {
		const r = await trace(PEERING_CHAIN, 'web', 'db', 5432);
		expect(r.allowed).toBe(false);
		expect(blocked(r)).toMatchObject({ resource: 'app-shared', step: 'vpc peering' });
		expect(blocked(r).reason).toMatch(/not transitive/);
	});

	it('refuses a one-sided route at the reply route, and lint warns where the route is written', async () => {
		const r = await trace(ONE_SIDED, 'client', 'server', 80);
		expect(r.allowed).toBe(false);
		expect(blocked(r)).toMatchObject({ step: 'route table (reply)' });
		expect(blocked(r).reason).toMatch(/missing return route/);
		const found = await lint(ONE_SIDED);
		const warning = found.find((d) => d.code === 'peering-one-sided');
		expect(warning).toMatchObject({ severity: 'warning', line: 11 });
		expect(warning?.message).toMatch(/right/);
	});

	it('lints overlapping CIDRs on a peering as an error naming both VPCs', async () => {
		const found = await lint(OVERLAP);
		const error = found.find((d) => d.code === 'peering-overlap');
		expect(error).toMatchObject({ severity: 'error', line: 15 });
		expect(error?.message).toMatch(/`one` \(10\.50\.0\.0\/16\).*`two` \(10\.50\.128\.0\/17\)/);
	});
});

describe('transit gateway', () => {
	it('drops spoke1 -> spoke2 at the blackhole route, names the table and the rule', async () => {
		const r = await trace(BLACKHOLE, 'app1', 'app2', 443);
		expect(r.allowed).toBe(false);
		expect(blocked(r)).toMatchObject({ resource: 'spokes', step: 'transit gateway route table', rule: '10.32.0.0/16 -> blackhole' });
	});

	it('carries spoke1 -> inspect by propagation, and the reply through the other table', async () => {
		const r = await trace(BLACKHOLE, 'app1', 'probe', 443);
		expect(r.allowed).toBe(true);
		const tgwHops = r.hops.filter((h) => h.step.startsWith('transit gateway route table'));
		expect(tgwHops.map((h) => h.resource)).toEqual(['spokes', 'shared']);
		expect(tgwHops[0]?.reason).toMatch(/propagated from att3/);
	});

	it('lints overlapping attachments propagated into one TGW route table', async () => {
		const overlapping = BLACKHOLE.replace('cidr: 10.32.0.0/16', 'cidr: 10.31.0.0/16').replace('s2-a: { cidr: 10.32.1.0/24', 's2-a: { cidr: 10.31.9.0/24');
		const found = await lint(overlapping);
		const error = found.find((d) => d.code === 'tgw-overlap');
		expect(error).toMatchObject({ severity: 'error' });
		expect(error?.message).toMatch(/`shared`.*`spoke2`.*`spoke1`/);
	});
});

describe('gateway endpoint', () => {
	it('takes a private subnet with no NAT to s3 through the endpoint', async () => {
		const r = await trace(S3_ENDPOINT, 'worker', 's3');
		expect(r.allowed).toBe(true);
		expect(r.hops.find((h) => h.step === 'route table')?.rule).toBe('pl-s3 -> s3-gw');
		expect(r.hops.find((h) => h.step === 'gateway endpoint')?.resource).toBe('s3-gw');
	});

	it('refuses the subnet whose route table has no endpoint (and no NAT)', async () => {
		const r = await trace(S3_ENDPOINT, 'batch', 's3');
		expect(r.allowed).toBe(false);
		expect(blocked(r).step).toBe('route table');
	});
});

describe('VPN', () => {
	it('lets the office reach erp when the VPN gateway propagates into the route table', async () => {
		const r = await trace(VPN(true), 'office', 'erp', 443);
		expect(r.allowed).toBe(true);
		expect(r.hops.find((h) => h.step === 'route table (reply)')?.rule).toBe('192.168.0.0/16 -> vgw');
	});

	it('refuses it without propagation: no return route', async () => {
		const r = await trace(VPN(false), 'office', 'erp', 443);
		expect(r.allowed).toBe(false);
		expect(blocked(r)).toMatchObject({ step: 'route table (reply)', resource: 'app-rt' });
	});

	it('traces erp -> an on-premises address over the propagated route', async () => {
		const r = await trace(VPN(true), 'erp', '192.168.4.20', 443);
		expect(r.allowed).toBe(true);
		expect(r.hops.map((h) => h.resource)).toEqual(expect.arrayContaining(['vgw', 'office-vpn']));
	});
});

describe('a terraform block is one network', () => {
	it('refuses web -> db through two peerings (not transitive) and carries web -> ldap', async () => {
		const refused = await trace(TF_PEERING_CHAIN, 'aws_instance.web', 'aws_instance.db', 5432, tfFence);
		expect(refused.allowed).toBe(false);
		expect(blocked(refused)).toMatchObject({ resource: 'aws_vpc_peering_connection.app_shared', step: 'vpc peering' });
		expect(blocked(refused).reason).toMatch(/not transitive/);
		expect((await trace(TF_PEERING_CHAIN, 'aws_instance.web', 'aws_instance.ldap', 636, tfFence)).summary).toBe('Allowed: aws_instance.web -> aws_instance.ldap on tcp 636 via aws_vpc_peering_connection.app_shared');
	});

	it('drops at the blackhole TGW route, and warns a one-sided peering route at its line in the note', async () => {
		const r = await trace(TF_BLACKHOLE, 'aws_instance.app1', 'aws_instance.app2', 443, tfFence);
		expect(blocked(r)).toMatchObject({ resource: 'aws_ec2_transit_gateway_route_table.spokes', rule: '10.32.0.0/16 -> blackhole' });
		const warning = (await lint(TF_ONE_SIDED, tfFence)).find((d) => d.code === 'peering-one-sided');
		// The note: heading, blank line, fence line, then the configuration.
		expect(warning?.line).toBe(3 + TF_ONE_SIDED.split('\n').findIndex((l) => l.includes('resource "aws_route" "to_right"')) + 1);
	});

	it('reaches s3 through the gateway endpoint and the office through the propagated VPN route', async () => {
		expect((await trace(TF_S3_ENDPOINT, 'aws_instance.worker', 's3', undefined, tfFence)).allowed).toBe(true);
		expect((await trace(TF_VPN(true), 'aws_customer_gateway.office', 'aws_instance.erp', 443, tfFence)).allowed).toBe(true);
		for (const hcl of [TF_PEERING_CHAIN, TF_BLACKHOLE, TF_S3_ENDPOINT, TF_VPN(true)]) expect((await lint(hcl, tfFence)).filter((d) => d.severity === 'error')).toEqual([]);
	});
});

describe('lint of a clean network', () => {
	it('has no errors on the peering chain and the hub', async () => {
		for (const yaml of [PEERING_CHAIN, BLACKHOLE, S3_ENDPOINT, VPN(true)]) {
			expect((await lint(yaml)).filter((d) => d.severity === 'error')).toEqual([]);
		}
	});
});

describe('cards of a network', () => {
	it('asks about peering transitivity, the endpoint and the TGW route tables, with stable keys', async () => {
		const t = fakeIO({ 'p.md': `# net\n\n${fence(PEERING_CHAIN)}`, 's.md': `# s3\n\n${fence(S3_ENDPOINT)}`, 'h.md': `# hub\n\n${fence(BLACKHOLE)}` });
		expect(await main(['cards', 'p.md', 's.md', 'h.md'], t.io)).toBe(0);
		const cards = JSON.parse(t.stdout()) as { front: string; back: string; key?: string; id?: string }[];
		const front = (re: RegExp) => cards.find((c) => re.test(c.front));
		expect(front(/Can app reach data through shared\?/)?.back).toMatch(/not transitive/);
		expect(front(/reach s3 without a NAT gateway/)?.back).toMatch(/s3-gw/);
		expect(front(/route table spokes/)?.back).toMatch(/Associated: att1, att2\. Learns by propagation: att3\. Static: `10\.32\.0\.0\/16 -> blackhole`/);
		// Every VPC's subnets get their public/private card.
		expect(front(/In VPC data, is subnet data-a public or private\?/)).toBeDefined();
	});
});
