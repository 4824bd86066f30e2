/**
 * Typo suggestions for field names. Optimal string alignment distance: a swapped pair of letters
 * (`cird` for `cidr`) counts as one edit, the most common slip when typing keys.
 */

export function editDistance(a: string, b: string): number {
	const m = a.length;
	const n = b.length;
	if (m === 0) return n;
	if (n === 0) return m;
	let prevPrev = new Array<number>(n + 1).fill(0);
	let prev = Array.from({ length: n + 1 }, (_, j) => j);
	let cur = new Array<number>(n + 1).fill(0);
	for (let i = 1; i <= m; i++) {
		cur[0] = i;
		for (let j = 1; j <= n; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let best = Math.min((prev[j]) + 1, (cur[j - 1]) + 1, (prev[j - 1]) + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				best = Math.min(best, (prevPrev[j - 2]) + 1);
			}
			cur[j] = best;
		}
		[prevPrev, prev, cur] = [prev, cur, prevPrev];
	}
	return prev[n];
}

/** The closest candidate when it is close enough to be a typo of it, else null. */
export function closestMatch(word: string, candidates: readonly string[]): string | null {
	const lower = word.toLowerCase().replace(/_/g, '-');
	let best: string | null = null;
	let bestDistance = Infinity;
	for (const candidate of candidates) {
		const d = editDistance(lower, candidate.toLowerCase().replace(/_/g, '-'));
		if (d < bestDistance) {
			best = candidate;
			bestDistance = d;
		}
	}
	if (best === null) return null;
	// Short keys allow one slip, longer ones two; beyond that it is a different word, not a typo.
	const allowed = Math.max(1, Math.min(2, Math.floor(word.length / 3)));
	return bestDistance <= allowed ? best : null;
}

/** " (did you mean `x`?)" or '' — appended to messages. */
export function didYouMean(word: string, candidates: readonly string[]): string {
	const match = closestMatch(word, candidates);
	return match ? `; did you mean \`${match}\`?` : '';
}
