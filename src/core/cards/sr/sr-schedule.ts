/**
 * The schedule comments the Spaced Repetition plugin writes after a card (SR 1.15,
 * `src/data/constants.ts`, `src/utils/comment-parser.ts`): one segment per sibling card (a cloze's
 * parts, a reversed card's two sides), each starting with `!`:
 *   SM-2  `<!--SR:!2026-12-10,12,270-->`                     due date, interval (days), ease (%)
 *   FSRS  `<!--SR:!fsrs,<due ISO>,<interval>,<stability>,<difficulty>,<state>,<reps>,<lapses>,<learning steps>,<last review ISO or ->-->`
 * SR writes `!2000-01-01,1,<ease>` for a sibling not reviewed yet: that sibling is new (null).
 */

export type SrSchedule =
	| { kind: 'sm2'; /** Local midnight of the due date, epoch ms. */ due: number; interval: number; ease: number }
	| {
			kind: 'fsrs';
			due: number;
			interval: number;
			stability: number;
			difficulty: number;
			/** ts-fsrs State: 0 new, 1 learning, 2 review, 3 relearning. */
			state: number;
			reps: number;
			lapses: number;
			learningSteps: number;
			lastReview: number | null;
	  }
	/** `!2000-01-01,...`: SR's mark of a sibling not reviewed yet. */
	| { kind: 'new' }
	/** A segment SR cannot read either (it treats the card as new). */
	| { kind: 'bad'; text: string };

const COMMENT = /<!--SR:(.+?)-->/m;
const NEW_CARD_DATE = '2000-01-01';
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The dates SR accepts (YYYY-MM-DD, DD-MM-YYYY, `ddd MMM DD YYYY`) as local midnight, or null. */
export function srDate(text: string): number | null {
	const s = text.trim();
	let y: number;
	let m: number;
	let d: number;
	let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
	if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
	else if ((match = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(s))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
	else if ((match = /^[A-Za-z]{3} ([A-Za-z]{3}) (\d{1,2}) (\d{4})$/.exec(s))) {
		m = MONTHS.indexOf(match[1].toLowerCase()) + 1;
		d = Number(match[2]);
		y = Number(match[3]);
	} else return null;
	if (m < 1 || m > 12 || d < 1 || d > 31) return null;
	const date = new Date(y, m - 1, d);
	return date.getMonth() === m - 1 ? date.getTime() : null;
}

function isoTime(text: string): number | null {
	if (text === '-' || text === '') return null;
	const t = Date.parse(text);
	return Number.isFinite(t) ? t : null;
}

function segment(text: string): SrSchedule {
	const fields = text.split(',');
	if (fields[0] === 'fsrs') {
		const due = isoTime(fields[1] ?? '');
		if (due === null) return { kind: 'bad', text };
		const n = (i: number): number => {
			const v = parseFloat(fields[i] ?? '');
			return Number.isFinite(v) ? v : 0;
		};
		return { kind: 'fsrs', due, interval: n(2), stability: n(3), difficulty: n(4), state: Math.trunc(n(5)), reps: Math.trunc(n(6)), lapses: Math.trunc(n(7)), learningSteps: Math.trunc(n(8)), lastReview: isoTime(fields[9] ?? '-') };
	}
	if (fields[0].trim() === NEW_CARD_DATE) return { kind: 'new' };
	const due = srDate(fields[0]);
	const interval = parseInt(fields[1] ?? '', 10);
	const ease = parseInt(fields[2] ?? '', 10);
	if (due === null || !Number.isFinite(interval)) return { kind: 'bad', text };
	return { kind: 'sm2', due, interval, ease: Number.isFinite(ease) ? ease : 250 };
}

/** The schedules in a question's text, sibling by sibling; [] when the question has no schedule comment. */
export function srSchedules(questionText: string): SrSchedule[] {
	const comment = COMMENT.exec(questionText);
	if (!comment) return [];
	return comment[1]
		.split('!')
		.map((s) => s.trim())
		.filter((s) => s.length > 0)
		.map(segment);
}

/** Whether a text holds a schedule comment, without the expression. */
export function hasScheduleComment(text: string): boolean {
	return text.includes('<!--SR:');
}
