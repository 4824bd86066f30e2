/**
 * The colours a diagram is drawn with, read from Obsidian's CSS variables on document.body, so
 * diagrams follow the theme (light/dark, accent colour, community themes). Mermaid receives plain
 * `#rrggbb` values inside the diagram text: its style syntax splits on commas (so `rgb(1, 2, 3)`
 * cannot pass) and an exported SVG has no CSS variables to resolve. The published garden page
 * reads the site's theme the same way (Digital Garden themes define Obsidian's variables).
 */
import type { DiagramColors } from '../../core/topology';

/** The theme as the diagram sees it: opaque `#rrggbb` colours. */
export interface ThemePalette {
	dark: boolean;
	background: string;
	backgroundAlt: string;
	backgroundSecondary: string;
	border: string;
	text: string;
	textMuted: string;
	accent: string;
	red: string;
	orange: string;
	yellow: string;
	green: string;
	cyan: string;
	blue: string;
	purple: string;
}

/** Obsidian variable for each palette colour, and the default-theme value used when it is unset. */
const SOURCES: Record<Exclude<keyof ThemePalette, 'dark'>, { variable: string; light: string; dark: string }> = {
	background: { variable: '--background-primary', light: '#ffffff', dark: '#1e1e1e' },
	backgroundAlt: { variable: '--background-primary-alt', light: '#fafafa', dark: '#242424' },
	backgroundSecondary: { variable: '--background-secondary', light: '#f6f6f6', dark: '#262626' },
	border: { variable: '--background-modifier-border', light: '#e0e0e0', dark: '#363636' },
	text: { variable: '--text-normal', light: '#222222', dark: '#dadada' },
	textMuted: { variable: '--text-muted', light: '#5c5c5c', dark: '#b3b3b3' },
	accent: { variable: '--interactive-accent', light: '#8a5cf5', dark: '#8a5cf5' },
	red: { variable: '--color-red', light: '#e93147', dark: '#fb464c' },
	orange: { variable: '--color-orange', light: '#ec7500', dark: '#e9973f' },
	yellow: { variable: '--color-yellow', light: '#e0ac00', dark: '#e0de71' },
	green: { variable: '--color-green', light: '#08b94e', dark: '#44cf6e' },
	cyan: { variable: '--color-cyan', light: '#00bfbc', dark: '#53dfdd' },
	blue: { variable: '--color-blue', light: '#086ddd', dark: '#027aff' },
	purple: { variable: '--color-purple', light: '#7852ee', dark: '#a882ff' },
};

type Rgba = [number, number, number, number];

function clamp255(n: number): number {
	return Math.max(0, Math.min(255, Math.round(n)));
}

function channel(text: string, scale: number): number {
	const t = text.trim();
	if (t.endsWith('%')) return (parseFloat(t) / 100) * scale;
	return parseFloat(t);
}

function alpha(text: string | undefined): number {
	if (text === undefined || text.trim() === '') return 1;
	const t = text.trim();
	const a = t.endsWith('%') ? parseFloat(t) / 100 : parseFloat(t);
	return Number.isFinite(a) ? Math.max(0, Math.min(1, a)) : 1;
}

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
	const hue = (((h % 360) + 360) % 360) / 360;
	if (s === 0) return [l * 255, l * 255, l * 255];
	const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
	const p = 2 * l - q;
	const f = (t: number): number => {
		let x = t;
		if (x < 0) x += 1;
		if (x > 1) x -= 1;
		if (x < 1 / 6) return p + (q - p) * 6 * x;
		if (x < 1 / 2) return q;
		if (x < 2 / 3) return p + (q - p) * (2 / 3 - x) * 6;
		return p;
	};
	return [f(hue + 1 / 3) * 255, f(hue) * 255, f(hue - 1 / 3) * 255];
}

