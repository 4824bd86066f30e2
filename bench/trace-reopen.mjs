// Where the time of a diagram reopened after a restart goes, from a DevTools trace (not part of
// npm run bench): `node bench/trace-reopen.mjs [resources] [runs] [--selectors]`.
// Draws a generated VPC block, restarts the plugin (the picture is read back from the render cache
// file), renders the note again under Tracing and prints, per run: the plugin's time, the page's
// style recalculation and layout (with the number of layout objects), and the HTML parse. With
// --selectors, Blink's selector statistics too: the selectors that cost most, summed over the run.
import { buildBenchPage, launch, openPage, removePage } from "./browser.mjs";
import { generateVpc } from "./topology-blocks.mjs";
import { renderBlockInPage } from "./scenarios/diagram-render.mjs";

const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const size = Number(args[0] ?? 100);
const runs = Number(args[1] ?? 3);
const selectors = process.argv.includes("--selectors");
const CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", ...(selectors ? ["disabled-by-default-blink.debug"] : [])].join(",");

const settled = () => [...document.querySelectorAll(".cloudnotes-diagram")].every((d) => d.getAttribute("data-state") !== "loading");

const dir = await buildBenchPage();
const browser = await launch();
try {
	const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
	const { page } = await openPage(context, dir);
	await page.evaluate(() => (window.__demo.plugin.settings.diagrams.autoDrawLimit = 1e9));
	await page.waitForFunction(settled, null, { timeout: 60_000 });
	const cdp = await context.newCDPSession(page);
	const source = generateVpc(size);
	const costs = {};
	for (let i = 0; i < runs; i++) {
		const note = `# Trace\n\n\`\`\`vpc\n${source}\n# run ${i}\n\`\`\`\n`;
		const notePath = `Trace/reopen-${i}.md`;
		await page.evaluate(renderBlockInPage, [note, notePath]);
		await page.evaluate(async () => {
			await window.__demo.disable();
			await new Promise((r) => setTimeout(r, 100));
			await window.__demo.enable();
			window.__demo.plugin.settings.diagrams.autoDrawLimit = 1e9;
		});
		await page.waitForFunction(settled, null, { timeout: 60_000 });
		const events = [];
		const collect = (e) => events.push(...e.value);
		cdp.on("Tracing.dataCollected", collect);
		await cdp.send("Tracing.start", { categories: CATEGORIES, transferMode: "ReportEvents" });
		const shown = await page.evaluate(renderBlockInPage, [note, notePath]);
		const complete = new Promise((r) => cdp.once("Tracing.tracingComplete", r));
		await cdp.send("Tracing.end");
		await complete;
		cdp.off("Tracing.dataCollected", collect);
		if (shown.cache !== "disk") throw new Error(`expected the picture from the render cache file, got ${shown.cache}`);
		const sum = (name) => events.filter((e) => e.name === name && e.ph === "X").reduce((a, e) => a + e.dur / 1000, 0);
		const layouts = events.filter((e) => e.name === "Layout" && e.ph === "X");
		const objects = layouts.map((e) => e.args?.beginData?.dirtyObjects ?? "?").join(", ");
		console.log(
			`run ${i}: ${shown.ms.toFixed(1)} ms in all, ${shown.renderMs.toFixed(1)} ms in the plugin; style ${sum("UpdateLayoutTree").toFixed(1)} ms, ` +
				`layout ${sum("Layout").toFixed(1)} ms in ${layouts.length} (layout objects: ${objects}), HTML parse ${sum("ParseHTML").toFixed(1)} ms` +
				(selectors ? " (the statistics slow the style recalculation many times over: time it without --selectors)" : ""),
		);
		for (const e of events) {
			for (const s of e.args?.selector_stats?.selector_timings ?? []) {
				const c = (costs[s.selector] ??= { us: 0, attempts: 0, matches: 0 });
				c.us += s["elapsed (us)"];
				c.attempts += s.match_attempts;
				c.matches += s.match_count;
			}
		}
	}
	if (selectors) {
		console.log("\nCostliest selectors over the runs (Blink's selector stats; absolute times are inflated by the statistics):");
		for (const [selector, c] of Object.entries(costs).sort((a, b) => b[1].us - a[1].us).slice(0, 25)) {
			console.log(`${(c.us / 1000).toFixed(2).padStart(7)} ms  ${String(c.attempts).padStart(6)} tried  ${String(c.matches).padStart(6)} matched  ${selector.slice(0, 120)}`);
		}
	}
} finally {
	await browser.close();
	await removePage(dir);
}
