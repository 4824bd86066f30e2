import { extractNote } from '../../../src/core/cards';
import { isSubsequence, note } from './helpers';

describe('what never reaches a card', () => {
	it('skips frontmatter, even when it looks like headings or definitions', () => {
		const { cards } = extractNote('n.md', note('---', '# not: a heading', '**key**: value', '---', '## Real', 'body'));
		expect(cards.map((c) => c.front)).toEqual(['Real']);
	});

	it('drops inline and multi-line %%comments%%, including headings and code inside them', () => {
		const text = note('## A', 'keep %%drop%% this', '%%', '## Hidden', '- **Hidden**: x', '```', 'code', '```', '%%', 'end');
		const { cards } = extractNote('n.md', text);
		expect(cards.map((c) => [c.front, c.back])).toEqual([['A', 'keep  this\nend']]);
	});

	it('slices later sections correctly after lines shortened by a comment', () => {
		const text = note('## A', 'x %%cut%% y', '%%', 'gone', '%%', '## B', 'body b', '', '- more', '## C', 'c %%z%%');
		expect(extractNote('n.md', text).cards.map((c) => [c.front, c.back])).toEqual([
			['A', 'x  y'],
			['B', 'body b\n\n- more'],
			['C', 'c '],
		]);
	});

	it('drops table-of-contents blocks from backs', () => {
		const { cards } = extractNote('n.md', note('## A', '```table-of-contents', 'style: nestedList', '```', 'body'));
		expect(cards[0]?.back).toBe('body');
	});

	it('treats an unclosed fence as code to the end of the note', () => {
		expect(extractNote('n.md', note('## A', 'text', '```', '## B', 'b')).cards.map((c) => c.front)).toEqual(['A']);
	});

	it('never throws on odd input', () => {
		for (const text of ['', '\n', '#', '>', '> [!', '**', '- **', '---', '---\n---', '%%', '```', '\r\n## A\r\nb\r\n', '\u0000']) {
			expect(() => extractNote('n.md', text)).not.toThrow();
		}
		expect(extractNote('n.md', '\r\n## A\r\nb\r\n').cards[0]?.back).toBe('b');
	});
});

describe('opting out and tags', () => {
	it('opts out with cards: false in YAML or JSON frontmatter', () => {
		for (const fm of ['cards: false', 'cards: "false"', 'cards: no', '{"cards": false}']) {
			const result = extractNote('n.md', note('---', fm, '---', '## A', 'b'));
			expect(result.optedOut).toBe(true);
			expect(result.cards).toEqual([]);
		}
		expect(extractNote('n.md', note('---', 'cards: true', '---', '## A', 'b')).cards).toHaveLength(1);
	});

	it('collects frontmatter tags (all spellings) and inline tags outside code, without #', () => {
		const text = note(
			'---',
			'tags:',
			'  - aws/vpc',
			'  - "#net"',
			'aliases: [x]',
			'---',
			'## A #inline',
			'text #two and `#notcode` and a#b and #123 and https://x.com/#frag',
			'```',
			'#incode',
			'```',
		);
		expect(extractNote('n.md', text).tags).toEqual(['aws/vpc', 'net', 'inline', 'two']);
		expect(extractNote('n.md', note('---', 'tags: [a, "b"]', '---')).tags).toEqual(['a', 'b']);
		expect(extractNote('n.md', note('---', 'tags: a, b c', '---')).tags).toEqual(['a', 'b', 'c']);
		expect(extractNote('n.md', note('---', '{"tags": ["x"], "dg-publish": true}', '---')).tags).toEqual(['x']);
	});
});

describe('generated notes', () => {
	/** A deterministic mixture of every form, so the "only removes characters" rule is checked broadly. */
	function mixedNote(seed: number): string {
		const parts = [
			`# ${seed}. Chapter **${seed}**`,
			`## ${seed}.1  Topic ${seed}`,
			'---',
			`- **Term ${seed}** : meaning ${seed}`,
			'\t- nested %%secret%% detail',
			`> [!tip]${seed % 2 ? '+' : ''} Tip ${seed}`,
			'> tip body',
			'',
			`>**Quote ${seed}**`,
			'>quote body',
			'```js',
			`// **x**: ${seed}`,
			'```',
			`**Para ${seed}**: text`,
		];
		return parts.join(seed % 3 === 0 ? '\r\n' : '\n');
	}

	it('gives fronts and backs that are subsequences of the note', () => {
		for (let seed = 1; seed <= 30; seed++) {
			const text = mixedNote(seed);
			const { cards } = extractNote('n.md', text);
			expect(cards.map((c) => c.kind).sort()).toEqual(['callout', 'definition', 'definition', 'heading', 'quote']);
			for (const c of cards) {
				expect(isSubsequence(c.front, text)).toBe(true);
				expect(isSubsequence(c.back, text)).toBe(true);
				expect(c.back).not.toContain('secret');
			}
		}
	});
});
