/**
 * The review data file: its schema, its integrity check, validation and migration from older schemas.
 *
 * Schema 2 (current), one JSON object on one line:
 *   {"schema":2,"checksum":"<14 hex>","length":<n>,"data":{"savedAt":<ms>,"states":{<id>:CardState},
 *    "orphans":{<id>:<orphanedAt ms>},"log":[ReviewLogEntry...],"retracted"?:[<review key>...]}}
 * `retracted` (written only when there is one) lists undone reviews, so that a device that synced
 * them before the undo cannot bring them back; a version that does not know it ignores it.
 * `length` and `checksum` cover the exact text of `JSON.stringify(data)`, so a file that was cut short
 * (invalid JSON) or that parses but differs from what was written (a torn write that happens to end
 * in a brace, a sync tool that merged two versions) is detected before anything is trusted.
 *
 * Schema 1 (the first shape, before orphans and checksums): ts-fsrs cards stored as JSON.stringify
 * left them, dates as ISO strings and numeric states:
 *   {"schema":1,"cards":{<id>:{"due":"2026-01-01T00:00:00.000Z","stability":..,"difficulty":..,
 *    "elapsed_days":..,"scheduled_days":..,"reps":..,"lapses":..,"state":0-3,"last_review"?:ISO}},
 *    "revlog":[{"card_id":..,"review":ISO,"rating":1-4,"state":0-3,"elapsed_days":..,
 *    "scheduled_days":..,"due":ISO,"stability":..,"difficulty":..}]}
 */

import { CARD_STATE_NAMES, RATINGS, type CardState, type CardStateName, type Rating, type ReviewLogEntry } from './card-state';

export const CURRENT_SCHEMA = 2;

const FILE_OPENING = '{"schema":';

export interface ReviewData {
	states: Map<string, CardState>;
	/** Card id -> when it was last seen missing from the notes, epoch ms. */
	orphans: Map<string, number>;
	log: ReviewLogEntry[];
	/** Undone reviews, as reviewKey gives them: a synced copy of them must not come back. */
	retracted: Set<string>;
}

/** A review's identity: its card, time and rating. */
export function reviewKey(entry: Pick<ReviewLogEntry, 'cardId' | 'time' | 'rating'>): string {
	return `${entry.cardId}\u0000${entry.time}\u0000${entry.rating}`;
}

export function emptyReviewData(): ReviewData {
	return { states: new Map(), orphans: new Map(), log: [], retracted: new Set() };
}

export type DecodeResult =
	| { ok: true; data: ReviewData; migratedFrom?: number }
	| { ok: false; kind: 'corrupt' | 'half-written'; reason: string }
	| { ok: false; kind: 'newer-schema'; schema: number; reason: string };

/**
 * A 56-bit hash of a string (two 32-bit multiply-xorshift lanes over UTF-16 code units). Not
 * cryptographic: it only has to notice accidental damage, and it must run on mobile without Node's
 * crypto or an async SubtleCrypto call.
 */
// Bound once: inside jest's VM context every `Math.imul` lookup goes through the sandbox global and
// is ~400x slower than the call itself (15 s instead of 40 ms for a 20 MB file).
const imul = Math.imul;

