// The benchmark page in headless Chromium: the demo's files (built main.js, the `obsidian`
// stand-in, real Mermaid) written to a temporary folder by scripts/demo.mjs's buildDemo, plus
// bench/page-boot.js (data in memory, notes optionally not rendered) and, when asked, the
// generated 10,000-note vault.
import { promises as fs, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { spawnSync } from "node:child_process";
import { chromium } from "playwright-core";
import { buildDemo, scriptJson } from "../scripts/demo.mjs";
import { generateVault } from "./generate-vault.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The flags of test/browser/demo-page.ts. */
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

/** main.js and the stand-in must exist (npm run bench builds them first); build them if missing. */
export function ensureBuilt() {
	if (existsSync(path.join(root, "main.js")) && existsSync(path.join(root, "dist/obsidian-stand-in.js"))) return;
	console.log("main.js or the stand-in is missing: running npm run build");
	const r = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
	if (r.status !== 0) throw new Error("npm run build failed");
}

/** Writes the page once per run; returns its folder. `bigVault` adds the generated vault. */
export async function buildBenchPage({ bigVault = false } = {}) {
	ensureBuilt();
	const dir = await fs.mkdtemp(path.join(os.tmpdir(), "cloudnotes-bench-"));
	await buildDemo(path.join(root, "example-vault"), dir);
	await fs.copyFile(path.join(root, "bench/page-boot.js"), path.join(dir, "page-boot.js"));
	await writeEvalScript(dir, await fs.readFile(path.join(root, "main.js"), "utf8"));
	await fs.writeFile(path.join(dir, "bench.html"), `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Cloudnotes benchmark</title>
<link rel="stylesheet" href="demo.css">
<link rel="stylesheet" href="styles.css">
</head>
<body class="theme-light">
<div id="demo-root"></div>
<script src="page-boot.js"></script>
</body>
</html>
`);
	if (bigVault) {
		const notes = generateVault(10_000);
		await fs.writeFile(path.join(dir, "vault-big.js"), `window.__vault = ${scriptJson({ name: "generated-10000", notes })};\n`);
	}
	return dir;
}

/**
 * A main.js as its own script, run on load with the stand-in's require: `main-eval.js` (page-boot.js
 * `?eval=1`), or `main-eval-<name>.js` for another build of it (`?eval=<name>`, a paired run).
 */
export async function writeEvalScript(dir, main, name = "") {
	const file = name ? `main-eval-${name}.js` : "main-eval.js";
	await fs.writeFile(path.join(dir, file), `(function () {\nconst module = { exports: {} };\n(function (require, module, exports) {\n${main}\n})(window.CloudnotesStandIn.requireShim, module, module.exports);\nwindow.__cloudnotesModule = module;\nwindow.__evalEnd = performance.now();\n})();\n`);
}

export async function launch({ extraArgs = [] } = {}) {
	const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
	if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath} (set CHROMIUM_PATH)`);
	return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** Opens bench.html (in `page`, or a new one) with a query and waits until the plugin is enabled; throws on page errors. */
export async function openPage(context, dir, query = "", page = null) {
	page ??= await context.newPage();
	const errors = [];
	page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
	page.on("console", (m) => {
		if (m.type() === "error") errors.push(`console: ${m.text()}`);
	});
	await page.goto(pathToFileURL(path.join(dir, "bench.html")).href + (query ? `?${query}` : ""));
	await page.waitForFunction(() => window.__demoReady === true, null, { timeout: 120_000 });
	const inPage = await page.evaluate(() => [...window.__demoErrors, ...window.__processorErrors, ...window.__demo.errors]);
	errors.push(...inPage);
	if (errors.length > 0) throw new Error(`the benchmark page reported errors:\n${errors.join("\n")}`);
	return { page, errors };
}

export async function removePage(dir) {
	await fs.rm(dir, { recursive: true, force: true });
}
