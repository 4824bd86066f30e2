// Scenario 3: a topology block from code block to interactive SVG in headless Chromium, against
// plain mermaid.render of the same Mermaid text in the same page, interleaved so both meet the
// same noise; and the re-render of an unchanged block (served from the render cache).
//
// "Ours": MarkdownRenderer.render of a note holding the block (the stand-in runs our code block
// processor: parse, lint, Mermaid text, mermaid.render, safe SVG parse, the interactive view)
// until the `.cloudnotes-diagram` is in the document, then a forced layout.
// "Plain": mermaid.render(text), the SVG parsed and put in the page (as test/browser's render
// cost test does), then a forced layout. Both end with the SVG laid out in the page.
// Ours draws VPCs with the cloud layout; plain renders the same text without the layout line, so
// Mermaid's dagre lays out the same graph: the "diagram layout" rows put the two side by side.
// The cached re-render is budgeted on the plugin's own time (data-render-ms: from the block's
// render() to the view in the document); the row with the browser's layout shows what the page
// pays on top, next to what re-inserting an already-rendered plain SVG costs.
import { generateVpc } from "../topology-blocks.mjs";
import { row, summarize } from "../measure.mjs";
import { promises as fs } from "node:fs";
import path from "node:path";
import { launch, openPage } from "../browser.mjs";

/** Renders one note through the harness's Markdown renderer; resolves with timings. Runs in the page. */
export function renderBlockInPage([markdown, path]) {
	return new Promise((resolve, reject) => {
		const { MarkdownRenderer, Component } = window.CloudnotesStandIn.obsidian;
		const host = document.querySelector(".demo-notes").appendChild(document.createElement("div"));
		host.className = "markdown-preview-view markdown-rendered";
		const component = new Component();
		component.load();
		let t0 = 0;
		const finish = (diagram) => {
			const domMs = performance.now() - t0;
			diagram.getBoundingClientRect();
			void document.body.offsetHeight;
			const ms = performance.now() - t0;
			const out = {
				ms,
				domMs,
				state: diagram.getAttribute("data-state"),
				cache: diagram.getAttribute("data-cache"),
				renderMs: Number(diagram.getAttribute("data-render-ms")),
				mermaidMs: Number(diagram.getAttribute("data-mermaid-ms")),
				nodes: diagram.querySelectorAll("[data-node-id]").length,
			};
			component.unload();
			host.remove();
			resolve(out);
		};
		const settled = () => {
			const d = host.querySelector(".cloudnotes-diagram");
			return d && d.getAttribute("data-state") !== "loading" ? d : null;
		};
		const observer = new MutationObserver(() => {
			const d = settled();
			if (d) {
				observer.disconnect();
				finish(d);
			}
		});
		observer.observe(host, { childList: true, subtree: true, attributes: true });
		t0 = performance.now();
		MarkdownRenderer.render(window.app, markdown, host, path, component).then(() => {
			// A cache hit may finish inside render(): the observer then already saw it.
		}, reject);
	});
}

/** Plain Mermaid: render, put in the page, lay out; then a re-insert of the same SVG. Runs in the page. */
export async function plainInPage([text, id]) {
	const host = document.querySelector(".demo-notes").appendChild(document.createElement("div"));
	const t0 = performance.now();
	const { svg } = await window.mermaid.render(id, text);
	const mermaidMs = performance.now() - t0;
	const el = document.importNode(new DOMParser().parseFromString(svg, "image/svg+xml").documentElement, true);
	host.appendChild(el);
	el.getBoundingClientRect();
	void document.body.offsetHeight;
	const ms = performance.now() - t0;
	host.remove();
	// What showing an already-rendered SVG again costs the browser: insert a copy, lay it out.
	const again = document.querySelector(".demo-notes").appendChild(document.createElement("div"));
	const copy = el.cloneNode(true);
	const t1 = performance.now();
	again.appendChild(copy);
	copy.getBoundingClientRect();
	void document.body.offsetHeight;
	const reinsertMs = performance.now() - t1;
	again.remove();
	return { ms, mermaidMs, reinsertMs };
}

/** Renders the block once while recording the text our renderer hands to mermaid.render. */
export function captureTextInPage() {
	const m = window.mermaid;
	const original = m.render;
	window.__benchMermaidTexts = [];
	m.render = function (id, text, ...rest) {
		window.__benchMermaidTexts.push(text);
		return original.call(this, id, text, ...rest);
	};
	window.__benchRestoreMermaid = () => (m.render = original);
}

