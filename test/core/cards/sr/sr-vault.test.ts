/**
 * A small vault written in the Spaced Repetition plugin's syntax. Each note's expected cards are
 * worked out by hand from SR 1.15's rules (src/parser.ts, question-type.ts, clozecraft): which
 * notes SR reads, where each question starts and ends, how it splits into front and back. Our
 * index must find exactly those, plus our own cards from the rest of the note, and never the same
 * lines twice.
 */
import { DEFAULT_CARD_SETTINGS, extractNote, type Card, type CardSettings } from '../../../../src/core/cards';
import { srSyntaxFromData } from '../../../../src/core/cards/sr/sr-syntax';
import { note } from '../helpers';

const srOnly = (cards: readonly Card[]) => cards.filter((c) => c.kind === 'flashcard' || c.kind === 'cloze').map((c) => [c.kind, c.line, c.front, c.back]);
const ours = (cards: readonly Card[]) => cards.filter((c) => c.kind !== 'flashcard' && c.kind !== 'cloze').map((c) => [c.kind, c.line, c.front]);

const VAULT: Record<string, string> = {
	'aws/vpc.md': note(
		'---',
		'tags: [flashcards/aws]',
		'---',
		'# VPC',
		'',
		'## Subnets',
		'',
		'What makes a subnet public::A route to an internet gateway',
		'Security groups are:::stateful <!--SR:!2026-12-10,12,270!2026-12-20,30,250-->',
		'',
		'What does a NAT gateway do?',
		'?',
		'Lets private subnets reach out',
		'without being reachable.',
		'<!--SR:!2026-12-08,3,230-->',
		'',
		'A ==NACL== is stateless and checks rules in ==order==.',
		'',
		'`a::b` is code, not a card',
		'',
		'## Routing',
		'',
		'Route tables hold routes. This paragraph is ours.',
		'',
		'- **Longest prefix** : the most specific route wins',
	),
	'aws/plain.md': note('# Not a deck', '', 'Q::A here is not SR (no flashcard tag)', '', 'A ==highlight== is only a highlight.'),
	'k8s/pods.md': note(
		'#flashcards',
		'',
		'## Pods',
		'Pod',
		'??',
		'The smallest deployable unit',
		'',
		'**Service**::a stable address for pods',
		'',
		'```yaml',
		'kind: Pod',
		'```',
		'',
		'#flashcards/k8s Kubelet::the node agent ^kubelet-1',
		'Sidecar::a helper container',
		'> [!sr|card-metadata]',
		'> <!--SR:!2026-12-09,5,250-->',
	),
	'anki/export.md': note('# Anki style', '', 'The {{c1::control plane}} schedules {{c2::pods::what}}.', ''),
};

function cardsOf(path: string, settings: CardSettings = DEFAULT_CARD_SETTINGS): Card[] {
	return extractNote(path, VAULT[path], settings, { topologyCards: null }).cards;
}

