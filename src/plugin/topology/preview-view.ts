/**
 * "Topology preview": a side view with the diagram of the block under the cursor. While the
 * cursor is inside a block Obsidian shows its source, not the diagram; this view keeps the
 * picture in sight and follows the typing (debounced; the old picture stays until the new one is
 * ready, so nothing flickers).
 */
import { debounce, ItemView, MarkdownView, type WorkspaceLeaf } from 'obsidian';
import { TOPOLOGY_LANGUAGES } from '../../core/topology';
import { t } from '../i18n';
import { blockAtLine } from './block-locator';
import type { DiagramService } from './diagram-service';
import { TopologyBlock, type BlockActions, type BlockInput } from './topology-block';

export const PREVIEW_VIEW_TYPE = 'cloudnotes-topology-preview';
/** Typing pause before the preview redraws. */
export const PREVIEW_DEBOUNCE_MS = 300;

export class TopologyPreviewView extends ItemView {
	private block: TopologyBlock | null = null;
	private shown: BlockInput | null = null;
	private bodyEl: HTMLElement | null = null;
	private sourceEl: HTMLElement | null = null;
	readonly refresh = debounce(() => this.update(), PREVIEW_DEBOUNCE_MS, true);

	constructor(
		leaf: WorkspaceLeaf,
		private readonly service: DiagramService,
		private readonly actions: BlockActions,
	) {
		super(leaf);
		this.icon = 'network';
	}

	getViewType(): string {
		return PREVIEW_VIEW_TYPE;
	}

	getDisplayText(): string {
		return t('preview.title');
	}

	getIcon(): string {
		return 'network';
	}

	async onOpen(): Promise<void> {
		this.contentEl.empty();
		this.contentEl.addClass('cloudnotes-preview');
		this.sourceEl = this.contentEl.createDiv({ cls: 'cloudnotes-preview-source' });
		this.bodyEl = this.contentEl.createDiv({ cls: 'cloudnotes-preview-body' });
		this.registerEvent(this.app.workspace.on('editor-change', () => this.refresh()));
		this.registerEvent(this.app.workspace.on('active-leaf-change', () => this.refresh()));
		this.registerEvent(this.app.workspace.on('file-open', () => this.refresh()));
		this.register(() => this.refresh.cancel());
		this.update();
	}

	async onClose(): Promise<void> {
		this.refresh.cancel();
		this.clearBlock();
	}

	private clearBlock(): void {
		if (this.block) this.removeChild(this.block);
		this.block = null;
		this.shown = null;
	}

	/** Looks at the active editor and shows (or updates) the block under its cursor. */
	update(): void {
		if (!this.bodyEl || !this.sourceEl) return;
		const view = this.app.workspace.getActiveViewOfType(MarkdownView);
		const file = view?.file;
		if (!view || !file) return; // focus moved to this view or elsewhere: keep what is shown
		const found = blockAtLine(view.editor.getValue(), view.editor.getCursor().line);
		if (!found) {
			// The cursor left the block: keep its picture while in the same note.
			if (this.shown && this.shown.sourcePath === file.path) return;
			this.clearBlock();
			this.sourceEl.setText('');
			this.bodyEl.empty();
			this.bodyEl.createDiv({ cls: 'cloudnotes-panel-hint', text: t('preview.empty', { kinds: TOPOLOGY_LANGUAGES.map((l) => l.id).join(', ') }) });
			return;
		}
		const input: BlockInput = { kind: found.kind, source: found.source, sourcePath: file.path, openLine: found.openLine, firstLine: found.firstLine, columnOffset: found.columnOffset };
		this.sourceEl.setText(t('preview.source', { kind: found.kind, line: found.openLine + 1, note: file.basename }));
		const same = this.shown && this.block && this.shown.sourcePath === input.sourcePath && this.shown.openLine === input.openLine && this.shown.kind === input.kind;
		if (same && this.block) {
			if (this.shown?.source !== input.source || this.shown.firstLine !== input.firstLine) this.block.update(input);
			this.shown = input;
			return;
		}
		this.clearBlock();
		this.bodyEl.empty();
		const container = this.bodyEl.createDiv();
		this.block = this.addChild(new TopologyBlock(container, this.service, this.actions, input));
		this.shown = input;
	}
}
