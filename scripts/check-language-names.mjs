#!/usr/bin/env node
/**
 * Issue 19's rule, checked: outside a topology language's own folder and the registry, no source
 * file names a block language in a string literal, so the plugin, the command line and the card
 * extractor keep asking the registry instead of branching on a kind. User-facing text (i18n) is
 * allowed. Languages and their fence aliases are read from src/core/topology/<language>/index.ts.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const topology = path.join(root, 'src/core/topology');
const NOT_LANGUAGES = new Set(['yaml', 'shared']);

const languages = new Map(); // fence name -> language folder
for (const entry of readdirSync(topology)) {
	const index = path.join(topology, entry, 'index.ts');
	if (NOT_LANGUAGES.has(entry) || !existsSync(index)) continue;
	const text = readFileSync(index, 'utf8');
	const fences = /fences:\s*\[([^\]]*)\]/.exec(text);
	const names = fences ? [...fences[1].matchAll(/['"]([^'"]+)['"]/g)].map((m) => m[1]) : [entry];
	for (const name of new Set([entry, ...names])) languages.set(name, entry);
}

function* sourceFiles(dir) {
	for (const entry of readdirSync(dir)) {
		const full = path.join(dir, entry);
		if (statSync(full).isDirectory()) yield* sourceFiles(full);
		else if (/\.ts$/.test(entry)) yield full;
	}
}

const allowed = (file) => {
	const rel = path.relative(root, file).split(path.sep).join('/');
	if (rel === 'src/core/topology/registry.ts') return true;
	if (rel.startsWith('src/plugin/i18n/')) return true;
	const m = /^src\/core\/topology\/([^/]+)\//.exec(rel);
	return m !== null && languages.has(m[1]) && !NOT_LANGUAGES.has(m[1]);
};

const problems = [];
for (const file of sourceFiles(path.join(root, 'src'))) {
	if (allowed(file)) continue;
	const lines = readFileSync(file, 'utf8').split('\n');
	lines.forEach((line, i) => {
		if (/^\s*(\/\/|\*|\/\*)/.test(line)) return; // comments may name a language
		// A literal that only looks like a kind (an icon id `vpc`) is marked so on its line.
		if (line.includes('not a block kind')) return;
		for (const m of line.matchAll(/(['"`])([a-z0-9-]+)\1/g)) {
			if (languages.has(m[2])) problems.push(`${path.relative(root, file)}:${i + 1}: '${m[2]}' names a block language; ask the registry (src/core/topology/registry.ts) or the language instead`);
		}
	});
}
if (problems.length) {
	console.error(problems.join('\n'));
	console.error(`\n${problems.length} place(s) branch on a block language outside its folder (see src/core/topology/README.md).`);
	process.exit(1);
}
console.log(`language names: ${languages.size} fence names, none used outside their language folders`);