describe('a vault in SR syntax', () => {
	test('a deck note: every SR card with its front and back, and our own cards from the other lines', () => {
		const cards = cardsOf('aws/vpc.md');
		expect(srOnly(cards)).toEqual([
			['flashcard', 8, 'What makes a subnet public', 'A route to an internet gateway'],
			['flashcard', 9, 'Security groups are', 'stateful'],
			['flashcard', 9, 'stateful', 'Security groups are'],
			['flashcard', 11, 'What does a NAT gateway do?', 'Lets private subnets reach out\nwithout being reachable.'],
			['cloze', 17, 'A ==[...]== is stateless and checks rules in order.', 'A ==NACL== is stateless and checks rules in order.'],
			['cloze', 17, 'A NACL is stateless and checks rules in ==[...]==.', 'A NACL is stateless and checks rules in ==order==.'],
		]);
		// The Subnets section holds only SR cards (and an inline-code line): the heading card keeps
		// only that line, never the SR lines or their schedule comments.
		const subnets = cards.find((c) => c.kind === 'heading' && c.front === 'Subnets');
		expect(subnets?.back).toBe('`a::b` is code, not a card');
		expect(ours(cards)).toEqual([
			['heading', 6, 'Subnets'],
			['heading', 21, 'Routing'],
			['definition', 25, 'Longest prefix'],
		]);
		for (const card of cards) expect(card.front + card.back).not.toContain('<!--SR:');
	});

	test('a note without a flashcard tag makes no SR card', () => {
		const cards = cardsOf('aws/plain.md');
		expect(srOnly(cards)).toEqual([]);
		expect(ours(cards)).toEqual([['heading', 1, 'Not a deck']]);
	});

	test('multi-line reversed, a bold front, deck tags, block ids and the metadata callout', () => {
		const cards = cardsOf('k8s/pods.md');
		expect(srOnly(cards)).toEqual([
			// SR's multi-line card starts after the last blank line: the heading line is part of its front.
			['flashcard', 3, '## Pods\nPod', 'The smallest deployable unit'],
			['flashcard', 3, 'The smallest deployable unit', '## Pods\nPod'],
			['flashcard', 8, '**Service**', 'a stable address for pods'],
			['flashcard', 14, 'Kubelet', 'the node agent'],
			['flashcard', 15, 'Sidecar', 'a helper container'],
		]);
		// `**Service**::...` is not also a definition card; the heading card keeps only the code block,
		// which is no SR card (a paragraph without a separator).
		expect(ours(cards)).toEqual([['heading', 3, 'Pods']]);
		expect(cards.find((c) => c.kind === 'heading')?.back).toBe('```yaml\nkind: Pod\n```');
	});

	test('Anki clozes: a card per number, the hint shown, in any note', () => {
		const cards = cardsOf('anki/export.md');
		expect(srOnly(cards)).toEqual([
			['cloze', 3, 'The ==[...]== schedules pods.', 'The ==control plane== schedules pods.'],
			['cloze', 3, 'The control plane schedules ==[what]==.', 'The control plane schedules ==pods==.'],
		]);
		expect(ours(cards)).toEqual([]);
	});

	test("SR's own settings: other separators and bold clozes from its data.json", () => {
		const syntax = srSyntaxFromData({ settings: { singleLineCardSeparator: '=>', multilineCardSeparator: '---?', convertBoldTextToClozes: true, convertHighlightsToClozes: false } });
		expect(syntax.clozePatterns).toEqual(['**[123;;]answer[;;hint]**']);
		const text = note('#flashcards', '', 'CIDR=>a way to write ranges', '', 'Front', '---?', 'Back', '', 'A **bold** cloze and an ==ignored== highlight', '', 'old::separator');
		const cards = extractNote('n.md', text, { ...DEFAULT_CARD_SETTINGS, srSyntax: syntax }, { topologyCards: null }).cards;
		expect(srOnly(cards)).toEqual([
			['flashcard', 3, 'CIDR', 'a way to write ranges'],
			['flashcard', 5, 'Front', 'Back'],
			['cloze', 9, 'A ==[...]== cloze and an ==ignored== highlight', 'A ==bold== cloze and an ==ignored== highlight'],
		]);
	});

	test('numbered and hinted SR clozes: one card per number', () => {
		const text = note('#flashcards', '', 'TCP ==1;;three==-way ==1;;handshake;;greeting== uses ==2;;SYN==');
		const cards = extractNote('n.md', text, DEFAULT_CARD_SETTINGS, { topologyCards: null }).cards;
		expect(srOnly(cards)).toEqual([
			['cloze', 3, 'TCP ==[...]==-way ==[greeting]== uses SYN', 'TCP ==three==-way ==handshake== uses SYN'],
			['cloze', 3, 'TCP three-way handshake uses ==[...]==', 'TCP three-way handshake uses ==SYN=='],
		]);
	});

	test('the setting off: no SR cards, the lines are ours again', () => {
		const cards = cardsOf('k8s/pods.md', { ...DEFAULT_CARD_SETTINGS, srSyntax: null });
		expect(srOnly(cards)).toEqual([]);
		expect(ours(cards).map((c) => c[0])).toContain('heading');
	});

	test('ids are stable, distinct, and carry their kind', () => {
		const a = cardsOf('aws/vpc.md');
		const b = cardsOf('aws/vpc.md');
		expect(a.map((c) => c.id)).toEqual(b.map((c) => c.id));
		expect(new Set(a.map((c) => c.id)).size).toBe(a.length);
		for (const c of a) expect(c.id[0]).toBe({ flashcard: 'f', cloze: 'z', heading: 'h', definition: 'd' }[c.kind as string]);
	});
});