function noteWith(source, i) {
	// A comment changes the source (a cache miss) without changing the diagram.
	return `# Bench\n\n\`\`\`vpc\n${source}\n# run ${i}\n\`\`\`\n`;
}

async function measureSize(page, label, source, { warmup, runs }) {
	// The exact Mermaid text the plugin renders (theme colours included), for the plain side.
	const { first, text, dagreText } = await capturedText(page, label, source);
	console.log(`  ${label}: ${first.nodes} resource elements, Mermaid text ${text.length} chars`);

	const ours = [];
	const plain = [];
	const pairRatios = [];
	const oursOutside = [];
	const plainOutside = [];
	const oursLayout = [];
	const cachedPlugin = [];
	const cached = [];
	const plainReinsert = [];
	const oursMermaid = [];
	const plainMermaid = [];
	const layoutRatios = [];
	for (let i = -warmup; i < runs; i++) {
		const note = noteWith(source, i);
		const path = `Bench/${label.replace(/\W+/g, "-")}-${i}.md`;
		const runOurs = () => page.evaluate(renderBlockInPage, [note, path]);
		const runPlain = () => page.evaluate(plainInPage, [dagreText, `bench-plain-${label.replace(/\W+/g, "-")}-${i + warmup}`]);
		// Alternate the order so neither side always follows the other.
		let o;
		let p;
		if (i % 2 === 0) {
			p = await runPlain();
			o = await runOurs();
		} else {
			o = await runOurs();
			p = await runPlain();
		}
		if (o.state !== "ok" || o.cache !== "miss") throw new Error(`${label}: expected a fresh render, got state ${o.state}, cache ${o.cache}`);
		// The same block again: Live Preview redraws unchanged blocks all the time.
		const again = await page.evaluate(renderBlockInPage, [note, path]);
		if (again.cache !== "hit") throw new Error(`${label}: an unchanged block missed the render cache`);
		if (i < 0) continue;
		ours.push(o.ms);
		plain.push(p.ms);
		pairRatios.push(o.ms / p.ms);
		oursOutside.push(o.ms - o.mermaidMs);
		plainOutside.push(p.ms - p.mermaidMs);
		oursLayout.push(o.ms - o.domMs);
		cachedPlugin.push(again.renderMs);
		cached.push(again.ms);
		plainReinsert.push(p.reinsertMs);
		oursMermaid.push(o.mermaidMs);
		plainMermaid.push(p.mermaidMs);
		layoutRatios.push(o.mermaidMs / p.mermaidMs);
	}
	const typical = label.startsWith("vpc 20");
	const rows = [
		row(`diagram render: ${label}, plain mermaid.render + insert`, "ms", summarize(plain), null),
		row(`diagram render: ${label}, Cloudnotes block to interactive SVG`, "ms", summarize(ours), null),
		// Median of the interleaved pairs' ratios: each pair met the same moment's load.
		row(`diagram render: ${label}, Cloudnotes / plain Mermaid (median of paired runs)`, "ratio", summarize(pairRatios), typical ? { maxRatio: 1.15 } : null),
		row(`diagram render: ${label}, time outside mermaid.render, Cloudnotes`, "ms", summarize(oursOutside), null),
		row(`diagram render: ${label}, time outside mermaid.render, plain`, "ms", summarize(plainOutside), null),
		row(`diagram render: ${label}, re-render of an unchanged block (cache), in the plugin`, "ms", summarize(cachedPlugin), typical ? { max: 5 } : null),
		row(`diagram render: ${label}, re-render of an unchanged block (cache), with the browser's layout`, "ms", summarize(cached), null),
		row(`diagram render: ${label}, re-insert of a rendered plain SVG, with the browser's layout`, "ms", summarize(plainReinsert), null),
		// Laid out and drawn (inside mermaid.render): our cloud layout against dagre on the same graph.
		row(`diagram layout: ${label}, mermaid.render with the cloud layout`, "ms", summarize(oursMermaid), label.startsWith("vpc 100") ? { max: 300 } : null),
		row(`diagram layout: ${label}, mermaid.render with dagre (same graph)`, "ms", summarize(plainMermaid), null),
		row(`diagram layout: ${label}, cloud layout / dagre (median of paired runs)`, "ratio", summarize(layoutRatios), { maxRatio: 1 }),
	];
	console.log(`  ${label}: ratio of the medians ${(summarize(ours).median / summarize(plain).median).toFixed(3)}; forced layout after our render, median ${summarize(oursLayout).median.toFixed(1)} ms`);
	return rows;
}

