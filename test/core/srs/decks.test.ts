import { buildDecks, type DeckNode } from '../../../src/core/srs/decks';
import { buildQueue } from '../../../src/core/srs/review-queue';
import { DEFAULT_SCHEDULER_SETTINGS } from '../../../src/core/srs/scheduler';
import type { CardState } from '../../../src/core/srs/card-state';
import type { QueueCard } from '../../../src/core/srs/deck-scope';
import { stateFor } from './fakes';

const NOW = Date.UTC(2026, 0, 10, 12);
const DAY = 86_400_000;

const cards: QueueCard[] = [
	{ id: 'vpc-1', file: 'AWS/Networking/VPC.md', tags: ['#aws/vpc', '#aws/networking'] },
	{ id: 'vpc-2', file: 'AWS/Networking/VPC.md', tags: ['#AWS/vpc'] },
	{ id: 'ec2-1', file: 'AWS/EC2.md', tags: ['#aws/ec2'] },
	{ id: 'gcp-1', file: 'GCP/VPC.md', tags: [] },
	{ id: 'root-1', file: 'Inbox.md', tags: ['#exam'] },
];
const states = new Map<string, CardState>([
	['vpc-1', stateFor(1, { due: NOW - DAY })],
	['ec2-1', stateFor(2, { due: NOW + DAY })],
	['gcp-1', stateFor(3, { due: NOW - 1 })],
]);
const store = { stateOf: (id: string) => states.get(id) };

/** "name new/due/total" per node, indented, for reading the whole tree at a glance. */
function outline(node: DeckNode, depth = 0): string[] {
	const { new: fresh, due, total } = node.counts;
	return [`${'  '.repeat(depth)}${node.name || '(root)'} ${fresh}/${due}/${total}`, ...node.children.flatMap((c) => outline(c, depth + 1))];
}

describe('buildDecks', () => {
	it('builds the folder tree with new/due/total per folder', () => {
		const { folders } = buildDecks(cards, store, NOW);
		expect(outline(folders)).toEqual([
			'(root) 2/2/5',
			'  AWS 1/1/3',
			'    Networking 1/1/2',
			'  GCP 0/1/1',
		]);
		expect(folders.children[0].children[0].scope).toEqual({ kind: 'folder', path: 'AWS/Networking' });
	});

	it('builds the tag tree, merging case variants and counting a card once per node', () => {
		const { tags } = buildDecks(cards, store, NOW);
		expect(outline(tags)).toEqual([
			'(root) 2/1/4',
			'  aws 1/1/3',
			'    ec2 0/0/1',
			'    networking 0/1/1',
			'    vpc 1/1/2',
			'  exam 1/0/1',
		]);
		expect(tags.children[0].children[2].scope).toEqual({ kind: 'tag', tag: 'aws/vpc' });
	});

	it('gives each node a scope whose queue holds exactly its cards', () => {
		const { folders, tags } = buildDecks(cards, store, NOW);
		const all = [...folders.children, ...tags.children, ...tags.children.flatMap((n) => n.children), tags];
		for (const node of all) {
			const queue = buildQueue(cards, { stateOf: store.stateOf, log: () => [] }, DEFAULT_SCHEDULER_SETTINGS, NOW, node.scope, { learnAheadMinutes: 0 });
			expect({ path: node.path, due: queue.dueCount, new: queue.newCount }).toEqual({ path: node.path, due: node.counts.due, new: node.counts.new });
		}
	});
});
