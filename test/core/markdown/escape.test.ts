import { markdownCode, markdownText } from '../../../src/core/markdown/escape';
import { extractNote } from '../../../src/core/cards';
import { toAnkiTsv } from '../../../src/core/cards/anki-tsv';

describe('markdownText', () => {
	test.each([
		['<img src=x onerror=alert(1)>', '\\<img src\\=x onerror\\=alert(1)\\>'],
		['[x](javascript:alert(1))', '\\[x\\](javascript:alert(1))'],
		['![[secret.png]]', '\\!\\[\\[secret.png\\]\\]'],
		['%%hidden%% #tag $x$ ==hi== ~~s~~ **b** _i_ `c` a|b &amp;', '\\%\\%hidden\\%\\% \\#tag \\$x\\$ \\=\\=hi\\=\\= \\~\\~s\\~\\~ \\*\\*b\\*\\* \\_i\\_ \\`c\\` a\\|b \\&amp;'],
		['- list', '\\- list'],
		['1. item', '1\\. item'],
		['two\nlines', 'two lines'],
	])('escapes %j so it renders as itself', (input, expected) => {
		expect(markdownText(input)).toBe(expected);
	});

	test('leaves names and CIDRs that need no escaping as they are', () => {
		expect(markdownText('app-a')).toBe('app-a');
		expect(markdownText('10.0.0.0/16')).toBe('10.0.0.0/16');
		expect(markdownText('웹 서버-1')).toBe('웹 서버-1');
	});
});

describe('markdownCode', () => {
	test('fences the text with more backticks than it contains', () => {
		expect(markdownCode('tcp 22 from 0.0.0.0/0')).toBe('`tcp 22 from 0.0.0.0/0`');
		expect(markdownCode('a `b` c')).toBe('``a `b` c``');
		expect(markdownCode('`x')).toBe('`` `x ``');
	});
});

describe('topology cards with hostile names', () => {
	const note = [
		'## 망',
		'',
		'```containers',
		'services:',
		'  "<img src=x onerror=alert(1)>":',
		'    image: nginx:1.27',
		'    networks: [back]',
		'  "[x](javascript:alert(1))":',
		'    image: redis:7',
		'    networks: [back]',
		'networks:',
		'  back: { internal: true }',
		'flows:',
		'  - "<img src=x onerror=alert(1)> -> [x](javascript:alert(1)) tcp/6379"',
		'```',
	].join('\n');

	test('carry the names as escaped text, so no HTML or link can form at review time', () => {
		const cards = extractNote('n.md', note).cards.filter((c) => c.kind === 'topology');
		expect(cards.length).toBeGreaterThan(0);
		for (const card of cards) {
			for (const text of [card.front, card.back]) {
				expect(text).not.toMatch(/(^|[^\\])<img/);
				expect(text).not.toMatch(/(^|[^\\])\[x(\\)?\]\(/);
			}
		}
		expect(cards.some((c) => c.front.includes('\\<img src\\=x onerror\\=alert(1)\\>'))).toBe(true);
	});

	test('read back as the plain names in the Anki export', () => {
		const cards = extractNote('n.md', note).cards.filter((c) => c.kind === 'topology');
		const tsv = toAnkiTsv(cards);
		expect(tsv).toContain('&lt;img src=x onerror=alert(1)&gt;');
		expect(tsv).not.toContain('\\&lt;');
		expect(tsv).not.toContain('<img');
	});
});
