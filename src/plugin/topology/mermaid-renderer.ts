/**
 * Renders Mermaid text with the Mermaid that Obsidian ships (`loadMermaid()`), one diagram at a
 * time. Obsidian's instance is shared with every other plugin and with the app's own mermaid
 * blocks, and Obsidian initialises it with its own settings (its theme, `securityLevel: 'loose'`,
 * SVG labels), so it is never `initialize`d here: what our diagrams depend on travels inside the
 * diagram text (the core's classDef/style lines, and the frontmatter `config:` of
 * withDiagramConfig). The secure keys (securityLevel and the limits) stay Obsidian's: Mermaid
 * ignores them in a diagram, and our SVG is cleaned (safe-svg.ts) whatever the security level.
 * Render ids are unique per page, as Mermaid scopes CSS by them. Our icon pack is registered on it
 * right after it loads, before the first render.
 */
import type { LayoutPlan } from '../../core/topology/shared/cloud-layout';
import { dropPlan, ensureCloudLayout, expectPlan, withCloudLayout } from './cloud-layout-loader';
import { ensureIconPack } from './icon-registration';
import type { ThemePalette } from './theme-colors';

/**
 * The drawing pipeline's version, part of the render cache file's keys: bump it when what turns
 * Mermaid text into the final SVG changes (a layout, the decorations, the sanitiser), so pictures
 * drawn by the previous pipeline are not shown again.
 */
export const DIAGRAM_RENDERER_VERSION = 3;

/** Mermaid did not come: loadMermaid() rejected, or it has not settled after MERMAID_WAIT_MS. */
export class MermaidUnavailableError extends Error {
	constructor(
		readonly reason: 'failed' | 'waiting',
		message: string,
	) {
		super(message);
		this.name = 'MermaidUnavailableError';
	}
}

/** How long a render waits for loadMermaid() before the block says so (the load goes on being retried). */
export const MERMAID_WAIT_MS = 8000;

/**
 * The diagram text with the settings it depends on in a frontmatter `config:` block, so a Mermaid
 * that Obsidian (or another plugin) initialised differently draws it the same: the `base` theme
 * with the palette's colours (Obsidian's dark theme would paint white SVG labels on our light
 * fills) and HTML labels (line breaks and our label styles; Obsidian turns them off). Text that
 * already has a frontmatter `config:` is left as it is.
 */
export function withDiagramConfig(text: string, palette: ThemePalette): string {
	if (/^---\r?\n(?:.*\r?\n)*?config:/.test(text)) return text;
	const q = (v: string): string => JSON.stringify(v);
	const config = [
		'config:',
		'  theme: base',
		'  htmlLabels: true',
		'  flowchart:',
		'    htmlLabels: true',
		'  themeVariables:',
		`    darkMode: ${palette.dark ? 'true' : 'false'}`,
		`    background: ${q(palette.background)}`,
		`    primaryColor: ${q(palette.backgroundSecondary)}`,
		`    mainBkg: ${q(palette.backgroundSecondary)}`,
		`    clusterBkg: ${q(palette.backgroundAlt)}`,
		`    primaryBorderColor: ${q(palette.border)}`,
		`    clusterBorder: ${q(palette.border)}`,
		`    primaryTextColor: ${q(palette.text)}`,
		`    textColor: ${q(palette.text)}`,
		`    titleColor: ${q(palette.text)}`,
		`    nodeTextColor: ${q(palette.text)}`,
		`    lineColor: ${q(palette.textMuted)}`,
		`    edgeLabelBackground: ${q(palette.background)}`,
	];
	if (text.startsWith('---\n')) return `---\n${config.join('\n')}\n${text.slice(4)}`;
	return `---\n${config.join('\n')}\n---\n${text}`;
}

export interface MermaidApi {
	render(id: string, text: string): Promise<{ svg: string }>;
}

export interface RenderOutput {
	svg: string;
	renderId: string;
	/** Milliseconds inside mermaid.render. */
	ms: number;
}

export class MermaidRenderer {
	private api: Promise<MermaidApi> | null = null;
	/** Whether the loaded Mermaid can draw our icons (known once it has loaded). */
	private icons = false;
	/** Whether the loaded Mermaid takes our cloud layout (known once it has loaded). */
	private cloudLayout = false;
	private queue: Promise<unknown> = Promise.resolve();
	private counter = 0;
	private readonly session = Math.random().toString(36).slice(2, 8);
	/** Running totals, read by the benchmark and the tests. */
	readonly stats = { renders: 0, totalMs: 0 };

