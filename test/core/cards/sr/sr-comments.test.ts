import { DEFAULT_CARD_SETTINGS, extractNote } from '../../../../src/core/cards';
import { withoutSrComments } from '../../../../src/core/cards/sr/sr-comments';

describe('removing SR schedule comments', () => {
	test('comments on the line, on the next line and in a metadata callout go; nothing else changes; the cards stay the same', () => {
		const text = [
			'#flashcards',
			'',
			'Q1::A1 <!--SR:!2026-12-10,12,270-->',
			'Q2::A2',
			'<!--SR:!2026-12-08,3,230-->',
			'',
			'Q3::A3',
			'> [!sr|card-metadata]',
			'> <!--SR:!fsrs,2026-12-09T08:00:00.000Z,5,5.2,6.1,2,7,1,0,2026-12-04T08:00:00.000Z-->',
			'',
			'<!-- an ordinary comment stays -->',
			'',
		].join('\n');
		const cleaned = withoutSrComments(text);
		expect(cleaned).toBe(['#flashcards', '', 'Q1::A1', 'Q2::A2', '', 'Q3::A3', '', '<!-- an ordinary comment stays -->', ''].join('\n'));
		const cards = (t: string) => extractNote('n.md', t, DEFAULT_CARD_SETTINGS, { topologyCards: null }).cards.map((c) => [c.id, c.front, c.back]);
		expect(cards(cleaned)).toEqual(cards(text));
	});
});
