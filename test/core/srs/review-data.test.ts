import fc from 'fast-check';
import { checksumOf, decodeReviewData, emptyReviewData, encodeReviewData, type ReviewData } from '../../../src/core/srs/review-data';
import { CARD_STATE_NAMES, RATINGS, type CardState, type ReviewLogEntry } from '../../../src/core/srs/card-state';

const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const stateArb: fc.Arbitrary<CardState> = fc.record(
	{
		due: fc.integer({ min: 0, max: 4_102_444_800_000 }),
		stability: finite,
		difficulty: finite,
		elapsedDays: fc.nat(),
		scheduledDays: fc.nat(),
		learningSteps: fc.nat(5),
		reps: fc.nat(),
		lapses: fc.nat(),
		state: fc.constantFrom(...CARD_STATE_NAMES),
		lastReview: fc.integer({ min: 0, max: 4_102_444_800_000 }),
		contentHash: fc.string(),
	},
	{ requiredKeys: ['due', 'stability', 'difficulty', 'elapsedDays', 'scheduledDays', 'learningSteps', 'reps', 'lapses', 'state'] },
);
const logArb: fc.Arbitrary<ReviewLogEntry> = fc.record(
	{
		cardId: fc.string({ unit: 'binary' }),
		time: fc.integer({ min: 0, max: 4_102_444_800_000 }),
		rating: fc.constantFrom(...RATINGS),
		state: fc.constantFrom(...CARD_STATE_NAMES),
		elapsedDays: fc.nat(),
		scheduledDays: fc.nat(),
		due: fc.integer({ min: 0, max: 4_102_444_800_000 }),
		stability: finite,
		difficulty: finite,
		durationMs: fc.nat(),
	},
	{ requiredKeys: ['cardId', 'time', 'rating', 'state', 'elapsedDays', 'scheduledDays', 'due', 'stability', 'difficulty'] },
);
const idArb = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('__proto__', 'constructor', '0', '', 'AWS/VPC.md#^subnet'));
const dataArb: fc.Arbitrary<ReviewData> = fc.record({
	states: fc.array(fc.tuple(idArb, stateArb), { maxLength: 8 }).map((pairs) => new Map(pairs)),
	orphans: fc.array(fc.tuple(idArb, fc.nat()), { maxLength: 4 }).map((pairs) => new Map(pairs)),
	log: fc.array(logArb, { maxLength: 8 }),
	retracted: fc.array(fc.string({ unit: 'binary' }), { maxLength: 3 }).map((keys) => new Set(keys)),
});

/**
 * The data as the file can represent it: -0 reads back as 0, and the order of states and orphans is
 * not part of the data (an object puts integer-like keys first), so maps compare as sorted entries.
 */
