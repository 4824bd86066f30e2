/**
 * Every topology diagram of example-vault/, measured on the drawn SVG by the layout checker:
 * no box cut by another, no overlapping shapes or labels, titles inside their boxes, zones side
 * by side; on both Mermaid versions, light and dark, and on a 390 px phone.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser, openDemo, pageErrors } from './demo-page';
import { checkLayout, type LayoutReport } from './layout-checker';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser.close();
});

async function reports(query: string, width: number): Promise<{ kind: string; report: LayoutReport }[]> {
	const context = await browser.newContext({ viewport: { width, height: 900 } });
	const demo = await openDemo(browser, query, context);
	await demo.page.waitForFunction(() => [...document.querySelectorAll('.cloudnotes-diagram')].every((d) => d.getAttribute('data-state') !== 'loading'), null, { timeout: 60_000 });
	const count = await demo.page.evaluate(() => {
		const all = [...document.querySelectorAll('.cloudnotes-diagram')];
		all.forEach((d, i) => d.setAttribute('data-layout-check', String(i)));
		return all.length;
	});
	const out: { kind: string; report: LayoutReport }[] = [];
	for (let i = 0; i < count; i++) {
		const kind = await demo.page.evaluate((n) => document.querySelector(`[data-layout-check="${n}"]`)?.closest('[data-kind]')?.getAttribute('data-kind') ?? '?', i);
		out.push({ kind, report: await demo.page.evaluate(checkLayout, `[data-layout-check="${i}"] svg[aria-roledescription]`) });
	}
	expect(await pageErrors(demo)).toEqual([]);
	await context.close();
	return out;
}

describe.each([
	['Mermaid 11.17, light', '', 1400],
	['Mermaid 11.4.1, light', 'mermaid=11.4', 1400],
	['Mermaid 11.17, dark', 'theme=dark', 1400],
	['Mermaid 11.4.1, dark, 390 px phone', 'mermaid=11.4&theme=dark&mobile=1', 390],
])('layout of every example diagram (%s)', (_name, query, width) => {
	it('has no layout defect, and the VPC zones stand as columns', async () => {
		const all = await reports(query, width);
		const kinds = new Set(all.map((a) => a.kind));
		// The example vault draws every language; a checker that saw nothing would pass anything.
		for (const kind of ['vpc', 'cloudformation', 'containers', 'kubernetes']) expect(kinds).toContain(kind);
		for (const { report } of all) expect(report.boxes + report.nodes).toBeGreaterThan(0);
		expect(all.filter((a) => a.kind === 'vpc').some((a) => a.report.zones >= 2)).toBe(true);
		expect(all.flatMap((a) => a.report.defects.map((d) => `${a.kind}: ${d.kind}: ${d.what}`))).toEqual([]);
	}, 120_000);
});
