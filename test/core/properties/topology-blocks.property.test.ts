/**
 * Properties of the topology core over random and mutated blocks (see arbitraries.ts). One
 * generated block is checked by every stage that reads it (parse + lint, Mermaid, trace), because
 * parsing YAML is the expensive part and the suite has a time budget; each stage's property still
 * sees RUNS (>= 10,000) blocks from the fixed SEED.
 */
import fc from 'fast-check';
import { analyzeTopology, mermaidIdFor, resourceForMermaidId, toMermaid, trace, type TopologyModel, type TraceQuery } from '../../../src/core/topology';
import { anyName, blockSource, hostileText, lineCount, runs, SEED } from './arbitraries';
import { expectSafeMermaid, NODE_ID, readMermaid, shownAs } from './mermaid-grammar';
import { expectSoundAnalysis } from './positions';

/** A trace end: mostly a name the model has, sometimes an address, `internet`, or junk. */
const endArb = fc.oneof(
	{ weight: 4, arbitrary: fc.nat() },
	{ weight: 1, arbitrary: fc.constantFrom('internet', '10.0.1.5', '0.0.0.0/0', '203.0.113.0/24', '10.0.0.0/33', '999.1.1.1', '') },
	{ weight: 1, arbitrary: anyName },
);
const queryArb = fc.record({
	from: endArb,
	to: endArb,
	port: fc.option(fc.oneof(fc.integer({ min: -3, max: 70_000 }), fc.constantFrom(0.5, Number.NaN, 1e300, -0, 2 ** 53))),
	proto: fc.option(fc.constantFrom('tcp' as const, 'udp' as const, 'icmp' as const, 'all' as const)),
});

const caseArb = fc.record({
	block: blockSource,
	firstLine: fc.integer({ min: 1, max: 40 }),
	indent: fc.integer({ min: 0, max: 3 }),
	queries: fc.array(queryArb, { minLength: 1, maxLength: 3 }),
});

describe(`topology blocks under random and mutated input (seed ${SEED})`, () => {
	it(`parse + lint: diagnostics inside the block, no internal error; Mermaid: one node per resource, escaped labels; trace: a consistent verdict (seed ${SEED}, ${runs().numRuns} blocks)`, () => {
		fc.assert(
			fc.property(caseArb, ({ block, firstLine, indent, queries }) => {
				const analysis = analyzeTopology(block.kind, block.source, firstLine, indent);
				expectSoundAnalysis(analysis, firstLine, firstLine + lineCount(block.source) - 1);
				if (!analysis.model) return;
				expectSoundMermaid(analysis.model);
				const names = analysis.resources.map((r) => r.name);
				const pick = (end: string | number): string => (typeof end === 'number' ? (names[end % Math.max(1, names.length)] ?? 'internet') : end);
				for (const q of queries) {
					const query: TraceQuery = { from: pick(q.from), to: pick(q.to) };
					if (q.port !== null) query.port = q.port;
					if (q.proto !== null) query.proto = q.proto;
					expectConsistentTrace(analysis.model, query);
				}
			}),
			runs(),
		);
	});

	it(`mermaidIdFor: any Unicode name gives an id of [A-Za-z0-9_] that maps back to it (seed ${SEED})`, () => {
		fc.assert(
			fc.property(fc.oneof(hostileText(8), fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('_', 'a', '\ud800', '\udc00', '0', '_5f_') })), (name) => {
				const id = mermaidIdFor(name);
				if (!NODE_ID.test(id)) throw new Error(`unsafe id ${id}`);
				if (resourceForMermaidId(id) !== name) throw new Error(`${id} maps back to ${JSON.stringify(resourceForMermaidId(id))}`);
			}),
			runs(),
		);
	});
});

function expectSoundMermaid(model: TopologyModel): void {
	expectSoundDiagram(model, false);
	expectSoundDiagram(model, true);
}

function expectSoundDiagram(model: TopologyModel, icons: boolean): void {
	const diagram = toMermaid(model, { icons });
	if (diagram.refusal !== undefined) {
		if (diagram.text !== '' || diagram.nodes.length > 0) throw new Error('a refusal still carried a diagram');
		return;
	}
	expectSafeMermaid(diagram.text);
	const read = readMermaid(diagram.text);
	const defined = new Map<string, number>();
	for (const d of read.definitions) defined.set(d.id, (defined.get(d.id) ?? 0) + 1);
	for (const [id, count] of defined) if (count !== 1) throw new Error(`${id} defined ${count} times`);
	for (const e of read.edges) {
		// An edge to an undefined id would make Mermaid invent a node nobody declared.
		if (!defined.has(e.from) || !defined.has(e.to)) throw new Error(`edge ${e.from} -> ${e.to} to an undefined node`);
	}
	const resourceIds = new Set<string>();
	for (const node of diagram.nodes) {
		if (!NODE_ID.test(node.mermaidId)) throw new Error(`bad id ${node.mermaidId}`);
		if (resourceForMermaidId(node.mermaidId) !== node.resource) throw new Error(`${node.mermaidId} does not map back to ${JSON.stringify(node.resource)}`);
		if (resourceIds.has(node.mermaidId)) throw new Error(`two nodes for ${node.mermaidId}`);
		resourceIds.add(node.mermaidId);
		const definition = read.definitions.find((d) => d.id === node.mermaidId);
		if (!definition) throw new Error(`${node.mermaidId} is listed but not in the text`);
		if ((node.shape === 'cluster') !== definition.cluster) throw new Error(`${node.mermaidId} listed as ${node.shape}`);
		expectNameShown(node.resource, definition.label.join('\n'));
	}
	// Every `r_` definition is a listed resource, and helpers use `z_`: no stray or duplicate nodes.
	for (const d of read.definitions) {
		if (d.id.startsWith('r_') ? !resourceIds.has(d.id) : !d.id.startsWith('z_')) throw new Error(`${d.id} drawn but not a listed resource or helper`);
	}
}

/** The label shows the name as text: its first 70 code points, control characters as spaces. */
function expectNameShown(resource: string, label: string): void {
	if (resource === 'host' && label === 'Docker host') return;
	// Compose keeps services, networks and volumes apart: a clash qualifies the resource name only.
	for (const name of [resource, resource.replace(/ \((host|network|volume)\)$/, '')]) {
		if (label.includes([...shownAs(name)].slice(0, 70).join(''))) return;
	}
	throw new Error(`label ${JSON.stringify(label)} does not show ${JSON.stringify(resource)}`);
}

function expectConsistentTrace(model: TopologyModel, query: TraceQuery): void {
	const result = trace(model, query);
	// trace() turns a throw inside into this refusal; it hides a bug, so it fails the property.
	if (/could not trace/.test(result.summary)) throw new Error(`tracer threw inside: ${result.summary}`);
	if (result.allowed !== (result.blockedAt === undefined)) throw new Error('allowed and blockedAt disagree');
	if (result.blockedAt !== undefined) {
		const hop = result.hops[result.blockedAt];
		if (!hop || hop.allowed) throw new Error(`blockedAt ${result.blockedAt} is not a refused hop`);
		if (result.hops.slice(0, result.blockedAt).some((h) => !h.allowed)) throw new Error('a refused hop before blockedAt');
	} else if (result.hops.some((h) => !h.allowed)) {
		throw new Error('allowed with a refused hop');
	}
	if (result.summary.trim() === '') throw new Error('empty summary');
}
