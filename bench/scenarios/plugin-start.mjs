// Scenario 4: plugin start. onload of the built main.js in the browser harness (the harness times
// plugin.load(); all indexing waits for layout-ready), median over fresh page loads; and the size
// of main.js as shipped.
import { promises as fs } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { row, summarize } from "../measure.mjs";
import { launch, openPage } from "../browser.mjs";

export async function pluginStart(dir, root, { loads = 9, warmup = 1 } = {}) {
	const rows = [];
	const browser = await launch();
	try {
		const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
		const samples = [];
		for (let i = -warmup; i < loads; i++) {
			const { page } = await openPage(context, dir);
			const ms = await page.evaluate(() => window.__demo.onloadMs);
			await page.close();
			if (i >= 0) samples.push(ms);
		}
		rows.push(row("plugin start: onload of main.js (fresh page load)", "ms", summarize(samples), { max: 10 }));
		await context.close();
	} finally {
		await browser.close();
	}
	const main = await fs.readFile(path.join(root, "main.js"));
	rows.push(row("plugin start: main.js size (minified)", "KB", summarize([main.length / 1000]), { max: 500 }));
	rows.push(row("plugin start: main.js size (gzip)", "KB", summarize([gzipSync(main).length / 1000]), null));
	return rows;
}
