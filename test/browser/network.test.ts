/**
 * Several VPCs on the demo page with real Mermaid (newest 11 and 11.4.1): every VPC and link is
 * drawn with its marker, the VPCs are sibling boxes (none inside another) left to right in the
 * block's order, links sit outside every VPC, the on-premises site is outside the cloud, and the
 * trace panel refuses a non-transitive peering path naming the peering, allows the S3 endpoint
 * path and the VPN path.
 */
import type { Browser } from 'playwright-core';
import { BLACKHOLE, PEERING_CHAIN, S3_ENDPOINT, VPN } from '../core/topology/network-fixtures';
import { TF_PEERING_CHAIN } from '../core/topology/terraform-network-fixtures';
import { launchBrowser, openDemo, pageErrors, type DemoPage } from './demo-page';
import { createNote, diagramsOf, noteWith } from './topology-fixtures';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

type Box = { x: number; y: number; width: number; height: number };
const inside = (a: Box, b: Box): boolean => a.x >= b.x - 1 && a.y >= b.y - 1 && a.x + a.width <= b.x + b.width + 1 && a.y + a.height <= b.y + b.height + 1;
const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe.each([
	['newest Mermaid 11', ''],
	['Mermaid 11.4.1', 'mermaid=11.4'],
])('several VPCs with %s', (_label, query) => {
	let demo: DemoPage;
	beforeAll(async () => {
		demo = await openDemo(browser, query);
		await createNote(demo.page, 'Tests/peering.md', noteWith('vpc', PEERING_CHAIN));
		await createNote(demo.page, 'Tests/tgw.md', noteWith('vpc', BLACKHOLE));
		await createNote(demo.page, 'Tests/s3.md', noteWith('vpc', S3_ENDPOINT));
		await createNote(demo.page, 'Tests/vpn.md', noteWith('vpc', VPN(true)));
		await createNote(demo.page, 'Tests/tf-peering.md', noteWith('terraform', TF_PEERING_CHAIN));
	});
	afterAll(async () => {
		await demo?.context.close();
	});

	const boxes = async (path: string, names: string[]): Promise<Record<string, Box | null>> =>
		demo.page.evaluate(
			([sel, ns]) =>
				Object.fromEntries(
					ns.map((n) => {
						const el = document.querySelector(`${sel} [data-node-id="${n}"]`);
						const r = el?.getBoundingClientRect();
						return [n, r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null];
					}),
				),
			[diagramsOf(path), names] as const,
		);

	test('the three peered VPCs are sibling boxes, left to right in the block\'s order; the peerings are drawn between them, outside every VPC', async () => {
		const sel = diagramsOf('Tests/peering.md');
		expect(await demo.page.getAttribute(sel, 'data-state')).toBe('ok');
		const b = await boxes('Tests/peering.md', ['app', 'shared', 'data', 'app-shared', 'shared-data', 'web', 'db']);
		for (const n of Object.keys(b)) expect(b[n]).not.toBeNull();
		const vpcs = [b.app, b.shared, b.data] as Box[];
		for (let i = 0; i < vpcs.length; i++) for (let j = i + 1; j < vpcs.length; j++) expect(overlaps(vpcs[i], vpcs[j])).toBe(false);
		// The block declares app, shared, data: each box ends before the next one starts.
		for (let i = 0; i + 1 < vpcs.length; i++) expect(vpcs[i].x + vpcs[i].width).toBeLessThanOrEqual(vpcs[i + 1].x);
		for (const link of [b['app-shared'], b['shared-data']] as Box[]) for (const vpc of vpcs) expect(inside(link, vpc)).toBe(false);
		expect(inside(b.web as Box, b.app as Box)).toBe(true);
		expect(inside(b.db as Box, b.data as Box)).toBe(true);
		expect(await pageErrors(demo)).toEqual([]);
	});

	test('a terraform block draws its three peered VPCs as sibling boxes, the peerings between them', async () => {
		expect(await demo.page.getAttribute(diagramsOf('Tests/tf-peering.md'), 'data-state')).toBe('ok');
		const peerings = ['aws_vpc_peering_connection.app_shared', 'aws_vpc_peering_connection.shared_data'];
		const b = await boxes('Tests/tf-peering.md', ['aws_vpc.app', 'aws_vpc.shared', 'aws_vpc.data', ...peerings]);
		for (const n of Object.keys(b)) expect(b[n]).not.toBeNull();
		const vpcs = [b['aws_vpc.app'], b['aws_vpc.shared'], b['aws_vpc.data']] as Box[];
		for (let i = 0; i < vpcs.length; i++) for (let j = i + 1; j < vpcs.length; j++) expect(overlaps(vpcs[i], vpcs[j])).toBe(false);
		for (const link of peerings.map((p) => b[p]) as Box[]) for (const vpc of vpcs) expect(inside(link, vpc)).toBe(false);
	});

	test('the trace panel refuses web -> db at the peering (not transitive) and lights the blocker', async () => {
		const panel = `${diagramsOf('Tests/peering.md')} .cloudnotes-trace`;
		await demo.page.selectOption(`${panel} select[data-trace="from"]`, 'web');
		await demo.page.selectOption(`${panel} select[data-trace="to"]`, 'db');
		await demo.page.fill(`${panel} input[data-trace="port"]`, '5432');
		await demo.page.selectOption(`${panel} select[data-trace="proto"]`, 'tcp');
		await demo.page.click(`${panel} button[data-trace="run"]`);
		await demo.page.waitForSelector(`${panel} .cloudnotes-trace-verdict`);
		expect(await demo.page.getAttribute(`${panel} .cloudnotes-trace-verdict`, 'data-verdict')).toBe('refused');
		expect(await demo.page.getAttribute(`${panel} .cloudnotes-trace-blocked`, 'data-resource')).toBe('app-shared');
		expect((await demo.page.textContent(panel)) ?? '').toContain('not transitive');
	});

	test('the transit gateway sits outside the three VPCs; the gateway endpoint on its VPC, s3 outside', async () => {
		const t = await boxes('Tests/tgw.md', ['spoke1', 'spoke2', 'inspect', 'tgw']);
		for (const vpc of ['spoke1', 'spoke2', 'inspect']) {
			expect(t[vpc]).not.toBeNull();
			expect(inside(t.tgw as Box, t[vpc] as Box)).toBe(false);
		}
		const s = await boxes('Tests/s3.md', ['storage', 's3-gw', 's3', 'private-a']);
		expect(inside(s['s3-gw'] as Box, s.storage as Box)).toBe(true);
		expect(inside(s['s3-gw'] as Box, s['private-a'] as Box)).toBe(false);
		expect(inside(s.s3 as Box, s.storage as Box)).toBe(false);
	});

	test('the on-premises site is a box outside the VPC, joined to the VPN gateway on the VPC', async () => {
		const v = await boxes('Tests/vpn.md', ['hybrid', 'vgw', 'office']);
		expect(inside(v.vgw as Box, v.hybrid as Box)).toBe(true);
		expect(overlaps(v.office as Box, v.hybrid as Box)).toBe(false);
	});
});
