// The layout checker (test/browser/layout-checker.ts) over folders of notes: every topology diagram
// the demo page draws is measured for overlapping boxes, shapes and labels, titles out of their
// box and stacked zones; prints the counts per folder and the defects found.
// Usage: npm run build && node scripts/layout-corpus.mjs [--mermaid=11.4] [--theme=dark] [--width=390]
//          [--sample=N] [--shots=dir] [--verbose] [--main=other/main.js] [folder ...]   (default: example-vault/)
// --main draws with another build of the plugin (e.g. the previous commit's), for before/after counts.
// Folders of notes, e.g. ../shared/corpora/cloudformation ../shared/corpora/k8s-recipes ../shared/corpora/compose
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import esbuild from "esbuild";
import { chromium } from "playwright-core";
import { buildDemo } from "./demo.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (name, fallback) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback;
const folders = args.filter((a) => !a.startsWith("--"));
if (folders.length === 0) folders.push(path.join(root, "example-vault"));
const sample = Number(option("sample", "0"));
const shots = option("shots", "");
const verbose = args.includes("--verbose");
const query = [option("mermaid", "") && `mermaid=${option("mermaid", "")}`, option("theme", "") && `theme=${option("theme", "")}`].filter(Boolean).join("&");
const width = Number(option("width", "1400"));

const checker = await esbuild.build({ entryPoints: [path.join(root, "test/browser/layout-checker.ts")], bundle: true, format: "iife", globalName: "__layoutChecker", write: false, target: "es2020" });
const checkerJs = checker.outputFiles[0].text;

/** A copy of the folder's notes (every note, or every n-th for --sample=n). */
async function sampled(folder) {
	if (!sample) return folder;
	const dir = await fs.mkdtemp(path.join(os.tmpdir(), "layout-corpus-"));
	const files = (await fs.readdir(folder)).filter((f) => f.endsWith(".md")).sort();
	for (let i = 0; i < files.length; i += sample) await fs.copyFile(path.join(folder, files[i]), path.join(dir, files[i]));
	return dir;
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
let totalDiagrams = 0;
let totalDefective = 0;
const totals = {};
try {
	for (const folder of folders) {
		const vault = await sampled(path.resolve(folder));
		const out = await fs.mkdtemp(path.join(os.tmpdir(), "layout-demo-"));
		await buildDemo(vault, out);
		const otherMain = option("main", "");
		if (otherMain) await fs.writeFile(path.join(out, "plugin.js"), `window.__cloudnotesMain = function (require, module, exports) {\n${await fs.readFile(otherMain, "utf8")}\n};\n`);
		const page = await browser.newPage({ viewport: { width, height: 1000 } });
		// Waits sized for the whole Compose corpus (664 diagrams in one page) on a shared, loaded machine.
		await page.goto(pathToFileURL(path.join(out, "index.html")).href + (query ? `?${query}` : ""), { timeout: 900_000, waitUntil: "domcontentloaded" });
		await page.waitForFunction(() => window.__demoReady === true, null, { timeout: 900_000, polling: 1000 });
		await page.waitForFunction(() => [...document.querySelectorAll(".cloudnotes-diagram")].every((d) => d.getAttribute("data-state") !== "loading"), null, { timeout: 900_000, polling: 1000 });
		await page.addScriptTag({ content: checkerJs });
		const diagrams = await page.evaluate(() =>
			[...document.querySelectorAll(".cloudnotes-diagram")].map((d, i) => {
				d.setAttribute("data-layout-check", String(i));
				return { index: i, note: d.closest("section.demo-note")?.getAttribute("data-path") ?? "?", kind: d.closest("[data-kind]")?.getAttribute("data-kind") ?? "?", hasSvg: !!d.querySelector("svg") };
			}),
		);
		let defective = 0;
		for (const d of diagrams) {
			if (!d.hasSvg) continue;
			const report = await page.evaluate((i) => window.__layoutChecker.checkLayout(`[data-layout-check="${i}"] svg[aria-roledescription]`), d.index);
			totalDiagrams++;
			for (const defect of report.defects) totals[defect.kind] = (totals[defect.kind] ?? 0) + 1;
			if (report.defects.length > 0) {
				defective++;
				console.log(`  ${d.note} (${d.kind}): ${report.defects.length} defects`);
				for (const defect of report.defects.slice(0, verbose ? 50 : 3)) console.log(`    ${defect.kind}: ${defect.what}`);
			}
			if (shots) {
				await fs.mkdir(shots, { recursive: true });
				const name = `${path.basename(folder)}-${d.index}-${d.note.replace(/[^\w가-힣-]+/g, "_")}.png`;
				await page.locator(`[data-layout-check="${d.index}"] svg[aria-roledescription]`).screenshot({ path: path.join(shots, name), timeout: 10_000 }).catch((e) => console.log(`  (no screenshot: ${String(e.message).split("\n")[0]})`));
			}
		}
		totalDefective += defective;
		console.log(`${folder}: ${diagrams.filter((d) => d.hasSvg).length} diagrams, ${defective} with a layout defect`);
		await page.close();
	}
} finally {
	await browser.close();
}
console.log(`total: ${totalDiagrams} diagrams, ${totalDefective} with a layout defect; defects by kind: ${JSON.stringify(totals)}`);
