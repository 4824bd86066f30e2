// Does a change to the drawing pipeline change the picture? (not part of npm run bench)
// `node bench/compare-pixels.mjs <baseline main.js> [resources] [--dark] [--scale=2] [--mermaid=11.4]`
// In one page: the baseline build draws a generated VPC block fresh (twice: the pipeline must be
// deterministic), then this checkout's build draws it fresh and, after a restart, from the render
// cache file; each picture is screenshotted and compared pixel by pixel. Mermaid's hand-drawn icon
// tiles (roughjs) get random control points on every render, so before the last comparison the
// reopened picture takes the baseline's path data where it differs by more than digits below a
// thousandth (same number of paths, in the same order); any other difference still shows.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buildBenchPage, launch, openPage, removePage } from "./browser.mjs";
import { generateVpc } from "./topology-blocks.mjs";
import { addBaselineBuilds } from "./scenarios/diagram-render.mjs";

const args = process.argv.slice(2);
const positional = args.filter((a) => !a.startsWith("--"));
const option = (name) => args.find((a) => a.startsWith(`--${name}`))?.split("=")[1] ?? (args.includes(`--${name}`) ? "" : null);
if (!positional[0]) {
	console.error("usage: node bench/compare-pixels.mjs <baseline main.js> [resources] [--dark] [--scale=N] [--mermaid=11.4]");
	process.exit(2);
}
process.env.BENCH_REOPEN_BASELINE = path.resolve(positional[0]);
const size = Number(positional[1] ?? 100);
const scale = Number(option("scale") ?? 0);
const theme = option("dark") !== null ? "dark" : "light";
const mermaid = option("mermaid");
const out = await fs.mkdtemp(path.join(os.tmpdir(), "cloudnotes-pixels-"));

/** Restarts the plugin with a build and renders the note on top of the page; returns the SVG's markup. Runs in the page. */
async function showInPage([build, markdown, notePath]) {
	const harness = window.__demo;
	await harness.disable();
	await new Promise((r) => setTimeout(r, 100));
	window.__cloudnotesMain = window.__benchBuilds[build];
	await harness.enable();
	harness.plugin.settings.diagrams.autoDrawLimit = 1e9;
	for (const old of document.querySelectorAll(".bench-shot")) old.remove();
	const host = document.createElement("div");
	host.className = "markdown-preview-view markdown-rendered bench-shot";
	document.querySelector(".demo-notes").prepend(host);
	const { MarkdownRenderer, Component } = window.CloudnotesStandIn.obsidian;
	const component = new Component();
	component.load();
	await MarkdownRenderer.render(window.app, markdown, host, notePath, component);
	for (let i = 0; i < 600; i++) {
		const d = host.querySelector(".cloudnotes-diagram");
		if (d && d.getAttribute("data-state") !== "loading") break;
		await new Promise((r) => setTimeout(r, 50));
	}
	const svg = host.querySelector(".cloudnotes-viewport > svg");
	await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
	return { cache: host.querySelector(".cloudnotes-diagram").getAttribute("data-cache"), paths: [...svg.querySelectorAll("path")].map((p) => p.getAttribute("d")) };
}

/** Pixels that differ between two PNGs (base64), and by how much at most. Runs in the page. */
async function diffInPage([a, b]) {
	const load = async (b64) => {
		const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
		const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
		const context = canvas.getContext("2d");
		context.drawImage(bitmap, 0, 0);
		return context.getImageData(0, 0, bitmap.width, bitmap.height);
	};
	const [x, y] = [await load(a), await load(b)];
	if (x.width !== y.width || x.height !== y.height) return `sizes differ: ${x.width}x${x.height} and ${y.width}x${y.height}`;
	let count = 0;
	let max = 0;
	for (let i = 0; i < x.data.length; i += 4) {
		const d = Math.max(Math.abs(x.data[i] - y.data[i]), Math.abs(x.data[i + 1] - y.data[i + 1]), Math.abs(x.data[i + 2] - y.data[i + 2]));
		if (d > 0) count++;
		max = Math.max(max, d);
	}
	return `${count} of ${x.width * x.height} pixels differ${count ? `, by up to ${max} of 255` : ""}`;
}

const dir = await buildBenchPage();
const browser = await launch();
try {
	const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
	const { page } = await openPage(context, dir, mermaid ? `mermaid=${mermaid}` : "");
	await addBaselineBuilds(page, dir);
	// The whole diagram, not capped in height; at `scale` times the note's width when asked.
	await page.addStyleTag({ content: `.bench-shot .cloudnotes-svg { max-height: none; }${scale ? ` .bench-shot .cloudnotes-svg { width: ${scale * 100}%; max-width: none; }` : ""}` });
	if (theme === "dark") await page.evaluate(() => window.__demo.setTheme("dark"));
	const markdown = `# Pixels\n\n\`\`\`vpc\n${generateVpc(size)}\n\`\`\`\n`;
	const shots = {};
	const shoot = async (name, build, notePath) => {
		const shown = await page.evaluate(showInPage, [build, markdown, notePath]);
		const png = await page.locator(".bench-shot .cloudnotes-viewport > svg").screenshot({ path: path.join(out, `${name}.png`) });
		shots[name] = { ...shown, png: png.toString("base64") };
	};
	await shoot("baseline-fresh", "baseline0", "Pixels/baseline.md");
	await shoot("baseline-fresh-again", "baseline0", "Pixels/baseline-again.md");
	await shoot("fresh", "this", "Pixels/this.md");
	await shoot("reopened", "this", "Pixels/this.md");
	if (shots.reopened.cache !== "disk") throw new Error(`expected the picture from the render cache file, got ${shots.reopened.cache}`);
	const compare = async (label, a, b) => console.log(`${label}: ${await page.evaluate(diffInPage, [a.png, b.png])}`);
	await compare("baseline fresh, drawn twice", shots["baseline-fresh"], shots["baseline-fresh-again"]);
	await compare("this build, fresh and reopened", shots.fresh, shots.reopened);
	await compare("baseline fresh and this build reopened", shots["baseline-fresh"], shots.reopened);
	const base = shots["baseline-fresh"].paths;
	const taken = await page.evaluate((paths) => {
		const mine = [...document.querySelectorAll(".bench-shot .cloudnotes-viewport > svg path")];
		if (mine.length !== paths.length) return -1;
		let n = 0;
		// Digits below a thousandth are this build's own trim (trim-svg.ts): those paths stay as drawn.
		const thousandths = (d) => (d ?? "").replace(/(\d\.\d{3})\d+/g, "$1");
		mine.forEach((p, i) => {
			if (thousandths(p.getAttribute("d")) !== thousandths(paths[i])) {
				p.setAttribute("d", paths[i]);
				n++;
			}
		});
		return n;
	}, base);
	if (taken < 0) console.log("the reopened picture has another number of paths than the baseline's: not compared with the same tiles");
	else {
		await page.waitForTimeout(100);
		const png = await page.locator(".bench-shot .cloudnotes-viewport > svg").screenshot({ path: path.join(out, "reopened-same-tiles.png") });
		await compare(`baseline fresh and this build reopened, with the baseline's path data (${taken} paths took it)`, shots["baseline-fresh"], { png: png.toString("base64") });
	}
	console.log(`Screenshots in ${out}`);
} finally {
	await browser.close();
	await removePage(dir);
}
