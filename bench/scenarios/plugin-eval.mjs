// Scenario: what Obsidian pays for the plugin at launch before anything is drawn: evaluating
// main.js (parse, compile, top-level code) plus onload, in a fresh page each time; once at full
// speed and once under Chromium's 4x CPU slowdown (DevTools' Emulation.setCPUThrottlingRate), a
// stand-in for a phone.
// BENCH_EVAL_BASELINE=<main.js>[,<main.js>...]: other builds too, loaded in turn with this one in
// the same run (paired, since these machines are shared and their load drifts), with rows of
// their own and the ratio of the medians.
import { promises as fs } from "node:fs";
import { row, summarize } from "../measure.mjs";
import { launch, openPage, writeEvalScript } from "../browser.mjs";

/**
 * One load in a browser context of its own, as a launch is: pages of one context may share a
 * renderer, whose V8 can reuse what it compiled for a script it saw before (loads in one shared
 * context ranged from 53 to 610 ms at 4x for the same main.js).
 */
async function loadOnce(browser, dir, evalName, throttle) {
	const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
	const page = await context.newPage();
	if (throttle > 1) {
		const cdp = await context.newCDPSession(page);
		await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
	}
	const { page: loaded } = await openPage(context, dir, `eval=${evalName}&render=0`, page);
	const { evaluate, onload } = await loaded.evaluate(() => ({ evaluate: window.__evalEnd - window.__evalStart, onload: window.__demo.onloadMs }));
	await context.close();
	return { total: evaluate + onload, evaluate };
}

/** Samples per build (`1`: this checkout's main.js; `baseline<i>`), the order reversed every other round. */
async function loadSamples(browser, dir, builds, { loads, warmup, throttle }) {
	const samples = Object.fromEntries(builds.map((b) => [b, { total: [], evaluate: [] }]));
	for (let i = -warmup; i < loads; i++) {
		const order = i % 2 === 0 ? builds : [...builds].reverse();
		for (const build of order) {
			const got = await loadOnce(browser, dir, build, throttle);
			if (i < 0) continue;
			samples[build].total.push(got.total);
			samples[build].evaluate.push(got.evaluate);
		}
	}
	return samples;
}

export async function pluginEval(dir, { loads = 9, warmup = 1 } = {}) {
	const rows = [];
	const baselines = (process.env.BENCH_EVAL_BASELINE ?? "").split(",").filter(Boolean);
	const builds = ["1"];
	for (const [i, file] of baselines.entries()) {
		await writeEvalScript(dir, await fs.readFile(file, "utf8"), `baseline${i}`);
		builds.push(`baseline${i}`);
	}
	const browser = await launch();
	try {
		for (const throttle of [1, 4]) {
			const samples = await loadSamples(browser, dir, builds, { loads, warmup, throttle });
			const label = throttle === 1 ? " (fresh page)" : ", 4x CPU throttle";
			const budget = throttle === 1 ? null : { max: 50 };
			const ours = summarize(samples["1"].total);
			rows.push(row(`plugin start: evaluate main.js + onload${label}`, "ms", ours, budget));
			rows.push(row(`plugin start: evaluate main.js alone${label}`, "ms", summarize(samples["1"].evaluate), null));
			for (const [i, file] of baselines.entries()) {
				const base = samples[`baseline${i}`];
				rows.push(row(`plugin start: evaluate main.js + onload${label}, baseline ${file}`, "ms", summarize(base.total), null));
				rows.push(row(`plugin start: evaluate main.js alone${label}, baseline ${file}`, "ms", summarize(base.evaluate), null));
				rows.push(row(`plugin start: evaluate main.js + onload${label}, this / baseline ${file} (ratio of medians)`, "ratio", summarize([ours.median / summarize(base.total).median]), null));
			}
		}
	} finally {
		await browser.close();
	}
	return rows;
}
