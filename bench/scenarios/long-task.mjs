// Scenario: a 500-resource block must not freeze the page (issue 8). The longest task the page
// runs while the plugin reads, lints and places the block (Mermaid waits for a click at this
// size), from a PerformanceObserver of long tasks. Kept here, not in a test: on a shared machine
// a task's length says as much about the neighbours as about our code.
import { generateVpc } from "../topology-blocks.mjs";
import { row, summarize } from "../measure.mjs";
import { launch, openPage } from "../browser.mjs";
import { renderBlockInPage } from "./diagram-render.mjs";

export async function longTask(dir, { warmup = 1, runs = 7 } = {}) {
	const browser = await launch();
	try {
		const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
		const { page } = await openPage(context, dir);
		const source = generateVpc(500);
		const samples = [];
		for (let i = -warmup; i < runs; i++) {
			await page.evaluate(() => {
				window.__longTasks = [];
				window.__longTaskObserver?.disconnect();
				window.__longTaskObserver = new PerformanceObserver((list) => {
					for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
				});
				window.__longTaskObserver.observe({ type: "longtask" });
			});
			const note = `# Bench\n\n\`\`\`vpc\n${source}\n# run ${i}\n\`\`\`\n`;
			const r = await page.evaluate(renderBlockInPage, [note, `Bench/long-task-${i}.md`]);
			if (r.cache !== "miss") throw new Error(`500-resource block: expected a fresh render, got ${r.state} ${r.cache}`);
			// Let the last task end and be reported.
			await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
			const longest = await page.evaluate(() => Math.max(0, ...window.__longTasks));
			if (i >= 0) samples.push(longest);
		}
		return [row("500-resource vpc block: longest task while it is read, linted and placed", "ms", summarize(samples), { max: 200 })];
	} finally {
		await browser.close();
	}
}
