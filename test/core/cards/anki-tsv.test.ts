import { DEFAULT_CARD_SETTINGS, extractNote, toAnkiTsv, type Card } from '../../../src/core/cards';
import { markdownToHtml } from '../../../src/core/cards/anki-tsv';

const card = (front: string, back: string, context: string[] = []): Card => ({
	id: 'h-x',
	file: 'vault/클라우드/클라우드 기반 기술.md',
	line: 1,
	kind: 'heading',
	front,
	back,
	context,
	hash: 'h',
});

describe('Anki TSV', () => {
	it('starts with the header lines Anki reads and has three tab-separated fields per card', () => {
		const tsv = toAnkiTsv([card('A', 'b', ['클라우드 기반 기술', '가상화 기술'])], () => ['aws/vpc', 'net']);
		expect(tsv.split('\n')).toEqual([
			'#separator:tab',
			'#html:true',
			'#notetype column:1',
			'#tags column:4',
			'Basic\tA\tb\t클라우드_기반_기술::클라우드_기반_기술::가상화_기술 aws/vpc net',
			'',
		]);
	});

	it('escapes HTML and never lets a tab, newline or quote break a field', () => {
		const tsv = toAnkiTsv([card('a <b> & "c"', 'x\ty\n\tz\r\nw')]);
		const row = tsv.split('\n')[4];
		expect(row.split('\t')).toEqual(['Basic', 'a &lt;b&gt; &amp; &quot;c&quot;', 'x y<br>&nbsp;&nbsp;&nbsp;&nbsp;z<br>w', '클라우드_기반_기술']);
	});

	it('converts bold, italics and inline code, leaving emphasis inside code literal', () => {
		expect(markdownToHtml('**bold** and *it* and `**code** <x>`')).toBe('<b>bold</b> and <i>it</i> and <code>**code** &lt;x&gt;</code>');
		expect(markdownToHtml('- item\n  - nested')).toBe('- item<br>&nbsp;&nbsp;- nested');
	});

	it('exports a cloze text as one Cloze note in Anki syntax, and question/answer cards as Basic', () => {
		const text = ['#flashcards', '', 'A ==NACL== checks rules in ==order;;how==.', '', 'Q::A', '', 'Overlap ==as;;x== and ==sa;;y==', '', 'The {{c1::control plane}} schedules {{c2::pods::what}}.'].join('\n');
		const cards = extractNote('n.md', text, DEFAULT_CARD_SETTINGS, { topologyCards: null }).cards;
		const rows = toAnkiTsv(cards).split('\n').slice(4, -1).map((r) => r.split('\t').slice(0, 3));
		expect(rows).toEqual([
			['Cloze', 'A {{c1::NACL}} checks rules in {{c2::order::how}}.', ''],
			['Basic', 'Q', 'A'],
			// SR's overlapping clozes have no Anki form: one Basic note per card.
			['Basic', 'Overlap <mark>[...]</mark> and y', 'Overlap <mark>x</mark> and y'],
			['Basic', 'Overlap x and <mark>[...]</mark>', 'Overlap x and <mark>y</mark>'],
			['Cloze', 'The {{c1::control plane}} schedules {{c2::pods::what}}.', ''],
		]);
	});
});