export function checksumOf(text: string): string {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		h1 = imul(h1 ^ code, 2654435761);
		h2 = imul(h2 ^ code, 1597334677);
	}
	h1 = imul(h1 ^ (h1 >>> 16), 2246822507) ^ imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = imul(h2 ^ (h2 >>> 16), 2246822507) ^ imul(h1 ^ (h1 >>> 13), 3266489909);
	const high = (h2 >>> 0) & 0xffffff;
	return high.toString(16).padStart(6, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

/** The file text for some review data. Key order is fixed so equal data gives equal text. */
export function encodeReviewData(data: ReviewData, savedAt: number): string {
	// fromEntries defines own properties, so a card id such as "__proto__" is stored like any other.
	const states = Object.fromEntries(data.states);
	const orphans = Object.fromEntries(data.orphans);
	const body = JSON.stringify(data.retracted.size > 0 ? { savedAt, states, orphans, log: data.log, retracted: [...data.retracted] } : { savedAt, states, orphans, log: data.log });
	return `{"schema":${CURRENT_SCHEMA},"checksum":"${checksumOf(body)}","length":${body.length},"data":${body}}`;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFiniteNumber(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value);
}

/** Thrown inside validation only, and turned into a `corrupt` result at the edge. */
class InvalidData extends Error {}

function requireNumber(record: Record<string, unknown>, key: string, where: string): number {
	const value = record[key];
	if (!isFiniteNumber(value)) throw new InvalidData(`${where}: "${key}" is not a number`);
	return value;
}

function requireStateName(value: unknown, where: string): CardStateName {
	if (typeof value === 'string' && (CARD_STATE_NAMES as readonly string[]).includes(value)) return value as CardStateName;
	throw new InvalidData(`${where}: unknown state ${JSON.stringify(value)}`);
}

function requireRating(value: unknown, where: string): Rating {
	if (typeof value === 'string' && (RATINGS as readonly string[]).includes(value)) return value as Rating;
	throw new InvalidData(`${where}: unknown rating ${JSON.stringify(value)}`);
}

function validCardState(value: unknown, where: string): CardState {
	if (!isRecord(value)) throw new InvalidData(`${where}: not an object`);
	const state: CardState = {
		due: requireNumber(value, 'due', where),
		stability: requireNumber(value, 'stability', where),
		difficulty: requireNumber(value, 'difficulty', where),
		elapsedDays: requireNumber(value, 'elapsedDays', where),
		scheduledDays: requireNumber(value, 'scheduledDays', where),
		learningSteps: requireNumber(value, 'learningSteps', where),
		reps: requireNumber(value, 'reps', where),
		lapses: requireNumber(value, 'lapses', where),
		state: requireStateName(value.state, where),
	};
	if (value.lastReview !== undefined) state.lastReview = requireNumber(value, 'lastReview', where);
	if (value.contentHash !== undefined) {
		if (typeof value.contentHash !== 'string') throw new InvalidData(`${where}: "contentHash" is not a string`);
		state.contentHash = value.contentHash;
	}
	return state;
}

function validLogEntry(value: unknown, where: string): ReviewLogEntry {
	if (!isRecord(value)) throw new InvalidData(`${where}: not an object`);
	if (typeof value.cardId !== 'string') throw new InvalidData(`${where}: "cardId" is not a string`);
	const entry: ReviewLogEntry = {
		cardId: value.cardId,
		time: requireNumber(value, 'time', where),
		rating: requireRating(value.rating, where),
		state: requireStateName(value.state, where),
		elapsedDays: requireNumber(value, 'elapsedDays', where),
		scheduledDays: requireNumber(value, 'scheduledDays', where),
		due: requireNumber(value, 'due', where),
		stability: requireNumber(value, 'stability', where),
		difficulty: requireNumber(value, 'difficulty', where),
	};
	if (value.durationMs !== undefined) entry.durationMs = requireNumber(value, 'durationMs', where);
	return entry;
}

function validSchema2(data: unknown): ReviewData {
	if (!isRecord(data)) throw new InvalidData('"data" is not an object');
	const { states, orphans, log, retracted } = data;
	if (!isRecord(states)) throw new InvalidData('"states" is not an object');
	if (!isRecord(orphans)) throw new InvalidData('"orphans" is not an object');
	if (!Array.isArray(log)) throw new InvalidData('"log" is not a list');
	const result = emptyReviewData();
	for (const [id, state] of Object.entries(states)) result.states.set(id, validCardState(state, `state of ${id}`));
	for (const [id, at] of Object.entries(orphans)) {
		if (!isFiniteNumber(at)) throw new InvalidData(`orphan ${id}: time is not a number`);
		result.orphans.set(id, at);
	}
	log.forEach((entry, index) => result.log.push(validLogEntry(entry, `log entry ${index + 1}`)));
	if (retracted !== undefined) {
		if (!Array.isArray(retracted) || !retracted.every((key) => typeof key === 'string')) throw new InvalidData('"retracted" is not a list of texts');
		for (const key of retracted) result.retracted.add(key);
	}
	return result;
}

const SCHEMA_1_STATES: readonly CardStateName[] = ['new', 'learning', 'review', 'relearning'];
const SCHEMA_1_RATINGS: Readonly<Record<number, Rating>> = { 1: 'again', 2: 'hard', 3: 'good', 4: 'easy' };

function isoTime(value: unknown, where: string): number {
	const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
	if (!Number.isFinite(time)) throw new InvalidData(`${where}: ${JSON.stringify(value)} is not a date`);
	return time;
}

function schema1State(value: unknown, where: string): CardStateName {
	const name = typeof value === 'number' ? SCHEMA_1_STATES[value] : undefined;
	if (!name) throw new InvalidData(`${where}: unknown state ${JSON.stringify(value)}`);
	return name;
}

/** Schema 1 -> current: ISO dates become epoch ms, numeric states and ratings become names. */
function migrateSchema1(file: Record<string, unknown>): ReviewData {
	const { cards, revlog } = file;
	if (!isRecord(cards)) throw new InvalidData('"cards" is not an object');
	if (!Array.isArray(revlog)) throw new InvalidData('"revlog" is not a list');
	const result = emptyReviewData();
	for (const [id, card] of Object.entries(cards)) {
		const where = `card ${id}`;
		if (!isRecord(card)) throw new InvalidData(`${where}: not an object`);
		const state: CardState = {
			due: isoTime(card.due, where),
			stability: requireNumber(card, 'stability', where),
			difficulty: requireNumber(card, 'difficulty', where),
			elapsedDays: requireNumber(card, 'elapsed_days', where),
			scheduledDays: requireNumber(card, 'scheduled_days', where),
			// Schema 1 predates learning steps; 0 restarts any step in progress, which is what ts-fsrs
			// itself does for cards that lack the field.
			learningSteps: isFiniteNumber(card.learning_steps) ? card.learning_steps : 0,
			reps: requireNumber(card, 'reps', where),
			lapses: requireNumber(card, 'lapses', where),
			state: schema1State(card.state, where),
		};
		if (card.last_review !== undefined && card.last_review !== null) state.lastReview = isoTime(card.last_review, where);
		result.states.set(id, state);
	}
	revlog.forEach((entry, index) => {
		const where = `revlog entry ${index + 1}`;
		if (!isRecord(entry)) throw new InvalidData(`${where}: not an object`);
		const rating = typeof entry.rating === 'number' ? SCHEMA_1_RATINGS[entry.rating] : undefined;
		if (!rating) throw new InvalidData(`${where}: unknown rating ${JSON.stringify(entry.rating)}`);
		if (typeof entry.card_id !== 'string') throw new InvalidData(`${where}: "card_id" is not a string`);
		result.log.push({
			cardId: entry.card_id,
			time: isoTime(entry.review, where),
			rating,
			state: schema1State(entry.state, where),
			elapsedDays: requireNumber(entry, 'elapsed_days', where),
			scheduledDays: requireNumber(entry, 'scheduled_days', where),
			due: isoTime(entry.due, where),
			stability: requireNumber(entry, 'stability', where),
			difficulty: requireNumber(entry, 'difficulty', where),
		});
	});
	return result;
}

/**
 * Reads a data file's text. Never throws: a damaged file is a result the store acts on.
 * `half-written` means the text was cut or altered after writing (invalid JSON that starts like our
 * file, or a checksum/length mismatch); `corrupt` means it is not our file or its content is invalid.
 */
export function decodeReviewData(text: string): DecodeResult {
	if (text.trim() === '') return { ok: false, kind: 'half-written', reason: 'the file is empty' };
	let parsed: Json;
	try {
		parsed = JSON.parse(text) as Json;
	} catch {
		// Any prefix of our own opening, however short, is a torn write of our file.
		const start = text.trimStart();
		const looksOurs = start.startsWith(FILE_OPENING) || FILE_OPENING.startsWith(start) || /^\{\s*"schema"\s*:/.test(start);
		return looksOurs
			? { ok: false, kind: 'half-written', reason: `the file ends after ${text.length} characters, in the middle of the data` }
			: { ok: false, kind: 'corrupt', reason: 'the file is not JSON' };
	}
	if (!isRecord(parsed)) return { ok: false, kind: 'corrupt', reason: 'the file is not a JSON object' };
	const schema = parsed.schema;
	if (!isFiniteNumber(schema) || !Number.isInteger(schema) || schema < 1) {
		return { ok: false, kind: 'corrupt', reason: 'the file has no schema version' };
	}
	if (schema > CURRENT_SCHEMA) {
		return { ok: false, kind: 'newer-schema', schema, reason: `the file has schema ${schema}; this version of the plugin reads up to ${CURRENT_SCHEMA}` };
	}
	try {
		if (schema === 1) return { ok: true, data: migrateSchema1(parsed), migratedFrom: 1 };
		const body = JSON.stringify(parsed.data);
		if (typeof body !== 'string' || parsed.length !== body.length || parsed.checksum !== checksumOf(body)) {
			return { ok: false, kind: 'half-written', reason: 'its checksum does not match its content' };
		}
		return { ok: true, data: validSchema2(parsed.data) };
	} catch (error) {
		if (error instanceof InvalidData) return { ok: false, kind: 'corrupt', reason: error.message };
		throw error;
	}
}
