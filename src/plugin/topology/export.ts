/**
 * Getting a diagram out of the plugin: copy its Mermaid text, save it as an SVG file in the
 * vault's attachment folder (and copy a link to it), or write a plain `mermaid` block after the
 * source block for publishing tools that render Mermaid but not our blocks. Available as
 * commands (block under the cursor) and from each diagram's toolbar menu.
 */
import { MarkdownView, Notice, type App, type Menu, type Plugin, TFile } from 'obsidian';
import { findFencedBlocks, splitLines } from '../../core/markdown/fences';
import { TOPOLOGY_LANGUAGES, toMermaid, type TopologyKind } from '../../core/topology';
import { t } from '../i18n';
import { blockAtLine, refindBlock } from './block-locator';
import type { DiagramService, DrawnDiagram } from './diagram-service';
import { formatViewBox, fitViewBox } from './pan-zoom';
import { blockingErrors, type BlockInput } from './topology-block';

/** Characters Obsidian, Windows, macOS or Markdown links do not take in a file name. */
const UNSAFE_IN_NAME = /[\\/:*?"<>|#^[\]]/g;

function cleanNamePart(text: string): string {
	const visible = [...text].filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f).join('');
	return visible.replace(UNSAFE_IN_NAME, ' ').replace(/\s+/g, ' ').trim().replace(/^\.+|\.+$/g, '');
}

/**
 * `<note> - <kind> <name>.svg`, e.g. `Networking basics - vpc main-vpc.svg`; the block's line
 * stands in when it has no name. Safe on every platform, at most 120 characters before `.svg`.
 */
export function exportFileName(noteBasename: string, kind: TopologyKind, name: string, line: number): string {
	const note = cleanNamePart(noteBasename) || 'diagram';
	const label = cleanNamePart(name) || `line ${line}`;
	const base = `${note} - ${kind} ${label}`;
	return `${[...base].slice(0, 120).join('').trim()}.svg`;
}

/**
 * The note with a plain mermaid block right after the block closing on `closeLine` (0-based). A
 * mermaid block already there (only blank lines between) is replaced, so exporting twice does
 * not pile up copies. Keeps the note's line endings.
 */
export function withMermaidBlock(noteText: string, closeLine: number, mermaidText: string): { text: string; replaced: boolean } {
	const eol = noteText.includes('\r\n') ? '\r\n' : '\n';
	const lines = splitLines(noteText);
	const body = splitLines(mermaidText.replace(/\s+$/, ''));
	let next = closeLine + 1;
	while (next < lines.length && (lines[next] ?? '').trim() === '') next++;
	const following = findFencedBlocks(lines).find((b) => b.openLine === next);
	if (following && following.language === 'mermaid' && following.closed) {
		const fence = (lines[following.openLine] ?? '```mermaid').trim();
		const closing = (lines[following.closeLine] ?? '```').trim();
		const out = [...lines.slice(0, following.openLine), fence, ...body, closing, ...lines.slice(following.closeLine + 1)];
		return { text: out.join(eol), replaced: true };
	}
	const out = [...lines.slice(0, closeLine + 1), '', '```mermaid', ...body, '```', ...lines.slice(closeLine + 1)];
	return { text: out.join(eol), replaced: false };
}

/** A standalone SVG file: explicit size, the theme background behind it, nothing of our UI. */
export function svgFileText(drawn: DrawnDiagram, background: string): string {
	const svg = drawn.svg.cloneNode(true) as SVGSVGElement;
	const box = fitViewBox(drawn.content);
	svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	svg.setAttribute('viewBox', formatViewBox(box));
	svg.setAttribute('width', String(Math.ceil(box.width)));
	svg.setAttribute('height', String(Math.ceil(box.height)));
	const rect = createSvg('rect', { attr: { x: box.x, y: box.y, width: box.width, height: box.height, fill: background } });
	const style = svg.querySelector(':scope > style');
	if (style) style.after(rect);
	else svg.prepend(rect);
	return new XMLSerializer().serializeToString(svg);
}

