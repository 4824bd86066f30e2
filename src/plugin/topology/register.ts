import { EditorView } from '@codemirror/view';
import { apiVersion, debounce, loadMermaid, type MarkdownPostProcessorContext, type Menu } from 'obsidian';
import { TOPOLOGY_LANGUAGES, type TopologyKind } from '../../core/topology';
import { t } from '../i18n';
import type { PluginContext } from '../context';
import { deviceId } from '../review/device-id';
import { AdapterPersistence, pluginFolder } from '../review/review-persistence';
import { DiagramService } from './diagram-service';
import { DiskRenderCache } from './disk-render-cache';
import { topologyLinter } from './editor-lint';
import { registerExportCommands, TopologyExporter } from './export';
import { registerImportCommand } from './import-command';
import { PREVIEW_VIEW_TYPE, TopologyPreviewView } from './preview-view';
import { TopologyBlock, type BlockActions, type BlockInput } from './topology-block';

/** Topology blocks: code block processors, preview view, editor lint, export commands. */
export function registerTopology(ctx: PluginContext): void {
	const plugin = ctx.plugin;
	const app = ctx.app;
	// Drawn diagrams survive a restart (disk-render-cache.ts): one file per device, read on first draw.
	const diskCache = new DiskRenderCache(new AdapterPersistence(app, pluginFolder(app, ctx.manifest)), () => `render-cache-${deviceId(app)}.json`);
	const saveDisk = () =>
		void service.saveDisk().catch((error: unknown) => console.warn('Cloudnotes: could not write the render cache (diagrams are drawn again after a restart)', error));
	const saveSoon = debounce(saveDisk, 2000, true);
	// Obsidian's version fixes the Mermaid it ships, which the keys must include.
	const service = new DiagramService(app, () => ctx.settings.diagrams, () => loadMermaid(), { cache: diskCache, pluginVersion: ctx.manifest.version, mermaidVersion: apiVersion, changed: saveSoon });
	const exporter = new TopologyExporter(app, service);
	plugin.register(() => {
		saveSoon.cancel();
		saveDisk();
		service.clear();
	});

	const actions: BlockActions = {
		openLine(sourcePath: string, line: number, column = 1) {
			const file = app.vault.getFileByPath(sourcePath);
			if (!file) return;
			// Obsidian's eState line is 0-based; our lines are the note's, from 1.
			void app.workspace
				.getLeaf(false)
				.openFile(file, { eState: { line: line - 1 } })
				.then(() => {
					const editor = app.workspace.activeEditor;
					if (editor?.file?.path === sourcePath) editor.editor?.setCursor({ line: line - 1, ch: Math.max(0, column - 1) });
				});
		},
		exportMenu(menu: Menu, input: BlockInput, locate: () => Promise<BlockInput>) {
			exporter.fillMenu(menu, input, locate);
		},
	};

	const processor = (kind: TopologyKind) => (source: string, el: HTMLElement, ctx: MarkdownPostProcessorContext) => {
		const section = ctx.getSectionInfo(el);
		const openLine = section ? section.lineStart : -1;
		const indent = section ? (/^ */.exec(section.text.split(/\r?\n/)[section.lineStart] ?? '')?.[0].length ?? 0) : 0;
		const input: BlockInput = { kind, source: source.replace(/\r?\n$/, ''), sourcePath: ctx.sourcePath, openLine, firstLine: openLine + 2, columnOffset: indent };
		ctx.addChild(new TopologyBlock(el, service, actions, input, () => ctx.getSectionInfo(el)));
	};
	for (const language of TOPOLOGY_LANGUAGES) {
		for (const fence of language.fences) plugin.registerMarkdownCodeBlockProcessor(fence, processor(language.id));
	}

	// Theme (light/dark, accent, snippets) and diagram settings redraw what is on screen.
	plugin.registerEvent(app.workspace.on('css-change', () => service.themeChanged()));
	ctx.onSettingsChange(() => service.redrawAll());

	plugin.registerView(PREVIEW_VIEW_TYPE, (leaf) => new TopologyPreviewView(leaf, service, actions));
	const openPreview = async (): Promise<void> => {
		const existing = app.workspace.getLeavesOfType(PREVIEW_VIEW_TYPE)[0];
		if (existing) {
			await app.workspace.revealLeaf(existing);
			return;
		}
		const leaf = app.workspace.getRightLeaf(false);
		if (!leaf) return;
		await leaf.setViewState({ type: PREVIEW_VIEW_TYPE, active: false });
		await app.workspace.revealLeaf(leaf);
	};
	plugin.addCommand({ id: 'open-topology-preview', name: t('preview.open'), callback: () => void openPreview() });
	plugin.addRibbonIcon('network', t('preview.open'), () => void openPreview());

	// Lint as you type, and cursor moves for the preview (Obsidian has no workspace event for them).
	const refreshPreviews = (): void => {
		for (const leaf of app.workspace.getLeavesOfType(PREVIEW_VIEW_TYPE)) {
			if (leaf.view instanceof TopologyPreviewView) leaf.view.refresh();
		}
	};
	plugin.registerEditorExtension([topologyLinter(), EditorView.updateListener.of((update) => {
		if (update.selectionSet) refreshPreviews();
	})]);

	registerExportCommands(plugin, exporter);
	registerImportCommand(plugin);
}
