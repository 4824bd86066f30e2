#!/usr/bin/env node
/**
 * Corpus run for the `containers` language: lints every note of a folder of Compose files wrapped
 * in notes (default /work/shared/corpora/compose) with the built CLI's core and reports, per file,
 * the errors found. Files that are invalid on purpose (compose-go's error fixtures) are listed in
 * EXPECTED_INVALID with the reason Docker Compose refuses them; every other error is a false error.
 *
 *   npm run build && node scripts/corpus/compose.mjs [folder] [--all] [--json]
 *
 * Exit 1 when a valid file gets an error, or anything crashes.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const folder = args.find((a) => !a.startsWith('--')) ?? '/work/shared/corpora/compose';
const showAll = args.includes('--all');
const cli = new URL('../../dist/cli.js', import.meta.url).pathname;
if (!existsSync(cli)) {
	console.error('dist/cli.js is missing: run `npm run build` first');
	process.exit(2);
}
// One run of the built CLI over the whole folder, as a user would run it.
const started = process.hrtime.bigint();
const run = spawnSync(process.execPath, [cli, 'lint', folder, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
const ms = Number(process.hrtime.bigint() - started) / 1e6;
if (run.status !== 0 && run.status !== 1) {
	console.error(`the CLI crashed (exit ${run.status}):\n${run.stderr}`);
	process.exit(2);
}
const byFile = new Map();
for (const d of JSON.parse(run.stdout)) {
	const name = d.file.split('/').pop();
	const list = byFile.get(name) ?? [];
	list.push(d);
	byFile.set(name, list);
}

/** Notes whose Compose file Docker Compose itself refuses (compose-go's invalid fixtures), with why. */
const EXPECTED_INVALID = new Map(Object.entries(JSON.parse(readFileSync(new URL('./compose-invalid.json', import.meta.url), 'utf8'))));

const origins = new Map();
const originsFile = join(folder, 'ORIGINS.tsv');
if (existsSync(originsFile)) {
	for (const line of readFileSync(originsFile, 'utf8').split('\n').slice(1)) {
		const [note, origin] = line.split('\t');
		if (note) origins.set(note, origin ?? '');
	}
}

const files = readdirSync(folder).filter((f) => f.endsWith('.md')).sort();
let valid = 0, invalid = 0, falseErrors = 0, missedInvalid = 0, crashes = 0, warnings = 0;
const byCode = new Map();
const bySource = new Map();
for (const file of files) {
	const diagnostics = byFile.get(file) ?? [];
	if (diagnostics.some((d) => d.code === 'internal-error')) {
		crashes++;
		console.log(`CRASH ${file}`);
	}
	const errors = diagnostics.filter((d) => d.severity === 'error' || d.code === 'internal-error');
	warnings += diagnostics.filter((d) => d.severity === 'warning').length;
	const source = (origins.get(file) ?? '?').split(':')[0];
	const stat = bySource.get(source) ?? { files: 0, falseErrors: 0 };
	stat.files++;
	bySource.set(source, stat);
	if (EXPECTED_INVALID.has(file)) {
		invalid++;
		if (errors.length === 0) {
			missedInvalid++;
			if (showAll) console.log(`MISSED ${file} (${EXPECTED_INVALID.get(file)})`);
		}
		continue;
	}
	valid++;
	if (errors.length > 0) {
		falseErrors++;
		stat.falseErrors++;
		for (const d of errors) {
			byCode.set(d.code, (byCode.get(d.code) ?? 0) + 1);
			console.log(`${file}:${d.line}:${d.column} ${d.code} ${d.message}`);
		}
	} else if (showAll) {
		for (const d of diagnostics) console.log(`  ${file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`);
	}
}
console.log('');
console.log(`${files.length} files: ${valid} valid, ${invalid} invalid on purpose`);
console.log(`valid files with an error: ${falseErrors}; crashes: ${crashes}; invalid files passed silently: ${missedInvalid}; warnings: ${warnings}`);
for (const [source, s] of [...bySource].sort()) console.log(`  ${source}: ${s.files} files, ${s.falseErrors} with a false error`);
for (const [code, n] of [...byCode].sort((a, b) => b[1] - a[1])) console.log(`  ${code}: ${n}`);
console.log(`${ms.toFixed(0)} ms for the CLI run (process start included)`);
process.exit(falseErrors > 0 || crashes > 0 ? 1 : 0);