/** Parses `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb()`/`rgba()` and `hsl()`/`hsla()` (comma or space syntax). */
export function parseCssColor(text: string): Rgba | null {
	const value = text.trim().toLowerCase();
	let m = /^#([0-9a-f]{3,8})$/.exec(value);
	if (m) {
		const hex = m[1] ?? '';
		if (hex.length === 3 || hex.length === 4) {
			const [r, g, b, a] = [...hex].map((c) => parseInt(c + c, 16));
			return [r ?? 0, g ?? 0, b ?? 0, a === undefined ? 1 : a / 255];
		}
		if (hex.length === 6 || hex.length === 8) {
			const n = (i: number): number => parseInt(hex.slice(i, i + 2), 16);
			return [n(0), n(2), n(4), hex.length === 8 ? n(6) / 255 : 1];
		}
		return null;
	}
	m = /^(rgba?|hsla?)\(\s*([^)]*)\)$/.exec(value);
	if (!m) return null;
	const parts = (m[2] ?? '').split(/\s*\/\s*|\s*,\s*|\s+/).filter((p) => p !== '');
	if (parts.length < 3 || parts.length > 4) return null;
	const [a, b, c, d] = parts as [string, string, string, string | undefined];
	if ((m[1] ?? '').startsWith('rgb')) {
		const rgb = [channel(a, 255), channel(b, 255), channel(c, 255)];
		if (rgb.some((x) => !Number.isFinite(x))) return null;
		return [clamp255(rgb[0] ?? 0), clamp255(rgb[1] ?? 0), clamp255(rgb[2] ?? 0), alpha(d)];
	}
	const h = parseFloat(a);
	const s = parseFloat(b) / 100;
	const l = parseFloat(c) / 100;
	if (![h, s, l].every(Number.isFinite)) return null;
	const [r, g, bl] = hslToRgb(h, Math.max(0, Math.min(1, s)), Math.max(0, Math.min(1, l)));
	return [clamp255(r), clamp255(g), clamp255(bl), alpha(d)];
}

function toHex([r, g, b]: Rgba): string {
	return '#' + [r, g, b].map((n) => clamp255(n).toString(16).padStart(2, '0')).join('');
}

/** A colour as opaque `#rrggbb`, translucent colours laid over `under`. */
export function opaqueHex(color: Rgba, under: Rgba = [255, 255, 255, 1]): string {
	const a = color[3];
	return toHex([color[0] * a + under[0] * (1 - a), color[1] * a + under[1] * (1 - a), color[2] * a + under[2] * (1 - a), 1]);
}

