// The length of every card's back (characters) on the seed note and example-vault/, as a
// distribution: how atomic our cards are. `node scripts/card-back-lengths.mjs [files or folders...]`
// (default: example-vault/ and ../shared/seed-note.md when present). Backs that are one code block
// or one diagram are counted apart: they may be long.
import { promises as fs, existsSync } from "node:fs";
import path from "node:path";
import { loadCore, root } from "./corpus/load-core.mjs";

const { extractNote, DEFAULT_CARD_SETTINGS } = await loadCore("export { extractNote, DEFAULT_CARD_SETTINGS } from './src/core/cards';");

async function markdownFiles(target) {
	const stat = await fs.stat(target);
	if (stat.isFile()) return target.endsWith(".md") ? [target] : [];
	const files = [];
	for (const entry of await fs.readdir(target)) files.push(...(await markdownFiles(path.join(target, entry))));
	return files;
}

const LIMIT = 400;
const BUCKETS = [100, 200, 300, 400, 600, 1000, Infinity];
const ONE_BLOCK = /^(```|~~~)[^\n]*\n[\s\S]*\n\1\s*$/;

const args = process.argv.slice(2);
const targets = args.length > 0 ? args : [path.join(root, "example-vault"), "/work/shared/seed-note.md"].filter((p) => existsSync(p));
for (const target of targets) {
	const counts = new Array(BUCKETS.length).fill(0);
	const over = [];
	let cards = 0;
	let blocks = 0;
	for (const file of await markdownFiles(target)) {
		const text = await fs.readFile(file, "utf8");
		for (const card of extractNote(path.relative(root, file), text, DEFAULT_CARD_SETTINGS).cards) {
			cards++;
			const length = card.back.length;
			if (ONE_BLOCK.test(card.back.trim())) {
				blocks++;
				continue;
			}
			counts[BUCKETS.findIndex((b) => length <= b)]++;
			if (length > LIMIT) over.push(`${card.kind} ${path.basename(file)}:${card.line} "${card.front.slice(0, 40)}" ${length}`);
		}
	}
	const labels = BUCKETS.map((b, i) => `${i === 0 ? 0 : BUCKETS[i - 1] + 1}-${b === Infinity ? "" : b}`);
	console.log(`${path.relative(root, target) || target}: ${cards} cards (${blocks} one code block or diagram)`);
	console.log(`  back length: ${labels.map((l, i) => `${l}: ${counts[i]}`).join(", ")}`);
	if (over.length > 0) console.log(`  over ${LIMIT}: ${over.length}\n    ${over.join("\n    ")}`);
}
