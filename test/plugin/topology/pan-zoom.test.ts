import { actualSizeViewBox, fitViewBox, MAX_SCALE, panViewBox, parseViewBox, zoomViewBox, formatViewBox } from '../../../src/plugin/topology/pan-zoom';

const content = { x: 0, y: 0, width: 400, height: 200 };

describe('view box arithmetic', () => {
	test('parse and format round-trip; invalid boxes are rejected', () => {
		expect(parseViewBox('0 0 459.015625 180')).toEqual({ x: 0, y: 0, width: 459.015625, height: 180 });
		expect(parseViewBox('-8,-8,10,10')).toEqual({ x: -8, y: -8, width: 10, height: 10 });
		expect(parseViewBox('0 0 0 10')).toBeNull();
		expect(parseViewBox(null)).toBeNull();
		expect(formatViewBox({ x: 1.23456, y: 0, width: 10, height: 5 })).toBe('1.235 0 10 5');
	});
	test('zooming in around the centre halves the box and keeps the centre', () => {
		const z = zoomViewBox(content, 2, content);
		expect(z).toEqual({ x: 100, y: 50, width: 200, height: 100 });
	});
	test('zooming around a corner keeps that corner fixed', () => {
		const z = zoomViewBox(content, 2, content, 0, 0);
		expect(z.x).toBe(0);
		expect(z.y).toBe(0);
	});
	test('zoom stays within the scale limits', () => {
		let v = content;
		for (let i = 0; i < 50; i++) v = zoomViewBox(v, 2, content);
		expect(v.width).toBeCloseTo(content.width / MAX_SCALE);
	});
	test('panning moves against the pointer, in diagram units', () => {
		const p = panViewBox(content, 100, 0, 800, 400); // 0.5 units per px
		expect(p.x).toBe(-50);
		expect(p.y).toBe(0);
	});
	test('fit shows the whole diagram; reset is one unit per pixel around the centre', () => {
		expect(fitViewBox(content, 8)).toEqual({ x: -8, y: -8, width: 416, height: 216 });
		expect(actualSizeViewBox(content, 100, 50)).toEqual({ x: 150, y: 75, width: 100, height: 50 });
	});
});
