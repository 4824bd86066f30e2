/**
 * The MarkdownRenderChild that owns one rendered `vpc` / `containers` block. It analyses the
 * source, draws (or takes from the cache) the diagram, and swaps the finished view in only when
 * it is ready, so redraws never flash an empty block. Obsidian unloads it when the block goes;
 * everything it registered goes with it.
 */
import { MarkdownRenderChild, TFile, type Menu } from 'obsidian';
import { languageById, type Diagnostic, type TopologyAnalysis, type TopologyKind } from '../../core/topology';
import { t } from '../i18n';
import { locateNow, type SectionInfo } from './block-locator';
import type { DiagramService, RedrawTarget } from './diagram-service';
import { DiagramView, type ViewState } from './diagram-view';
import { MermaidUnavailableError } from './mermaid-renderer';

export interface BlockInput {
	kind: TopologyKind;
	source: string;
	sourcePath: string;
	/** 0-based note line of the opening fence (-1 when unknown). */
	openLine: number;
	/** 1-based note line of the first content line. */
	firstLine: number;
	columnOffset: number;
}

export interface BlockActions {
	openLine(sourcePath: string, line: number, column?: number): void;
	/** `input` as drawn (enough to copy at once, within the gesture); `locate` reads where the block is now. */
	exportMenu(menu: Menu, input: BlockInput, locate: () => Promise<BlockInput>): void;
}

/** Blocks without a known place get keys of their own (see blockKey). */
let unplacedBlocks = 0;

/** Problems that leave no sound model to draw: YAML that does not parse, or nothing drawable. */
export function blockingErrors(analysis: TopologyAnalysis): Diagnostic[] {
	const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
	if (!analysis.model) return errors.length > 0 ? errors : analysis.diagnostics;
	const syntax = errors.filter((d) => d.code === 'yaml-syntax');
	if (syntax.length > 0) return syntax;
	if (!analysis.resources.some((r) => r.drawn) && errors.length > 0) return errors;
	return [];
}

export class TopologyBlock extends MarkdownRenderChild implements RedrawTarget {
	view: DiagramView | null = null;
	private generation = 0;
	private alive = false;
	/** The person asked to draw this block although it is over the automatic drawing limit. */
	private drawLarge = false;
	/** The diagram's "show denied" toggle (languages that can draw refusals). */
	private showDenied = false;
	/** Set on the wrapper after each render: where the time went (read by tests and the benchmark). */
	lastTiming = { totalMs: 0, mermaidMs: 0, cache: 'miss' as 'hit' | 'disk' | 'miss' };

	private readonly unplacedKey = ++unplacedBlocks;

	/**
	 * @param sectionInfo reads Obsidian's `ctx.getSectionInfo(el)` at the moment it is called:
	 * the block's lines change without a re-render, and it is null in embeds, hover popovers and
	 * MarkdownRenderer.render.
	 */
	constructor(
		containerEl: HTMLElement,
		private readonly service: DiagramService,
		private readonly actions: BlockActions,
		private input: BlockInput,
		private readonly sectionInfo: () => SectionInfo | null = () => null,
	) {
		super(containerEl);
	}

	/**
	 * Which block this is across re-renders (its last good picture is kept under it). A block
	 * without a known line gets a key of its own: two such blocks of a note must never share one.
	 */
	get blockKey(): string {
		const place = this.input.openLine >= 0 ? String(this.input.openLine) : `unplaced-${this.unplacedKey}`;
		return `${this.input.sourcePath}\n${this.input.kind}\n${place}`;
	}

	onload(): void {
		this.alive = true;
		this.containerEl.addClass('cloudnotes-block');
		this.service.attach(this);
		this.register(() => this.service.detach(this));
		// Lines above the block can change without a re-render of it: follow it when its note changes.
		this.registerEvent(this.service.app.vault.on('modify', (file) => {
			if (file.path === this.input.sourcePath) void this.follow();
		}));
		void this.render();
		// No section info (embed, popover, a rendered card): find the block in its note.
		if (this.input.openLine < 0) void this.follow();
	}

	/** Where the block is in its note now (the input as drawn when that cannot be told). */
	async locate(): Promise<BlockInput> {
		const { kind, source, sourcePath, openLine } = this.input;
		let info: SectionInfo | null = null;
		try {
			info = this.sectionInfo();
		} catch {
			info = null;
		}
		const file = this.service.app.vault.getAbstractFileByPath(sourcePath);
		const text = file instanceof TFile ? await this.service.app.vault.cachedRead(file) : null;
		const found = locateNow(kind, source, openLine, info, text);
		if (!found) return this.input;
		return { ...this.input, openLine: found.openLine, firstLine: found.firstLine, columnOffset: found.columnOffset };
	}

