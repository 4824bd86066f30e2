/**
 * Renders Mermaid text with the Mermaid that Obsidian ships (`loadMermaid()`), one diagram at a
 * time. Obsidian's instance is shared with every other plugin and with the app's own mermaid
 * blocks, so it is never `initialize`d here: the theme's colours travel inside the diagram text
 * (classDef/style lines written by the core), and Mermaid keeps its strict defaults (no `click`
 * callbacks, sanitised labels). Render ids are unique per page, as Mermaid scopes CSS by them.
 * Our icon pack is registered on it right after it loads, before the first render.
 */
import { ensureIconPack } from './icon-registration';

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

	private mermaid(): Promise<MermaidApi> {
		if (!this.api) {
			this.api = this.load().then((m) => {
				if (!m || typeof (m as MermaidApi).render !== 'function') throw new Error('Obsidian did not provide Mermaid');
				this.icons = ensureIconPack(m);
				return m as MermaidApi;
			});
			// A failed load is retried on the next render instead of failing forever.
			this.api.catch(() => (this.api = null));
		}
		return this.api;
	}

	/** Loads Mermaid (registering our icon pack) and says whether it can draw icons. */
	async iconsSupported(): Promise<boolean> {
		await this.mermaid();
		return this.icons;
	}

	/** Queues a render; renders run one after another (Mermaid keeps global state while drawing). */
	render(text: string): Promise<RenderOutput> {
		const run = async (): Promise<RenderOutput> => {
			const mermaid = await this.mermaid();
			const renderId = this.nextRenderId();
			const started = performance.now();
			try {
				const { svg } = await mermaid.render(renderId, text);
				const ms = performance.now() - started;
				this.stats.renders += 1;
				this.stats.totalMs += ms;
				return { svg, renderId, ms };
			} finally {
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
