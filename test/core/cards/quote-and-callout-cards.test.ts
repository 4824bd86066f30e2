import { DEFAULT_CARD_SETTINGS, extractNote } from '../../../src/core/cards';
import { note, summary } from './helpers';

const only = (kind: 'callout' | 'quote') => ({
	...DEFAULT_CARD_SETTINGS,
	sources: { heading: false, callout: kind === 'callout', quote: kind === 'quote', definition: false, topology: false, flashcard: false, cloze: false, occlusion: false, 'trace-drill': false },
});

describe('callout cards', () => {
	it('use the title as the front and the body as the back', () => {
		const { cards } = extractNote('n.md', note('> [!tip] What is a NAT gateway?', '> Lets private subnets reach out.', '> - one way'), only('callout'));
		expect(cards.map((c) => [c.kind, c.line, c.front, c.back])).toEqual([
			['callout', 1, 'What is a NAT gateway?', 'Lets private subnets reach out.\n- one way'],
		]);
	});

	it('accept foldable markers and metadata', () => {
		const { cards } = extractNote(
			'n.md',
			note('> [!faq]+ Open', '> yes', '', '> [!FAQ]- Closed', '> no', '', '> [!note|wide] Meta', '> body'),
			only('callout'),
		);
		expect(cards.map((c) => [c.front, c.back])).toEqual([
			['Open', 'yes'],
			['Closed', 'no'],
			['Meta', 'body'],
		]);
	});

	it('ask with the first line when there is no title', () => {
		const { cards } = extractNote('n.md', note('> [!question]', '> Which port does SSH use?', '> 22'), only('callout'));
		expect(cards.map((c) => [c.front, c.back])).toEqual([['Which port does SSH use?', '22']]);
	});

	it('make no card without a back', () => {
		expect(extractNote('n.md', note('> [!note] Title only'), only('callout')).cards).toEqual([]);
		expect(extractNote('n.md', note('> [!note]', '> one line'), only('callout')).cards).toEqual([]);
	});

	it('filter types by include and exclude (case-insensitive)', () => {
		const text = note('> [!tip] A', '> a', '', '> [!warning] B', '> b', '', '> [!todo] C', '> c');
		const fronts = (include: string[], exclude: string[]) =>
			extractNote('n.md', text, { ...only('callout'), calloutTypes: { include, exclude } }).cards.map((c) => c.front);
		expect(fronts([], [])).toEqual(['A', 'B', 'C']);
		expect(fronts(['TIP', 'warning'], [])).toEqual(['A', 'B']);
		expect(fronts([], ['todo'])).toEqual(['A', 'B']);
	});

	it('are not read from code blocks', () => {
		expect(extractNote('n.md', note('```md', '> [!tip] A', '> a', '```'), only('callout')).cards).toEqual([]);
	});

	it('are split by a blank line and keep nested quotes', () => {
		const { cards } = extractNote('n.md', note('> [!info] X', '> x', '> > inner', '', '> [!info] Y', '> y'), only('callout'));
		expect(cards.map((c) => c.back)).toEqual(['x\n> inner', 'y']);
	});
});

describe('definition quotes', () => {
	it('read `> **Term**` then lines, `>**Term**` without the space, and `> **Term** : definition`', () => {
		const { cards } = extractNote(
			'n.md',
			note('> **KVM**', '> Linux as a type 1 hypervisor.', '', '>**Xen**', '>Another one.', '', '> **NAT** : address translation', '', '> **IGW**:internet gateway'),
			only('quote'),
		);
		expect(cards.map((c) => [c.line, c.front, c.back])).toEqual([
			[1, 'KVM', 'Linux as a type 1 hypervisor.'],
			[4, 'Xen', 'Another one.'],
			[7, 'NAT', 'address translation'],
			[9, 'IGW', 'internet gateway'],
		]);
	});

	it('ignore quotes that do not open with a lone bold term, callouts and empty definitions', () => {
		const { cards } = extractNote(
			'n.md',
			note('> plain remark', '> **not first**', '', '> **Bold** words continue', '> more', '', '> [!note] **Callout**', '> x', '', '> **Alone**'),
			only('quote'),
		);
		expect(cards).toEqual([]);
	});

	it('do not leak comments', () => {
		const { cards } = extractNote('n.md', note('> **Term** %%hidden%%', '> %% whole line %%', '> shown'), only('quote'));
		expect(summary(cards)).toEqual([['quote', 1, 'Term']]);
		expect(cards[0]?.back).toBe('shown');
	});
});