/**
 * A notice that holds `text` to select, and a button that copies it from its own tap (the
 * clipboard works close to a gesture on every platform). Stays until dismissed.
 */
function offerText(message: string, text: string, copyLabel?: string): void {
	const fragment = createFragment((f) => {
		f.createDiv({ text: message });
		f.createEl('code', { cls: 'cloudnotes-offered-text', text });
		if (copyLabel) {
			const button = f.createEl('button', { cls: 'cloudnotes-copy-offered mod-cta', text: copyLabel, attr: { type: 'button' } });
			button.onclick = () => void copyText(text).then((ok) => ok && new Notice(t('export.copied')));
		}
	});
	new Notice(fragment, 0);
}

async function copyText(text: string): Promise<boolean> {
	try {
		await navigator.clipboard.writeText(text);
		return true;
	} catch {
		return false;
	}
}

export class TopologyExporter {
	constructor(
		private readonly app: App,
		private readonly service: DiagramService,
	) {}

	/** The block under the cursor of the active editor, as a block input. */
	blockAtCursor(): BlockInput | null {
		const view = this.app.workspace.getActiveViewOfType(MarkdownView);
		const file = view?.file;
		if (!view || !file) return null;
		const block = blockAtLine(view.editor.getValue(), view.editor.getCursor().line);
		if (!block) return null;
		return { kind: block.kind, source: block.source, sourcePath: file.path, openLine: block.openLine, firstLine: block.firstLine, columnOffset: block.columnOffset };
	}

	private noteName(input: BlockInput): string {
		const file = this.app.vault.getFileByPath(input.sourcePath);
		return file?.basename ?? input.sourcePath;
	}

	/**
	 * `icons`: the copied text draws icons when the setting is on (it then says in a comment that
	 * it needs our pack, which Obsidian's Mermaid has once the plugin drew a diagram). The block
	 * written into the note stays plain: it is for publishing tools, which do not have the pack.
	 */
	private mermaidText(input: BlockInput, icons: boolean): string | null {
		const analysis = this.service.analyze(input.kind, input.source, input.firstLine, input.columnOffset);
		if (!analysis.model || blockingErrors(analysis).length > 0) {
			new Notice(t('export.cannot-draw', { kind: input.kind, line: input.openLine + 1, note: input.sourcePath }));
			return null;
		}
		// Portable text: the core's default colours, not this theme's.
		const direction = this.service.settings().direction;
		const diagram = toMermaid(analysis.model, { icons, ...(direction === 'auto' ? {} : { direction }) });
		if (diagram.refusal !== undefined) {
			new Notice(diagram.refusal);
			return null;
		}
		return diagram.text;
	}

	/**
	 * Copies at once: nothing is awaited before the clipboard write, which iOS allows only close
	 * to the tap. If the clipboard still refuses, the text is shown to select and copy by hand.
	 */
	async copyMermaid(input: BlockInput): Promise<string | null> {
		const text = this.mermaidText(input, this.service.settings().icons);
		if (text === null) return null;
		const copied = await copyText(text);
		if (copied) new Notice(t('export.copied'));
		else offerText(t('export.copy-failed'), text);
		return text;
	}

