import { neighbourhood, traceHighlight } from '../../../src/plugin/topology/highlight';

const EDGES = [
	{ from: 'internet', to: 'igw' },
	{ from: 'igw', to: 'alb' },
	{ from: 'alb', to: 'web' },
	{ from: 'web', to: 'db' },
	{ from: 'nat', to: 'igw' },
];
const DRAWN = new Set(['internet', 'igw', 'alb', 'web', 'db', 'nat', 'public-a', 'private-a']);

describe('neighbourhood', () => {
	test('a node lights its edges and the nodes at their other ends', () => {
		const h = neighbourhood('igw', EDGES);
		expect([...h.nodes].sort()).toEqual(['alb', 'igw', 'internet', 'nat']);
		expect([...h.edges].sort()).toEqual([0, 1, 4]);
		expect(h.focus).toBe('igw');
	});
	test('a node without edges lights only itself', () => {
		const h = neighbourhood('public-a', EDGES);
		expect([...h.nodes]).toEqual(['public-a']);
		expect(h.edges.size).toBe(0);
	});
});

describe('traceHighlight', () => {
	test('an allowed trace lights its drawn hops and the edges between them, skipping undrawn resources', () => {
		const h = traceHighlight(
			{ allowed: true, path: ['internet', 'igw', 'public-a', 'alb', 'alb-sg', 'web', 'web-sg'], hops: [] },
			EDGES,
			DRAWN,
		);
		expect([...h.nodes]).toEqual(['internet', 'igw', 'public-a', 'alb', 'web']);
		expect([...h.edges].sort()).toEqual([0, 1, 2]);
		expect(h.blocked).toBeNull();
	});
	test('edges drawn the other way round still light', () => {
		const h = traceHighlight({ allowed: true, path: ['db', 'web'], hops: [] }, EDGES, DRAWN);
		expect([...h.edges]).toEqual([3]);
	});
	test('a refused trace marks the drawn resource that refused', () => {
		const h = traceHighlight(
			{ allowed: false, path: ['internet', 'igw', 'private-a'], hops: [{ resource: 'internet', allowed: true }, { resource: 'private-a', allowed: false }], blockedAt: 1 },
			EDGES,
			DRAWN,
		);
		expect(h.blocked).toBe('private-a');
		expect(h.nodes.has('private-a')).toBe(true);
	});
	test('refused by an undrawn security group: the last drawn resource reached is marked', () => {
		const h = traceHighlight(
			{ allowed: false, path: ['web', 'db'], hops: [{ resource: 'web', allowed: true }, { resource: 'db-sg', allowed: false }], blockedAt: 1 },
			EDGES,
			DRAWN,
		);
		expect(h.blocked).toBe('db');
	});
});
