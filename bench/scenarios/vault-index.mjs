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
	return rows;
}