	/** Locates the block; when it moved, the panels are shown again with the note's lines as they are. */
	async follow(): Promise<BlockInput> {
		const before = this.input;
		const now = await this.locate();
		if (this.alive && this.input === before && (now.openLine !== before.openLine || now.firstLine !== before.firstLine || now.columnOffset !== before.columnOffset)) {
			this.input = now;
			await this.render();
		}
		return now;
	}

	/** Opens the note at a line given as shown by the view drawn from `shown`, wherever the block is now. */
	private async openAt(shown: BlockInput, line: number, column?: number): Promise<void> {
		const now = await this.follow();
		this.actions.openLine(shown.sourcePath, line + (now.firstLine - shown.firstLine), column === undefined || now.columnOffset === shown.columnOffset ? column : column + now.columnOffset - shown.columnOffset);
	}

	onunload(): void {
		this.alive = false;
		this.generation++;
		this.view = null;
	}

	redraw(): void {
		void this.render();
	}

	/** New source for the same block (the preview view calls this as the person types). */
	update(input: BlockInput): void {
		this.input = input;
		void this.render();
	}

	async render(): Promise<void> {
		const generation = ++this.generation;
		const started = performance.now();
		const { kind, source, firstLine, columnOffset } = this.input;
		const analysis = this.service.analyze(kind, source, firstLine, columnOffset);
		const errors = blockingErrors(analysis);
		let state: ViewState;
		let mermaidMs = 0;
		let cache: 'hit' | 'disk' | 'miss' = 'miss';
		if (errors.length > 0) {
			state = { mode: 'broken', analysis, errors, stale: this.service.lastGoodFor(this.blockKey) };
		} else if (analysis.model?.tooLarge) {
			state = { mode: 'too-large', analysis, message: t('diagram.too-large') };
		} else {
			let cached = this.service.cached(kind, source, this.showDenied, analysis);
			if (!cached && this.service.diskPending) {
				// Right after a start: the picture may be in the render cache file, being read.
				await this.service.diskReady();
				if (generation !== this.generation || !this.alive) return;
				cached = this.service.cached(kind, source, this.showDenied, analysis);
			}
			const drawnCount = analysis.resources.filter((r) => r.drawn).length;
			const limit = this.service.settings().autoDrawLimit;
			if (!cached && !this.drawLarge && drawnCount > limit) {
				state = {
					mode: 'large',
					analysis,
					message: t('diagram.large', { count: drawnCount, limit }),
					draw: () => {
						this.drawLarge = true;
						void this.render();
					},
				};
			} else {
				if (!cached && !this.view) this.showPlaceholder();
				try {
					const drawn = cached ?? (await this.service.draw(kind, source, analysis, this.showDenied));
					if ('refusal' in drawn) state = { mode: 'too-large', analysis, message: drawn.refusal || t('diagram.too-large') };
					else {
						cache = drawn.fromDisk ? 'disk' : cached ? 'hit' : 'miss';
						mermaidMs = cached ? 0 : drawn.mermaidMs;
						state = { mode: 'ok', analysis, drawn };
						this.service.rememberGood(this.blockKey, drawn);
					}
				} catch (e) {
					const message = e instanceof Error ? e.message : String(e);
					if (e instanceof MermaidUnavailableError) {
						// Without Mermaid the checks and the trace still work; the person can retry.
						const text = e.reason === 'waiting' ? t('diagram.mermaid-waiting') : t('diagram.mermaid-failed', { message });
						state = { mode: 'failed', analysis, message: text, retry: () => this.service.retryMermaid() };
					} else state = { mode: 'failed', analysis, message: t('diagram.render-failed', { message }) };
				}
			}
		}
		if (generation !== this.generation || !this.alive) return;
		this.show(state);
		this.lastTiming = { totalMs: performance.now() - started, mermaidMs, cache };
		this.view?.el.setAttrs({ 'data-cache': cache, 'data-render-ms': this.lastTiming.totalMs.toFixed(2), 'data-mermaid-ms': mermaidMs.toFixed(2) });
	}

	private showPlaceholder(): void {
		this.containerEl.empty();
		this.containerEl.createDiv({ cls: 'cloudnotes-diagram is-loading', text: t('diagram.rendering'), attr: { 'data-kind': this.input.kind, 'data-state': 'loading' } });
	}

	private show(state: ViewState): void {
		const input = this.input;
		const view = new DiagramView(
			{
				kind: input.kind,
				sourcePath: input.sourcePath,
				showLint: this.service.settings().showLint,
				openLine: (line, column) => void this.openAt(input, line, column),
				exportMenu: (menu) => this.actions.exportMenu(menu, input, () => this.follow()),
				...(languageById(input.kind)?.canShowDenied
					? {
							showDenied: {
								on: this.showDenied,
								toggle: () => {
									this.showDenied = !this.showDenied;
									void this.render();
								},
							},
						}
					: {}),
			},
			state,
		);
		const previous = this.view;
		this.addChild(view);
		this.containerEl.replaceChildren(view.el);
		if (previous) this.removeChild(previous);
		this.view = view;
		view.attached();
	}
}
