// Same cards as another commit? `node scripts/compare-cards.mjs [ref]` (default `main`) extracts
// every note of ../shared/corpora/, the seed note, the test fixtures, generated vaults (plain and in
// SR syntax) and 40,000 random notes built from line shapes (fences nested or not, comments, CR and
// CRLF line ends, setext headings, callouts, frontmatter forms) with this checkout's card core and
// with `ref`'s, and compares every field of every card, and the tags. For changes that must not
// change a card (speed work): exits 1 at the first difference, naming the note.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { generateVault } from "../bench/generate-vault.mjs";
import { loadCore, root } from "./corpus/load-core.mjs";

const ref = process.argv[2] ?? "main";
const EXPORTS = "export { extractNote } from './src/core/cards';";

async function loadCoreAt(commit) {
	const dir = mkdtempSync(path.join(os.tmpdir(), "cn-compare-"));
	const tar = execFileSync("git", ["archive", "--format=tar", commit, "src"], { cwd: root, maxBuffer: 256 * 1024 * 1024 });
	execFileSync("tar", ["-x", "-C", dir], { input: tar });
	const out = path.join(dir, "core.cjs");
	await build({ stdin: { contents: EXPORTS, resolveDir: dir, loader: "ts" }, bundle: true, platform: "node", format: "cjs", outfile: out, nodePaths: [path.join(root, "node_modules")], logLevel: "error" });
	const core = createRequire(import.meta.url)(out);
	rmSync(dir, { recursive: true, force: true });
	return core;
}

function markdownFiles(target) {
	if (!existsSync(target)) return [];
	if (statSync(target).isFile()) return target.endsWith(".md") ? [target] : [];
	return readdirSync(target).flatMap((entry) => markdownFiles(path.join(target, entry)));
}

const SHAPES = ["# 1. 클라우드", "## 1.1  가상화", "### **2. Docker**", "#### __x__ y_z ~~s~~ ==h==", "---", "===", "", "   ", "- **Term** : 정의", "\t- nested", "    - four spaces", "**Para**: text", "- **A:** b", "__U__ : x", "> **KVM**", ">**Term**", "> plain", "> [!tip] Title", "> [!note]-", "> [!FAQ]+ Why?", "> > nested", "```bash", "```", "~~~", "````", "```table-of-contents", "```vpc", "%%", "x %%c%% y", "![a b.png](/img/a b.png)", "#tag text", "text #tag/x and #123", "\r", "**", "> ", "Q::A", "Q:::A", "?", "a ==b== c", "{{c1::x}} y", "<!--SR:!2026-01-01,1,250-->", "1. item", "2) item", "* star", "+ plus", "   ```", "text  with  spaces", "\u00a0x\u3000", "https://example.com", "<https://a.b>", "Title", "- **Grid computing** : 정의", "## Grid computing", "***", "_ _ _", "    ```", "\t```", "- x\n    ```js", "    ~~~~", "```toc", "```  VPC extra", "```x`y", "  - **Sub** : s", "    more", "lazy line", "> **T** : d", "> more", ">", "> [!tip]", "> body", "Q ::: A <!--SR:!2026-01-02,3,250-->", "%% open", "close %%"];
const FRONTMATTER = ["tags: [x, flashcards]", "tags:\n  - a\n  - b", "tags:\n  - '#b'\ncards: No", "Tags: x, y", 'tag: [a, "b"]\nother: 1', "cards : false", "cards:\tOFF\ntags: #x #y", "dg-publish: true\ntags: [cloud, study]", '{"tags": ["j"], "cards": "no"}', "tags:\n- x\n-y\n- z", "x: 1\n\ntags: a,b\n", "tags: [ '#a' , \"b\",#c, ' d ', '', \"\", # , '#' ]", 'tags: ["x]', "tags: ['\u00a0y\u3000']"];

function randomNotes(count) {
	let seed = 12345;
	const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
	const pick = (list) => list[Math.floor(random() * list.length)];
	const withoutFences = SHAPES.filter((s) => !s.includes("```") && !s.includes("~~~"));
	const notes = [];
	for (let k = 0; k < count; k++) {
		const shapes = k % 3 ? withoutFences : SHAPES;
		const lines = Array.from({ length: Math.floor(random() * 40) }, () => pick(shapes));
		const frontmatter = random() < 0.4 ? ["---", pick(FRONTMATTER), random() < 0.9 ? "---" : "..."] : [];
		notes.push({ path: `random/${k}.md`, content: frontmatter.concat(lines).join(random() < 0.1 ? "\r\n" : "\n") });
	}
	return notes;
}

const notes = [
	...[path.join(root, "../shared/corpora"), path.join(root, "../shared/seed-note.md"), path.join(root, "test")].flatMap(markdownFiles).map((file) => ({ path: path.relative(root, file), content: readFileSync(file, "utf8") })),
	...generateVault(300),
	...generateVault(300, { srSyntax: true }),
	...randomNotes(40_000),
];
const [ours, theirs] = await Promise.all([loadCore(EXPORTS), loadCoreAt(ref)]);
const fields = (card) => JSON.stringify([card.id, card.file, card.line, card.kind, card.front, card.back, card.context, card.hash, card.ankiCloze, card.diagram]);
let cards = 0;
for (const note of notes) {
	const a = ours.extractNote(note.path, note.content);
	const b = theirs.extractNote(note.path, note.content);
	const left = a.cards.map(fields);
	const right = b.cards.map(fields);
	cards += left.length;
	const sameTags = JSON.stringify([a.tags, a.optedOut]) === JSON.stringify([b.tags, b.optedOut]);
	if (left.join("\n") === right.join("\n") && sameTags) continue;
	console.error(`${note.path}: the cards differ from ${ref}'s`);
	const at = left.findIndex((card, i) => card !== right[i]);
	if (at !== -1 || left.length !== right.length) console.error(`  this checkout: ${left[at] ?? "(none)"}\n  ${ref}: ${right[at] ?? "(none)"}`);
	if (!sameTags) console.error(`  tags: ${JSON.stringify(a.tags)} against ${JSON.stringify(b.tags)}`);
	process.exit(1);
}
console.log(`${notes.length} notes, ${cards} cards: the same as ${ref}'s`);