function viaJson<T>(value: T): T {
	const byKey = (a: [string, unknown], b: [string, unknown]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
	const plain = (v: unknown): unknown => (v instanceof Map ? [...(v as Map<string, unknown>)].sort(byKey) : v instanceof Set ? [...(v as Set<string>)].sort() : v);
	return JSON.parse(JSON.stringify(value, (_k, v: unknown) => plain(v))) as T;
}

describe('review data file', () => {
	it('round-trips any data, whatever the card ids (odd Unicode, lone surrogates, __proto__)', () => {
		fc.assert(
			fc.property(dataArb, (data) => {
				const decoded = decodeReviewData(encodeReviewData(data, 1));
				expect(decoded.ok).toBe(true);
				if (decoded.ok) expect(viaJson(decoded.data)).toEqual(viaJson(data));
			}),
			{ numRuns: 300, seed: 8 },
		);
	});

	it('never accepts a file cut short at any point', () => {
		fc.assert(
			fc.property(dataArb, fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), (data, fraction) => {
				const text = encodeReviewData(data, 1);
				const cut = decodeReviewData(text.slice(0, Math.floor(text.length * fraction)));
				expect(cut.ok).toBe(false);
				if (!cut.ok) expect(cut.kind).toBe('half-written');
			}),
			{ numRuns: 300, seed: 9 },
		);
	});

	it('never accepts a changed character as the data that was written', () => {
		fc.assert(
			fc.property(dataArb.filter((d) => d.log.length + d.states.size > 0), fc.nat(), fc.integer({ min: 1, max: 0xffff }), (data, where, delta) => {
				const text = encodeReviewData(data, 1);
				const index = where % text.length;
				const changed = text.slice(0, index) + String.fromCharCode((text.charCodeAt(index) + delta) % 0x10000) + text.slice(index + 1);
				const decoded = decodeReviewData(changed);
				// Either the damage is seen, or it hit a spot that decodes to the very same data.
				if (decoded.ok) expect(viaJson(decoded.data)).toEqual(viaJson(data));
			}),
			{ numRuns: 500, seed: 10 },
		);
	});

	it('tells a newer schema from damage, and a foreign file from a torn one', () => {
		expect(decodeReviewData('{"schema":3}')).toMatchObject({ ok: false, kind: 'newer-schema', schema: 3 });
		expect(decodeReviewData('{"schema":2,"checksum":"ab')).toMatchObject({ ok: false, kind: 'half-written' });
		expect(decodeReviewData('')).toMatchObject({ ok: false, kind: 'half-written' });
		expect(decodeReviewData('[1,2]')).toMatchObject({ ok: false, kind: 'corrupt' });
		expect(decodeReviewData('{"states":{}}')).toMatchObject({ ok: false, kind: 'corrupt' });
		expect(decodeReviewData('<html>')).toMatchObject({ ok: false, kind: 'corrupt' });
	});

	it('reports a schema 1 file with invalid dates as corrupt instead of guessing', () => {
		const card = { due: 'yesterday-ish', stability: 0.4, difficulty: 6, elapsed_days: 0, scheduled_days: 0, reps: 1, lapses: 0, state: 1, last_review: '2026-01-10T09:00:00.000Z' };
		expect(decodeReviewData(JSON.stringify({ schema: 1, cards: { 'aws/vpc.md#nat': card }, revlog: [] }))).toMatchObject({ ok: false, kind: 'corrupt' });
		expect(decodeReviewData(JSON.stringify({ schema: 1, cards: { 'aws/vpc.md#nat': { ...card, due: '2026-01-10T09:10:00.000Z' } }, revlog: [] }))).toMatchObject({ ok: true });
	});

	it('has a checksum that changes with any single character', () => {
		expect(checksumOf('abc')).toMatch(/^[0-9a-f]{14}$/);
		expect(checksumOf('abc')).not.toBe(checksumOf('abd'));
		expect(checksumOf('')).not.toBe(checksumOf(' '));
	});

	it('encodes 100,000 reviews quickly enough to save after every grade', () => {
		const data = emptyReviewData();
		for (let i = 0; i < 100_000; i++) {
			data.log.push({ cardId: `Folder/Note ${i % 5000}.md#^card-${i % 7}`, time: 1_767_000_000_000 + i * 60_000, rating: 'good', state: 'review', elapsedDays: 3, scheduledDays: 4, due: 1_767_000_000_000, stability: 12.345678, difficulty: 5.4321 });
		}
		for (let i = 0; i < 20_000; i++) data.states.set(`Folder/Note ${i}.md#^card`, { due: 1, stability: 2, difficulty: 3, elapsedDays: 4, scheduledDays: 5, learningSteps: 0, reps: 6, lapses: 0, state: 'review', lastReview: 7 });
		const started = performance.now();
		const text = encodeReviewData(data, 1);
		const decoded = decodeReviewData(text);
		const elapsed = performance.now() - started;
		expect(decoded.ok).toBe(true);
		// About two seconds for ~20 MB here, even under jest. The bound is loose so a busy machine does
		// not fail it, yet it still catches the 50 s that a slow checksum loop once took.
		expect(elapsed).toBeLessThan(10_000);
	}, 30_000);
});
