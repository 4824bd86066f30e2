/**
 * The MarkdownRenderChild that owns one rendered `vpc` / `containers` block. It analyses the
 * source, draws (or takes from the cache) the diagram, and swaps the finished view in only when
 * it is ready, so redraws never flash an empty block. Obsidian unloads it when the block goes;
 * everything it registered goes with it.
 */
import { MarkdownRenderChild, type Menu } from 'obsidian';
import { languageById, type Diagnostic, type TopologyAnalysis, type TopologyKind } from '../../core/topology';
import { t } from '../i18n';
import type { DiagramService, RedrawTarget } from './diagram-service';
import { DiagramView, type ViewState } from './diagram-view';

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
	exportMenu(menu: Menu, input: BlockInput): void;
}

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
	lastTiming = { totalMs: 0, mermaidMs: 0, cache: 'miss' as 'hit' | 'miss' };

	constructor(
		containerEl: HTMLElement,
		private readonly service: DiagramService,
		private readonly actions: BlockActions,
		private input: BlockInput,
	) {
		super(containerEl);
	}

	get blockKey(): string {
		return `${this.input.sourcePath}\n${this.input.kind}\n${this.input.openLine}`;
	}

	onload(): void {
		this.alive = true;
		this.containerEl.addClass('cloudnotes-block');
		this.service.attach(this);
		this.register(() => this.service.detach(this));
		void this.render();
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
		let cache: 'hit' | 'miss' = 'miss';
		if (errors.length > 0) {
			state = { mode: 'broken', analysis, errors, stale: this.service.lastGoodFor(this.blockKey) };
		} else if (analysis.model?.tooLarge) {
			state = { mode: 'too-large', analysis, message: t('diagram.too-large') };
		} else {
			const cached = this.service.cached(kind, source, this.showDenied);
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
						cache = cached ? 'hit' : 'miss';
						mermaidMs = cached ? 0 : drawn.mermaidMs;
						state = { mode: 'ok', analysis, drawn };
						this.service.rememberGood(this.blockKey, drawn);
					}
				} catch (e) {
					const message = e instanceof Error ? e.message : String(e);
					state = { mode: 'failed', analysis, message: /not provide Mermaid|not loaded/i.test(message) ? t('diagram.no-mermaid') : t('diagram.render-failed', { message }) };
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
				openLine: (line, column) => this.actions.openLine(input.sourcePath, line, column),
				exportMenu: (menu) => this.actions.exportMenu(menu, input),
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
