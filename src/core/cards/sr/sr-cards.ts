/**
 * Cards written in the Spaced Repetition plugin's syntax, and Anki clozes.
 *
 * In a note SR reads (one of its flashcard tags, or every note when SR makes folders decks) the
 * questions are SR's (sr-parser.ts) and each expands to SR's cards: a basic card, the two sides of
 * a reversed one, a card per cloze number. Their lines then belong to those cards alone: they are
 * hidden from our other sources, so a `**Term**::answer` line is not also a definition card and a
 * section holding only SR cards makes no heading card. Schedule comments and SR's metadata callout
 * never reach a card.
 *
 * Anki's `{{c1::answer::hint}}` clozes make a card per number in any note (the paragraph is the
 * cloze text), also where SR would read the line as a `::` card, which would cut `{{c1` from `x}}`.
 */
import type { ScheduledDraft } from '../card';
import { firstNonSpace, lineAt, lineCount, LineKind, type NoteStructure } from '../note-structure';
import { ANKI_CLOZE_PATTERN, ankiClozeText, clozeCards, clozeTypeOf, compileClozePattern, compileClozePatterns, type ClozePattern } from './cloze';
import { parseSrQuestions, SR_METADATA_CALLOUT, type SrQuestion, type SrQuestionType } from './sr-parser';
import { srSchedules, type SrSchedule } from './sr-schedule';
import { hasTagIn, type SrSyntax } from './sr-syntax';

