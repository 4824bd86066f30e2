/**
 * Mermaid text -> SVG for `cloudnotes render --svg`: Mermaid needs a browser's layout, so this
 * drives headless Chromium with playwright-core and Mermaid's own browser bundle, when both can be
 * found (they are the test harness's tools: development installs have them). Otherwise it says
 * what is missing; `render` without --svg needs neither.
 */
import * as path from 'path';
import { existsSync } from 'fs';
import { iconPackLoaders } from '../core/topology/shared/icons';
import type { LayoutPlan } from '../core/topology/shared/cloud-layout';

/** The cloud layout for the page (built beside the CLI from cloud-layout-page.ts), when present. */
const LAYOUT_BUNDLE = path.join(__dirname, 'cloud-layout-page.js');

interface PageLayout {
	ensureCloudLayout(mermaid: object): boolean;
	expectPlan(renderId: string, plan: LayoutPlan): void;
	dropPlan(renderId: string): void;
	withCloudLayout(text: string): string;
}

export interface SvgRenderer {
	/** `plans[i]`: the cloud layout's placements for `texts[i]` (null: Mermaid's own layout). */
	render(texts: readonly string[], plans?: readonly (LayoutPlan | null)[]): Promise<string[]>;
}

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

interface PlaywrightLike {
	chromium: {
		launch(options: { executablePath: string; args: string[] }): Promise<{
			newPage(): Promise<{
				addScriptTag(options: { path: string }): Promise<unknown>;
				evaluate<T, A>(fn: (arg: A) => Promise<T>, arg: A): Promise<T>;
			}>;
			close(): Promise<void>;
		}>;
	};
}

/** Why --svg cannot run here, or a renderer. */
export function chromiumSvgRenderer(): SvgRenderer | string {
	let playwright: PlaywrightLike;
	let mermaidBundle: string;
	try {
		playwright = require('playwright-core') as PlaywrightLike;
		mermaidBundle = require.resolve('mermaid/dist/mermaid.min.js');
	} catch {
		return '--svg needs the packages playwright-core and mermaid (npm install playwright-core mermaid) and a Chromium';
	}
	const executablePath = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
	if (!executablePath) return '--svg needs a Chromium: install one, or point CHROMIUM_PATH at it';
	return {
		async render(texts, plans = []) {
			const browser = await playwright.chromium.launch({ executablePath, args: CHROMIUM_ARGS });
			try {
				const page = await browser.newPage();
				await page.addScriptTag({ path: path.resolve(mermaidBundle) });
				const layout = existsSync(LAYOUT_BUNDLE);
				if (layout) await page.addScriptTag({ path: LAYOUT_BUNDLE });
				return await page.evaluate(async ({ all, layouts, pack }: { all: readonly string[]; layouts: readonly (LayoutPlan | null)[]; pack: ReturnType<typeof iconPackLoaders> }) => {
					const mermaid = (window as unknown as { mermaid: { initialize(c: object): void; registerIconPacks?(p: unknown): void; render(id: string, t: string): Promise<{ svg: string }> } }).mermaid;
					// Our icons, drawn into the SVG (an SVG shown as an image loads nothing later).
					mermaid.registerIconPacks?.(pack);
					const cloud = (window as unknown as { CloudnotesLayout?: PageLayout }).CloudnotesLayout;
					const withLayout = !!cloud && cloud.ensureCloudLayout(mermaid);
					// SVG text labels, not HTML ones: an SVG shown as an image (<img>, Markdown) does not draw foreignObject HTML everywhere.
					mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', htmlLabels: false, flowchart: { htmlLabels: false } });
					const out: string[] = [];
					for (let i = 0; i < all.length; i++) {
						const id = `cloudnotes-${i}`;
						const plan = withLayout ? layouts[i] : null;
						if (plan && cloud) cloud.expectPlan(id, plan);
						out.push((await mermaid.render(id, plan && cloud ? cloud.withCloudLayout(all[i] ?? '') : (all[i] ?? ''))).svg);
						if (plan && cloud) cloud.dropPlan(id);
					}
					return out;
				}, { all: texts, layouts: layout ? plans : [], pack: iconPackLoaders() });
			} finally {
				await browser.close();
			}
		},
	};
}
