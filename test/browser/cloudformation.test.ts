/**
 * `cloudformation` blocks on the demo page with real Mermaid (newest 11 and 11.4.1): the template
 * drawn by logical id with one marker per resource (a VPC peering included), details with the
 * CloudFormation type, a trace refused and a declared flow allowed, lint positioned in the template.
 */
import type { Browser } from 'playwright-core';
import { analyzeNote } from '../../src/core/topology';
import { JSON_TEMPLATE, YAML_TEMPLATE } from '../core/topology/cloudformation-fixtures';
import { launchBrowser, openDemo, pageErrors, type DemoPage } from './demo-page';
import { createNote, diagramsOf } from './topology-fixtures';

const note = (template: string) => `# 템플릿\n\n\`\`\`cloudformation\n${template.trimEnd()}\n\`\`\`\n`;

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
])('cloudformation blocks with %s', (_label, query) => {
	let demo: DemoPage;
	beforeAll(async () => {
		demo = await openDemo(browser, query);
		await createNote(demo.page, 'Tests/cfn-yaml.md', note(YAML_TEMPLATE));
		await createNote(demo.page, 'Tests/cfn-json.md', note(JSON_TEMPLATE));
	});
	afterAll(async () => {
		await demo?.context.close();
	});

	test('YAML and JSON templates render with one marker per drawn resource, the peering too', async () => {
		for (const [p, template] of [['Tests/cfn-yaml.md', YAML_TEMPLATE], ['Tests/cfn-json.md', JSON_TEMPLATE]] as const) {
			const sel = diagramsOf(p);
			expect(await demo.page.getAttribute(sel, 'data-kind')).toBe('cloudformation');
			expect(await demo.page.getAttribute(sel, 'data-state')).toBe('ok');
			const drawn = analyzeNote(note(template))[0].analysis.resources.filter((r) => r.drawn).map((r) => r.name).sort();
			const ids = await demo.page.evaluate((s) => [...document.querySelectorAll(`${s} [data-node-id]`)].map((e) => e.getAttribute('data-node-id')), sel);
			expect([...ids].sort()).toEqual(drawn);
		}
		expect(await demo.page.locator(`${diagramsOf('Tests/cfn-json.md')} [data-node-id="Peering"]`).count()).toBe(1);
		expect(await pageErrors(demo)).toEqual([]);
	});

	test('details of a subnet and an instance name their CloudFormation type', async () => {
		const sel = diagramsOf('Tests/cfn-yaml.md');
		const details = demo.page.locator(`${sel} .cloudnotes-details`);
		await demo.page.locator(`${sel} [data-node-id="PrivateA"]`).focus();
		await demo.page.keyboard.press('Enter');
		await expect(details.textContent()).resolves.toContain('10.0.10.0/24');
		expect((await details.textContent()) ?? '').toContain('AWS::EC2::Subnet');
		await demo.page.locator(`${sel} [data-node-id="Web"]`).focus();
		await demo.page.keyboard.press('Enter');
		await expect(details.textContent()).resolves.toContain('AWS::EC2::Instance');
	});

	test('the trace panel refuses internet -> Db and names the blocker; a declared flow is allowed and lit', async () => {
		const sel = diagramsOf('Tests/cfn-yaml.md');
		const panel = `${sel} .cloudnotes-trace`;
		await demo.page.selectOption(`${panel} select[data-trace="from"]`, 'internet');
		await demo.page.selectOption(`${panel} select[data-trace="to"]`, 'Db');
		await demo.page.fill(`${panel} input[data-trace="port"]`, '5432');
		await demo.page.selectOption(`${panel} select[data-trace="proto"]`, 'tcp');
		await demo.page.click(`${panel} button[data-trace="run"]`);
		await demo.page.waitForSelector(`${panel} .cloudnotes-trace-verdict`);
		expect(await demo.page.getAttribute(`${panel} .cloudnotes-trace-verdict`, 'data-verdict')).toBe('refused');
		expect(await demo.page.getAttribute(`${panel} .cloudnotes-trace-blocked`, 'data-resource')).toBe('Db');
		await demo.page.click(`${panel} button[data-flow="internet -> Alb tcp/80"]`);
		await demo.page.waitForSelector(`${panel} .cloudnotes-trace-verdict[data-verdict="allowed"]`);
		const lit = await demo.page.evaluate((s) => [...document.querySelectorAll(`${s} .cloudnotes-node.is-highlighted`)].map((e) => e.getAttribute('data-node-id')), sel);
		expect(lit).toEqual(expect.arrayContaining(['internet', 'InternetGateway', 'Alb']));
	});

	test('lint items point at their line in the template', async () => {
		const sel = diagramsOf('Tests/cfn-yaml.md');
		const items = await demo.page.evaluate((s) => [...document.querySelectorAll(`${s} .cloudnotes-lint .cloudnotes-lint-item`)].map((li) => ({ line: Number(li.getAttribute('data-line')), code: li.getAttribute('data-code'), text: li.textContent ?? '' })), sel);
		const expected = analyzeNote(note(YAML_TEMPLATE))[0].analysis.diagnostics;
		expect(items.map((i) => i.code)).toEqual(expected.map((d) => d.code));
		const bucket = items.find((i) => i.code === 'unsupported-resource' && i.text.includes('AWS::S3::Bucket'));
		expect(note(YAML_TEMPLATE).split('\n')[(bucket?.line ?? 0) - 1]).toBe('  Logs:');
		expect(items.some((i) => i.code === 'unresolved-value' && i.text.includes('AdminCidr'))).toBe(true);
	});
});
