import { parseDocument } from 'yaml';
import { analyzeTopology, type ContainersModel } from '../../../src/core/topology';
import { composeYaml } from '../../../src/core/topology/yaml/yaml-compose';
import { isAlias, isMap, isScalar, isSeq, type YamlNode } from '../../../src/core/topology/yaml/yaml-nodes';
import { YamlSource } from '../../../src/core/topology/yaml/yaml-source';
import { ourNodes, yamlPackageNodes } from './yaml-shape';

/** Plain JavaScript value of our tree, aliases followed and merge keys expanded (as YAML defines). */
function toJs(node: YamlNode | null): unknown {
	if (!node) return null;
	if (isAlias(node)) return toJs(node.target);
	if (isScalar(node)) return node.value;
	if (isSeq(node)) return node.items.map(toJs);
	if (isMap(node)) {
		const own: Record<string, unknown> = {};
		const merged: Record<string, unknown> = {};
		for (const pair of node.items) {
			const key = pair.key && isScalar(pair.key) ? String(pair.key.value) : '?';
			if (key === '<<' && pair.key && isScalar(pair.key) && pair.key.style === 'plain') {
				const source = pair.value && isAlias(pair.value) ? pair.value.target : pair.value;
				const sources = source && isSeq(source) ? source.items : [source];
				for (const s of sources) Object.assign(merged, { ...(toJs(s) as object), ...merged });
			} else own[key] = toJs(pair.value);
		}
		return { ...merged, ...own };
	}
	return undefined;
}

function read(source: string): { value: unknown; problems: string[] } {
	const { root, problems } = composeYaml(source);
	return { value: toJs(root), problems: problems.map((p) => p.message) };
}

/** Values, and every node's offset, exactly as the yaml package reads them. */
function sameAsYaml(source: string): void {
	const doc = parseDocument(source, { uniqueKeys: false, merge: true });
	expect(doc.errors).toEqual([]);
	const { root, problems } = composeYaml(source);
	expect(problems).toEqual([]);
	expect(ourNodes(root)).toEqual(yamlPackageNodes(doc.contents));
	expect(toJs(root)).toEqual(doc.toJS({ maxAliasCount: -1 }));
}

/** yaml-syntax diagnostics as [line, column] in a note whose block starts at line 10. */
function syntaxAt(source: string): [number, number, string][] {
	return new YamlSource(source, 10).sink.list.filter((d) => d.code === 'yaml-syntax').map((d) => [d.line, d.column, d.message]);
}

