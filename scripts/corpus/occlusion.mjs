#!/usr/bin/env node
/**
 * Corpus run for issue 23 (not a repository test): every note of the given folders through the
 * card extractor, counting per folder the topology blocks, the blocks that make occlusion cards
 * and trace drills, cards per kind, and faults: an occlusion card whose answer is still in its
 * front's Mermaid text (binary answers such as public/private excepted: other subnets say those
 * words; and facts told by links, whose answers are resources drawn anyway), a front equal to its back, a drill without a diagram. Also the extraction time.
 *
 *   node scripts/corpus/occlusion.mjs DIR...
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadCore } from './load-core.mjs';

const core = await loadCore("export * from './src/core/cards'; export { findTopologyBlocks, analyzeTopology } from './src/core/topology';");
const BINARY = new Set(['public', 'private', '퍼블릭', '프라이빗']);

const files = (p) =>
	statSync(p).isFile()
		? [p]
		: readdirSync(p)
				.sort()
				.flatMap((n) => (statSync(path.join(p, n)).isDirectory() ? files(path.join(p, n)) : n.endsWith('.md') ? [path.join(p, n)] : []));

for (const dir of process.argv.slice(2)) {
	const t = { notes: 0, blocks: 0, brokenBlocks: 0, withOcclusion: 0, withDrill: 0, occlusion: 0, drill: 0, topology: 0, leaks: 0, sameSides: 0, noDiagram: 0, ms: 0, capped12: 0 };
	const facts = {};
	const faults = [];
	for (const file of files(dir)) {
		const text = readFileSync(file, 'utf8');
		const blocks = core.findTopologyBlocks(text);
		if (blocks.length === 0) continue;
		t.notes++;
		t.blocks += blocks.length;
		for (const b of blocks) if (core.analyzeTopology(b.kind, b.content, 2).diagnostics.some((d) => d.severity === 'error')) t.brokenBlocks++;
		const started = performance.now();
		const cards = core.extractNote(file, text, { ...core.DEFAULT_CARD_SETTINGS, topologyCap: 1000 }).cards;
		t.ms += performance.now() - started;
		t.capped12 += core.extractNote(file, text).cards.filter((c) => ['occlusion', 'trace-drill', 'topology'].includes(c.kind)).length;
		const blocksWith = (kind) => new Set(cards.filter((c) => c.kind === kind).map((c) => blocks.findIndex((b) => c.line - 1 >= b.openLine && c.line - 1 <= b.closeLine))).size;
		t.withOcclusion += blocksWith('occlusion');
		t.withDrill += blocksWith('trace-drill');
		for (const c of cards) {
			if (c.kind === 'topology') t.topology++;
			if (c.kind !== 'occlusion' && c.kind !== 'trace-drill') continue;
			if (!c.diagram) {
				t.noDiagram++;
				faults.push(`${file}:${c.line} no diagram: ${c.front}`);
				continue;
			}
			if (c.kind === 'trace-drill') t.drill++;
			else {
				t.occlusion++;
				const kind = c.front.replace(/[^\p{L} ]/gu, '').split(' ').slice(0, 4).join(' ');
				facts[kind] = (facts[kind] ?? 0) + 1;
				// Facts told by links (a service's networks, a Service's pods) name resources drawn anyway.
				if (!BINARY.has(c.diagram.answer) && !/links|연결을 가렸다/.test(c.front) && c.diagram.front.includes(c.diagram.answer)) {
					t.leaks++;
					faults.push(`${file}:${c.line} answer in front: ${c.diagram.answer}`);
				}
				if (c.diagram.front === c.diagram.back) {
					t.sameSides++;
					faults.push(`${file}:${c.line} front equals back: ${c.front}`);
				}
			}
		}
	}
	console.log(`\n${dir}`);
	console.log(JSON.stringify({ ...t, ms: Math.round(t.ms) }));
	console.log('occlusion questions by opening words:', JSON.stringify(facts));
	for (const f of faults.slice(0, 20)) console.log('  ' + f);
}
