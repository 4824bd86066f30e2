/** What the settings' text fields accept, read into settings values. */

/** "Courses/AWS, Labs" or one per line -> ['Courses/AWS', 'Labs']. */
export function parseList(text: string): string[] {
	return [...new Set(text.split(/[\n,]/).map((s) => s.trim()).filter((s) => s.length > 0))];
}

/** "2, 3 4" -> [2, 3, 4]: heading levels 1-6, sorted, without repeats. */
export function parseHeadingLevels(text: string): number[] {
	const levels = text.split(/[\s,]+/).map((s) => Number(s)).filter((n) => Number.isInteger(n) && n >= 1 && n <= 6);
	return [...new Set(levels)].sort((a, b) => a - b);
}

/** A whole number within limits, or null when the text is not one (the old value stays). */
export function parseWholeNumber(text: string, min: number, max: number): number | null {
	if (!/^\s*\d+\s*$/.test(text)) return null;
	const n = Number(text);
	return n >= min && n <= max ? n : null;
}
