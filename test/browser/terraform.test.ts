/**
 * `terraform` blocks on the demo page with real Mermaid (newest 11 and 11.4.1): the VPC module
 * expanded and a second VPC of plain resources drawn in one diagram, one marker per resource
 * (named by Terraform address), details with the Terraform type, and a trace through the module's
 * internet gateway.
 */
import type { Browser } from 'playwright-core';
import { analyzeNote } from '../../src/core/topology';
import { launchBrowser, openDemo, pageErrors, type DemoPage } from './demo-page';
import { createNote, diagramsOf, noteWith, TEST_TERRAFORM } from './topology-fixtures';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe.each([
	['newest Mermaid 11', ''],
	['Mermaid 11.4.1', 'mermaid=11.4'],
])('terraform blocks with %s', (_label, query) => {
	let demo: DemoPage;
	const p = 'Tests/terraform.md';
	beforeAll(async () => {
		demo = await openDemo(browser, query);
		await createNote(demo.page, p, noteWith('terraform', TEST_TERRAFORM));
	});
	afterAll(async () => {
		await demo?.context.close();
	});

	test('both VPCs render with one marker per drawn resource; details name the Terraform type', async () => {
		const sel = diagramsOf(p);
		expect(await demo.page.getAttribute(sel, 'data-kind')).toBe('terraform');
		expect(await demo.page.getAttribute(sel, 'data-state')).toBe('ok');
		const drawn = analyzeNote(noteWith('terraform', TEST_TERRAFORM))[0].analysis.resources.filter((r) => r.drawn).map((r) => r.name).sort();
		expect(drawn).toEqual(expect.arrayContaining(['module.vpc', 'module.vpc.public_subnets[0]', 'module.vpc.natgw_ids[0]', 'module.vpc.igw_id', 'aws_vpc.lab', 'aws_subnet.lab[1]', 'aws_instance.web']));
		const ids = await demo.page.evaluate((s) => [...document.querySelectorAll(`${s} [data-node-id]`)].map((e) => e.getAttribute('data-node-id')), sel);
		expect([...ids].sort()).toEqual(drawn);
		// The two VPCs are drawn apart: neither box contains the other.
		const boxes = await demo.page.evaluate((s) => ['module.vpc', 'aws_vpc.lab'].map((id) => {
			const r = document.querySelector(`${s} [data-node-id="${id}"]`)?.getBoundingClientRect();
			return r ? { x: r.x, y: r.y, r: r.right, b: r.bottom } : null;
		}), sel);
		const [a, b] = boxes;
		expect(a && b).toBeTruthy();
		if (a && b) expect(a.r <= b.x || b.r <= a.x || a.b <= b.y || b.b <= a.y).toBe(true);
		await demo.page.locator(`${sel} [data-node-id="module.vpc.private_subnets[1]"]`).focus();
		await demo.page.keyboard.press('Enter');
		const details = (await demo.page.textContent(`${sel} .cloudnotes-details`)) ?? '';
		expect(details).toContain('10.0.12.0/24');
		expect(details).toContain('terraform-aws-modules/vpc/aws');
		expect(await pageErrors(demo)).toEqual([]);
	});

	test('the trace panel reaches the instance through the module\'s internet gateway', async () => {
		const sel = diagramsOf(p);
		const panel = `${sel} .cloudnotes-trace`;
		await demo.page.selectOption(`${panel} select[data-trace="from"]`, 'internet');
		await demo.page.selectOption(`${panel} select[data-trace="to"]`, 'aws_instance.web');
		await demo.page.fill(`${panel} input[data-trace="port"]`, '443');
		await demo.page.selectOption(`${panel} select[data-trace="proto"]`, 'tcp');
		await demo.page.click(`${panel} button[data-trace="run"]`);
		await demo.page.waitForSelector(`${panel} .cloudnotes-trace-verdict[data-verdict="allowed"]`);
		const lit = await demo.page.evaluate((s) => [...document.querySelectorAll(`${s} .cloudnotes-node.is-highlighted`)].map((e) => e.getAttribute('data-node-id')), sel);
		expect(lit).toEqual(expect.arrayContaining(['internet', 'module.vpc.igw_id', 'aws_instance.web']));
	});
});
