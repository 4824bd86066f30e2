/**
 * A Digital Garden page built the way the garden template builds one, for the publishing tests:
 * markdown-it 14 with the template's own fence rule (```mermaid -> <pre class="mermaid">), our
 * plugin installed as the template's loader installs it (src/plugins/<id>/garden-plugin.json, the
 * hooks file required and setupMarkdown called with { settings, manifest, pluginDir }), then the
 * template's HTML filters over the finished content (hideDataview, taggify, link), and a page
 * whose head loads Mermaid 11 as an async ES module from the address the template uses, with the
 * plugin's stylesheet and its script loaded with `defer`. The browser fetches everything through
 * Playwright routes: the CDN address is answered with the installed Mermaid's files.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';

const MarkdownIt = require('markdown-it') as new (options?: object) => { renderer: { rules: Record<string, unknown> }; render(src: string): string };

export const GARDEN_ORIGIN = 'https://garden.test';
const PLUGIN_BUILD = path.resolve(__dirname, '../../dist/garden-plugin');
const ROOT = path.resolve(__dirname, '../..');

/** The template's fence rule for Mermaid (its .eleventy.js), written again here. */
function templateFenceRule(md: { renderer: { rules: Record<string, unknown> } }): void {
	const rules = md.renderer.rules as Record<string, (tokens: { info: string; content: string }[], idx: number, options: unknown, env: unknown, self: { renderToken(...a: unknown[]): string }) => string>;
	const original = rules.fence;
	rules.fence = (tokens, idx, options, env, self) => {
		const token = tokens[idx];
		if (token.info === 'mermaid') return `<pre class="mermaid">${token.content.trim()}</pre>`;
		return original(tokens, idx, options, env, self);
	};
}

