// Scenario: the card index of this checkout against the one of a baseline commit, side by side in
// one process on the same generated vault, runs interleaved so both meet the same load. The
// baseline's core is taken from git (git archive of its src/ and bench/core-entry.ts) and bundled
// like ours. Both must make the same card ids; cards whose text differs are counted in the row.
// The baseline: BENCH_BASELINE (a commit), by default e143851 (main before issue 27).
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import esbuild from "esbuild";
import { generateVault } from "../generate-vault.mjs";
import { row, summarize } from "../measure.mjs";

const require = createRequire(import.meta.url);
export const DEFAULT_BASELINE = "e143851";

async function bundleBaseline(root, commit) {
	const dir = await fs.mkdtemp(path.join(os.tmpdir(), "cloudnotes-baseline-"));
	const tar = execFileSync("git", ["archive", "--format=tar", commit, "src", "bench/core-entry.ts"], { cwd: root, maxBuffer: 256 * 1024 * 1024 });
	execFileSync("tar", ["-x", "-C", dir], { input: tar });
	const outfile = path.join(root, `dist/bench-core-${commit}.cjs`);
	await esbuild.build({ entryPoints: [path.join(dir, "bench/core-entry.ts")], bundle: true, platform: "node", format: "cjs", target: "node20", outfile, nodePaths: [path.join(root, "node_modules")], logLevel: "warning" });
	await fs.rm(dir, { recursive: true, force: true });
	return require(outfile);
}

function indexVault(core, vault) {
	const index = new core.CardIndex();
	for (const note of vault) index.setNote(note.path, note.content);
	return index;
}

/**
 * Both indexes by id: the same ids (a difference throws: ids are the review history's keys), and
 * how many cards differ in front, back or line (0 when only speed changed; a baseline from before
 * a deliberate change of card content, such as split heading cards, counts those cards).
 */
function compareCards(a, b, vault) {
	if (a.size !== b.size) throw new Error(`${a.size} cards against ${b.size}`);
	let differing = 0;
	for (const note of vault) {
		const left = a.refsInFile(note.path).map((c) => c.id);
		const right = b.refsInFile(note.path).map((c) => c.id);
		if (left.join() !== right.join()) throw new Error(`${note.path}: card ids differ`);
		for (const id of left) {
			const x = a.byId(id);
			const y = b.byId(id);
			if (x.front !== y.front || x.back !== y.back || x.line !== y.line || x.hash !== y.hash) differing++;
		}
	}
	return differing;
}

export async function vaultIndexPaired(core, root, { notes = 10_000, runs = 7, baseline = process.env.BENCH_BASELINE ?? DEFAULT_BASELINE } = {}) {
	const old = await bundleBaseline(root, baseline);
	const vault = generateVault(notes);
	let differing;
	try {
		differing = compareCards(indexVault(old, vault), indexVault(core, vault), vault);
	} catch (error) {
		throw new Error(`the card index differs from ${baseline}'s: ${error.message}`);
	}
	const ours = [];
	const theirs = [];
	const ratios = [];
	for (let i = -1; i < runs; i++) {
		const time = (c) => {
			const t0 = performance.now();
			indexVault(c, vault);
			return performance.now() - t0;
		};
		// Alternate the order so neither side always runs second.
		let o;
		let t;
		if (i % 2 === 0) {
			t = time(old);
			o = time(core);
		} else {
			o = time(core);
			t = time(old);
		}
		if (i < 0) continue;
		ours.push(o);
		theirs.push(t);
		ratios.push(t / o);
	}
	return [
		row(`vault index: full index of ${notes} notes, baseline ${baseline} (same process)`, "ms", summarize(theirs), null),
		row(`vault index: full index of ${notes} notes, this checkout (same process)`, "ms", summarize(ours), null),
		row(`vault index: speed-up over ${baseline} (baseline time / ours, median of paired runs; same card ids checked, ${differing} cards with other text)`, "ratio", summarize(ratios), { minRatio: 1.8 }),
	];
}
