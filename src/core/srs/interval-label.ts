/**
 * Short interval labels for grade buttons and the empty state: '10m', '3h', '4d', '3mo', '1.2y'.
 * Kept language-neutral on purpose: the units are the same short letters Anki users know, and the
 * UI layer may wrap them in a sentence of its own language.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Average month and year, so '3mo' means roughly 91 days regardless of which months they are. */
const MONTH = 30.4375 * DAY;
const YEAR = 365.25 * DAY;

/** Rounds to one decimal and drops a trailing '.0', so 3.0 reads '3' and 1.24 reads '1.2'. */
function oneDecimal(value: number): string {
	const rounded = Math.round(value * 10) / 10;
	return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/** The label for a duration in milliseconds; anything under a minute (or negative) reads '1m' or 'now'. */
export function intervalLabel(durationMs: number): string {
	if (!Number.isFinite(durationMs) || durationMs <= 0) return 'now';
	if (durationMs < HOUR) return `${Math.max(1, Math.round(durationMs / MINUTE))}m`;
	if (durationMs < DAY) {
		const hours = Math.round(durationMs / HOUR);
		return hours >= 24 ? '1d' : `${hours}h`;
	}
	if (durationMs < MONTH) {
		return `${Math.round(durationMs / DAY)}d`;
	}
	if (durationMs < YEAR) {
		const months = oneDecimal(durationMs / MONTH);
		return months === '12' ? '1y' : `${months}mo`;
	}
	return `${oneDecimal(durationMs / YEAR)}y`;
}
