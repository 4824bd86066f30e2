// A CPU profile of the plugin's render path in headless Chromium, for finding where our time goes
// (not part of npm run bench): `node bench/profile-render.mjs [resources] [out.cpuprofile]`.
// Builds an unminified main.js so function names read, renders a generated VPC block six times
// (each a cache miss) and writes a profile that Chrome DevTools' Performance panel opens.
import { build } from "esbuild";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buildBenchPage, launch, openPage, removePage } from "./browser.mjs";
import { generateVpc } from "./topology-blocks.mjs";
import { renderBlockInPage } from "./scenarios/diagram-render.mjs";

const size = Number(process.argv[2] ?? 100);
const out = process.argv[3] ?? path.join(os.tmpdir(), `cloudnotes-render-${size}.cpuprofile`);

const dir = await buildBenchPage();
const bundle = await build({
	entryPoints: ["src/plugin/main.ts"],
	bundle: true,
	format: "cjs",
	target: "es2020",
	charset: "utf8",
	write: false,
	external: ["obsidian", "electron", "@codemirror/*", "@lezer/*", "mermaid"],
	logLevel: "warning",
});
const main = bundle.outputFiles[0].text;
await fs.writeFile(path.join(dir, "plugin.js"), `window.__cloudnotesMain = function (require, module, exports) {\n${main}\n};\n`);

const browser = await launch();
try {
	const context = await browser.newContext();
	const { page } = await openPage(context, dir);
	await page.evaluate(() => (window.__demo.plugin.settings.diagrams.autoDrawLimit = 1e9));
	const source = generateVpc(size);
	// A comment changes the source (a cache miss) without changing the diagram.
	const note = (i) => `# Profile\n\n\`\`\`vpc\n${source}\n# run ${i}\n\`\`\`\n`;
	for (let i = 0; i < 2; i++) await page.evaluate(renderBlockInPage, [note(`warm-${i}`), `Profile/warm-${i}.md`]);
	const cdp = await context.newCDPSession(page);
	await cdp.send("Profiler.enable");
	await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
	await cdp.send("Profiler.start");
	const runs = [];
	for (let i = 0; i < 6; i++) runs.push(await page.evaluate(renderBlockInPage, [note(i), `Profile/run-${i}.md`]));
	const { profile } = await cdp.send("Profiler.stop");
	await fs.writeFile(out, JSON.stringify(profile));
	for (const r of runs) console.log(`block ${r.ms.toFixed(0)} ms: our render() ${r.renderMs.toFixed(0)} ms, of which mermaid.render ${r.mermaidMs.toFixed(0)} ms`);
	console.log(`Wrote ${out}`);
} finally {
	await browser.close();
	await removePage(dir);
}
