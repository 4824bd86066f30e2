import { luminance, opaqueHex, parseCssColor, readThemePalette, themeKey } from '../../../src/plugin/topology/theme-colors';

describe('parseCssColor', () => {
	test.each([
		['#fff', [255, 255, 255, 1]],
		['#8a5cf5', [138, 92, 245, 1]],
		['#00000080', [0, 0, 0, 128 / 255]],
		['rgb(233, 49, 71)', [233, 49, 71, 1]],
		['rgba(0, 0, 0, 0.5)', [0, 0, 0, 0.5]],
		['rgb(0 0 0 / 50%)', [0, 0, 0, 0.5]],
		['hsl(0, 100%, 50%)', [255, 0, 0, 1]],
		['hsl(258 88% 66%)', [138, 92, 245, 1]],
	])('%s', (text, expected) => {
		const got = parseCssColor(text)!;
		expect(got.slice(0, 3)).toEqual(expected.slice(0, 3));
		expect(got[3]).toBeCloseTo(expected[3], 3);
	});
	test('not colours', () => {
		expect(parseCssColor('var(--x)')).toBeNull();
		expect(parseCssColor('')).toBeNull();
		expect(parseCssColor('#12')).toBeNull();
	});
});

describe('readThemePalette', () => {
	const light: Record<string, string> = { '--background-primary': ' #ffffff', '--text-normal': '#222222', '--interactive-accent': 'hsl(258, 88%, 66%)', '--background-modifier-border': 'rgba(0, 0, 0, 0.1)' };
	const dark: Record<string, string> = { '--background-primary': '#1e1e1e', '--text-normal': '#dadada', '--interactive-accent': '#8a5cf5' };

	test('reads Obsidian variables as opaque hex, translucent ones laid over the background', () => {
		const p = readThemePalette((n) => light[n] ?? '', false);
		expect(p.dark).toBe(false);
		expect(p.background).toBe('#ffffff');
		expect(p.text).toBe('#222222');
		expect(p.accent).toBe('#8a5cf5');
		expect(p.border).toBe('#e6e6e6');
	});
	test('a dark background makes a dark palette; unset variables fall back to dark defaults', () => {
		const p = readThemePalette((n) => dark[n] ?? '', true);
		expect(p.dark).toBe(true);
		expect(p.text).toBe('#dadada');
		expect(p.red).toBe('#fb464c');
		expect(luminance(parseCssColor(p.background)!)).toBeLessThan(0.1);
	});
	test('unparseable values go through the normaliser', () => {
		const p = readThemePalette((n) => (n === '--color-red' ? 'tomato' : ''), false, (css) => (css === 'tomato' ? '#ff6347' : null));
		expect(p.red).toBe('#ff6347');
	});
	test('the theme key changes with any colour and with dark/light', () => {
		const a = readThemePalette((n) => light[n] ?? '', false);
		const b = readThemePalette((n) => ({ ...light, '--interactive-accent': '#00ff00' })[n] ?? '', false);
		const c = readThemePalette((n) => dark[n] ?? '', true);
		expect(themeKey(a)).toBe(themeKey(readThemePalette((n) => light[n] ?? '', false)));
		expect(themeKey(a)).not.toBe(themeKey(b));
		expect(themeKey(a)).not.toBe(themeKey(c));
	});
	test('opaqueHex composites alpha', () => {
		expect(opaqueHex([0, 0, 0, 0.5], [255, 255, 255, 1])).toBe('#808080');
	});
});