	async exportSvg(input: BlockInput): Promise<TFile | null> {
		const analysis = this.service.analyze(input.kind, input.source, input.firstLine, input.columnOffset);
		if (!analysis.model || blockingErrors(analysis).length > 0) {
			new Notice(t('export.cannot-draw', { kind: input.kind, line: input.openLine + 1, note: input.sourcePath }));
			return null;
		}
		try {
			const drawn = await this.service.draw(input.kind, input.source, analysis);
			if ('refusal' in drawn) {
				new Notice(drawn.refusal || t('diagram.too-large'));
				return null;
			}
			const name = analysis.title;
			const fileName = exportFileName(this.noteName(input), input.kind, name, input.openLine + 1);
			const path = await this.app.fileManager.getAvailablePathForAttachment(fileName, input.sourcePath);
			const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
			if (folder && !this.app.vault.getAbstractFileByPath(folder)) await this.app.vault.createFolder(folder);
			const file = await this.app.vault.create(path, svgFileText(drawn, this.service.currentPalette().background));
			const link = this.app.fileManager.generateMarkdownLink(file, input.sourcePath);
			// After the file write the tap is long past: iOS refuses the clipboard then. The notice
			// then shows the link with a button that copies it (a new tap).
			if (await copyText(link)) new Notice(t('export.saved', { path: file.path }));
			else offerText(t('export.saved-link', { path: file.path }), link, t('export.copy-link'));
			return file;
		} catch (e) {
			new Notice(t('export.failed', { message: e instanceof Error ? e.message : String(e) }));
			return null;
		}
	}

	async insertMermaid(input: BlockInput): Promise<boolean> {
		const text = this.mermaidText(input, false);
		if (text === null) return false;
		const file = this.app.vault.getFileByPath(input.sourcePath);
		if (!file) {
			new Notice(t('export.changed', { line: input.openLine + 1, note: input.sourcePath }));
			return false;
		}
		let outcome: 'inserted' | 'replaced' | 'missing' = 'missing';
		await this.app.vault.process(file, (data) => {
			const block = refindBlock(data, input.kind, input.source, input.openLine);
			if (!block || !block.closed) {
				outcome = 'missing';
				return data;
			}
			const result = withMermaidBlock(data, block.closeLine, text);
			outcome = result.replaced ? 'replaced' : 'inserted';
			return result.text;
		});
		if (outcome === 'missing') new Notice(t('export.changed', { line: input.openLine + 1, note: input.sourcePath }));
		else new Notice(t(outcome === 'replaced' ? 'export.replaced' : 'export.inserted', { kind: input.kind, note: file.basename }));
		return outcome !== 'missing';
	}

	/** The toolbar menu of a diagram. */
	/**
	 * The toolbar menu of a diagram. Copying uses the block as drawn, at once (the clipboard wants
	 * the click's gesture; the text does not depend on lines); saving and inserting first read
	 * where the block is now (`locate`), since lines above it may have changed since it drew.
	 */
	fillMenu(menu: Menu, input: BlockInput, locate: () => Promise<BlockInput> = () => Promise.resolve(input)): void {
		menu.addItem((item) => item.setTitle(t('export.menu.copy-mermaid')).setIcon('copy').onClick(() => void this.copyMermaid(input)));
		menu.addItem((item) => item.setTitle(t('export.menu.export-svg')).setIcon('image-down').onClick(() => void locate().then((now) => this.exportSvg(now))));
		menu.addItem((item) => item.setTitle(t('export.menu.insert-mermaid')).setIcon('file-plus').onClick(() => void locate().then((now) => this.insertMermaid(now))));
	}
}

/** Commands on the block under the cursor: ids `copy-mermaid`, `export-svg`, `insert-mermaid-block`. */
export function registerExportCommands(plugin: Plugin, exporter: TopologyExporter): void {
	const command = (id: string, name: string, run: (input: BlockInput) => Promise<unknown>): void => {
		plugin.addCommand({
			id,
			name,
			editorCallback: () => {
				const input = exporter.blockAtCursor();
				if (!input) {
					new Notice(t('export.no-block', { kinds: TOPOLOGY_LANGUAGES.map((l) => l.id).join(', ') }));
					return;
				}
				void run(input);
			},
		});
	};
	command('copy-mermaid', t('export.copy-mermaid'), (input) => exporter.copyMermaid(input));
	command('export-svg', t('export.export-svg'), (input) => exporter.exportSvg(input));
	command('insert-mermaid-block', t('export.insert-mermaid'), (input) => exporter.insertMermaid(input));
}
