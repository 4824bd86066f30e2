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
		const { io, out } = fakeIO(vault);
		expect(await main(['cards', 'vault/b.md', '--format', 'tsv'], io)).toBe(0);
		expect(out.join('').split('\n').slice(0, 5)).toEqual([
			'#separator:tab',
			'#html:true',
			'#tags column:3',
			'B\t&gt; [!tip] Why?<br>&gt; because\tb',
			'Why?\tbecause\tb::B',
		]);
	});

	it('rejects bad usage with exit code 2', async () => {
		const none = fakeIO(vault);
		expect(await main(['cards'], none.io)).toBe(2);
		expect(none.err.join('')).toContain('at least one file or folder');
		const format = fakeIO(vault);
		expect(await main(['cards', 'vault', '--format=csv'], format.io)).toBe(2);
		expect(format.err.join('')).toContain('--format must be one of json, tsv');
	});

	it('reports a file it cannot read', async () => {
		const { io, err } = fakeIO({});
		io.markdownFiles = async (paths) => [...paths];
		expect(await main(['cards', 'missing.md'], io)).toBe(2);
		expect(err.join('')).toContain('ENOENT');
	});
});