/** The template's tag regex and the filters note.njk applies to `content`. */
const TAG_REGEX = /(^|\s|>)(#[^\s!@#$%^&*()=+.,[{\]};:'"?><]+)(?!([^<]*>))/g;
export function templateFilters(html: string): string {
	const hideDataview = html.replace(/\(\S+::(.*)\)/g, (_: string, value: string) => value.trim());
	const taggify = hideDataview.replace(TAG_REGEX, (_m: string, precede: string, tag: string) => `${precede}<a class="tag" onclick="toggleTagSearch(this)" data-content="${tag}">${tag}</a>`);
	return taggify.replace(/\[\[(.*?\|.*?)\]\]/g, (match: string, p1: string) => {
		if (p1.includes('],[') || p1.includes('"$"')) return match;
		const [file, title] = p1.split('|');
		return `<a class="internal-link" href="/notes/${encodeURIComponent(file)}">${title}</a>`;
	});
}

/** The template's search index text of a page (.eleventy.js `stripForSearch` over `templateContent | link`). */
export function stripForSearch(html: string): string {
	return html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * A garden theme as Digital Garden's themes are: Obsidian's variables on `body.theme-light` and
 * `body.theme-dark` (obsidian-base.css and the chosen theme's CSS), with a dark default theme.
 */
const THEME_CSS = `
body.theme-light { --background-primary: #ffffff; --background-primary-alt: #f7f7f7; --background-secondary: #f2f3f5; --background-modifier-border: #dcddde; --text-normal: #2e3338; --text-muted: #888888; --interactive-accent: #7b6cd9; background: var(--background-primary); color: var(--text-normal); }
body.theme-dark { --background-primary: #202020; --background-primary-alt: #1a1a1a; --background-secondary: #161616; --background-modifier-border: #333333; --text-normal: #dcddde; --text-muted: #999999; --interactive-accent: #8b6cef; background: var(--background-primary); color: var(--text-normal); }`;

/** Installs the built plugin into a garden's src/plugins/ and applies its markdown hook like the loader. */
export function installedGardenMarkdown(settings: Record<string, unknown> = {}) {
	const garden = fs.mkdtempSync(path.join(os.tmpdir(), 'garden-'));
	const pluginDir = path.join(garden, 'src', 'plugins', 'cloudnotes');
	fs.mkdirSync(pluginDir, { recursive: true });
	for (const file of fs.readdirSync(PLUGIN_BUILD)) fs.copyFileSync(path.join(PLUGIN_BUILD, file), path.join(pluginDir, file));
	const manifest = JSON.parse(fs.readFileSync(path.join(pluginDir, 'garden-plugin.json'), 'utf8'));
	if (manifest.id !== path.basename(pluginDir)) throw new Error('manifest id must equal the plugin folder name');
	const resolved: Record<string, unknown> = {};
	for (const entry of manifest.settings ?? []) resolved[entry.key] = entry.key in settings ? settings[entry.key] : entry.default;
	const md = new MarkdownIt();
	templateFenceRule(md);
	const hooks = require(path.join(pluginDir, manifest.hooks));
	try {
		hooks.setupMarkdown(md, { settings: resolved, manifest, pluginDir });
	} catch (e) {
		// The loader warns and skips a throwing hook; the tests want to know.
		throw new Error(`setupMarkdown threw: ${String(e)}`);
	}
	return { md, manifest, pluginDir };
}

export interface GardenPage {
	html: string;
	scripts: string[];
	styles: string[];
}

/** A note page as the garden's layout writes it (head scripts, plugin assets, filtered content). */
export function gardenPage(markdown: string, options: { siteMermaid?: boolean; settings?: Record<string, unknown>; lang?: string; theme?: 'light' | 'dark'; env?: Record<string, unknown> } = {}): string {
	const { md, manifest } = installedGardenMarkdown(options.settings);
	const content = templateFilters((md as unknown as { render(src: string, env?: unknown): string }).render(markdown, options.env ?? {}));
	const siteMermaid = options.siteMermaid !== false
		? `<script async type="module">\n    import mermaid from 'https://cdn.jsdelivr.net/npm/mermaid@11/dist/mermaid.esm.min.mjs';\n    mermaid.initialize({ startOnLoad: true });\n</script>`
		: '';
	const styles = (manifest.styles as string[]).map((s) => `<link rel="stylesheet" href="/plugins/cloudnotes/${s}">`).join('\n');
	const scripts = (manifest.scripts as string[]).map((s) => `<script defer src="/plugins/cloudnotes/${s}"></script>`).join('\n');
	return `<!DOCTYPE html><html lang="${options.lang ?? 'en'}"><head><meta charset="utf-8"><title>note</title>
${siteMermaid}
${styles}
${scripts}
<style>${THEME_CSS}</style>
</head><body class="theme-${options.theme ?? 'light'}"><main class="content">${content}</main></body></html>`;
}

/** Answers the page, the plugin's files and the Mermaid CDN from this machine. `mermaidDir` picks the Mermaid version. */
export async function serveGarden(page: Page, html: string, mermaidDir = path.join(ROOT, 'node_modules', 'mermaid', 'dist')): Promise<void> {
	await page.route('**/*', async (route) => {
		const url = new URL(route.request().url());
		if (url.origin === GARDEN_ORIGIN && url.pathname.startsWith('/plugins/cloudnotes/')) {
			const file = path.join(PLUGIN_BUILD, url.pathname.slice('/plugins/cloudnotes/'.length));
			const type = file.endsWith('.css') ? 'text/css' : 'text/javascript';
			return route.fulfill({ status: 200, contentType: type, body: fs.readFileSync(file) });
		}
		if (url.origin === GARDEN_ORIGIN) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
		const cdn = /^\/npm\/mermaid@11\/dist\/(.+)$/.exec(url.pathname);
		if (url.host === 'cdn.jsdelivr.net' && cdn) {
			const file = path.join(mermaidDir, cdn[1]);
			if (fs.existsSync(file)) return route.fulfill({ status: 200, contentType: 'text/javascript', headers: { 'access-control-allow-origin': '*' }, body: fs.readFileSync(file) });
		}
		return route.fulfill({ status: 404, body: '' });
	});
	await page.goto(`${GARDEN_ORIGIN}/notes/test/`);
}
