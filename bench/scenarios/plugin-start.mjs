// Scenario 4: plugin start. onload of the built main.js in the browser harness (the harness times
// plugin.load(); all indexing waits for layout-ready), median over fresh page loads; and the size
// of main.js as shipped.
import { promises as fs } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import esbuild from "esbuild";
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
	// What the icons cost main.js: the bytes the icon pack's modules (our glyphs, the bundled
	// logos, their registration) take in a minified build, from esbuild's own accounting.
	const { metafile } = await esbuild.build({ entryPoints: [path.join(root, "src/plugin/main.ts")], bundle: true, minify: true, format: "cjs", target: "es2020", charset: "utf8", write: false, metafile: true, external: ["obsidian", "electron", "@codemirror/*", "@lezer/*", "mermaid"], logLevel: "silent" });
	const output = Object.values(metafile.outputs)[0];
	const iconBytes = (match) => Object.entries(output.inputs).filter(([file]) => match.test(file)).reduce((sum, [, v]) => sum + v.bytesInOutput, 0);
	rows.push(row("plugin start: main.js bytes of the icon pack (glyphs, logos, registration, decor, legend)", "KB", summarize([iconBytes(/shared\/icons\/|icon-registration|diagram-decor|legend\.ts/) / 1000]), null));
	rows.push(row("plugin start: main.js bytes of the bundled image logos alone", "KB", summarize([iconBytes(/logos\.generated/) / 1000]), null));
	return rows;
}
