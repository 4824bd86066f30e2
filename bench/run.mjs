// npm run bench: every performance scenario, medians of several runs after warm-up, written to
// bench/results.json and to the README's performance table. Not part of npm test: these machines
// are shared and noisy, so no test asserts a time.
import { promises as fs } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";
import esbuild from "esbuild";
import { vaultIndex } from "./scenarios/vault-index.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

// --expose-gc is needed for the memory figure; re-run ourselves with it when missing.
if (!global.gc) {
	const r = spawnSync(process.execPath, ["--expose-gc", ...process.argv.slice(1)], { stdio: "inherit" });
	process.exit(r.status ?? 1);
}

const only = process.argv.slice(2).filter((a) => !a.startsWith("--"));

async function loadCore() {
	const outfile = path.join(root, "dist/bench-core.cjs");
	await esbuild.build({ entryPoints: [path.join(root, "bench/core-entry.ts")], bundle: true, platform: "node", format: "cjs", target: "node20", outfile, logLevel: "warning" });
	return require(outfile);
}

function formatBudget(budget) {
	if (!budget) return "";
	if (budget.max !== undefined) return `< ${budget.max}`;
	if (budget.maxRatio !== undefined) return `< ${budget.maxRatio}x`;
	return "";
}

function withinBudget(r) {
	if (!r.budget) return "";
	if (r.budget.max !== undefined) return r.median < r.budget.max ? "yes" : "**no**";
	if (r.budget.maxRatio !== undefined) return r.median < r.budget.maxRatio ? "yes" : "**no**";
	return "";
}

function table(rows) {
	const lines = ["| scenario | median | min | max | runs | budget | within |", "|---|---:|---:|---:|---:|---:|:---:|"];
	for (const r of rows) {
		const unit = r.unit === "ratio" ? "x" : ` ${r.unit}`;
		lines.push(`| ${r.scenario} | ${r.median}${unit} | ${r.min}${unit} | ${r.max}${unit} | ${r.runs} | ${formatBudget(r.budget)}${r.budget ? unit : ""} | ${withinBudget(r)} |`);
	}
	return lines.join("\n");
}

async function updateReadme(rows, meta) {
	const readmePath = path.join(root, "README.md");
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

const scenarios = [
	{ name: "vault", run: async () => vaultIndex(await loadCore()) },
];

const rows = [];
for (const s of scenarios) {
	if (only.length && !only.includes(s.name)) continue;
	console.log(`\n== ${s.name}`);
	const got = await s.run();
	for (const r of got) console.log(`${r.scenario}: median ${r.median} ${r.unit} (min ${r.min}, max ${r.max}, ${r.runs} runs)${r.budget ? `, budget ${formatBudget(r.budget)}` : ""}`);
	rows.push(...got);
}

const os = await import("node:os");
const meta = { date: new Date().toISOString().slice(0, 10), machine: `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}` };
await fs.writeFile(path.join(root, "bench/results.json"), JSON.stringify(rows, null, 2) + "\n");
console.log(`\nWrote bench/results.json (${rows.length} rows).`);
if (!only.length && (await updateReadme(rows, meta))) console.log("Updated the performance table in README.md.");