/** Re-inserts a copy of the plain Mermaid SVG kept by keepPlainInPage and lays it out. Runs in the page. */
export function reinsertPlainInPage() {
	const again = document.querySelector(".demo-notes").appendChild(document.createElement("div"));
	const copy = window.__benchPlainSvg.cloneNode(true);
	const t0 = performance.now();
	again.appendChild(copy);
	copy.getBoundingClientRect();
	void document.body.offsetHeight;
	const ms = performance.now() - t0;
	again.remove();
	return ms;
}

/** Draws the text with plain Mermaid once and keeps the SVG for reinsertPlainInPage. Runs in the page. */
export async function keepPlainInPage([text, id]) {
	const { svg } = await window.mermaid.render(id, text);
	window.__benchPlainSvg = document.importNode(new DOMParser().parseFromString(svg, "image/svg+xml").documentElement, true);
}

/**
 * Other builds of main.js for the reopen rows (BENCH_REOPEN_BASELINE=<main.js>[,<main.js>...]):
 * each is added to the page as `window.__benchBuilds[name]`, and the plugin is restarted with it
 * in turn with this checkout's (the page's styles.css stays this checkout's).
 */
export async function addBaselineBuilds(page, dir) {
	const files = (process.env.BENCH_REOPEN_BASELINE ?? "").split(",").filter(Boolean);
	const builds = [{ name: "this", file: null }];
	await page.evaluate(() => {
		window.__benchBuilds = { this: window.__cloudnotesMain };
	});
	for (const [i, file] of files.entries()) {
		const name = `baseline${i}`;
		const script = path.join(dir, `plugin-${name}.js`);
		await fs.writeFile(script, `window.__benchBuilds[${JSON.stringify(name)}] = function (require, module, exports) {\n${await fs.readFile(file, "utf8")}\n};\n`);
		await page.addScriptTag({ path: script });
		builds.push({ name, file });
	}
	return builds;
}

/** Disables the plugin and enables the given build (a restart: a fresh main.js, the cache file read back). */
async function restartWith(page, build) {
	await page.evaluate(async (name) => {
		const harness = window.__demo;
		await harness.disable();
		// The unload writes the render cache file (an async adapter write): let it land.
		await new Promise((r) => setTimeout(r, 100));
		window.__cloudnotesMain = window.__benchBuilds[name];
		await harness.enable();
		window.__demo.plugin.settings.diagrams.autoDrawLimit = 100000;
	}, build);
	await page.waitForFunction(() => [...document.querySelectorAll(".cloudnotes-diagram")].every((d) => d.getAttribute("data-state") !== "loading"), null, { timeout: 60_000 });
}

/**
 * A diagram reopened after a restart: the block is drawn once, the plugin is disabled and enabled
 * (a fresh main.js, nothing in memory; the render cache file written at unload is read back), and
 * the note is rendered again. Timed like a fresh render: from MarkdownRenderer.render to the
 * interactive SVG laid out in the page. Between samples, a copy of the plain Mermaid SVG of the
 * same graph is put in the page and laid out (the reference, measured in the same moments), and
 * each baseline build (addBaselineBuilds) is measured the same way, in turn with this one.
 */
export async function measureReopen(page, label, source, { runs, builds = [{ name: "this", file: null }] }) {
	const samples = Object.fromEntries(builds.map((b) => [b.name, { plugin: [], total: [] }]));
	const plain = [];
	for (let i = -1; i < runs; i++) {
		const order = i % 2 === 0 ? builds : [...builds].reverse();
		for (const build of order) {
			if (builds.length > 1) await restartWith(page, build.name);
			const note = noteWith(source, `reopen-${build.name}-${i}`);
			const notePath = `Bench/reopen-${label.replace(/\W+/g, "-")}-${build.name}-${i}.md`;
			const first = await page.evaluate(renderBlockInPage, [note, notePath]);
			if (first.state !== "ok" || first.cache !== "miss") throw new Error(`${label}: expected a fresh render before the restart, got ${first.state}/${first.cache}`);
			await restartWith(page, build.name);
			const again = await page.evaluate(renderBlockInPage, [note, notePath]);
			if (again.state !== "ok" || again.cache !== "disk") throw new Error(`${label}: expected the picture from the render cache file after the restart, got ${again.state}/${again.cache}`);
			const plainMs = await page.evaluate(reinsertPlainInPage);
			if (i < 0) continue;
			samples[build.name].total.push(again.ms);
			samples[build.name].plugin.push(again.renderMs);
			plain.push(plainMs);
		}
	}
	const rows = [
		row(`diagram render: ${label}, reopened after a restart (render cache file), in the plugin`, "ms", summarize(samples.this.plugin), null),
		row(`diagram render: ${label}, reopened after a restart (render cache file), with the browser's layout`, "ms", summarize(samples.this.total), { max: 100 }),
		row(`diagram render: ${label}, re-insert of a rendered plain SVG between the reopens, with the browser's layout`, "ms", summarize(plain), null),
	];
	for (const build of builds.slice(1)) {
		const base = samples[build.name];
		rows.push(row(`diagram render: ${label}, reopened, in the plugin, baseline ${build.file}`, "ms", summarize(base.plugin), null));
		rows.push(row(`diagram render: ${label}, reopened, with the browser's layout, baseline ${build.file}`, "ms", summarize(base.total), null));
		// Each round measured both builds one after the other: the median of those pairs' ratios.
		const pairs = samples.this.total.map((ms, i) => ms / base.total[i]);
		rows.push(row(`diagram render: ${label}, reopened with the layout, this / baseline ${build.file} (median of paired runs)`, "ratio", summarize(pairs), null));
	}
	return rows;
}

