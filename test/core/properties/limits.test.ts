/**
 * Limits: a block over TOPOLOGY_LIMITS is still linted but not drawn, with a `too-large`
 * diagnostic on its first line; deep nesting, huge numbers and long lines neither throw nor
 * overflow the stack (analyzeTopology would turn a throw into an "internal error" diagnostic,
 * which these tests refuse as well).
 */
import { analyzeNote, analyzeTopology, TOPOLOGY_LIMITS, toMermaid } from '../../../src/core/topology';
import { lineCount } from './arbitraries';
import { expectSoundAnalysis } from './positions';

function instances(count: number): string {
	const lines = ['name: big', 'cidr: 10.0.0.0/16', 'subnets:', '  app: { cidr: 10.0.1.0/24 }', 'instances:'];
	for (let i = 0; i < count; i++) lines.push(`  vm-${i}: { subnet: app }`);
	// A mistake after the bulk: lint must still reach it.
	lines.push('  broken: { subnet: nowhere }');
	return lines.join('\n');
}

describe('blocks over the size limits', () => {
	it(`over ${TOPOLOGY_LIMITS.maxResources} resources: too-large on the first line, lint still runs, no diagram`, () => {
		const source = instances(TOPOLOGY_LIMITS.maxResources);
		const analysis = analyzeTopology('vpc', source, 10);
		expectSoundAnalysis(analysis, 10, 10 + lineCount(source) - 1);
		const tooLarge = analysis.diagnostics.filter((d) => d.code === 'too-large');
		expect(tooLarge).toHaveLength(1);
		expect(tooLarge[0]).toMatchObject({ line: 10, column: 1, severity: 'error' });
		expect(tooLarge[0]?.message).toMatch(/split it into smaller blocks/);
		expect(analysis.diagnostics).toContainEqual(expect.objectContaining({ code: 'unknown-reference', line: 10 + lineCount(source) - 1 }));
		const diagram = toMermaid(analysis.model!);
		expect(diagram.text).toBe('');
		expect(diagram.refusal).toMatch(/too large/);
	});

	it('just under the resource limit: no too-large, drawn', () => {
		// vpc + subnet + instances: exactly the limit counts as fine.
		const source = instances(TOPOLOGY_LIMITS.maxResources - 3);
		const analysis = analyzeTopology('vpc', source, 1);
		expect(analysis.diagnostics.filter((d) => d.code === 'too-large')).toEqual([]);
		expect(analysis.model?.tooLarge).toBe(false);
	});

	it(`over ${TOPOLOGY_LIMITS.maxSourceChars.toLocaleString('en-US')} characters: too-large, lint still runs`, () => {
		const padding = `# ${'x'.repeat(200)}\n`.repeat(Math.ceil(TOPOLOGY_LIMITS.maxSourceChars / 200));
		const source = `services:\n  web:\n    image: nginx\n${padding}`;
		const analysis = analyzeTopology('containers', source, 3, 2);
		expectSoundAnalysis(analysis, 3, 3 + lineCount(source) - 1);
		expect(analysis.diagnostics).toContainEqual(expect.objectContaining({ code: 'too-large', line: 3, column: 3 }));
		expect(analysis.diagnostics).toContainEqual(expect.objectContaining({ code: 'image-latest-tag', line: 5 }));
		expect(toMermaid(analysis.model!).refusal).toBeDefined();
	});

	it('in a note: the too-large block is reported on its own first line', () => {
		const note = `# Big\n\n\`\`\`vpc\n${instances(TOPOLOGY_LIMITS.maxResources)}\n\`\`\`\n`;
		const [block] = analyzeNote(note);
		expect(block?.analysis.diagnostics.find((d) => d.code === 'too-large')?.line).toBe(4);
	});
});

describe('deep nesting and extreme values', () => {
	const depth = 5_000;
	const cases: [string, 'vpc' | 'containers', string][] = [
		['flow sequences', 'vpc', `name: deep\ncidr: 10.0.0.0/16\nsubnets: ${'['.repeat(depth)}${']'.repeat(depth)}`],
		['flow mappings', 'containers', `services: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`],
		['unclosed flow sequences', 'vpc', `name: deep\ninstances: ${'['.repeat(depth)}`],
		['block mappings', 'vpc', `name: deep\ncidr: 10.0.0.0/16\nsubnets:\n${Array.from({ length: 400 }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n')}`],
		['block sequences', 'containers', `services:\n  web:\n    ports:\n${Array.from({ length: 400 }, (_, i) => `${'  '.repeat(i + 3)}-`).join('\n')}`],
		['aliases', 'containers', `x: &a [1]\n${Array.from({ length: 200 }, (_, i) => `x${i}: &a${i} [*${i === 0 ? 'a' : `a${i - 1}`}, *${i === 0 ? 'a' : `a${i - 1}`}]`).join('\n')}\nservices:\n  web: { ports: *a199 }`],
		['huge numbers', 'vpc', `name: 1e309\ncidr: 99999999999999999999.0.0.0/16\nsubnets:\n  s: { cidr: 10.0.0.0/99999999999999999999 }\nsecurity-groups:\n  g: { inbound: ["tcp 99999999999999999999 from 0.0.0.0/0", { proto: tcp, ports: 1e309, from: 0.0.0.0/0 }] }\nnacls:\n  n: { inbound: ["99999999999999999999 allow all from 0.0.0.0/0"] }`],
		['a 100,000-character line', 'containers', `services:\n  web: { image: "${'a'.repeat(100_000)}" }`],
	];
	it.each(cases)('%s: diagnostics inside the block, no exception, no internal error', (_, kind, source) => {
		const analysis = analyzeTopology(kind, source, 1);
		expectSoundAnalysis(analysis, 1, lineCount(source));
		if (analysis.model) expect(() => toMermaid(analysis.model!)).not.toThrow();
	});
});
