// npm run bench: every performance scenario, medians of several runs after warm-up, written to
// bench/results.json and to the performance table in docs/performance.md. Not part of npm test: these machines
// are shared and noisy, so no test asserts a time.
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";
import esbuild from "esbuild";
import { vaultIndex } from "./scenarios/vault-index.mjs";
import { vaultIndexPaired } from "./scenarios/vault-index-paired.mjs";
import { topologyCore } from "./scenarios/topology-core.mjs";
import { diagramRender, diagramReopen } from "./scenarios/diagram-render.mjs";
import { iconRender } from "./scenarios/icon-render.mjs";
import { pluginStart } from "./scenarios/plugin-start.mjs";
import { pluginEval } from "./scenarios/plugin-eval.mjs";
import { reviewOpen } from "./scenarios/review-open.mjs";
import { gradeDurable, reviewJournal } from "./scenarios/review-journal.mjs";
import { startFromCache } from "./scenarios/start-from-cache.mjs";
import { cliStream } from "./scenarios/cli-stream.mjs";
import { longTask } from "./scenarios/long-task.mjs";
import { buildBenchPage, removePage } from "./browser.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

// --expose-gc is needed for the memory figure; re-run ourselves with it when missing.
if (!global.gc) {
	const r = spawnSync(process.execPath, ["--expose-gc", ...process.argv.slice(1)], { stdio: "inherit" });
	process.exit(r.status ?? 1);
}

// A subset: `node bench/run.mjs core render` (names below; `browser` stands for render, icons, longtask, start, eval, review, durable and cache).
const GROUPS = { browser: ["render", "icons", "longtask", "start", "eval", "review", "durable", "cache"] };
const only = process.argv.slice(2).filter((a) => !a.startsWith("--")).flatMap((a) => GROUPS[a] ?? [a]);

let core = null;
async function loadCore() {
	core ??= await bundleCore();
	return core;
}

async function bundleCore() {
	const outfile = path.join(root, "dist/bench-core.cjs");
	await esbuild.build({ entryPoints: [path.join(root, "bench/core-entry.ts")], bundle: true, platform: "node", format: "cjs", target: "node20", outfile, logLevel: "warning" });
	return require(outfile);
}

function formatBudget(budget) {
	if (!budget) return "";
	if (budget.max !== undefined) return `< ${budget.max}`;
	if (budget.maxRatio !== undefined) return `< ${budget.maxRatio}`;
	if (budget.minRatio !== undefined) return `>= ${budget.minRatio}`;
	return "";
}

function withinBudget(r) {
	if (!r.budget) return "";
	if (r.budget.max !== undefined) return r.median < r.budget.max ? "yes" : "**no**";
	if (r.budget.maxRatio !== undefined) return r.median < r.budget.maxRatio ? "yes" : "**no**";
	if (r.budget.minRatio !== undefined) return r.median >= r.budget.minRatio ? "yes" : "**no**";
	return "";
}

/** Three significant figures at most (1303 ms, 18.7 ms, 0.951 ms, 1.14x); counts as they are. */
function figure(v, unit) {
	if (typeof v !== "number" || unit === "cards") return String(v);
	const abs = Math.abs(v);
	const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
	return v.toFixed(digits);
}

function unitText(unit) {
	return unit === "ratio" ? "x" : ` ${unit}`;
}

function table(rows) {
	const lines = ["| scenario | median | min | max | runs | budget | within |", "|---|---:|---:|---:|---:|---:|:---:|"];
	for (const r of rows) {
		const unit = unitText(r.unit);
		lines.push(`| ${r.scenario} | ${figure(r.median, r.unit)}${unit} | ${figure(r.min, r.unit)}${unit} | ${figure(r.max, r.unit)}${unit} | ${r.runs} | ${formatBudget(r.budget)}${r.budget ? unit : ""} | ${withinBudget(r)} |`);
	}
	return lines.join("\n");
}

