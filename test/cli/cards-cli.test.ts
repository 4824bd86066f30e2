import { runCards } from '../../src/cli/cards';
import { main } from '../../src/cli/main';
import { fakeIO } from './fake-io';

const vault = {
	'vault/클라우드/a.md': '---\n{"dg-publish":true}\n---\n# 1. 클라우드\n## 1.1 그리드 컴퓨팅\n---\n- **그리드** : 묶음\n',
	'vault/b.md': '## B\n> [!tip] Why?\n> because\n',
	'vault/off.md': '---\ncards: false\n---\n## Off\nbody\n',
};

describe('cloudnotes cards', () => {
	it('prints json cards for a folder, with file paths as given', async () => {
		const { io, out, err } = fakeIO(vault);
		expect(await main(['cards', 'vault'], io)).toBe(0);
		expect(err).toEqual([]);
		const cards = JSON.parse(out.join('')) as Record<string, unknown>[];
		expect(cards.map((c) => [c['file'], c['line'], c['kind'], c['front']])).toEqual([
			['vault/b.md', 1, 'heading', 'B'],
			['vault/b.md', 2, 'callout', 'Why?'],
			['vault/클라우드/a.md', 5, 'heading', '그리드 컴퓨팅'],
			['vault/클라우드/a.md', 7, 'definition', '그리드'],
		]);
		expect(Object.keys(cards[0] as object)).toEqual(['id', 'file', 'line', 'kind', 'front', 'back', 'context']);
		expect(cards[3]).toMatchObject({ back: '묶음', context: ['클라우드', '그리드 컴퓨팅'] });
	});

	it('prints Anki tsv', async () => {
		const { io, stdout } = fakeIO(vault);
		expect(await main(['cards', 'vault/b.md', '--format', 'tsv'], io)).toBe(0);
		expect(stdout().split('\n').slice(0, 5)).toEqual([
			'#separator:tab',
			'#html:true',
			'#notetype column:1',
			'#tags column:4',
			'Basic\tB\t&gt; [!tip] Why?<br>&gt; because\tb',
		]);
	});

	it('rejects bad usage with exit code 2', async () => {
		const none = fakeIO(vault);
		expect(await main(['cards'], none.io)).toBe(2);
		expect(none.err.join('')).toContain('at least one file or folder');
		const format = fakeIO(vault);
		expect(await main(['cards', 'vault', '--format=csv'], format.io)).toBe(2);
		expect(format.err.join('')).toContain('--format is json, jsonl or tsv, not "csv"');
		const pretty = fakeIO(vault);
		expect(await main(['cards', 'vault', '--format', 'jsonl', '--pretty'], pretty.io)).toBe(2);
		// Asked for JSON lines, so the usage error is one JSON object too.
		expect(JSON.parse(pretty.stdout())).toEqual({ error: '--pretty goes with --format json', suggestions: [] });
	});

	it('prints one card per line with --format jsonl, the same cards as json', async () => {
		const json = fakeIO(vault);
		await main(['cards', 'vault'], json.io);
		const jsonl = fakeIO(vault);
		expect(await main(['cards', 'vault', '--format', 'jsonl'], jsonl.io)).toBe(0);
		const written = jsonl.writes.join('');
		expect(written.endsWith('}\n')).toBe(true);
		const lines = written.slice(0, -1).split('\n');
		expect(lines).toHaveLength(4);
		expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(JSON.parse(json.stdout()));
		// Nothing to print: no line at all.
		const none = fakeIO({ 'vault/off.md': vault['vault/off.md'] });
		await main(['cards', 'vault', '--format', 'jsonl'], none.io);
		expect(none.stdout()).toBe('');
	});

	it('writes json compactly, one card per line, unless --pretty asks for the indented layout', async () => {
		const compact = fakeIO(vault);
		await main(['cards', 'vault'], compact.io);
		const cards = JSON.parse(compact.stdout()) as unknown[];
		expect(compact.out).toHaveLength(cards.length + 2);
		expect(compact.out[0]).toBe('[');
		const pretty = fakeIO(vault);
		expect(await main(['cards', 'vault', '--pretty'], pretty.io)).toBe(0);
		expect(pretty.writes.join('')).toBe(JSON.stringify(cards, null, 2) + '\n');
		const empty = fakeIO({ 'vault/off.md': vault['vault/off.md'] });
		await main(['cards', 'vault'], empty.io);
		expect(JSON.parse(empty.stdout())).toEqual([]);
	});

	it('reads files concurrently, at most 32 at once, and writes them in file order as a stream', async () => {
		const many: Record<string, string> = {};
		for (let i = 0; i < 400; i++) many[`v/${String(i).padStart(3, '0')}.md`] = `## Card ${i}\n\n${'answer text '.repeat(30)}\n`;
		const t = fakeIO(many);
		const read = t.io.readText;
		let inFlight = 0;
		let most = 0;
		t.io.readText = async (file) => {
			inFlight++;
			most = Math.max(most, inFlight);
			// Later files often arrive first.
			await new Promise((r) => setTimeout(r, (Number(/(\d+)\.md$/.exec(file)![1]) * 7) % 5));
			inFlight--;
			return read(file);
		};
		expect(await main(['cards', 'v', '--format', 'jsonl'], t.io)).toBe(0);
		expect(most).toBeGreaterThan(1);
		expect(most).toBeLessThanOrEqual(32);
		const fronts = t.out.filter((l) => l !== '').map((l) => (JSON.parse(l) as { front: string }).front);
		expect(fronts).toEqual(Array.from({ length: 400 }, (_, i) => `Card ${i}`));
		// Written in pieces as it goes, not as one string at the end.
		expect(t.writes.length).toBeGreaterThan(1);
		expect(Math.max(...t.writes.map((w) => w.length))).toBeLessThan(70 * 1024);
	});

	it('reports a file it cannot read', async () => {
		const { io, err } = fakeIO({});
		io.markdownFiles = async (paths) => [...paths];
		expect(await main(['cards', 'missing.md'], io)).toBe(2);
		expect(err.join('')).toContain('ENOENT');
	});

	const vpcNote = [
		'# Shop',
		'```vpc cards=occlusion,trace-drill',
		'name: shop',
		'cidr: 10.0.0.0/16',
		'internet-gateway: igw',
		'subnets:',
		'  edge-a: { cidr: 10.0.1.0/24, route-table: public-rt }',
		'  app-a: { cidr: 10.0.10.0/24 }',
		'route-tables:',
		'  public-rt: { 0.0.0.0/0: igw }',
		'instances:',
		'  web: { subnet: edge-a, security-groups: [web-sg] }',
		'  api: { subnet: app-a, security-groups: [api-sg] }',
		'security-groups:',
		'  web-sg: { inbound: ["tcp 443 from 0.0.0.0/0"] }',
		'  api-sg: { inbound: ["tcp 8080 from web-sg"] }',
		'flows:',
		'  - web -> api tcp/8080',
		'```',
	].join('\n');

	it('lists occlusion cards and trace drills with kind, front, back, mask and answer', async () => {
		const { io, out } = fakeIO({ 'net.md': vpcNote });
		expect(await main(['cards', 'net.md'], io)).toBe(0);
		const cards = JSON.parse(out.join('')) as Record<string, unknown>[];
		const cidr = cards.find((c) => String(c['front']).includes('CIDR block of subnet app-a'));
		expect(cidr).toMatchObject({ kind: 'occlusion', mask: 'r_app_2d_a', answer: '10.0.10.0/24' });
		expect(Object.keys(cidr as object)).toEqual(['id', 'file', 'line', 'kind', 'front', 'back', 'context', 'mask', 'answer', 'diagram']);
		expect((cidr?.['diagram'] as { front: string }).front).not.toContain('10.0.10.0/24');
		const drill = cards.find((c) => c['front'] === 'Can web reach api on tcp 8080?');
		expect(drill).toMatchObject({ kind: 'trace-drill', mask: null, answer: 'Yes' });
		expect(drill?.['back']).toContain('Deciding hop: api-sg');
	});

	it('puts the diagrams inline as SVG in the Anki file, in quoted fields', async () => {
		const { io, stdout } = fakeIO({ 'net.md': vpcNote, 'b.md': '## B\nbody\n' });
		const drawn: string[] = [];
		const renderer = { render: async (texts: readonly string[]) => texts.map((t, i) => { drawn.push(t); return `<svg id="d${i}">\n<text>${i}</text></svg>`; }) };
		expect(await runCards(['b.md', 'net.md', '--format', 'tsv'], io, () => renderer)).toBe(0);
		const lines = stdout().split('\n').filter((l) => l !== '');
		expect(lines[4]).toBe('Basic\tB\tbody\tb');
		const cidr = lines.find((l) => l.includes('CIDR block of subnet app-a')) ?? '';
		const [type, front, back] = cidr.split('\t');
		expect(type).toBe('Basic');
		expect(front).toMatch(/^"What is the CIDR block of subnet app-a, hidden in the diagram\?<br><svg id=""d\d+""> <text>\d+<\/text><\/svg>"$/);
		expect(back).toContain('10.0.10.0/24');
		expect(drawn.length).toBe(2 * lines.filter((l) => l.startsWith('Basic\t"')).length);
		const none = fakeIO({ 'net.md': vpcNote });
		expect(await runCards(['net.md', '--format', 'tsv'], none.io, () => 'no Chromium here')).toBe(0);
		expect(none.err.join('')).toContain('diagrams left out of the Anki file: no Chromium here');
	});
});
