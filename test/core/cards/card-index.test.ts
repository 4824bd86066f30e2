import { CardIndex, DEFAULT_CARD_SETTINGS, type TopologyCardSource } from '../../../src/core/cards';
import { note } from './helpers';

const a = note('## A', 'body a', '- **T**: t');
const b = note('---', 'tags: [net, "aws"]', '---', '## B', 'body b #study');

describe('CardIndex', () => {
	it('adds notes and answers by file, id and tag', () => {
		const index = new CardIndex();
		const change = index.setNote('a.md', a);
		index.setNote('b.md', b);
		expect(change.added).toHaveLength(2);
		expect(change.removed).toEqual([]);
		expect(index.size).toBe(3);
		expect(index.files()).toEqual(['a.md', 'b.md']);
		expect(index.inFile('a.md').map((c) => c.front)).toEqual(['A', 'T']);
		expect(index.all().map((c) => c.front)).toEqual(['A', 'T', 'B']);
		const first = index.inFile('b.md')[0];
		expect(index.byId(first?.id)).toBe(first);
		expect(index.tagsOf('b.md')).toEqual(['net', 'aws', 'study']);
		expect(index.tagsOf('missing.md')).toEqual([]);
	});

	it('keeps each note\'s tags apart when notes have the same tags, also after one of them changes', () => {
		const index = new CardIndex();
		index.setNote('b.md', b);
		index.setNote('c.md', b);
		index.tagsOf('b.md').push('edited by the caller');
		expect(index.tagsOf('c.md')).toEqual(['net', 'aws', 'study']);
		index.setNote('c.md', b.replace('net', 'k8s'));
		expect(index.tagsOf('b.md')).toEqual(['net', 'aws', 'study']);
		expect(index.tagsOf('c.md')).toEqual(['k8s', 'aws', 'study']);
		expect(index.cachedNote('b.md', { mtime: 1, size: 1 })?.tags).toEqual(['net', 'aws', 'study']);
	});

	it('reports added, removed and changed cards on re-index, and nothing for a pure move', () => {
		const index = new CardIndex();
		index.setNote('a.md', a);
		const [heading, term] = index.inFile('a.md');
		const edited = index.setNote('a.md', note('## A', 'body a, edited', '- **U**: u'));
		expect(edited.changed).toEqual([heading?.id]);
		expect(edited.removed).toEqual([term?.id]);
		expect(edited.added).toHaveLength(1);
		expect(index.byId(term?.id)).toBeUndefined();
		expect(index.size).toBe(2);
		const shifted = index.setNote('a.md', '\n\n' + note('## A', 'body a, edited', '- **U**: u'));
		expect(shifted).toEqual({ added: [], removed: [], changed: [] });
		expect(index.inFile('a.md')[0]?.line).toBe(3);
	});

	it('removes a note and its cards', () => {
		const index = new CardIndex();
		index.setNote('a.md', a);
		index.setNote('b.md', b);
		const removed = index.removeNote('a.md');
		expect(removed).toHaveLength(2);
		expect(index.size).toBe(1);
		expect(index.removeNote('a.md')).toEqual([]);
		for (const id of removed) expect(index.byId(id)).toBeUndefined();
	});

	it('honours cards: false and forgets the cards of a note that opts out later', () => {
		const index = new CardIndex();
		index.setNote('a.md', a);
		const change = index.setNote('a.md', '---\ncards: false\n---\n' + a);
		expect(change.removed).toHaveLength(2);
		expect(index.size).toBe(0);
		expect(index.isOptedOut('a.md')).toBe(true);
	});

	it('re-extracts on a rename that comes with new text, pairing only surviving cards', () => {
		const index = new CardIndex();
		index.setNote('a.md', a);
		const [heading] = index.inFile('a.md');
		const pairs = index.renameNote('a.md', 'moved/a.md', note('## A', 'body a'));
		expect(pairs).toHaveLength(1);
		expect(pairs[0]?.oldId).toBe(heading?.id);
		expect(index.size).toBe(1);
		expect(index.files()).toEqual(['moved/a.md']);
	});

	it('indexes an unknown note on rename when given its text', () => {
		const index = new CardIndex();
		expect(index.renameNote('x.md', 'y.md', a)).toEqual([]);
		expect(index.inFile('y.md')).toHaveLength(2);
	});

	it('empties on new settings so the caller re-feeds with them', () => {
		const index = new CardIndex();
		index.setNote('a.md', a);
		index.setSettings({ ...DEFAULT_CARD_SETTINGS, sources: { ...DEFAULT_CARD_SETTINGS.sources, definition: false } });
		expect(index.size).toBe(0);
		index.setNote('a.md', a);
		expect(index.all().map((c) => c.kind)).toEqual(['heading']);
	});

	it('takes topology cards from the injected source, only for notes with a topology block', () => {
		const calls: string[] = [];
		const source: TopologyCardSource = ({ file, korean }) => {
			calls.push(file);
			return [{ kind: 'topology', line: 3, front: korean ? '질문' : 'Question', back: 'Answer', key: 'q1' }];
		};
		const index = new CardIndex(DEFAULT_CARD_SETTINGS, { topologyCards: source });
		index.setNote('plain.md', a);
		index.setNote('net.md', note('## 네트워크', 'text', '', '```vpc', 'vpc shop', '```'));
		expect(calls).toEqual(['net.md']);
		const topology = index.inFile('net.md').find((c) => c.kind === 'topology');
		expect(topology).toMatchObject({ line: 4, front: '질문', back: 'Answer', context: ['네트워크'] });
		expect(topology?.id).toMatch(/^t-/);
	});
});
