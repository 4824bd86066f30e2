// Scenario: `cloudnotes cards --format json` on the generated 10,000-note vault written to a
// temporary folder, as a new user runs it: a whole process (spawned through /usr/bin/time for its
// peak memory, output to /dev/null) and, beside it, the same command in this process (bundled
// dist/cli.js, output discarded once encoded), which leaves out Node's start-up and the pipe.
// BENCH_CLI_BASELINE=<cli.js>[,<cli.js>...]: other builds of dist/cli.js too, spawned in turn with
// this one in the same run (paired, since these machines are shared and their load drifts), with
// rows of their own and the ratio of the medians.
import { promises as fs, existsSync, openSync, closeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { generateVault } from "../generate-vault.mjs";
import { row, summarize } from "../measure.mjs";

const require = createRequire(import.meta.url);

async function writeVault(dir) {
	for (const note of generateVault(10_000)) {
		const file = path.join(dir, note.path);
		await fs.mkdir(path.dirname(file), { recursive: true });
		await fs.writeFile(file, note.content);
	}
}

/**
 * One spawned run of `script` (bin/cloudnotes.js, or a dist/cli.js): wall ms, CPU ms (user +
 * system, every thread), the main thread's CPU ms (null without /proc) and peak resident memory in MB.
 */
function spawnOnce(script, vault, format) {
	const devNull = openSync("/dev/null", "w");
	try {
		const args = ["-f", "%e %U %S %M", process.execPath, "--require", mainThreadCpu, script, "cards", ".", "--format", format];
		const t0 = performance.now();
		const r = spawnSync("/usr/bin/time", args, { cwd: vault, stdio: ["ignore", devNull, "pipe"], encoding: "utf8" });
		const wall = performance.now() - t0;
		if (r.status !== 0) throw new Error(`cloudnotes cards failed (${r.status}): ${r.stderr}`);
		const lines = r.stderr.trim().split("\n");
		const [, user, sys, maxKb] = lines.pop().split(" ").map(Number);
		const main = lines.find((l) => l.startsWith("main-thread-cpu-ms "));
		return { wall, cpu: (user + sys) * 1000, mainCpu: main ? Number(main.split(" ")[1]) : null, rssMb: maxKb / 1024 };
	} finally {
		closeSync(devNull);
	}
}

const mainThreadCpu = fileURLToPath(new URL("../main-thread-cpu.js", import.meta.url));

/** Samples per script, the order reversed every other round, after one unmeasured round that warms the page cache. */
function spawnSamples(scripts, vault, format, runs) {
	const samples = scripts.map(() => []);
	for (let i = -1; i < runs; i++) {
		const order = i % 2 === 0 ? scripts.map((_, k) => k) : scripts.map((_, k) => scripts.length - 1 - k);
		for (const k of order) {
			const s = spawnOnce(scripts[k], vault, format);
			if (i >= 0) samples[k].push(s);
		}
	}
	return samples;
}

export async function cliStream(root, { runs = 5 } = {}) {
	if (!existsSync("/usr/bin/time")) throw new Error("the cli scenario needs /usr/bin/time (GNU time) for the peak memory");
	const vault = await fs.mkdtemp(path.join(os.tmpdir(), "cloudnotes-cli-bench-"));
	try {
		await writeVault(vault);
		const rows = [];
		const baselines = (process.env.BENCH_CLI_BASELINE ?? "").split(",").filter(Boolean);
		const scripts = [path.join(root, "bin/cloudnotes.js"), ...baselines.map((file) => path.resolve(file))];
		for (const format of ["json", "jsonl"]) {
			const [samples, ...baseSamples] = spawnSamples(scripts, vault, format, runs);
			const budgets = format === "json" ? { wall: { max: 1500 }, rss: { max: 300 } } : { wall: null, rss: null };
			const wall = summarize(samples.map((s) => s.wall));
			rows.push(row(`cli: cards --format ${format}, 10,000 notes, whole process (spawned, output to /dev/null)`, "ms", wall, budgets.wall));
			rows.push(row(`cli: cards --format ${format}, whole process CPU time (user + system)`, "ms", summarize(samples.map((s) => s.cpu)), null));
			if (samples.every((s) => s.mainCpu !== null)) rows.push(row(`cli: cards --format ${format}, main thread CPU time (user + system)`, "ms", summarize(samples.map((s) => s.mainCpu)), null));
			rows.push(row(`cli: cards --format ${format}, whole process peak memory (max RSS)`, "MB", summarize(samples.map((s) => s.rssMb)), budgets.rss));
			for (const [i, file] of baselines.entries()) {
				const base = baseSamples[i];
				const baseWall = summarize(base.map((s) => s.wall));
				rows.push(row(`cli: cards --format ${format}, whole process, baseline ${file}`, "ms", baseWall, null));
				rows.push(row(`cli: cards --format ${format}, whole process CPU time, baseline ${file}`, "ms", summarize(base.map((s) => s.cpu)), null));
				if (base.every((s) => s.mainCpu !== null)) rows.push(row(`cli: cards --format ${format}, main thread CPU time, baseline ${file}`, "ms", summarize(base.map((s) => s.mainCpu)), null));
				rows.push(row(`cli: cards --format ${format}, whole process, this / baseline ${file} (ratio of medians)`, "ratio", summarize([wall.median / baseWall.median]), null));
			}
		}

		// In this process: the same main() and reader, output (UTF-8 bytes from ChunkedWriter) counted and dropped.
		const cli = require(path.join(root, "dist/cli.js"));
		const cwd = process.cwd();
		process.chdir(vault);
		try {
			const samples = [];
			for (let i = -1; i < runs; i++) {
				let bytes = 0;
				const io = { ...cli.nodeIO(), out: () => undefined, write: async (chunk) => void (bytes += chunk.length) };
				const t0 = performance.now();
				const code = await cli.main(["cards", ".", "--format", "json"], io);
				const ms = performance.now() - t0;
				if (code !== 0 || bytes < 1e6) throw new Error(`in-process cards run failed (exit ${code}, ${bytes} characters)`);
				if (i >= 0) samples.push(ms);
			}
			rows.push(row("cli: cards --format json, 10,000 notes, in process (no Node start-up, output dropped)", "ms", summarize(samples), null));
		} finally {
			process.chdir(cwd);
		}
		return rows;
	} finally {
		await fs.rm(vault, { recursive: true, force: true });
	}
}
