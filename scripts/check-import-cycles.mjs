#!/usr/bin/env node
/**
 * Issue 19's rule, checked: no import cycle in src/, type-only imports included (a type cycle
 * still ties modules together: neither can be understood, moved or tested without the other).
 * Reads every import and re-export with the TypeScript compiler's pre-processor, resolves the
 * relative ones to files, and reports each cycle as a path of files. Exits 1 when there is one.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Cycles known and owned elsewhere, tolerated with a warning until they are broken: each entry
 * is the exact set of files tied together (relative to the checked folder). A cycle that grows
 * beyond its entry, and any other cycle, fails. Remove an entry once its cycle is gone.
 */
const KNOWN = [
];
const srcDir = path.resolve(root, process.argv[2] ?? 'src');

function* sourceFiles(dir) {
	for (const entry of readdirSync(dir)) {
		const full = path.join(dir, entry);
		if (statSync(full).isDirectory()) yield* sourceFiles(full);
		else if (/\.tsx?$/.test(entry) && !entry.endsWith('.d.ts')) yield full;
	}
}

/** './x' from a file -> the .ts file it means (x.ts, x.tsx, x/index.ts), or null outside our sources. */
function resolve(from, specifier) {
	if (!specifier.startsWith('.')) return null;
	const base = path.resolve(path.dirname(from), specifier.replace(/\.(js|mjs|ts)$/, ''));
	for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
		if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
	}
	return null;
}

const graph = new Map();
for (const file of sourceFiles(srcDir)) {
	// readImportFiles: import/export ... from, import type, import x = require(); detectJavaScriptImports: require() and import().
	const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
	const targets = new Set();
	for (const imported of info.importedFiles) {
		const target = resolve(file, imported.fileName);
		if (target) targets.add(target);
	}
	graph.set(file, [...targets].sort());
}

// Tarjan's strongly connected components: every component of more than one file (or a file that
// imports itself) holds at least one cycle.
let counter = 0;
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const components = [];
function connect(v) {
	index.set(v, counter);
	low.set(v, counter);
	counter++;
	stack.push(v);
	onStack.add(v);
	for (const w of graph.get(v) ?? []) {
		if (!graph.has(w)) continue;
		if (!index.has(w)) {
			connect(w);
			low.set(v, Math.min(low.get(v), low.get(w)));
		} else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
	}
	if (low.get(v) === index.get(v)) {
		const component = [];
		let w;
		do {
			w = stack.pop();
			onStack.delete(w);
			component.push(w);
		} while (w !== v);
		if (component.length > 1 || (graph.get(v) ?? []).includes(v)) components.push(component);
	}
}
for (const file of [...graph.keys()].sort()) if (!index.has(file)) connect(file);

/** One cycle through the component's first file, found breadth-first (the shortest one). */
function cycleIn(component) {
	const members = new Set(component);
	const start = [...component].sort()[0];
	const previous = new Map([[start, null]]);
	const queue = [start];
	while (queue.length > 0) {
		const v = queue.shift();
		for (const w of graph.get(v) ?? []) {
			if (!members.has(w)) continue;
			if (w === start) {
				const path = [start];
				for (let at = v; at !== start; at = previous.get(at)) path.splice(1, 0, at);
				return [...path, start];
			}
			if (!previous.has(w)) {
				previous.set(w, v);
				queue.push(w);
			}
		}
	}
	return [start, start];
}

const rel = (file) => path.relative(root, file).split(path.sep).join('/');
const inSrc = (file) => path.relative(srcDir, file).split(path.sep).join('/');
const known = new Set(KNOWN.map((files) => [...files].sort().join('\n')));
const tolerated = components.filter((component) => known.has(component.map(inSrc).sort().join('\n')));
for (const component of tolerated) {
	console.warn(`Known import cycle, to be broken by its owner (see KNOWN in ${rel(fileURLToPath(import.meta.url))}):\n    ${cycleIn(component).map(rel).join('\n    -> ')}`);
}
const failing = components.filter((component) => !tolerated.includes(component));
if (failing.length > 0) {
	console.error(`Import cycles in ${rel(srcDir)}/ (type-only imports count too): ${failing.length}`);
	for (const component of failing) {
		console.error(`\n  ${component.length} files tied together, e.g.:\n    ${cycleIn(component).map(rel).join('\n    -> ')}`);
	}
	console.error('\nBreak each cycle: move what both sides need into a module of its own, or pass it in (see src/plugin/context.ts).');
	process.exit(1);
}
console.log(`No import cycles in ${rel(srcDir)}/ (${graph.size} files${tolerated.length > 0 ? `; ${tolerated.length} known one tolerated` : ''}).`);
