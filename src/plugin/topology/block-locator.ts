/**
 * Finding topology blocks in a note's text: the one under the cursor (preview view, commands),
 * and the same block again after the note changed (export writes into the note).
 */
import { splitLines } from '../../core/markdown/fences';
import { findTopologyBlocks, type TopologyKind } from '../../core/topology';

export interface LocatedBlock {
	kind: TopologyKind;
	source: string;
	/** 0-based lines of the opening and closing fence. */
	openLine: number;
	closeLine: number;
	closed: boolean;
	/** 1-based note line of the first content line. */
	firstLine: number;
	columnOffset: number;
	/** 1-based position among the note's topology blocks. */
	index: number;
}

export function locateBlocks(text: string): LocatedBlock[] {
	const lines = splitLines(text);
	return findTopologyBlocks(text).map((b, i) => ({
		kind: b.kind,
		source: b.content,
		openLine: b.openLine,
		closeLine: b.closeLine,
		closed: b.closed,
		firstLine: b.contentLine + 1,
		columnOffset: /^ */.exec(lines[b.openLine] ?? '')?.[0].length ?? 0,
		index: i + 1,
	}));
}

/** The block whose fences enclose a 0-based line (fence lines included). */
export function blockAtLine(text: string, line: number): LocatedBlock | null {
	return locateBlocks(text).find((b) => line >= b.openLine && line <= b.closeLine) ?? null;
}

function sameSource(a: string, b: string): boolean {
	return a.replace(/\s+$/, '') === b.replace(/\s+$/, '');
}

/**
 * The block that was at `openLine` with this source, in the note as it is now: same place first,
 * else the nearest block of the same kind with the same source. Null when it is gone.
 */
export function refindBlock(text: string, kind: TopologyKind, source: string, openLine: number): LocatedBlock | null {
	const candidates = locateBlocks(text).filter((b) => b.kind === kind && sameSource(b.source, source));
	if (candidates.length === 0) return null;
	return candidates.reduce((best, b) => (Math.abs(b.openLine - openLine) < Math.abs(best.openLine - openLine) ? b : best));
}
