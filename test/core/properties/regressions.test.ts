/**
 * Bugs the properties found, pinned as small examples so they stay fixed even if the generators
 * change and stop reaching them.
 */
import { extractNote } from '../../../src/core/cards';
import { parseDocument } from 'yaml';
import { analyzeNote, analyzeTopology, mermaidIdFor, toMermaid, trace } from '../../../src/core/topology';
import { readSimpleYaml } from '../../../src/core/topology/yaml/fast-yaml';

describe('regressions found by the property suite', () => {
	it('an unclosed topology fence on the last line reports on that line, not one past the note', () => {
		// Found by "analyzeNote: positions inside the note": the empty block's first content
		// line was taken as the line after the fence, which does not exist.
		for (const end of ['\n', '\r\n', '\r']) {
			const note = ['# Note', '', '```containers'].join(end);
			const [block] = analyzeNote(note);
			expect(block?.analysis.diagnostics.map((d) => [d.line, d.code])).toEqual([[3, 'missing-field']]);
		}
	});

	it('a VPC named `internet` is refused and does not become a second `internet` node', () => {
		// Found by "one node per resource": the VPC subgraph and the internet node both got the
		// id r_internet, so Mermaid merged them, and `internet` in a trace meant two things.
		const analysis = analyzeTopology('vpc', 'name: internet\ncidr: 10.0.0.0/16\ninternet-gateway: igw\n', 1);
		expect(analysis.diagnostics.map((d) => [d.line, d.code])).toContainEqual([1, 'reserved-name']);
		const text = toMermaid(analysis.model!).text;
		expect(text.split('\n').filter((l) => l.includes(`${mermaidIdFor('internet')}(`) || l.includes(`${mermaidIdFor('internet')}[`))).toHaveLength(1);
		expect(trace(analysis.model!, { from: 'internet', to: 'igw' }).summary).not.toMatch(/could not trace/);
	});

	it('a Compose network or volume named `internet` is qualified, not merged with the internet node', () => {
		// Found by "one node per resource": Compose names networks and volumes apart from
		// services, so `internet` is legal there, but its node took the internet's id r_internet.
		const source = 'services:\n  web:\n    image: nginx:1.27\n    ports: ["8080:80"]\n    networks: [internet]\n    volumes: ["internet:/data"]\nnetworks:\n  internet: {}\nvolumes:\n  internet: {}\n';
		const analysis = analyzeTopology('containers', source, 1);
		const diagram = toMermaid(analysis.model!);
		expect(diagram.nodes.map((n) => n.resource).sort()).toEqual(['host', 'internet', 'internet (network)', 'internet (volume)', 'web']);
		expect(new Set(diagram.nodes.map((n) => n.mermaidId)).size).toBe(diagram.nodes.length);
		expect(trace(analysis.model!, { from: 'internet', to: 'web', port: 8080 }).allowed).toBe(true);
	});

	it.each([['a no-break space', '\u00a0'], ['an ideographic space', '\u3000'], ['a byte-order mark', '\ufeff'], ['a line separator', '\u2028']])(
		'a heading whose body is only %s makes no card',
		(_, space) => {
			// Found by "fronts and backs are cut from the note": such a body is not blank to the
			// line scanner (spaces and tabs only), so the heading made a card with an empty back.
			expect(extractNote('a.md', `# Title\n${space}${space}\n\n## Next\nbody`).cards.map((c) => c.front)).toEqual(['Next']);
			expect(extractNote('a.md', `# Title\n${space}\nreal body`).cards.map((c) => c.back)).toEqual([`${space}\nreal body`]);
		},
	);

	it('a bold term of Unicode spaces is no term, in a list item or a quote', () => {
		// Found by "fronts and backs are cut from the note": `**\u3000\u3000** : x` made a
		// definition card whose front showed nothing (only ASCII and no-break spaces were refused).
		expect(extractNote('a.md', '* **\u3000\u3000** : definition\n\n> **\u2003** : quoted').cards).toEqual([]);
		expect(extractNote('a.md', '* **KVM** : definition').cards.map((c) => c.front)).toEqual(['KVM']);
	});

	it('the fast YAML reader leaves keys of Unicode spaces to the yaml package', () => {
		// Found by "fast reader agrees with yaml": JavaScript's trimEnd removed the no-break spaces
		// YAML keeps, so the key `\u00a0\u00a0` became '' on the fast path only.
		expect(readSimpleYaml('instances:\n  \u00a0\u00a0: {}\n')).toBeNull();
		expect(readSimpleYaml('instances:\n  web: {}\n')).not.toBeNull();
	});

	it.each([
		['a map', 'subnets:\n  web-subnet:   \nname: x\n', (root: any) => root.items[0].value.items[0].value],
		['a list', 'flows:\n  -   \n  - a -> b\n', (root: any) => root.items[0].value.items[0]],
	])('an empty value in %s starts where the yaml package puts it (after the spaces)', (_, source, pick) => {
		// Found by "fast reader agrees with yaml": the empty value sat right after the colon or
		// dash, so a diagnostic about it pointed one or more columns left of where yaml points.
		const fast = readSimpleYaml(source);
		expect(fast).not.toBeNull();
		expect(pick(fast!.root).range[0]).toBe(pick(parseDocument(source).contents).range[0]);
	});
});
