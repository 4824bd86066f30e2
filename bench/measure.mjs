// Timing helpers for the benchmarks: warm-up runs first, then medians of several runs.
import { performance } from "node:perf_hooks";

export function summarize(samples) {
	const sorted = [...samples].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
	return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
}

/** Runs fn `warmup` times unmeasured, then `runs` times; fn may be async. Returns ms samples' summary. */
export async function timeRuns(fn, { warmup = 2, runs = 7 } = {}) {
	for (let i = 0; i < warmup; i++) await fn(i);
	const samples = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		await fn(i);
		samples.push(performance.now() - t0);
	}
	return summarize(samples);
}

/**
 * Like timeRuns, with the process's CPU time per run beside the wall time: on a shared machine
 * the wall time includes waiting for a core; the CPU time does not (it does include GC and
 * compiler threads). Returns { wall, cpu } summaries in ms.
 */
export async function timeRunsWithCpu(fn, { warmup = 2, runs = 7 } = {}) {
	for (let i = 0; i < warmup; i++) await fn(i);
	const wall = [];
	const cpu = [];
	for (let i = 0; i < runs; i++) {
		const c0 = process.cpuUsage();
		const t0 = performance.now();
		await fn(i);
		wall.push(performance.now() - t0);
		const c = process.cpuUsage(c0);
		cpu.push((c.user + c.system) / 1000);
	}
	return { wall: summarize(wall), cpu: summarize(cpu) };
}

/** A result row as bench/results.json holds it. */
export function row(scenario, unit, summary, budget) {
	const round = (v) => (typeof v === "number" ? Math.round(v * 1000) / 1000 : v);
	return { scenario, unit, median: round(summary.median), min: round(summary.min), max: round(summary.max), runs: summary.runs, budget: budget ?? null };
}
