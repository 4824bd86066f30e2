import { DEFAULT_CARD_SETTINGS, extractNote, headingTitle } from '../../../src/core/cards';
import { note, summary } from './helpers';
import { BACK_LIMIT, isAtomicBack } from '../../../src/core/cards/atomic-heading';

describe('heading titles', () => {
	it.each([
		['1.1  로드 밸런싱', '로드 밸런싱'],
		['1.2DNS 동작 방식', 'DNS 동작 방식'],
		['2.  Kubernetes ', 'Kubernetes'],
		['**2.1. Kubernetes란?**', 'Kubernetes란?'],
		['2. **2. Kubernetes의 핵심 개념**', 'Kubernetes의 핵심 개념'],
		['3.3 Web Application Firewall', 'Web Application Firewall'],
		['1) *First* step', 'First step'],
		['~~old~~ ==new== __bold__ _it_', 'old new bold it'],
		['snake_case and a_b', 'snake_case and a_b'],
		['3D printing', '3D printing'],
		['2024 trends', '2024 trends'],
		['2.', '2.'],
	])('%j -> %j', (raw, title) => {
		expect(headingTitle(raw)).toBe(title);
	});
});

describe('heading cards', () => {
	it('take the section body up to the first sub-heading or next heading', () => {
		const { cards } = extractNote(
			'n.md',
			note('# Top', 'intro', '## Child', 'child body', '### Grandchild', 'deep', '## Sibling', 'sibling body'),
		);
		expect(cards.map((c) => [c.front, c.back, c.context])).toEqual([
			['Top', 'intro', []],
			['Child', 'child body', ['Top']],
			['Grandchild', 'deep', ['Top', 'Child']],
			['Sibling', 'sibling body', ['Top']],
		]);
	});

	it('make no card from an empty heading, a heading with only a rule, comments or blank lines under it', () => {
		const { cards } = extractNote(
			'n.md',
			note('# Empty', '## Rule only', '---', '', '## Comment only', '%% just a note to self %%', '', '## Real', '---', 'body', '---'),
		);
		expect(summary(cards)).toEqual([['heading', 8, 'Real']]);
		expect(cards[0]?.back).toBe('body');
	});

	it('never leak the thematic break under a heading, but keep one inside the body', () => {
		const { cards } = extractNote('n.md', note('## A', '***', '', 'one', '', '- - -', '', 'two'));
		expect(cards[0]?.back).toBe('one\n\n- - -\n\ntwo');
	});

	it('follow the heading levels setting', () => {
		const text = note('# One', 'a', '## Two', 'b', '### Three', 'c', '#### Four', 'd');
		const settings = { ...DEFAULT_CARD_SETTINGS, headingLevels: [2, 3] };
		expect(extractNote('n.md', text, settings).cards.map((c) => c.front)).toEqual(['Two', 'Three']);
		expect(extractNote('n.md', text).cards.map((c) => c.front)).toEqual(['One', 'Two', 'Three', 'Four']);
	});

	it('accept closing hashes and ignore #tags, #not-headings and headings inside code', () => {
		const { cards } = extractNote(
			'n.md',
			note('## Title ##', 'body', '#tag is not a heading', '```bash', '# comment in code', 'echo', '```', '####### seven'),
		);
		expect(summary(cards)).toEqual([['heading', 1, 'Title']]);
		expect(cards[0]?.back).toContain('# comment in code');
	});

	it('keep images, embeds, lists, code and topology blocks on the back', () => {
		const text = note(
			'## Net',
			'![[diagram.png]]',
			'![a b.png](/img/a b.png)',
			'- item',
			'```vpc',
			'vpc shop 10.0.0.0/16',
			'```',
		);
		const back = extractNote('n.md', text, { ...DEFAULT_CARD_SETTINGS }).cards.find((c) => c.kind === 'heading')?.back;
		expect(back).toBe(text.split('\n').slice(1).join('\n'));
	});

	it('make no card from a section that only holds a link', () => {
		expect(extractNote('n.md', note('## Read', '', 'https://example.com/a-b', '')).cards).toEqual([]);
		expect(extractNote('n.md', note('## Read', 'see https://example.com')).cards).toHaveLength(1);
	});
});

describe('setext headings (a line underlined with === or ---)', () => {
	const cards = (text: string) => extractNote('n.md', text).cards.map((c) => [c.kind, c.line, c.front, c.back, c.context]);

	it('are headings of level 1 and 2, as Obsidian shows them, with the underline on no card', () => {
		const text = note('Networking', '==========', '', 'intro', '', 'Subnets', '-------', 'a slice of the VPC', '', '### Route tables', 'where packets go');
		expect(cards(text)).toEqual([
			['heading', 1, 'Networking', 'intro', []],
			['heading', 6, 'Subnets', 'a slice of the VPC', ['Networking']],
			['heading', 10, 'Route tables', 'where packets go', ['Networking', 'Subnets']],
		]);
	});

	it('leave --- a thematic break under an ATX heading, a list item, a quote or a longer paragraph', () => {
		const text = note('## 1.1 Grid computing', '---', 'body', '', '- item', '---', '', '> quoted', 'lazy', '---', '', 'two', 'lines', '---');
		expect(summary(extractNote('n.md', text).cards)).toEqual([['heading', 1, 'Grid computing']]);
		expect(extractNote('n.md', text).cards[0].back).toContain('> quoted\nlazy\n---\n\ntwo\nlines');
	});

	it('end the section above them', () => {
		expect(cards(note('# Top', 'top body', '', 'Child', '---', 'child body'))).toEqual([
			['heading', 1, 'Top', 'top body', []],
			['heading', 4, 'Child', 'child body', ['Top']],
		]);
	});
});

describe('atomic heading cards', () => {
	const long = (n: number) => Array.from({ length: n }, (_, i) => `- point ${i}: ${'a detail that goes on for a while '.repeat(2)}`).join('\n');

	test('a short section stays whole; a long one asks for its first paragraph; the id stays', () => {
		const short = extractNote('n.md', '## Subnet\n\nA range of addresses.\n\n- one\n- two', DEFAULT_CARD_SETTINGS, { topologyCards: null }).cards[0];
		expect(short.back).toBe('A range of addresses.\n\n- one\n- two');
		const text = `## Subnet\n\n![diagram](x.png)\n\nA range of addresses in a VPC, in one zone.\n\n${long(12)}`;
		const card = extractNote('n.md', text, DEFAULT_CARD_SETTINGS, { topologyCards: null }).cards[0];
		expect(card.back).toBe('A range of addresses in a VPC, in one zone.');
		expect(card.id).toBe(short.id);
	});

	test('a long first paragraph is cut at a sentence end within the limit', () => {
		const sentence = 'Routes are read longest prefix first. ';
		const card = extractNote('n.md', `## Routing\n\n${sentence.repeat(20)}`, DEFAULT_CARD_SETTINGS, { topologyCards: null }).cards[0];
		expect(card.back.length).toBeLessThanOrEqual(BACK_LIMIT);
		expect(card.back.endsWith('first.')).toBe(true);
	});

	test('one code block or diagram may be long', () => {
		const block = '```yaml\n' + 'key: value\n'.repeat(60) + '```';
		const card = extractNote('n.md', `## Config\n\n${block}`, DEFAULT_CARD_SETTINGS, { topologyCards: null }).cards[0];
		expect(card.back).toBe(block);
		expect(isAtomicBack(card.back)).toBe(true);
	});
});