/** The Mermaid text the plugin renders for a block (theme colours included), and the same graph for dagre. */
async function capturedText(page, label, source) {
	await page.evaluate(captureTextInPage);
	// A comment naming the label: a block drawn before (same source) would be a cache hit, not a render.
	const first = await page.evaluate(renderBlockInPage, [noteWith(source, `capture ${label}`), `Bench/${label.replace(/\W+/g, "-")}-capture.md`]);
	const text = await page.evaluate(() => {
		window.__benchRestoreMermaid();
		return window.__benchMermaidTexts.at(-1);
	});
	if (first.state !== "ok" || !text) throw new Error(`${label}: the block did not render (state ${first.state})`);
	// The same graph for dagre: our text without the line that picks the cloud layout.
	return { first, text, dagreText: text.replace(/\n {2}layout: cloudnotes-cloud\n/, "\n") };
}

async function openRenderPage(browser, dir) {
	const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
	const { page } = await openPage(context, dir);
	// The benchmark measures drawing itself, so large blocks draw without waiting for a click.
	await page.evaluate(() => {
		window.__demo.plugin.settings.diagrams.autoDrawLimit = 100000;
	});
	// The example notes' diagrams render at start: let them settle (also Mermaid's first-use warm-up).
	await page.waitForFunction(() => [...document.querySelectorAll(".cloudnotes-diagram")].every((d) => d.getAttribute("data-state") !== "loading"), null, { timeout: 60_000 });
	return { context, page };
}

async function reopenRows(page, dir, { runs }) {
	const source = generateVpc(100);
	const { dagreText } = await capturedText(page, "vpc 100 resources reopen", source);
	await page.evaluate(keepPlainInPage, [dagreText, "bench-plain-reopen"]);
	const builds = await addBaselineBuilds(page, dir);
	return measureReopen(page, "vpc 100 resources", source, { runs, builds });
}

/** The reopen rows alone (`node bench/run.mjs reopen`): the same rows as in the render scenario. */
export async function diagramReopen(dir, { runs = 7 } = {}) {
	const browser = await launch();
	try {
		const { context, page } = await openRenderPage(browser, dir);
		const rows = await reopenRows(page, dir, { runs });
		const errors = await page.evaluate(() => [...window.__demoErrors, ...window.__processorErrors, ...window.__demo.errors]);
		if (errors.length > 0) throw new Error(`page errors during the reopen benchmark:\n${errors.join("\n")}`);
		await context.close();
		return rows;
	} finally {
		await browser.close();
	}
}

export async function diagramRender(dir, { runs = 15 } = {}) {
	const browser = await launch();
	try {
		const { context, page } = await openRenderPage(browser, dir);
		const rows = [];
		rows.push(...(await measureSize(page, "vpc 20 resources", generateVpc(20), { warmup: 3, runs })));
		rows.push(...(await measureSize(page, "vpc 100 resources", generateVpc(100), { warmup: 1, runs: Math.max(5, Math.round(runs / 2)) })));
		rows.push(...(await reopenRows(page, dir, { runs: 5 })));
		const errors = await page.evaluate(() => [...window.__demoErrors, ...window.__processorErrors, ...window.__demo.errors]);
		if (errors.length > 0) throw new Error(`page errors during the render benchmark:\n${errors.join("\n")}`);
		await context.close();
		return rows;
	} finally {
		await browser.close();
	}
}
