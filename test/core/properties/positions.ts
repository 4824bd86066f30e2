/** Shared checks: every position the topology core reports lies inside the note. */
import { DIAGNOSTIC_SEVERITY, type TopologyAnalysis } from '../../../src/core/topology';

/** The fallback analyzeTopology uses when something inside threw: a bug, never an answer. */
const INTERNAL_ERROR = /internal error/;

/** Lines [first, last] of the note, integer line and column, column from 1. */
export function expectInside(what: string, line: number, column: number, first: number, last: number): void {
	if (!Number.isInteger(line) || !Number.isInteger(column) || line < first || line > last || column < 1) {
		throw new Error(`${what} at ${line}:${column}, outside lines ${first}..${last} / column >= 1`);
	}
}

/** Diagnostics and resources inside lines [first, last], known codes, no internal error. */
export function expectSoundAnalysis(analysis: TopologyAnalysis, first: number, last: number): void {
	for (const d of analysis.diagnostics) {
		expectInside(`diagnostic ${d.code} "${d.message}"`, d.line, d.column, first, last);
		if (!(d.code in DIAGNOSTIC_SEVERITY)) throw new Error(`unknown code ${d.code}`);
		if (!['error', 'warning', 'info'].includes(d.severity)) throw new Error(`unknown severity ${d.severity}`);
		if (d.message.trim() === '') throw new Error(`empty message for ${d.code}`);
		if (INTERNAL_ERROR.test(d.message)) throw new Error(`internal error: ${d.message}`);
	}
	for (const r of analysis.resources) expectInside(`resource ${JSON.stringify(r.name)}`, r.line, 1, first, last);
}
