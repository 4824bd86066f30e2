/**
 * Importing the Spaced Repetition plugin's schedules into the journal. The expected due dates and
 * the due count are SR's, worked out by hand from its rules: an SM-2 date is that day's local
 * midnight, an FSRS due is its ISO time, `2000-01-01` marks a sibling SR never reviewed, and SR
 * shows a card when its due time is at or before now.
 */
import { DEFAULT_CARD_SETTINGS, extractNote } from '../../../src/core/cards';
import { JournalStore } from '../../../src/core/srs/journal-store';
import { MemoryPersistence, type CardState } from '../../../src/core/srs';
import { easeToDifficulty, planSrImport, stateFromSrSchedule, type SrImportNote } from '../../../src/core/srs/sr-import';

const NOTES: SrImportNote[] = [
	{
		file: 'aws/vpc.md',
		text: [
			'#flashcards',
			'',
			'Public subnet::a route to an internet gateway',
			'<!--SR:!2026-12-08,3,230-->',
			'',
			'Security groups are:::stateful <!--SR:!2026-12-10,12,270!2026-12-20,30,250-->',
			'',
			'A ==NACL== is stateless and checks rules in ==order==. <!--SR:!2000-01-01,1,250!2026-12-09,4,250-->',
			'',
			'NAT gateway::outbound only <!--SR:!fsrs,2026-12-09T08:00:00.000Z,5,5.2,6.1,2,7,1,0,2026-12-04T08:00:00.000Z-->',
			'',
			'New card::never reviewed',
			'',
			'Broken::comment <!--SR:!fsrs,not-a-date,1,1,1,2,1,0,0,- -->',
		].join('\n'),
	},
	{ file: 'plain.md', text: '# No deck\n\nQ::A <!--SR:!2026-12-01,1,250-->\n' },
];

const local = (y: number, m: number, d: number) => new Date(y, m - 1, d).getTime();
/** Noon on 9 December 2026, local time. */
const NOW = new Date(2026, 11, 9, 12).getTime();

/** Cards by front, for reading the expectations. */
function idOf(front: string, file = 'aws/vpc.md'): string {
	const note = NOTES.find((n) => n.file === file)!;
	const card = extractNote(file, note.text, DEFAULT_CARD_SETTINGS, { topologyCards: null }).cards.find((c) => c.front === front);
	if (!card) throw new Error(`no card ${front}`);
	return card.id;
}

describe('importing SR schedules', () => {
	test('each card gets SR\'s due date; the due count is SR\'s; a second import changes nothing; no note is touched', async () => {
		const files = new MemoryPersistence();
		const store = await JournalStore.open(files, { device: 'laptop', now: () => NOW });
		const before = NOTES.map((n) => n.text);

		const plan = planSrImport(NOTES, DEFAULT_CARD_SETTINGS, (id) => store.stateOf(id));
		// 8 SR cards in the deck note (2 reversed sides, 2 clozes); 6 with a schedule; the note
		// without a flashcard tag is not SR's, and one comment SR cannot read either.
		expect(plan.cards).toBe(8);
		expect(plan.scheduled).toBe(5);
		expect(plan.problems).toEqual([{ file: 'aws/vpc.md', line: 14, reason: expect.stringContaining('not-a-date') }]);
		expect(store.importStates(plan.states)).toBe(5);
		await store.flush();

		const due = (front: string) => store.stateOf(idOf(front))?.due;
		expect(due('Public subnet')).toBe(local(2026, 12, 8));
		expect(due('Security groups are')).toBe(local(2026, 12, 10));
		expect(due('stateful')).toBe(local(2026, 12, 20));
		expect(due('A ==[...]== is stateless and checks rules in order.')).toBeUndefined();
		expect(due('A NACL is stateless and checks rules in ==[...]==.')).toBe(local(2026, 12, 9));
		expect(due('NAT gateway')).toBe(Date.UTC(2026, 11, 9, 8));
		expect(due('New card')).toBeUndefined();
		// SR's due list at noon on the 9th: Public subnet (8th), the second cloze (9th), NAT gateway (08:00Z, before noon
		// in any zone from UTC-4 eastwards; the test machines run in UTC).
		const dueNow = [...store.states().values()].filter((s) => s.due <= NOW).length;
		expect(dueNow).toBe(3);

		// FSRS values are taken as they are.
		const nat = store.stateOf(idOf('NAT gateway'))!;
		expect([nat.stability, nat.difficulty, nat.state, nat.reps, nat.lapses, nat.lastReview]).toEqual([5.2, 6.1, 'review', 7, 1, Date.UTC(2026, 11, 4, 8)]);

		// A second import: nothing to write, nothing written.
		const journal = new Map(files.files);
		const again = planSrImport(NOTES, DEFAULT_CARD_SETTINGS, (id) => store.stateOf(id));
		expect(again.states).toEqual([]);
		expect(again.unchanged).toBe(5);
		expect(store.importStates(again.states)).toBe(0);
		await store.flush();
		expect(files.files).toEqual(journal);
		expect(NOTES.map((n) => n.text)).toEqual(before);

		// Reopened from disk: the same states.
		const reopened = await JournalStore.open(files, { device: 'laptop', now: () => NOW });
		expect(reopened.stateOf(idOf('Public subnet'))?.due).toBe(local(2026, 12, 8));
	});

	test('one journal entry per card, undone as one step (also after reopening)', async () => {
		const files = new MemoryPersistence();
		const store = await JournalStore.open(files, { device: 'laptop', now: () => NOW });
		const plan = planSrImport(NOTES, DEFAULT_CARD_SETTINGS, (id) => store.stateOf(id));
		store.importStates(plan.states);
		await store.flush();
		const lines = [...files.files.values()].join('').split('\n').filter((l) => l.includes('"states"'));
		expect(lines).toHaveLength(5);
		expect(store.undoImport()).toBe(5);
		await store.flush();
		expect(store.states().size).toBe(0);
		expect(store.canUndoImport).toBe(false);
		const reopened = await JournalStore.open(files, { device: 'laptop', now: () => NOW });
		expect(reopened.states().size).toBe(0);
	});

	test('a card reviewed here after SR\'s last review keeps its newer state', async () => {
		const files = new MemoryPersistence();
		const store = await JournalStore.open(files, { device: 'laptop', now: () => NOW });
		const id = idOf('Public subnet');
		const mine: CardState = { due: local(2027, 1, 1), stability: 20, difficulty: 5, elapsedDays: 3, scheduledDays: 23, learningSteps: 0, reps: 4, lapses: 0, state: 'review', lastReview: local(2026, 12, 9) };
		store.importStates([[id, mine]]);
		const plan = planSrImport(NOTES, DEFAULT_CARD_SETTINGS, (cardId) => store.stateOf(cardId));
		expect(plan.newerHere).toBe(1);
		expect(plan.states.map(([cardId]) => cardId)).not.toContain(id);
	});

	test('the SM-2 conversion (documented in sr-import.ts and docs/flashcards.md)', () => {
		expect(easeToDifficulty(130)).toBe(10);
		expect(easeToDifficulty(370)).toBe(1);
		expect(easeToDifficulty(250)).toBe(5.5);
		expect(easeToDifficulty(1000)).toBe(1);
		const s = stateFromSrSchedule({ kind: 'sm2', due: local(2026, 12, 10), interval: 12, ease: 270 })!;
		expect(s).toMatchObject({ due: local(2026, 12, 10), stability: 12, scheduledDays: 12, reps: 4, lapses: 0, state: 'review', lastReview: local(2026, 11, 28) });
		expect(s.difficulty).toBeCloseTo(4.75, 5);
	});
});