describe('YAML composer', () => {
	it('block maps and sequences, nested, with comments', () => {
		const source = 'a: 1 # one\nb:\n  - x\n  - y: 2\n    z: [3]\n# end\nc:\n  d:\n    e: f\n';
		sameAsYaml(source);
		expect(read(source).value).toEqual({ a: 1, b: ['x', { y: 2, z: [3] }], c: { d: { e: 'f' } } });
	});

	it('multi-line flow maps and sequences', () => {
		const source = 'ports: [\n  "80:80",\n  "443:443",\n]\nsub: {\n  cidr: 10.0.1.0/24,\n  zone: a }\n';
		sameAsYaml(source);
		expect(read(source).value).toEqual({ ports: ['80:80', '443:443'], sub: { cidr: '10.0.1.0/24', zone: 'a' } });
	});

	it('plain scalars folded over lines, quoted scalars with escapes', () => {
		const source = 'a: one\n  two\n\n  three\nb: "tab\\there \\u00e9\\x41 \\"q\\" \\\n  joined"\nc: \'it\'\'s\n  folded\'\nd: "line\n\n  break"\n';
		sameAsYaml(source);
		expect(read(source).value).toEqual({ a: 'one two\nthree', b: 'tab\there éA "q" joined', c: "it's folded", d: 'line\nbreak' });
	});

	it('block scalars: literal, folded, chomping and indentation indicators', () => {
		const source = [
			'lit: |',
			'  line 1',
			'    indented',
			'  line 3',
			'',
			'fold: >-',
			'  folded',
			'  text',
			'',
			'  para',
			'keep: |+',
			'  kept',
			'',
			'ind: |2',
			'    two extra',
			'clip: >',
			'  end',
		].join('\n');
		sameAsYaml(source);
		expect(read(source).value).toEqual({ lit: 'line 1\n  indented\nline 3\n', fold: 'folded text\npara', keep: 'kept\n\n', ind: '  two extra\n', clip: 'end\n' });
	});

	it('core schema values for plain scalars, strings for quoted ones', () => {
		const source = 'n: ~\nn2: null\nt: true\nf: False\ni: -12\nh: 0x1F\no: 0o17\nx: 1.5e3\ninf: -.inf\nnan: .NaN\ns: "12"\nv: 1.2.3\nempty:\n';
		sameAsYaml(source);
		const value = read(source).value as Record<string, unknown>;
		expect(value).toMatchObject({ n: null, n2: null, t: true, f: false, i: -12, h: 31, o: 15, x: 1500, inf: -Infinity, s: '12', v: '1.2.3', empty: null });
		expect(value.nan).toBeNaN();
	});

	it('anchors, aliases and merge keys (one source and a list of sources)', () => {
		const source = 'base: &b { a: 1, b: 2 }\nmore: &m\n  c: 3\nx:\n  <<: *b\n  b: 20\ny:\n  <<: [*b, *m]\nz: *m\n';
		sameAsYaml(source);
		expect(read(source).value).toEqual({ base: { a: 1, b: 2 }, more: { c: 3 }, x: { a: 1, b: 20 }, y: { a: 1, b: 2, c: 3 }, z: { c: 3 } });
	});

	it('tags: !!str keeps the text, !!int reads a number, others leave the text', () => {
		expect(read('a: !!str 80\nb: !!int "443"\nc: !Ref web\nd: !!str\n').value).toEqual({ a: '80', b: 443, c: 'web', d: '' });
		sameAsYaml('a: !!str 80\nb: !!int "443"\n');
	});

	it('a document start marker, and a second document reported', () => {
		sameAsYaml('---\na: 1\n');
		expect(read('---\na: 1\n...\n').value).toEqual({ a: 1 });
		const second = composeYaml('a: 1\n---\nb: 2\n');
		expect(toJs(second.root)).toEqual({ a: 1 });
		expect(second.problems.map((p) => p.offset)).toEqual([5]);
	});

	it('reads a realistic Compose file with anchors, merge keys and block scalars', () => {
		const source = [
			'x-defaults: &defaults',
			'  restart: unless-stopped',
			'  networks: [backend]',
			'  environment: &env',
			'    TZ: Asia/Seoul',
			'services:',
			'  web:',
			'    <<: *defaults',
			'    image: nginx:1.27',
			'    ports:',
			'      - "8080:80"',
			'    command: >',
			'      nginx -g',
			"      'daemon off;'",
			'  api:',
			'    <<: *defaults',
			'    build: ./api',
			'    environment:',
			'      <<: *env',
			'      DB_URL: postgres://db:5432/app',
			'    healthcheck:',
			'      test: ["CMD", "curl", "-f", "http://localhost"]',
			'  db:',
			'    image: postgres:16',
			'    environment: *env',
			'    volumes:',
			'      - db-data:/var/lib/postgresql/data',
			'networks:',
			'  backend: {}',
			'volumes:',
			'  db-data:',
		].join('\n');
		sameAsYaml(source);
		const a = analyzeTopology('containers', source, 1);
		expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
		const model = a.model as ContainersModel | null;
		expect(model?.kind).toBe('containers');
		if (model?.kind !== 'containers') return;
		expect(model.services.get('web')?.networks?.map((n) => n.name)).toEqual(['backend']);
		expect(model.services.get('api')?.environment).toEqual(['DB_URL', 'TZ']);
		expect(model.services.get('db')?.environment).toEqual(['TZ']);
	});

	describe('errors at their place in the note, the sound part kept', () => {
		it('an unclosed flow map', () => {
			const source = 'name: v\nsub: { cidr: 10.0.1.0/24\nother: 1\n';
			const errors = syntaxAt(source);
			expect(errors[0]?.slice(0, 2)).toEqual([12, 1]);
			expect(read(source).value).toMatchObject({ name: 'v' });
		});

		it('bad indentation', () => {
			const errors = syntaxAt('a:\n  b: 1\n c: 2\nd: 3\n');
			// Where the yaml package reports it too: the start of the stray line.
			expect(errors[0]?.slice(0, 2)).toEqual([12, 1]);
			const { value } = read('a:\n  b: 1\n c: 2\nd: 3\n');
			expect(value).toMatchObject({ a: { b: 1 } });
		});

		it('tab indentation, explained', () => {
			const errors = syntaxAt('subnets:\n\ta: 1\n');
			expect(errors[0]?.[0]).toBe(11);
			expect(errors[0]?.[2]).toMatch(/tabs/);
		});

		it('an unknown alias, at the alias', () => {
			const errors = syntaxAt('a: 1\nb: *nowhere\n');
			expect(errors).toEqual([[11, 4, expect.stringContaining('*nowhere') as string]]);
			expect(read('a: 1\nb: *nowhere\n').value).toEqual({ a: 1, b: null });
		});

		it('an alias before its anchor is unknown too (no cycles)', () => {
			expect(syntaxAt('a: &x [*x]\n')).toHaveLength(1);
		});

		it('deep nesting is an error with a line, not a stack overflow', () => {
			const deep = `a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
			expect(() => composeYaml(deep)).not.toThrow();
			const errors = syntaxAt(deep);
			expect(errors.length).toBeGreaterThan(0);
			expect(errors[0]?.[0]).toBe(10);
			const blockDeep = Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
			expect(() => composeYaml(blockDeep)).not.toThrow();
			expect(syntaxAt(blockDeep).length).toBeGreaterThan(0);
		});
	});
});
