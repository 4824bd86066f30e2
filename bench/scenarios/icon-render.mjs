// Scenario: what icons (issue 15) cost a render. The same blocks drawn by the plugin with the
// Icons setting on and off, interleaved run by run so both meet the same noise, on the newest
// Mermaid and on 11.4.1 (the oldest Obsidian we support ships it): a 20-resource VPC and a
// 15-service Compose stack. Each run is a fresh block (a cache miss), from code block to
// interactive SVG in the page, as in diagram-render.mjs.
import { generateContainers, generateVpc } from "../topology-blocks.mjs";
import { row, summarize } from "../measure.mjs";
import { launch, openPage } from "../browser.mjs";
import { renderBlockInPage } from "./diagram-render.mjs";

function noteWith(kind, source, i) {
	// A comment changes the source (a cache miss) without changing the diagram.
	return `# Bench\n\n\`\`\`${kind}\n${source}\n# run ${i}\n\`\`\`\n`;
}

async function setIcons(page, on) {
	await page.evaluate((value) => {
		window.__demo.plugin.settings.diagrams.icons = value;
	}, on);
}

async function measure(page, version, label, kind, source, { warmup, runs }) {
	const on = [];
	const off = [];
	const ratios = [];
	for (let i = -warmup; i < runs; i++) {
		const slug = `${version}-${label}`.replace(/\W+/g, "-");
		const run = async (icons) => {
			await setIcons(page, icons);
			const r = await page.evaluate(renderBlockInPage, [noteWith(kind, source, `${i}-${icons}`), `Bench/${slug}-${i}-${icons}.md`]);
			if (r.state !== "ok" || r.cache !== "miss") throw new Error(`${label}: expected a fresh render, got ${r.state} ${r.cache}`);
			return r.ms;
		};
		// Alternate which goes first.
		const [a, b] = i % 2 === 0 ? [await run(true), await run(false)] : [null, null];
		const [c, d] = i % 2 !== 0 ? [await run(false), await run(true)] : [null, null];
		const withIcons = a ?? d;
		const without = b ?? c;
		if (i < 0) continue;
		on.push(withIcons);
		off.push(without);
		ratios.push(withIcons / without);
	}
	await setIcons(page, true);
	return [
		row(`icons: ${label}, Mermaid ${version}, icons on`, "ms", summarize(on), null),
		row(`icons: ${label}, Mermaid ${version}, icons off`, "ms", summarize(off), null),
		row(`icons: ${label}, Mermaid ${version}, on / off (median of paired runs)`, "ratio", summarize(ratios), null),
	];
}

export async function iconRender(dir, { runs = 15 } = {}) {
	const browser = await launch();
	const rows = [];
	try {
		for (const [query, version] of [["", "newest"], ["mermaid=11.4", "11.4.1"]]) {
			const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
			const { page } = await openPage(context, dir, query);
			const actual = await page.evaluate(() => window.__mermaidVersions);
			const name = version === "newest" ? actual.latest : actual.oldest;
			await page.waitForFunction(() => [...document.querySelectorAll(".cloudnotes-diagram")].every((d) => d.getAttribute("data-state") !== "loading"), null, { timeout: 60_000 });
			rows.push(...(await measure(page, name, "vpc 20 resources", "vpc", generateVpc(20), { warmup: 2, runs })));
			rows.push(...(await measure(page, name, "containers 15 services", "containers", generateContainers(15), { warmup: 2, runs })));
			const errors = await page.evaluate(() => [...window.__demoErrors, ...window.__processorErrors, ...window.__demo.errors]);
			if (errors.length > 0) throw new Error(`page errors during the icon benchmark:\n${errors.join("\n")}`);
			await context.close();
		}
	} finally {
		await browser.close();
	}
	return rows;
}