async function updatePerformancePage(rows, meta) {
	const readmePath = path.join(root, "docs", "performance.md");
	const readme = await fs.readFile(readmePath, "utf8");
	const start = "<!-- bench:start -->";
	const end = "<!-- bench:end -->";
	const a = readme.indexOf(start);
	const b = readme.indexOf(end);
	if (a === -1 || b === -1) return false;
	const body = `${start}\nMeasured by \`npm run bench\` on ${meta.date} (${meta.machine}).\n\n${table(rows)}\n${end}`;
	await fs.writeFile(readmePath, readme.slice(0, a) + body + readme.slice(b + end.length));
	return true;
}

// The browser scenarios share one page folder, written on first use and removed at the end.
let pageDir = null;
let pageDirBig = false;
async function benchPage({ bigVault = false } = {}) {
	if (pageDir && (pageDirBig || !bigVault)) return pageDir;
	if (pageDir) await removePage(pageDir);
	pageDir = await buildBenchPage({ bigVault });
	pageDirBig = bigVault;
	return pageDir;
}

const scenarios = [
	{ name: "vault", run: async () => vaultIndex(await loadCore()) },
	{ name: "paired", run: async () => vaultIndexPaired(await loadCore(), root) },
	{ name: "core", run: async () => topologyCore(await loadCore()) },
	{ name: "render", run: async () => diagramRender(await benchPage()) },
	// The render scenario's reopen rows alone (part of render, so not in a full run twice).
	{ name: "reopen", run: async () => diagramReopen(await benchPage()), partOf: "render" },
	{ name: "icons", run: async () => iconRender(await benchPage()) },
	{ name: "longtask", run: async () => longTask(await benchPage()) },
	{ name: "start", run: async () => pluginStart(await benchPage(), root) },
	{ name: "eval", run: async () => pluginEval(await benchPage()) },
	{ name: "review", run: async () => reviewOpen(await benchPage({ bigVault: true })) },
	{ name: "journal", run: async () => reviewJournal(await loadCore()) },
	{ name: "durable", run: async () => gradeDurable(await benchPage()) },
	{ name: "cache", run: async () => startFromCache(await benchPage({ bigVault: true })) },
	{ name: "cli", run: async () => cliStream(root) },
];
const unknown = only.filter((name) => !scenarios.some((s) => s.name === name));
if (unknown.length > 0) {
	console.error(`unknown scenario ${unknown.join(", ")}; choose from ${scenarios.map((s) => s.name).join(", ")} or browser`);
	process.exit(2);
}

const loadAtStart = os.loadavg()[0].toFixed(1);
const rows = [];
try {
	for (const s of scenarios) {
		if (only.length ? !only.includes(s.name) : s.partOf) continue;
		console.log(`\n== ${s.name}`);
		const started = Date.now();
		const got = await s.run();
		console.log(`(${s.name}: ${((Date.now() - started) / 1000).toFixed(0)} s)`);
		for (const r of got) console.log(`${r.scenario}: median ${figure(r.median, r.unit)}${unitText(r.unit)} (min ${figure(r.min, r.unit)}, max ${figure(r.max, r.unit)}, ${r.runs} runs)${r.budget ? `, budget ${formatBudget(r.budget)}${unitText(r.unit)} ${withinBudget(r) === "yes" ? "met" : "MISSED"}` : ""}`);
		rows.push(...got);
	}
} finally {
	if (pageDir) await removePage(pageDir);
}

const meta = { date: new Date().toISOString().slice(0, 10), machine: `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}, load average ${loadAtStart} at the start` };
// A subset goes to results.local.json (not committed), so it never replaces the full figures.
const resultsFile = only.length ? "bench/results.local.json" : "bench/results.json";
await fs.writeFile(path.join(root, resultsFile), JSON.stringify(rows, null, 2) + "\n");
console.log(`\nWrote ${resultsFile} (${rows.length} rows).`);
if (!only.length && (await updatePerformancePage(rows, meta))) console.log("Updated the performance table in docs/performance.md.");
