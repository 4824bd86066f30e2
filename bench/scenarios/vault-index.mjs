// Scenario 1: the card index over a generated vault of 10,000 notes.
import { generateVault } from "../generate-vault.mjs";
import { row, summarize, timeRuns } from "../measure.mjs";

export async function vaultIndex(core, { notes = 10_000, runs = 5 } = {}) {
	const vault = generateVault(notes);
	const rows = [];

	let index;
	const full = await timeRuns(() => {
		index = new core.CardIndex();
		for (const note of vault) index.setNote(note.path, note.content);
	}, { warmup: 1, runs });
	rows.push(row(`vault index: full index of ${notes} notes`, "ms", full, { max: 1000 }));
	rows.push(row(`vault index: cards in ${notes} notes`, "cards", summarize([index.size]), null));

	// One changed note: edit a line in the middle and re-index it alone.
	const target = vault[Math.floor(notes / 2)];
	let flip = false;
	const one = await timeRuns(() => {
		flip = !flip;
		index.setNote(target.path, target.content.replace("## ", flip ? "## 변경 " : "## "));
	}, { warmup: 5, runs: 51 });
	rows.push(row("vault index: re-index one changed note", "ms", one, { max: 5 }));

	// Memory held by the index: heap after building it, less heap before (needs --expose-gc).
	if (global.gc) {
		index = null;
		global.gc();
		const before = process.memoryUsage().heapUsed;
		const kept = new core.CardIndex();
		for (const note of vault) kept.setNote(note.path, note.content);
		global.gc();
		const after = process.memoryUsage().heapUsed;
		rows.push(row(`vault index: memory of the index (${kept.size} cards)`, "MB", summarize([(after - before) / 1e6]), null));
	}
	// The same vault written as Spaced Repetition decks: every section also holds SR cards (`::`,
	// `:::`, `?`, a cloze). Our index must find every card SR makes of them (the generator counts
	// those by SR's rules) on top of our own.
	const srVault = generateVault(notes, { srSyntax: true });
	let srIndex;
	const srFull = await timeRuns(() => {
		srIndex = new core.CardIndex();
		for (const note of srVault) srIndex.setNote(note.path, note.content);
	}, { warmup: 1, runs: Math.min(runs, 3) });
	rows.push(row(`vault index: full index of ${notes} notes in SR syntax`, "ms", srFull, { max: 1000 }));
	let srExpected = 0;
	let srFound = 0;
	for (const note of srVault) {
		srExpected += note.srCards;
		for (const card of core.extractNote(note.path, note.content, core.DEFAULT_CARD_SETTINGS, { topologyCards: null }).cards) if (card.kind === "flashcard" || card.kind === "cloze") srFound++;
	}
	rows.push(row(`vault index: cards in ${notes} notes in SR syntax (all kinds)`, "cards", summarize([srIndex.size]), null));
	rows.push(row(`vault index: SR-syntax cards, SR's rules`, "cards", summarize([srExpected]), null));
	rows.push(row(`vault index: SR-syntax cards, ours`, "cards", summarize([srFound]), null));
	srIndex = null;
	return rows;
}
