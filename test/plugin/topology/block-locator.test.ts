import { blockAtLine, locateBlocks, locateNow, refindBlock } from '../../../src/plugin/topology/block-locator';

const NOTE = ['---', 'tags: [aws]', '---', '# VPC', '', '```vpc', 'name: a', 'cidr: 10.0.0.0/16', '```', '', 'text', '', '```containers', 'services: {}', '```', '', '```yaml', 'x: 1', '```'].join('\n');

describe('block locator', () => {
	test('finds the topology blocks with note positions', () => {
		const blocks = locateBlocks(NOTE);
		expect(blocks.map((b) => [b.kind, b.openLine, b.closeLine, b.firstLine, b.index])).toEqual([
			['vpc', 5, 8, 7, 1],
			['containers', 12, 14, 14, 2],
		]);
		expect(blocks[0]?.source).toBe('name: a\ncidr: 10.0.0.0/16');
	});
	test('the block under the cursor, fences included; none outside', () => {
		expect(blockAtLine(NOTE, 5)?.kind).toBe('vpc');
		expect(blockAtLine(NOTE, 7)?.kind).toBe('vpc');
		expect(blockAtLine(NOTE, 8)?.kind).toBe('vpc');
		expect(blockAtLine(NOTE, 10)).toBeNull();
		expect(blockAtLine(NOTE, 13)?.kind).toBe('containers');
		expect(blockAtLine(NOTE, 17)).toBeNull();
	});
	test('refinds a block after lines were added above it, and not a block whose text changed', () => {
		const moved = 'New first line\n\n' + NOTE;
		expect(refindBlock(moved, 'vpc', 'name: a\ncidr: 10.0.0.0/16\n', 5)?.openLine).toBe(7);
		expect(refindBlock(moved.replace('name: a', 'name: b'), 'vpc', 'name: a\ncidr: 10.0.0.0/16', 5)).toBeNull();
	});

	describe('locateNow (issue 11: positions read when needed)', () => {
		const block = '```vpc\nname: a\n```';
		const note = `intro\n\n${block}\n\nmiddle\n\n${block}\n`;
		const moved = `one more line\n${note}`;

		test('section info that matches the note is taken as it is, even between identical blocks', () => {
			const second = locateNow('vpc', 'name: a', 8, { text: note, lineStart: 8, lineEnd: 10 }, note);
			expect(second?.openLine).toBe(8);
			expect(second?.index).toBe(2);
		});

		test('stale section info (the note changed since) gives way to the block found in the note, nearest to where it was', () => {
			const found = locateNow('vpc', 'name: a', 8, { text: note, lineStart: 8, lineEnd: 10 }, moved);
			expect(found?.openLine).toBe(9);
			expect(found?.firstLine).toBe(11);
		});

		test('no section info (embed, MarkdownRenderer.render): the block is found in the note by its source', () => {
			expect(locateNow('vpc', 'name: a', -1, null, moved)?.openLine).toBe(3);
			expect(locateNow('vpc', 'name: b', -1, null, moved)).toBeNull();
			expect(locateNow('vpc', 'name: a', -1, null, null)).toBeNull();
		});
	});
});
