// A tag dry run of .github/workflows/release.yml on this machine (`act` is not available): reads
// the workflow, and runs its steps in order on a clean copy of the committed tree (HEAD), as the
// runner would after a tag push. `run:` steps run as written, with GITHUB_REF_NAME set to the tag;
// the `uses:` steps are played locally: checkout = `git archive HEAD`, setup-node = Node's major
// version, attest-build-provenance = the subjects and their sha256 (the signature itself needs
// GitHub's OIDC token), and the `gh release create` step collects the files it would upload into
// release/<tag>/ with SHA256SUMS instead of uploading them.
//
// Usage: node scripts/release-dry-run.mjs [--tag <tag>] [--reuse-node-modules] [--skip-tests] [--keep]
//   --tag                 defaults to manifest.json's version (what `git tag` should be)
//   --reuse-node-modules  link this checkout's node_modules instead of running `npm ci` (offline, faster)
//   --skip-tests          skip the `npm test` step (it runs the whole suite, browser tests included)
//   --keep                keep the temporary copy and print where it is
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const RELEASE_FILES = ["main.js", "manifest.json", "styles.css"];

const flag = (name) => process.argv.includes(name);
const option = (name) => {
	const i = process.argv.indexOf(name);
	return i > 0 ? process.argv[i + 1] : undefined;
};

function fail(message) {
	console.error(`release dry run: ${message}`);
	process.exit(1);
}

function sha256(file) {
	return createHash("sha256").update(readFileSync(file)).digest("hex");
}

const workflowPath = path.join(root, ".github/workflows/release.yml");
const workflow = parse(readFileSync(workflowPath, "utf8"));
const tags = workflow?.on?.push?.tags;
if (!Array.isArray(tags) || tags.length === 0) fail("the workflow does not run on pushed tags.");
const steps = workflow?.jobs?.release?.steps;
if (!Array.isArray(steps)) fail("the workflow has no jobs.release.steps.");

const manifest = JSON.parse(readFileSync(path.join(root, "manifest.json"), "utf8"));
const tag = option("--tag") ?? manifest.version;
const dirty = execFileSync("git", ["status", "--porcelain"], { cwd: root, encoding: "utf8" }).trim();
if (dirty) console.warn("release dry run: uncommitted changes are not part of the dry run (it uses HEAD, as a tag would).");

const work = mkdtempSync(path.join(tmpdir(), "cloudnotes-release-"));
const env = { ...process.env, GITHUB_REF_NAME: tag, GITHUB_REF_TYPE: "tag", GITHUB_REF: `refs/tags/${tag}`, CI: "true" };
const outDir = path.join(root, "release", tag);
let released = null;

function runStep(label, script) {
	console.log(`\n▶ ${label}\n  $ ${script.trim().split("\n").join("\n  $ ")}`);
	const result = spawnSync("bash", ["-eo", "pipefail", "-c", script], { cwd: work, env, stdio: "inherit" });
	if (result.status !== 0) fail(`step "${label}" failed (exit ${result.status}); a tag push would fail here too.`);
}

try {
	for (const step of steps) {
		const label = step.name ?? step.id ?? step.uses ?? step.run;
		if (step.uses?.startsWith("actions/checkout@")) {
			console.log(`\n▶ ${label}: git archive HEAD -> ${work}`);
			execFileSync("bash", ["-c", `git -C "${root}" archive --format=tar HEAD | tar -x -C "${work}"`]);
		} else if (step.uses?.startsWith("actions/setup-node@")) {
			const wanted = String(step.with?.["node-version"] ?? "");
			const have = process.versions.node.split(".")[0];
			console.log(`\n▶ ${label}: Node ${process.versions.node} (workflow: ${wanted})`);
			if (wanted && !wanted.startsWith(have)) fail(`the workflow uses Node ${wanted}, this machine has ${process.versions.node}.`);
		} else if (step.uses?.startsWith("actions/attest-build-provenance@")) {
			const subjects = String(step.with?.["subject-path"] ?? "").split(/[\n,]/).map((s) => s.trim()).filter(Boolean);
			if (subjects.sort().join(",") !== [...RELEASE_FILES].sort().join(",")) fail(`the attestation covers ${subjects.join(", ")}, not exactly ${RELEASE_FILES.join(", ")}.`);
			console.log(`\n▶ ${label}: would attest (signing needs GitHub's OIDC token)`);
			for (const s of subjects) {
				if (!existsSync(path.join(work, s))) fail(`attestation subject ${s} was not built.`);
				console.log(`  ${s} sha256:${sha256(path.join(work, s))}`);
			}
		} else if (step.uses) {
			fail(`the dry run does not know how to play "${step.uses}": teach it, or the workflow changed.`);
		} else if (/^\s*gh release create /.test(step.run ?? "")) {
			const words = step.run.trim().split(/\s+/);
			const files = words.filter((w) => !w.startsWith("-") && !w.startsWith('"') && /\.\w+$/.test(w));
			if (files.sort().join(",") !== [...RELEASE_FILES].sort().join(",")) fail(`the release attaches ${files.join(", ")}, not exactly ${RELEASE_FILES.join(", ")}.`);
			console.log(`\n▶ ${label}: collecting instead of uploading -> ${path.relative(root, outDir)}/`);
			rmSync(outDir, { recursive: true, force: true });
			mkdirSync(outDir, { recursive: true });
			released = files.map((f) => {
				copyFileSync(path.join(work, f), path.join(outDir, f));
				return { file: f, bytes: statSync(path.join(outDir, f)).size, sha256: sha256(path.join(outDir, f)) };
			});
			writeFileSync(path.join(outDir, "SHA256SUMS"), released.map((r) => `${r.sha256}  ${r.file}\n`).join(""));
		} else if (/^\s*gh release upload /.test(step.run ?? "")) {
			// Extra assets for other installers (the garden plugin's zip), beside the three files.
			const files = step.run.trim().split(/\s+/).filter((w) => !w.startsWith("-") && !w.startsWith('"') && /\.\w+$/.test(w));
			console.log(`\n▶ ${label}: collecting ${files.join(", ")} instead of uploading`);
			for (const f of files) {
				if (!existsSync(path.join(work, f))) fail(`${f} was not made before the upload step.`);
				copyFileSync(path.join(work, f), path.join(outDir, f));
				console.log(`  ${f} sha256:${sha256(path.join(outDir, f))}`);
			}
		} else if (step.id === "install" && flag("--reuse-node-modules")) {
			console.log(`\n▶ ${label}: --reuse-node-modules, linking ${path.join(root, "node_modules")} instead of npm ci`);
			symlinkSync(path.join(root, "node_modules"), path.join(work, "node_modules"), "dir");
		} else if (step.id === "test" && flag("--skip-tests")) {
			console.log(`\n▶ ${label}: skipped (--skip-tests)`);
		} else if (step.run) {
			runStep(label, step.run);
		}
	}
	if (!released) fail("the workflow has no `gh release create` step.");
	const released3 = released;
	console.log(`\nRelease ${tag} would attach exactly these files:`);
	for (const r of released3) console.log(`  ${r.file.padEnd(14)} ${String(r.bytes).padStart(8)} bytes  sha256 ${r.sha256}`);
	console.log(`Copies and SHA256SUMS: ${path.relative(root, outDir)}/`);
} finally {
	if (flag("--keep")) console.log(`Temporary copy kept: ${work}`);
	else rmSync(work, { recursive: true, force: true });
}