const ANKI = [compileClozePattern(ANKI_CLOZE_PATTERN)!];
const ANKI_HINT = /\{\{c\d+::/;
const SCHEDULE_COMMENT = /<!--SR:.+-->/gm;
const TOPIC_TAG = /^#[^\s#]+/;
const NO_SCHEDULES: SrSchedule[] = [];
const BLOCK_ID = / (\^[a-zA-Z0-9-]+)$/;

/** Compiled cloze patterns per settings object (settings change rarely; notes are many). */
const compiled = new WeakMap<SrSyntax, ClozePattern[]>();
function clozePatternsOf(syntax: SrSyntax): ClozePattern[] {
	let patterns = compiled.get(syntax);
	if (!patterns) compiled.set(syntax, (patterns = compileClozePatterns(syntax.clozePatterns)));
	return patterns;
}

/** Whether SR reads this note: it carries a flashcard tag (and no ignored one), or folders are decks. */
export function srReadsNote(syntax: SrSyntax, tags: readonly string[]): boolean {
	if (syntax.ignoredTags.length > 0 && hasTagIn(syntax.ignoredTags, tags)) return false;
	return syntax.foldersAreDecks || hasTagIn(syntax.flashcardTags, tags);
}

/**
 * The note's SR and Anki cards, in line order, each with the schedule SR wrote for it. Hides the
 * lines of SR's questions from the other sources (structure.kinds). Cheap for notes without
 * either syntax: a tag test and one `includes`.
 */
export function srCards(structure: NoteStructure, tags: readonly string[], syntax: SrSyntax): ScheduledDraft[] {
	const readBySr = srReadsNote(syntax, tags);
	const hasAnki = structure.text.includes('{{c');
	if (!readBySr && !hasAnki) return [];
	const drafts: ScheduledDraft[] = [];
	let questions: SrQuestion[];
	if (readBySr) {
		questions = parseSrQuestions(rawLines(structure), syntax, clozePatternsOf(syntax), structure.frontmatter ? structure.frontmatter.endLine + 1 : 0);
	} else {
		questions = ankiParagraphs(structure);
	}
	for (const question of questions) {
		const anki = question.type !== 'cloze' || !readBySr ? ANKI_HINT.test(question.text) : false;
		const type: SrQuestionType = anki ? 'cloze' : question.type;
		const patterns = anki ? ANKI : clozePatternsOf(syntax);
		if (anki && clozeTypeOf(question.text, ANKI) !== 'classic') continue;
		expand(question, type, patterns, anki, syntax, drafts);
		hideLines(structure, question.first, question.last);
	}
	return drafts;
}

/** The note's lines as SR sees them: the original text, not our comment-cut lines. */
function rawLines(structure: NoteStructure): readonly string[] {
	// SR splits at '\n' after turning CRLF into LF: a lone CR is no line end to it.
	const text = structure.text;
	return text.includes('\r') ? text.replace(/\r\n/g, '\n').split('\n') : text.split('\n');
}

/** Paragraphs of plain text holding an Anki cloze (notes SR does not read). */
function ankiParagraphs(structure: NoteStructure): SrQuestion[] {
	const kinds = structure.kinds;
	const count = lineCount(structure);
	const out: SrQuestion[] = [];
	for (let i = 0; i < count; i++) {
		if (kinds[i] !== LineKind.text || !ANKI_HINT.test(lineAt(structure, i))) continue;
		let first = i;
		while (first > 0 && kinds[first - 1] === LineKind.text) first--;
		let last = i;
		while (last + 1 < count && kinds[last + 1] === LineKind.text) last++;
		const paragraph: string[] = [];
		for (let j = first; j <= last; j++) paragraph.push(lineAt(structure, j));
		out.push({ type: 'cloze', text: paragraph.join('\n'), first, last });
		i = last;
	}
	return out;
}

function hideLines(structure: NoteStructure, first: number, last: number): void {
	const kinds = structure.kinds;
	for (let i = first; i <= last && i < kinds.length; i++) if (kinds[i] !== LineKind.heading) kinds[i] = LineKind.hidden;
}

/**
 * The question without its schedule comment, deck tag (`#flashcards/aws Q::A`), block id and SR's
 * metadata callout: what the cards show.
 */
export function questionBody(text: string): string {
	let body = text.includes('<!--SR:') ? text.replace(SCHEDULE_COMMENT, '') : text;
	body = body.trimEnd();
	const start = firstNonSpace(body);
	if (body.charCodeAt(start) === 0x23 /* # */) {
		const tag = TOPIC_TAG.exec(body.slice(start));
		if (tag && tag[0].length > 1) body = body.slice(start + tag[0].length).trimStart();
	}
	if (body.includes('^')) {
		const block = BLOCK_ID.exec(body);
		if (block) body = body.slice(0, body.length - block[1].length).trimEnd();
	}
	if (body.includes(SR_METADATA_CALLOUT)) body = withoutMetadataCallout(body);
	return body;
}

/** Drops `> [!sr|card-metadata]` and the callout lines after it (only a schedule comment, now removed). */
function withoutMetadataCallout(body: string): string {
	const lines = body.split('\n');
	const kept: string[] = [];
	for (let i = 0; i < lines.length; i++) {
		if (!lines[i].startsWith(SR_METADATA_CALLOUT)) {
			kept.push(lines[i]);
			continue;
		}
		while (i + 1 < lines.length && /^>\s*(\^[a-zA-Z0-9-]+)?\s*$/.test(lines[i + 1])) i++;
	}
	return kept.join('\n').trimEnd();
}

function expand(question: SrQuestion, type: SrQuestionType, patterns: readonly ClozePattern[], ankiOnly: boolean, syntax: SrSyntax, out: ScheduledDraft[]): void {
	const body = questionBody(question.text);
	const schedules = question.text.includes('<!--SR:') ? srSchedules(question.text) : NO_SCHEDULES;
	const sides: { front: string; back: string; key: string }[] = [];
	if (type === 'cloze') {
		for (const side of clozeCards(body, patterns, ankiOnly)) sides.push({ front: side.front, back: side.back, key: `c${side.number} ${side.asked.join(' ')}` });
	} else if (type === 'single' || type === 'single-reversed') {
		// SR splits at the separator of the card's type (its first occurrence).
		const separator = type === 'single' ? syntax.singleLine : syntax.singleLineReversed;
		const at = body.indexOf(separator);
		if (at === -1) return;
		pushSides(sides, body.slice(0, at), body.slice(at + separator.length), type === 'single-reversed');
	} else {
		const separator = type === 'multi' ? syntax.multiLine : syntax.multiLineReversed;
		const lines = body.split('\n');
		const at = lines.findIndex((l) => l.trim() === separator);
		if (at === -1) return;
		pushSides(sides, lines.slice(0, at).join('\n'), lines.slice(at + 1).join('\n'), type === 'multi-reversed');
	}
	const kind = type === 'cloze' ? 'cloze' : 'flashcard';
	const anki = type === 'cloze' ? ankiClozeText(body, patterns) : null;
	sides.forEach((side, i) => {
		if (side.front === '' && side.back === '') return;
		const draft: ScheduledDraft = { kind, line: question.first, front: side.front, back: side.back, key: side.key, schedule: schedules[i] ?? null };
		if (anki !== null) draft.ankiCloze = i === 0 ? anki : '';
		out.push(draft);
	});
}

function pushSides(sides: { front: string; back: string; key: string }[], a: string, b: string, reversed: boolean): void {
	const front = a.trim();
	const back = b.trim();
	sides.push({ front, back, key: front });
	// The reversed side asks the back; its key says so, should the two sides be the same text.
	if (reversed) sides.push({ front: back, back: front, key: `\u2194 ${back}` });
}

export type { SrSchedule };
