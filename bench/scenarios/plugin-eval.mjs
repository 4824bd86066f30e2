// Scenario: what Obsidian pays for the plugin at launch before anything is drawn: evaluating
// main.js (parse, compile, top-level code) plus onload, in a fresh page each time; once at full
// speed and once under Chromium's 4x CPU slowdown (DevTools' Emulation.setCPUThrottlingRate), a
// stand-in for a phone.
import { row, summarize } from "../measure.mjs";
import { launch, openPage } from "../browser.mjs";

async function loadSamples(context, dir, { loads, warmup, throttle }) {
	const samples = { total: [], evaluate: [] };
	for (let i = -warmup; i < loads; i++) {
		const page = await context.newPage();
		if (throttle > 1) {
			const cdp = await context.newCDPSession(page);
			await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
		}
		const { page: loaded } = await openPage(context, dir, "eval=1&render=0", page);
		const { evaluate, onload } = await loaded.evaluate(() => ({ evaluate: window.__evalEnd - window.__evalStart, onload: window.__demo.onloadMs }));
		await loaded.close();
		if (i < 0) continue;
		samples.total.push(evaluate + onload);
		samples.evaluate.push(evaluate);
	}
	return samples;
}

export async function pluginEval(dir, { loads = 9, warmup = 1 } = {}) {
	const rows = [];
	const browser = await launch();
	try {
		const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
		const fast = await loadSamples(context, dir, { loads, warmup, throttle: 1 });
		rows.push(row("plugin start: evaluate main.js + onload (fresh page)", "ms", summarize(fast.total), null));
		rows.push(row("plugin start: evaluate main.js alone (fresh page)", "ms", summarize(fast.evaluate), null));
		const slow = await loadSamples(context, dir, { loads, warmup, throttle: 4 });
		rows.push(row("plugin start: evaluate main.js + onload, 4x CPU throttle", "ms", summarize(slow.total), { max: 50 }));
		rows.push(row("plugin start: evaluate main.js alone, 4x CPU throttle", "ms", summarize(slow.evaluate), null));
		await context.close();
	} finally {
		await browser.close();
	}
	return rows;
}
