/**
 * The review log as CSV in the layout the FSRS optimiser (open-spaced-repetition/fsrs-optimizer)
 * reads: card_id, review_time (epoch ms), review_rating (1-4), review_state (0-3, ts-fsrs State:
 * New, Learning, Review, Relearning) and review_duration (ms, 0 when unknown).
 */

import type { ReviewLogEntry } from './card-state';
import { fsrsRatingCode, fsrsStateCode } from './scheduler';

export const REVIEW_LOG_CSV_HEADER = 'card_id,review_time,review_rating,review_state,review_duration';

/** RFC 4180 quoting: card ids are note paths and may hold commas, quotes or line breaks. */
function csvField(value: string): string {
	return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function reviewLogToCsv(log: readonly ReviewLogEntry[]): string {
	const lines = [REVIEW_LOG_CSV_HEADER];
	for (const entry of log) {
		const duration = entry.durationMs !== undefined && Number.isFinite(entry.durationMs) ? Math.max(0, Math.round(entry.durationMs)) : 0;
		lines.push([
			csvField(entry.cardId),
			String(Math.round(entry.time)),
			String(fsrsRatingCode(entry.rating)),
			String(fsrsStateCode(entry.state)),
			String(duration),
		].join(','));
	}
	return `${lines.join('\n')}\n`;
}
