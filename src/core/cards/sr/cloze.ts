/**
 * Clozes as the Spaced Repetition plugin reads them (through the clozecraft library): a pattern
 * such as `==[123;;]answer[;;hint]==` names where the answer goes, an optional bracket with a
 * number (`==1;;answer==`: "classic" clozes, one card per number; `==ash;;answer==`: "overlapping",
 * a letter per card: ask, hide or show) and an optional bracket with the hint. Without numbers each
 * cloze is its own card ("simple"). A text is classic if any pattern finds a numbered cloze in it,
 * else overlapping, else simple, and only clozes of that type count.
 *
 * Anki's `{{c1::answer::hint}}` is the same idea written `{{c[1::]answer[::hint]}}`, so it goes
 * through the same compiler.
 */

export type ClozeType = 'classic' | 'overlapping' | 'simple';
const TYPES: readonly ClozeType[] = ['classic', 'overlapping', 'simple'];

export const ANKI_CLOZE_PATTERN = '{{c[123::]answer[::hint]}}';

interface Compiled {
	regex: RegExp;
	/** Capture group of the answer, the hint and the number (0: none). */
	answer: number;
	hint: number;
	seq: number;
}

export interface ClozePattern {
	raw: string;
	/** Text every cloze of the pattern starts with (`==`, `**`, `{{c`): a line without it has none. */
	opening: string;
	byType: Record<ClozeType, Compiled>;
}

interface Deletion {
	raw: string;
	answer: string;
	hint: string | undefined;
	/** Card number (classic, simple) or the letters per card (overlapping). */
	seq: number | string;
}

export interface ClozeSide {
	front: string;
	back: string;
	/** The card's number, from 1 (`{{c2::...}}` is card 2). */
	number: number;
	/** The answers the card asks for, in order (its identity, with the number). */
	asked: string[];
}

const ESCAPE = /[.*+?^${}()|[\]\\]/g;
function escape(text: string): string {
	return text.replace(ESCAPE, '\\$&');
}

/** A bracketed part of the pattern: its text without brackets and where it is. */
function bracket(pattern: string, test: (inner: string) => boolean): { start: number; end: number; inner: string } | null {
	for (let open = pattern.indexOf('['); open !== -1; open = pattern.indexOf('[', open + 1)) {
		const close = pattern.indexOf(']', open);
		if (close === -1) return null;
		const inner = pattern.slice(open + 1, close);
		if (test(inner)) return { start: open, end: close + 1, inner };
	}
	return null;
}

/** Compiles one pattern; null when it lacks the answer, number or hint part (SR rejects those too). */
export function compileClozePattern(raw: string): ClozePattern | null {
	const num = bracket(raw, (inner) => /\d/.test(inner));
	const hint = bracket(raw, (inner) => inner.includes('hint'));
	const answerAt = raw.indexOf('answer');
	if (!num || !hint || answerAt === -1 || (answerAt > num.start && answerAt < num.end) || (answerAt > hint.start && answerAt < hint.end)) return null;
	const hintInner = escape(hint.inner);
	const afterHint = hint.inner.slice(hint.inner.indexOf('hint') + 4);
	// Lazy up to what closes the hint, as clozecraft does when something follows the keyword.
	const hintGroup = hint.inner.indexOf('hint') === 0 || afterHint === '' ? '(.+?)' : `((?:(?!${escape(afterHint)}).)+?)`;
	const hintRegex = `(?:${hintInner.replace('hint', hintGroup)})?`;
	const parts = [
		{ at: answerAt, end: answerAt + 6, field: 'answer' as const },
		{ at: num.start, end: num.end, field: 'seq' as const },
		{ at: hint.start, end: hint.end, field: 'hint' as const },
	].sort((a, b) => a.at - b.at);
	const build = (type: ClozeType): Compiled => {
		let source = '';
		let last = 0;
		let group = 0;
		const out: Compiled = { regex: /$^/, answer: 0, hint: 0, seq: 0 };
		for (const part of parts) {
			source += escape(raw.slice(last, part.at));
			last = part.end;
			if (part.field === 'answer') {
				source += '(.+?)';
				out.answer = ++group;
			} else if (part.field === 'hint') {
				source += hintRegex;
				out.hint = ++group;
			} else if (type !== 'simple') {
				source += escape(num.inner).replace(/\d+/, type === 'classic' ? '(\\d+)' : '([ash]+)');
				out.seq = ++group;
			}
		}
		source += escape(raw.slice(last));
		out.regex = new RegExp(source, 'g');
		return out;
	};
	const opening = raw.slice(0, Math.min(answerAt, num.start, hint.start));
	return { raw, opening, byType: { classic: build('classic'), overlapping: build('overlapping'), simple: build('simple') } };
}

