/**
 * Importing the Spaced Repetition plugin's schedules: each card's `<!--SR:...-->` comment becomes
 * that card's state in our journal. The notes are read, never written.
 *
 * - Due dates are kept exactly: SR's day (local midnight) or its FSRS time.
 * - An FSRS comment gives stability, difficulty, state, reps, lapses and learning steps as they are.
 * - An SM-2 comment (`due,interval,ease`) has no memory model; we convert it as SR itself does when
 *   its user switches to FSRS (`sm2ScheduleToFsrsCard`, fsrs-helpers.ts), so a card has the same
 *   state whichever way it comes over:
 *     stability  = max(0.1, interval)  FSRS's stability is the interval at which recall falls to 90%,
 *                                      and SM-2 picked the interval to be recalled at about that rate;
 *     difficulty = 10 - 9 * (clamp(ease, 130, 370) - 130) / 240   (ease 130% -> 10, 370% -> 1; 250% -> 5.5);
 *     reps       = max(1, round(log2(interval + 1))),  lapses = 0 (SM-2 keeps no count), state review;
 *     last review = the due day minus the interval (local days), scheduled days = the interval.
 * - Running it again writes nothing for a card whose state already equals SR's, nor over a card
 *   reviewed here since (a newer state wins, as for every imported state).
 */
import type { CardSettings } from '../cards/card';
import { placeNote } from '../cards/extract';
import type { SrSchedule } from '../cards/sr/sr-schedule';
import type { CardState, CardStateName } from './card-state';
import { addStudyDays } from './review-day';

export interface SrImportNote {
	file: string;
	text: string;
}

export interface SrImportProblem {
	file: string;
	line: number;
	reason: string;
}

export interface SrImportPlan {
	/** States to write, one per card. */
	states: [string, CardState][];
	/** Cards in SR's syntax found in the notes. */
	cards: number;
	/** Of those, cards with a schedule (reviewed in SR). */
	scheduled: number;
	/** Already imported with the same state (a second run). */
	unchanged: number;
	/** Reviewed here after SR's last review: kept. */
	newerHere: number;
	/** Schedule segments that could not be read. */
	problems: SrImportProblem[];
	/** Notes with at least one SR comment. */
	notes: number;
}

const FSRS_STATES: CardStateName[] = ['new', 'learning', 'review', 'relearning'];
const MIN_EASE = 130;
const MAX_EASE = 370;

function clamp(value: number, min: number, max: number): number {
	return Math.min(max, Math.max(min, value));
}

/** SR's ease (percent) as an FSRS difficulty (1 easiest .. 10 hardest), linearly, as SR converts it. */
export function easeToDifficulty(ease: number): number {
	const normalised = (clamp(ease, MIN_EASE, MAX_EASE) - MIN_EASE) / (MAX_EASE - MIN_EASE);
	return clamp(10 - normalised * 9, 1, 10);
}

/** A card state from one SR schedule (null: the sibling is new in SR, nothing to import). */
export function stateFromSrSchedule(schedule: SrSchedule, contentHash?: string): CardState | null {
	if (schedule.kind === 'new' || schedule.kind === 'bad') return null;
	let state: CardState;
	if (schedule.kind === 'sm2') {
		const interval = Math.max(1, Math.round(schedule.interval));
		state = {
			due: schedule.due,
			stability: Math.max(0.1, interval),
			difficulty: easeToDifficulty(schedule.ease),
			elapsedDays: 0,
			scheduledDays: interval,
			learningSteps: 0,
			reps: Math.max(1, Math.round(Math.log2(interval + 1))),
			lapses: 0,
			state: 'review',
			lastReview: addStudyDays(schedule.due, -interval),
		};
	} else {
		const name = FSRS_STATES[schedule.state];
		if (name === undefined || name === 'new') return null;
		state = {
			due: schedule.due,
			stability: schedule.stability,
			difficulty: schedule.difficulty,
			elapsedDays: 0,
			scheduledDays: Math.max(0, Math.round(schedule.interval)),
			learningSteps: schedule.learningSteps,
			reps: schedule.reps,
			lapses: schedule.lapses,
			state: name,
			lastReview: schedule.lastReview ?? addStudyDays(schedule.due, -Math.max(0, Math.round(schedule.interval))),
		};
	}
	if (contentHash !== undefined) state.contentHash = contentHash;
	return state;
}

/** The same memory and schedule (the content hash and elapsed days aside). */
function sameState(a: CardState, b: CardState): boolean {
	return a.due === b.due && a.stability === b.stability && a.difficulty === b.difficulty && a.state === b.state && a.reps === b.reps && a.lapses === b.lapses && a.scheduledDays === b.scheduledDays && a.learningSteps === b.learningSteps && a.lastReview === b.lastReview;
}

/** `a` comes from a later review than `b` (journal-replay's rule for imported states). */
function isNewer(a: CardState, b: CardState): boolean {
	const at = a.lastReview ?? -Infinity;
	const bt = b.lastReview ?? -Infinity;
	if (at !== bt) return at > bt;
	return a.reps > b.reps;
}

/**
 * What importing SR's schedules from these notes would write, given the states the journal has.
 * Pure: the caller writes `states` (JournalStore.importStates) and reports the counts.
 */
export function planSrImport(notes: Iterable<SrImportNote>, settings: CardSettings, current: (cardId: string) => CardState | undefined): SrImportPlan {
	const plan: SrImportPlan = { states: [], cards: 0, scheduled: 0, unchanged: 0, newerHere: 0, problems: [], notes: 0 };
	for (const note of notes) {
		if (!note.text.includes('<!--SR:')) continue;
		const placed = placeNote(note.file, note.text, settings, { topologyCards: null, withSchedules: true });
		const schedules = placed.schedules ?? [];
		let scheduledHere = false;
		placed.cards.forEach((card, i) => {
			if (card.kind !== 'flashcard' && card.kind !== 'cloze') return;
			plan.cards++;
			const schedule = schedules[i];
			if (!schedule) return;
			if (schedule.kind === 'bad') {
				plan.problems.push({ file: note.file, line: card.line, reason: `a schedule SR cannot read either (${schedule.text})` });
				return;
			}
			const state = stateFromSrSchedule(schedule, card.hash);
			if (!state) return;
			plan.scheduled++;
			scheduledHere = true;
			const existing = current(card.id);
			if (existing && sameState(existing, state)) plan.unchanged++;
			else if (existing && !isNewer(state, existing)) plan.newerHere++;
			else plan.states.push([card.id, state]);
		});
		if (scheduledHere) plan.notes++;
	}
	return plan;
}
