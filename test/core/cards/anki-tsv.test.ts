import { toAnkiTsv, type Card } from '../../../src/core/cards';
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
			'#tags column:3',
			'A\tb\t클라우드_기반_기술::클라우드_기반_기술::가상화_기술 aws/vpc net',
			'',
		]);
	});

	it('escapes HTML and never lets a tab, newline or quote break a field', () => {
		const tsv = toAnkiTsv([card('a <b> & "c"', 'x\ty\n\tz\r\nw')]);
		const row = tsv.split('\n')[3];
		expect(row.split('\t')).toEqual(['a &lt;b&gt; &amp; &quot;c&quot;', 'x y<br>&nbsp;&nbsp;&nbsp;&nbsp;z<br>w', '클라우드_기반_기술']);
	});

	it('converts bold, italics and inline code, leaving emphasis inside code literal', () => {
		expect(markdownToHtml('**bold** and *it* and `**code** <x>`')).toBe('<b>bold</b> and <i>it</i> and <code>**code** &lt;x&gt;</code>');
		expect(markdownToHtml('- item\n  - nested')).toBe('- item<br>&nbsp;&nbsp;- nested');
	});
});