/** Relative luminance 0..1, to tell a dark background from a light one. */
export function luminance([r, g, b]: Rgba): number {
	const lin = (v: number): number => {
		const c = v / 255;
		return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
	};
	return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function defaultColor(hex: string): Rgba {
	return parseCssColor(hex) ?? [0, 0, 0, 1];
}

/**
 * Builds the palette from a variable reader. `normalize` turns colours this module cannot parse
 * (named colours, oklch(), color-mix(), relative colours) into one it can; in the app that is
 * canvasColorResolver().
 */
export function readThemePalette(getVariable: (name: string) => string, isDarkTheme: boolean, normalize: (css: string) => string | null = () => null): ThemePalette {
	const read = (css: string): Rgba | null => {
		const trimmed = css.trim();
		if (trimmed === '') return null;
		return parseCssColor(trimmed) ?? parseCssColor(normalize(trimmed) ?? '');
	};
	const bgSource = SOURCES.background;
	const background = read(getVariable(bgSource.variable)) ?? defaultColor(isDarkTheme ? bgSource.dark : bgSource.light);
	const dark = luminance(background) < 0.3;
	const palette: Partial<ThemePalette> = { dark };
	for (const [key, source] of Object.entries(SOURCES) as [Exclude<keyof ThemePalette, 'dark'>, (typeof SOURCES)['background']][]) {
		const value = read(getVariable(source.variable)) ?? defaultColor(dark ? source.dark : source.light);
		palette[key] = opaqueHex(value, background);
	}
	return palette as ThemePalette;
}

/** A short string that changes whenever any palette colour changes: part of the render cache key. */
export function themeKey(palette: ThemePalette): string {
	return (Object.keys(SOURCES) as (keyof typeof SOURCES)[]).map((k) => palette[k]).join(',') + (palette.dark ? ',dark' : ',light');
}

/** Any colour the browser understands, as sRGB bytes: painted on a 1x1 canvas and read back. */
export type ColorResolver = (css: string) => string | null;

/**
 * A resolver backed by a 1x1 canvas. Obsidian 1.13 and its themes write colours as `oklch()`,
 * `color-mix()` and relative colours, and Chromium hands those back as written (a canvas's
 * `fillStyle` too), so the colour is painted and its pixel read: whatever CSS Color 4 syntax the
 * browser knows comes out as `rgba(r, g, b, a)` (out-of-gamut colours mapped into sRGB).
 */
export function canvasColorResolver(makeCanvas: () => HTMLCanvasElement = () => createEl('canvas')): ColorResolver {
	let context: CanvasRenderingContext2D | null | undefined;
	const accepts = (ctx: CanvasRenderingContext2D, css: string, sentinel: string): boolean => {
		ctx.fillStyle = sentinel;
		ctx.fillStyle = css;
		return String(ctx.fillStyle) !== sentinel;
	};
	return (css) => {
		try {
			if (context === undefined) {
				const canvas = makeCanvas();
				canvas.width = 1;
				canvas.height = 1;
				context = canvas.getContext('2d', { willReadFrequently: true });
			}
			if (!context) return null;
			// Two sentinels: a colour equal to one of them is still told apart from a rejected one.
			if (!accepts(context, css, '#010203') && !accepts(context, css, '#040506')) return null;
			context.clearRect(0, 0, 1, 1);
			context.fillRect(0, 0, 1, 1);
			const [r = 0, g = 0, b = 0, a = 0] = Array.from(context.getImageData(0, 0, 1, 1).data);
			return `rgba(${r}, ${g}, ${b}, ${(a / 255).toFixed(3)})`;
		} catch {
			context = null;
			return null;
		}
	};
}

/** Reads the palette from the document body's computed style (the live theme). */
export function readDocumentPalette(doc: Document, resolve: ColorResolver = canvasColorResolver()): ThemePalette {
	const style = doc.defaultView?.getComputedStyle(doc.body);
	return readThemePalette((name) => style?.getPropertyValue(name) ?? '', doc.body.classList.contains('theme-dark'), resolve);
}

/** Diagram colours from the theme palette: soft fills, the theme's text and border colours. */
export function diagramColorsFrom(palette: ThemePalette): DiagramColors {
	const tint = (hex: string, amount: number): string => mix(hex, palette.background, amount);
	return {
		publicSubnet: tint(palette.green, palette.dark ? 0.2 : 0.12),
		privateSubnet: tint(palette.blue, palette.dark ? 0.2 : 0.1),
		vpc: palette.backgroundAlt,
		zone: palette.background,
		gateway: tint(palette.orange, palette.dark ? 0.25 : 0.16),
		node: palette.backgroundSecondary,
		text: palette.text,
		line: palette.textMuted,
		database: tint(palette.purple, palette.dark ? 0.25 : 0.14),
		internet: tint(palette.cyan, palette.dark ? 0.25 : 0.16),
		host: palette.backgroundAlt,
		network: tint(palette.orange, palette.dark ? 0.25 : 0.16),
		volume: tint(palette.purple, palette.dark ? 0.25 : 0.14),
		// Icon tiles in the theme's colours, by AWS category; the glyph on them contrasts with the tile.
		compute: palette.orange,
		networking: palette.purple,
		data: palette.blue,
		storage: palette.green,
		security: palette.red,
		general: palette.textMuted,
		glyph: palette.dark ? palette.background : '#ffffff',
		logoTile: palette.dark ? mix('#ffffff', palette.background, 0.88) : '#ffffff',
		regionBorder: palette.cyan,
		vpcBorder: palette.purple,
		zoneBorder: palette.cyan,
		publicBorder: palette.green,
		privateBorder: palette.blue,
	};
}

/** `amount` of `hex` laid over `base` (both `#rrggbb`). */
export function mix(hex: string, base: string, amount: number): string {
	const read = (h: string): number[] => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
	const a = read(hex);
	const b = read(base);
	return '#' + a.map((v, i) => Math.round(v * amount + (b[i] ?? 0) * (1 - amount)).toString(16).padStart(2, '0')).join('');
}
