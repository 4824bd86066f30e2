import { DEFAULT_CARD_SETTINGS, extractNote } from '../../../src/core/cards';
import { note } from './helpers';

const definitionsOnly = {
	...DEFAULT_CARD_SETTINGS,
	sources: { heading: false, callout: false, quote: false, definition: true, topology: false, flashcard: false, cloze: false, occlusion: false, 'trace-drill': false },
};
const defs = (text: string) => extractNote('n.md', text, definitionsOnly).cards.map((c) => [c.front, c.back]);

describe('bold-term definitions', () => {
	it.each([
		['- **VPC** : a private network', 'VPC', 'a private network'],
		['- **VPC**: a private network', 'VPC', 'a private network'],
		['- **VPC** :a private network', 'VPC', 'a private network'],
		['- **VPC**\u00a0: a private network', 'VPC', 'a private network'],
		['- **VPC**\t:\ta private network', 'VPC', 'a private network'],
		['- **VPC:** a private network', 'VPC', 'a private network'],
		['- **VPC**：가상 사설 네트워크', 'VPC', '가상 사설 네트워크'],
		['* __VPC__: a private network', 'VPC', 'a private network'],
		['1. **VPC**: a private network', 'VPC', 'a private network'],
		['**VPC** : a private network', 'VPC', 'a private network'],
		['**VPC**: a private network', 'VPC', 'a private network'],
	])('%j', (line, front, back) => {
		expect(defs(line)).toEqual([[front, back]]);
	});

	it('take nested items, tab-indented, with their own nesting and blank lines between them', () => {
		const text = note('- **Subnet** : a slice of the VPC', '\t- public or private', '\t\t- by route', '', '\t- one AZ', '- **Next**: other');
		expect(defs(text)).toEqual([
			['Subnet', 'a slice of the VPC\n- public or private\n\t- by route\n\n- one AZ'],
			['Next', 'other'],
		]);
	});

	it('take a space-indented nested list when the term line ends at the colon', () => {
		const text = note('- **Image**:', '    - a template', '    - layers', '', '', '- **Container**:', '    - a running image');
		expect(defs(text)).toEqual([
			['Image', '- a template\n- layers'],
			['Container', '- a running image'],
		]);
	});

	it('take a nested definition as a card of its own too', () => {
		expect(defs(note('- **A**: a', '\t- **B**: b'))).toEqual([
			['A', 'a\n- **B**: b'],
			['B', 'b'],
		]);
	});

	it('take the rest of a paragraph, stopping at a blank line or the next definition', () => {
		const text = note('**SG**: stateful', 'per instance', '- allow rules only', '**NACL**: stateless', '', 'after');
		expect(defs(text)).toEqual([
			['SG', 'stateful\nper instance\n- allow rules only'],
			['NACL', 'stateless'],
		]);
		expect(defs(note('**장점**:', '', '- 빠름', '- 가벼움', '', 'after'))).toEqual([['장점', '- 빠름\n- 가벼움']]);
	});

	it('make no card from bold text that is not a term with a colon', () => {
		const text = note(
			'- **ALIAS (apex domain 전용)**',
			'**장점**',
			'- **원본 서버의 부하를 줄이고** 응답이 빨라짐',
			'- 리전별로 나누는 방식을 **GSLB** 라고 한다: 설명',
			'- 예: `nginx`',
			'- **Empty**:',
			'    ',
			'** spaced **: no',
		);
		expect(defs(text)).toEqual([]);
	});

	it('are never read from code blocks, nested fences in lists included, but keep them on the back', () => {
		const text = note(
			'```md',
			'- **InCode**: no',
			'```',
			'- **Run**:',
			'    ```bash',
			'    - **AlsoCode**: no',
			'    ```',
		);
		expect(defs(text)).toEqual([['Run', '```bash\n- **AlsoCode**: no\n```']]);
	});

	it('stop at a heading and at a less indented line', () => {
		expect(defs(note('\t- **Deep**: x', '\t\t- y', '- top', '  - z'))).toEqual([['Deep', 'x\n- y']]);
		expect(defs(note('- **T**: x', '## H', '  - y'))).toEqual([['T', 'x']]);
	});

	it('leave comments out of the back', () => {
		expect(defs(note('- **T**: x %%todo%%', '\t- y', '\t%%', '\t- hidden', '\t%%', '\t- z'))).toEqual([['T', 'x\n- y\n- z']]);
	});
});

describe('lazy continuation lines', () => {
	it('belong to the definition, as Markdown renders them inside the list item', () => {
		expect(defs(note('- **NAT gateway** : lets private subnets', 'reach the internet', '- **IGW** : the door'))).toEqual([
			['NAT gateway', 'lets private subnets\nreach the internet'],
			['IGW', 'the door'],
		]);
	});

	it('continue a nested item too, which keeps its indentation', () => {
		expect(defs(note('- **Subnet** : a slice', '\t- public or private', 'by its route table', '', 'Next paragraph'))).toEqual([
			['Subnet', 'a slice\n- public or private\nby its route table'],
		]);
	});

	it('stop at a blank line, a new item, a quote, a break, a heading or a definition of its own', () => {
		for (const after of ['', '- next item', '> quoted', '---', '## Heading', '**Other** : its own']) {
			const cards = defs(note('- **VPC** : a private network', after, 'not part of it'));
			expect(cards[0]).toEqual(['VPC', 'a private network']);
		}
	});
});

describe('a definition that repeats its section title', () => {
	const all = (text: string) => extractNote('n.md', text).cards.map((c) => [c.kind, c.front]);

	it('is left to the heading card, whose back already holds it (one question, one card)', () => {
		const text = note('## 1.1  Grid computing', '---', '', '- **Grid  computing** : servers joined into one', '\t- one pool', '', '- **Cluster** : machines in one room');
		expect(all(text)).toEqual([
			['heading', 'Grid computing'],
			['definition', 'Cluster'],
		]);
		expect(extractNote('n.md', text).cards[0].back).toContain('servers joined into one');
	});

	it('stays when the heading makes no card (its level is not studied) or the term sits under a sub-heading', () => {
		const noH2 = { ...DEFAULT_CARD_SETTINGS, headingLevels: [1] };
		expect(extractNote('n.md', note('## VPC', '', '> **VPC** : a private network'), noH2).cards.map((c) => c.front)).toEqual(['VPC']);
		expect(all(note('## VPC', '', 'intro', '### Parts', '', '- **VPC** : a private network'))).toEqual([
			['heading', 'VPC'],
			['heading', 'Parts'],
			['definition', 'VPC'],
		]);
	});
});
