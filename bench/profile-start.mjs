// A CPU profile of plugin starts on the 10,000-note vault with the persisted card index (not part
// of npm run bench): `node bench/profile-start.mjs [same|changed|cold] [out.cpuprofile]`. Builds an
// unminified main.js so function names read, and prints the functions with the most self time.
import { build } from "esbuild";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buildBenchPage, launch, openPage, removePage } from "./browser.mjs";
import { seedDueReviews, startOnce } from "./scenarios/start-from-cache.mjs";

const kind = process.argv[2] ?? "same";
const out = process.argv[3] ?? path.join(os.tmpdir(), `cloudnotes-start-${kind}.cpuprofile`);

const dir = await buildBenchPage({ bigVault: true });
const bundle = await build({ entryPoints: ["src/plugin/main.ts"], bundle: true, format: "cjs", target: "es2020", charset: "utf8", write: false, external: ["obsidian", "electron", "@codemirror/*", "@lezer/*", "mermaid"], logLevel: "warning" });
await fs.writeFile(path.join(dir, "plugin.js"), `window.__cloudnotesMain = function (require, module, exports) {\n${bundle.outputFiles[0].text}\n};\n`);

const browser = await launch({ extraArgs: ["--js-flags=--expose-gc"] });
try {
	const context = await browser.newContext();
	const { page } = await openPage(context, dir, "vault=big&render=0");
	await seedDueReviews(page);
	for (let i = 0; i < 2; i++) await startOnce(page, kind);
	const cdp = await context.newCDPSession(page);
	await cdp.send("Profiler.enable");
	await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
	await cdp.send("Profiler.start");
	const runs = [];
	for (let i = 0; i < 3; i++) runs.push(await startOnce(page, kind));
	const { profile } = await cdp.send("Profiler.stop");
	await fs.writeFile(out, JSON.stringify(profile));
	for (const r of runs) console.log(`first due count ${r.firstDue.ms.toFixed(0)} ms, review window ${r.reviewReady.ms.toFixed(0)} ms, built ${r.built.ms.toFixed(0)} ms`);
	const self = new Map();
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	profile.samples.forEach((id, i) => {
		const f = byId.get(id).callFrame;
		const key = `${f.functionName || "(anonymous)"} ${f.url.split("/").pop()}:${f.lineNumber}`;
		self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
	});
	for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${ms.toFixed(0).padStart(6)} ms  ${key}`);
	console.log(`Wrote ${out}`);
} finally {
	await browser.close();
	await removePage(dir);
}
