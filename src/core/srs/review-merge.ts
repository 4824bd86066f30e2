/**
 * Two versions of the review data become one, losing no review: what a device does when it finds
 * that another one (through Obsidian Sync, iCloud, Syncthing...) wrote the review file since it
 * last read it. Without this, the next save would write this device's data over the other's, and
 * the reviews done there would be gone.
 */
import type { CardState, ReviewLogEntry } from './card-state';
import type { ReviewData } from './review-data';

export interface MergedReviewData {
	data: ReviewData;
	/** `theirs` lacks something of `ours` (a review, a newer state): the merged data must be written. */
	oursAddsToTheirs: boolean;
	/** `ours` lacks something of `theirs`: what this device shows changes. */
	theirsAddsToOurs: boolean;
	/** Cards whose newest state came from an undone review and was left out: their state must be rebuilt from the reviews left. */
	retractedStates: Set<string>;
}

/**
 * - The log is the union of both logs (a review is its card, time and rating), in time order.
 * - A card's state is the one with the later last review (then more repetitions; then ours): the
 *   state after the newest review of that card on any device.
 * - Orphan marks follow this device for the cards it knows (it sees its own notes), and the other
 *   device for the cards only it knows.
 * - Undone reviews stay undone on both sides: the `retracted` lists are joined, and a retracted
 *   review, and a state that came from it, are left out wherever they still are.
 */
export function mergeReviewData(ours: ReviewData, theirs: ReviewData): MergedReviewData {
	let oursAdds = false;
	let theirsAdds = false;
	const retracted = new Set(theirs.retracted);
	const retractedStates = new Set<string>();
	for (const key of ours.retracted) {
		if (retracted.has(key)) continue;
		retracted.add(key);
		oursAdds = true;
	}
	for (const key of theirs.retracted) if (!ours.retracted.has(key)) theirsAdds = true;

	const seen = new Set<string>();
	const log: ReviewLogEntry[] = [];
	for (const entry of theirs.log) {
		const key = reviewKey(entry);
		// Undone here after it was saved: the other device's copy of it must not bring it back.
		if (retracted.has(key)) {
			oursAdds = true;
			continue;
		}
		if (seen.has(key)) continue;
		seen.add(key);
		log.push(entry);
	}
	const theirKeys = new Set(seen);
	const ourKeys = new Set<string>();
	for (const entry of ours.log) {
		const key = reviewKey(entry);
		ourKeys.add(key);
		if (retracted.has(key)) {
			theirsAdds = true;
			continue;
		}
		if (seen.has(key)) continue;
		seen.add(key);
		log.push(entry);
		oursAdds = true;
	}
	for (const key of theirKeys) if (!ourKeys.has(key)) theirsAdds = true;
	// Stable: reviews at the same moment keep the order they had.
	log.sort((a, b) => a.time - b.time);

	const retractedTimes = timesByCard(retracted);
	const fromRetracted = (id: string, state: CardState): boolean => state.lastReview !== undefined && (retractedTimes.get(id)?.has(state.lastReview) ?? false);
	const states = new Map<string, CardState>();
	for (const [id, state] of theirs.states) {
		if (fromRetracted(id, state)) {
			oursAdds = true;
			retractedStates.add(id);
			continue;
		}
		states.set(id, state);
	}
	for (const [id, state] of ours.states) {
		if (fromRetracted(id, state)) {
			theirsAdds = true;
			retractedStates.add(id);
			continue;
		}
		const other = states.get(id);
		if (other === undefined || !isNewer(other, state)) {
			states.set(id, state);
			if (other === undefined || !sameState(state, other)) oursAdds = true;
		} else {
			theirsAdds = true;
		}
	}
	for (const id of theirs.states.keys()) if (!ours.states.has(id) && states.has(id)) theirsAdds = true;

	const orphans = new Map<string, number>();
	for (const id of states.keys()) {
		const orphanedAt = ours.states.has(id) ? ours.orphans.get(id) : theirs.orphans.get(id);
		if (orphanedAt !== undefined) orphans.set(id, orphanedAt);
		if (ours.states.has(id) && theirs.states.has(id) && ours.orphans.get(id) !== theirs.orphans.get(id)) oursAdds = true;
	}

	return { data: { states, orphans, log, retracted }, oursAddsToTheirs: oursAdds, theirsAddsToOurs: theirsAdds, retractedStates };
}

/** A review's identity: its card, time and rating. */
export function reviewKey(entry: Pick<ReviewLogEntry, 'cardId' | 'time' | 'rating'>): string {
	return `${entry.cardId}\u0000${entry.time}\u0000${entry.rating}`;
}

/** reviewKey read back (a card id holds no NUL; the time and rating come after it). */
export function parseReviewKey(key: string): { cardId: string; rest: string; time: number } {
	const end = key.indexOf('\u0000');
	const cardId = end === -1 ? key : key.slice(0, end);
	const rest = end === -1 ? '' : key.slice(end);
	return { cardId, rest, time: Number(rest.split('\u0000')[1]) };
}

/**
 * The times of the retracted reviews of each card, read once per merge: the retracted list lives
 * in the file and only grows, so it is not scanned again for every card.
 */
function timesByCard(retracted: ReadonlySet<string>): Map<string, Set<number>> {
	const out = new Map<string, Set<number>>();
	for (const key of retracted) {
		const { cardId, time } = parseReviewKey(key);
		const times = out.get(cardId);
		if (times) times.add(time);
		else out.set(cardId, new Set([time]));
	}
	return out;
}

/** `a` comes from a later review than `b`, or the same one with more repetitions. */
function isNewer(a: CardState, b: CardState): boolean {
	const at = a.lastReview ?? -Infinity;
	const bt = b.lastReview ?? -Infinity;
	if (at !== bt) return at > bt;
	return a.reps > b.reps;
}

function sameState(a: CardState, b: CardState): boolean {
	return a.lastReview === b.lastReview && a.reps === b.reps && a.due === b.due && a.stability === b.stability && a.difficulty === b.difficulty && a.state === b.state;
}