	constructor(
		private readonly load: () => Promise<unknown>,
		private readonly doc: () => Document,
	) {}

	/** A render id no other diagram on the page uses. */
	nextRenderId(): string {
		this.counter += 1;
		return `cloudnotes-${this.session}-${this.counter}`;
	}

	/**
	 * Why Mermaid is not there, once a load failed or timed out: later renders fail at once with
	 * it (instead of each waiting again) until retry() or a late load clears it.
	 */
	private failure: MermaidUnavailableError | null = null;
	/** Called when a load that had timed out settles after all: the blocks can draw now. */
	onAvailable: (() => void) | null = null;

	/** The person asked to try again: the next render calls loadMermaid() afresh. */
	retry(): void {
		this.failure = null;
	}

	private mermaid(): Promise<MermaidApi> {
		if (this.failure) return Promise.reject(this.failure);
		if (!this.api) {
			const loading = new Promise<MermaidApi>((resolve, reject) => {
				const fail = (error: MermaidUnavailableError): void => {
					if (this.api === loading) this.api = null;
					this.failure = error;
					reject(error);
				};
				// loadMermaid() can stay pending (Obsidian 1.13 may first ask once whether to render
				// Mermaid): after a while the block says so instead of drawing forever.
				let timedOut = false;
				const timer = window.setTimeout(() => {
					timedOut = true;
					fail(new MermaidUnavailableError('waiting', 'Mermaid has not loaded yet'));
				}, MERMAID_WAIT_MS);
				let settled: Promise<unknown>;
				try {
					settled = Promise.resolve(this.load());
				} catch (e) {
					settled = Promise.reject(e instanceof Error ? e : new Error(String(e)));
				}
				settled.then(
					(m) => {
						window.clearTimeout(timer);
						const api = m && typeof (m as MermaidApi).render === 'function' ? (m as MermaidApi) : null;
						if (!api) {
							if (!timedOut) fail(new MermaidUnavailableError('failed', 'Obsidian did not provide Mermaid'));
							return;
						}
						this.icons = ensureIconPack(api);
						this.cloudLayout = ensureCloudLayout(api);
						if (!timedOut) resolve(api);
						else if (this.failure?.reason === 'waiting') {
							// It came after all (the person allowed Mermaid): draw what is waiting.
							this.failure = null;
							this.api = Promise.resolve(api);
							this.onAvailable?.();
						}
					},
					(e: unknown) => {
						window.clearTimeout(timer);
						if (!timedOut) fail(new MermaidUnavailableError('failed', e instanceof Error ? e.message : String(e)));
					},
				);
			});
			this.api = loading;
			loading.catch(() => undefined);
		}
		return this.api;
	}

	/** Loads Mermaid (registering our icon pack) and says whether it can draw icons. */
	async iconsSupported(): Promise<boolean> {
		await this.mermaid();
		return this.icons;
	}

	/**
	 * Queues a render; renders run one after another (Mermaid keeps global state while drawing).
	 * With a `plan` (the writer's placements) the diagram is drawn with our cloud layout.
	 */
	render(text: string, plan?: LayoutPlan): Promise<RenderOutput> {
		const run = async (): Promise<RenderOutput> => {
			const mermaid = await this.mermaid();
			const renderId = this.nextRenderId();
			const started = performance.now();
			const cloud = plan !== undefined && this.cloudLayout;
			if (cloud) expectPlan(renderId, plan);
			try {
				const { svg } = await mermaid.render(renderId, cloud ? withCloudLayout(text) : text);
				const ms = performance.now() - started;
				this.stats.renders += 1;
				this.stats.totalMs += ms;
				return { svg, renderId, ms };
			} finally {
				if (cloud) dropPlan(renderId);
				// Mermaid draws in a temporary element it normally removes; after an error it may not.
				const doc = this.doc();
				for (const id of [`d${renderId}`, renderId, `i${renderId}`]) {
					const leftover = doc.getElementById(id);
					if (leftover && !leftover.closest('.cloudnotes-diagram')) leftover.remove();
				}
			}
		};
		const result = this.queue.then(run, run);
		this.queue = result.catch(() => undefined);
		return result;
	}
}