/** The type of cloze text this is, or null when no pattern finds a cloze in it. */
export function clozeTypeOf(text: string, patterns: readonly ClozePattern[]): ClozeType | null {
	let possible = false;
	for (const pattern of patterns) if (text.includes(pattern.opening)) possible = true;
	if (!possible) return null;
	for (const type of TYPES) {
		for (const pattern of patterns) {
			const { regex } = pattern.byType[type];
			regex.lastIndex = 0;
			if (regex.test(text)) return type;
		}
	}
	return null;
}

function deletionsOf(text: string, type: ClozeType, patterns: readonly ClozePattern[]): { deletions: Deletion[]; cards: number } {
	const deletions: Deletion[] = [];
	const answerAt = new Set<number>();
	let cards = 0;
	for (const pattern of patterns) {
		const c = pattern.byType[type];
		c.regex.lastIndex = 0;
		for (let m = c.regex.exec(text); m; m = c.regex.exec(text)) {
			const answer = m[c.answer];
			const at = m.index + m[0].indexOf(answer);
			// Two patterns finding one cloze (clozecraft stops reading that pattern there).
			if (answerAt.has(at)) break;
			answerAt.add(at);
			const hint = c.hint ? m[c.hint] : undefined;
			if (type === 'simple') {
				deletions.push({ raw: m[0], answer, hint, seq: ++cards });
			} else if (type === 'classic') {
				const seq = Number(m[c.seq]);
				deletions.push({ raw: m[0], answer, hint, seq });
				cards = Math.max(cards, seq);
			} else {
				const seq = m[c.seq];
				deletions.push({ raw: m[0], answer, hint, seq });
				cards = Math.max(cards, seq.length);
			}
		}
	}
	return { deletions, cards };
}

/** What the asked cloze shows on the front: `[...]` or its hint, highlighted. */
export function askedCloze(hint: string | undefined): string {
	return `==[${hint ?? '...'}]==`;
}

function replaceFirst(text: string, find: string, by: string): string {
	const at = text.indexOf(find);
	return at === -1 ? text : text.slice(0, at) + by + text.slice(at + find.length);
}

/**
 * The cards of a cloze text: per card, the front with the asked cloze masked (`==[...]==`, or the
 * hint) and the back with it revealed (`==answer==`); the other clozes show their answer as plain
 * text (an overlapping cloze marked `h` stays hidden as `[...]` on both sides). `skipEmpty` leaves
 * out numbers that ask nothing (Anki makes no card for a missing `c2`; SR does).
 */
export function clozeCards(text: string, patterns: readonly ClozePattern[], skipEmpty = false): ClozeSide[] {
	const type = clozeTypeOf(text, patterns);
	if (type === null) return [];
	const { deletions, cards } = deletionsOf(text, type, patterns);
	const out: ClozeSide[] = [];
	for (let card = 0; card < cards; card++) {
		let front = text;
		let back = text;
		const asked: string[] = [];
		for (const d of deletions) {
			let action = 's';
			if (typeof d.seq === 'number') action = d.seq === card + 1 ? 'a' : 's';
			else if (card < d.seq.length) action = d.seq[card];
			if (action === 'a') {
				asked.push(d.answer);
				front = replaceFirst(front, d.raw, askedCloze(d.hint));
				back = replaceFirst(back, d.raw, `==${d.answer}==`);
			} else if (action === 'h') {
				const hidden = `[${d.hint ?? '...'}]`;
				front = replaceFirst(front, d.raw, hidden);
				back = replaceFirst(back, d.raw, hidden);
			} else {
				front = replaceFirst(front, d.raw, d.answer);
				back = replaceFirst(back, d.raw, d.answer);
			}
		}
		if (skipEmpty && asked.length === 0) continue;
		out.push({ front, back, number: card + 1, asked });
	}
	return out;
}

/**
 * The text in Anki's cloze syntax (`{{c1::answer::hint}}`), for a Cloze note: numbered clozes keep
 * their number, unnumbered ones count up. Null for overlapping clozes, which Anki has no form for.
 */
export function ankiClozeText(text: string, patterns: readonly ClozePattern[]): string | null {
	const type = clozeTypeOf(text, patterns);
	if (type === null || type === 'overlapping') return null;
	let out = text;
	for (const d of deletionsOf(text, type, patterns).deletions) out = replaceFirst(out, d.raw, `{{c${String(d.seq)}::${d.answer}${d.hint === undefined ? '' : `::${d.hint}`}}}`);
	return out;
}

/** Compiles the patterns that compile (a broken one in SR's settings is skipped, as SR fails on it). */
export function compileClozePatterns(raws: readonly string[]): ClozePattern[] {
	const out: ClozePattern[] = [];
	for (const raw of raws) {
		const compiled = compileClozePattern(raw);
		if (compiled) out.push(compiled);
	}
	return out;
}
