import fc from 'fast-check';
import { extractNote } from '../../../src/core/cards';
import { isSubsequence } from './helpers';

/** Line shapes from real study notes, recombined at random (code fences and comments included). */
const LINE = fc.constantFrom(
	'# 1. 클라우드',
	'## 1.1  가상화',
	'### **2. Docker**',
	'---',
	'',
	'- **Term** : 정의',
	'\t- nested',
	'    - four spaces',
	'**Para**: text',
	'- **A:** b',
	'> **KVM**',
	'>**Term**',
	'> plain',
	'> [!tip] Title',
	'> [!note]-',
	'```bash',
	'```',
	'~~~',
	'%%',
	'x %%c%% y',
	'![a b.png](/img/a b.png)',
	'```table-of-contents',
	'#tag text',
	'\r',
	'**',
	'> ',
);

describe('extractNote on random notes', () => {
	it('never throws, and every non-topology front and back reads off the note in order', () => {
		fc.assert(
			fc.property(fc.array(LINE, { maxLength: 40 }), fc.boolean(), (lines, crlf) => {
				const text = lines.join(crlf ? '\r\n' : '\n');
				const { cards } = extractNote('n.md', text);
				for (const card of cards) {
					if (card.kind === 'topology') continue;
					expect(card.front.trim()).not.toBe('');
					expect(card.back.trim()).not.toBe('');
					expect(isSubsequence(card.front, text)).toBe(true);
					expect(isSubsequence(card.back, text)).toBe(true);
				}
				expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
			}),
			{ numRuns: 400, seed: 20261126 },
		);
	});
});
