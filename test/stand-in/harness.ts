/**
 * The demo workspace: a page that plays Obsidian around the unmodified built main.js. It shows
 * every note of a vault in reading view, offers every command the plugin registers as a
 * `button[data-command-id]`, keeps plugin data in the given storage (localStorage in the demo),
 * and can disable and re-enable the plugin, as the lifecycle tests need.
 */
import * as obsidian from './obsidian';
import { App, Component, Keymap, MarkdownView, TFile, WorkspaceLeaf, openSettingTab, standInCounters, type PluginManifest, type StandInStorage } from './obsidian';
import { liveRenderChildren, renderMarkdown, SectionRegistry, type RenderedBlock } from './markdown';
import { SourceEditor } from './source-editor';

export interface HarnessOptions {
	root: HTMLElement;
	notes: { path: string; content: string }[];
	manifest: PluginManifest;
	/** Evaluates main.js afresh (as Obsidian does on every enable) and returns its exports. */
	loadMain: () => { default?: new (app: App, manifest: PluginManifest) => obsidian.Plugin };
	storage: StandInStorage;
	title?: string;
	mermaidVersion?: string;
	/**
	 * false: keep the notes in the vault only, without a view, list entry or rendering per note
	 * (the benchmarks load 10,000 notes; the plugin still indexes them). Default true.
	 */
	renderNotes?: boolean;
	/** Play Obsidian on a phone: Platform.isMobile, `.is-mobile`, iOS's clipboard rule (see enableMobile). */
	mobile?: boolean;
}

interface NoteView {
	path: string;
	sectionEl: HTMLElement;
	previewEl: HTMLElement;
	/** The source editor's box (shown by "Edit source") and the editor in it. */
	editorEl: HTMLElement;
	source: SourceEditor;
	view: MarkdownView;
	component: Component | null;
	/** Live section lines of the reading view (getSectionInfo reads them). */
	sections: SectionRegistry;
	/** Code blocks of the last render, kept by the next one when unchanged. */
	blocks: Map<string, RenderedBlock[]>;
}

export class Harness {
	app: App;
	plugin: obsidian.Plugin | null = null;
	/** Milliseconds the last enable spent in the plugin's onload. */
	onloadMs = 0;
	readonly errors: string[] = [];
	private notes = new Map<string, NoteView>();
	private notesEl: HTMLElement;
	private commandsEl: HTMLElement;
	private settingsEl: HTMLElement;
	private keydown = (evt: KeyboardEvent) => Keymap.handleKeydown(evt);

	constructor(private options: HarnessOptions) {
		for (const note of options.notes) {
			if (options.storage.get('vault:' + note.path) === null) options.storage.set('vault:' + note.path, note.content);
		}
		if (options.mobile) obsidian.enableMobile(window);
		this.app = new App(options.storage);
		(window as any).app = this.app;
		document.addEventListener('keydown', this.keydown);

		const root = options.root;
		root.addClass('cloudnotes-demo');
		const header = root.createDiv({ cls: 'demo-header' });
		header.createEl('h1', { text: options.title ?? 'Cloudnotes demo' });
		header.createSpan({ cls: 'demo-meta', text: `Mermaid ${options.mermaidVersion ?? '?'} · stand-in for Obsidian` });
		const themeButton = header.createEl('button', { text: 'Toggle dark theme', attr: { 'data-demo': 'theme' } });
		themeButton.addEventListener('click', () => this.setTheme(document.body.hasClass('theme-dark') ? 'light' : 'dark'));
		const reset = header.createEl('button', { text: 'Reset demo data', attr: { 'data-demo': 'reset' } });
		reset.addEventListener('click', () => {
			for (const k of options.storage.keys()) options.storage.delete(k);
			location.reload();
		});
		const layout = root.createDiv({ cls: 'demo-layout' });
		const side = layout.createDiv({ cls: 'demo-sidebar' });
		side.createEl('h2', { text: 'Commands' });
		this.commandsEl = side.createDiv({ cls: 'demo-commands' });
		side.createEl('h2', { text: 'Ribbon and status bar' });
		side.appendChild(this.app.ribbonEl);
		side.appendChild(this.app.statusBarEl);
		side.createEl('h2', { text: 'Notes' });
		const list = side.createEl('ul', { cls: 'demo-note-list' });
		this.notesEl = layout.createDiv({ cls: 'demo-notes' });
		const right = layout.createDiv({ cls: 'demo-right' });
		right.appendChild(this.app.workspace.containerEl);
		this.settingsEl = right.createDiv({ cls: 'demo-settings' });

		const shown = options.renderNotes === false ? [] : this.app.vault.getMarkdownFiles().sort((a, b) => a.path.localeCompare(b.path));
		for (const file of shown) {
			list.createEl('li').createEl('a', { text: file.path, attr: { href: '#', 'data-note-link': file.path } }).addEventListener('click', (e) => {
				e.preventDefault();
				this.setActive(file.path);
				this.notes.get(file.path)?.sectionEl.scrollIntoView();
			});
			this.addNoteView(file);
		}
		const first = shown[0];
		if (first) this.setActive(first.path);

		this.app.workspace.openFileHandler = (file, line) => this.reveal(file.path, line);
		// Like Obsidian's reading view, a change re-renders only the sections whose text changed.
		this.app.vault.on('modify', (file: TFile) => void this.renderNote(file.path, false));
		this.app.vault.on('create', (file: TFile) => {
			if (options.renderNotes !== false && file.extension === 'md' && !this.notes.has(file.path)) {
				this.addNoteView(file);
				void this.renderNote(file.path);
			}
		});
	}

	private addNoteView(file: TFile): void {
		const sectionEl = this.notesEl.createEl('section', { cls: 'demo-note', attr: { 'data-path': file.path } });
		const bar = sectionEl.createDiv({ cls: 'demo-note-bar' });
		bar.createEl('h2', { cls: 'demo-note-title', text: file.basename });
		const editButton = bar.createEl('button', { text: 'Edit source', attr: { 'data-demo': 'edit' } });
		const editorEl = sectionEl.createDiv({ cls: 'demo-editor' });
		editorEl.hide();
		const source = new SourceEditor(editorEl, `Source of ${file.path}`, () => this.app.workspace.editorExtensions);
		this.app.workspace.editorsToUpdate.add(() => source.reconfigure());
		const previewEl = sectionEl.createDiv({ cls: 'markdown-preview-view markdown-rendered' });
		const leaf = new WorkspaceLeaf(this.app, createDiv());
		const view = new MarkdownView(leaf, source);
		view.file = file;
		const note: NoteView = { path: file.path, sectionEl, previewEl, editorEl, source, view, component: null, sections: new SectionRegistry(), blocks: new Map() };
		this.notes.set(file.path, note);
		sectionEl.addEventListener('mousedown', () => this.setActive(file.path), true);
		sectionEl.addEventListener('focusin', () => this.setActive(file.path));
		editButton.addEventListener('click', () => {
			const editing = !editorEl.isShown();
			editorEl.toggle(editing);
			if (editing) void this.app.vault.read(file).then((t) => (source.value = t));
		});
		let timer = 0;
		const onEdit = () => {
			this.app.workspace.trigger('editor-change', view.editor, view);
			window.clearTimeout(timer);
			timer = window.setTimeout(() => void this.app.vault.modify(file, source.value), 250);
		};
		source.addEventListener('input', onEdit);
	}

	setActive(path: string): void {
		const note = this.notes.get(path);
		if (!note || this.app.workspace.activeFile?.path === path) return;
		for (const n of this.notes.values()) n.sectionEl.toggleClass('is-active', n === note);
		this.app.workspace.activeFile = note.view.file;
		this.app.workspace.activeMarkdownView = note.view;
		this.app.workspace.trigger('file-open', note.view.file);
		this.app.workspace.trigger('active-leaf-change', note.view.leaf);
	}

	/** "Open the note at this line": make it active, show the source with the cursor on the line. */
	reveal(path: string, line?: number): void {
		const note = this.notes.get(path);
		if (!note) return;
		this.setActive(path);
		note.sectionEl.scrollIntoView();
		note.sectionEl.setAttr('data-revealed-line', line === undefined ? null : String(line));
		if (line !== undefined) {
			void this.app.vault.read(note.view.file!).then((text) => {
				note.source.value = text;
				note.editorEl.show();
				note.view.editor.setCursor({ line, ch: 0 });
			});
		}
	}

	/**
	 * Renders a note in its reading view. `full` (enable, disable, first render) starts afresh;
	 * otherwise, as in Obsidian, a code block whose fence and source are unchanged keeps its
	 * element and render children (its processor does not run again) even when lines above it
	 * changed: its getSectionInfo then reports the new lines.
	 */
	async renderNote(path: string, full = true): Promise<void> {
		const note = this.notes.get(path);
		const file = this.app.vault.getFileByPath(path);
		if (!note || !file) return;
		const reuse = full || !note.component ? undefined : note.blocks;
		if (!reuse) {
			note.component?.unload();
			note.previewEl.empty();
			const component = new Component();
			component.load();
			note.component = component;
		}
		const component = note.component!;
		// Kept blocks move from the old content into the new while both are in the document, so
		// they never look detached (which unloads render children); the rest goes with the old.
		const previous = [...note.previewEl.children];
		const fresh = note.previewEl.createDiv({ cls: 'stand-in-reading-view' });
		const rendered = new Map<string, RenderedBlock[]>();
		try {
			await renderMarkdown(this.app, await this.app.vault.read(file), fresh, path, component, { sections: note.sections, reuse, rendered });
		} catch (e) {
			this.errors.push(`render ${path}: ${String(e)}`);
		}
		note.blocks = rendered;
		for (const el of previous) el.remove();
	}

	async renderAll(): Promise<void> {
		await Promise.all([...this.notes.keys()].map((p) => this.renderNote(p)));
	}

	async enable(): Promise<void> {
		if (this.plugin) return;
		const exports = this.options.loadMain();
		const PluginClass = exports.default;
		if (!PluginClass) throw new Error('main.js has no default export');
		const plugin = new PluginClass(this.app, { ...this.options.manifest, dir: `${this.app.vault.configDir}/plugins/${this.options.manifest.id}` });
		const t0 = performance.now();
		try {
			await plugin.load();
		} catch (e) {
			this.errors.push(`onload: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
			throw e;
		}
		this.onloadMs = performance.now() - t0;
		this.plugin = plugin;
		if (!this.app.workspace.layoutReady) this.app.workspace.setLayoutReady();
		else this.app.workspace.onLayoutReady(() => undefined);
		this.renderCommands();
		this.renderSettings();
		await this.renderAll();
	}

	async disable(): Promise<void> {
		if (!this.plugin) return;
		this.plugin.unload();
		this.plugin = null;
		this.renderCommands();
		this.renderSettings();
		await this.renderAll();
	}

	private renderCommands(): void {
		this.commandsEl.empty();
		const prefix = this.options.manifest.id + ':';
		for (const command of Object.values(this.app.commands.commands)) {
			const id = command.id.startsWith(prefix) ? command.id.slice(prefix.length) : command.id;
			const button = this.commandsEl.createEl('button', { text: command.name, attr: { 'data-command-id': id } });
			button.addEventListener('click', () => this.app.commands.executeCommandById(command.id));
		}
	}

	private renderSettings(): void {
		this.settingsEl.empty();
		const tab = this.app.settingTabs[0];
		if (!tab) return;
		const details = this.settingsEl.createEl('details', { cls: 'demo-settings-panel' });
		details.createEl('summary', { text: 'Plugin settings' });
		details.appendChild(tab.containerEl);
		openSettingTab(tab);
	}

	setTheme(theme: 'light' | 'dark'): void {
		document.body.toggleClass('theme-dark', theme === 'dark');
		document.body.toggleClass('theme-light', theme === 'light');
		this.app.workspace.trigger('css-change');
	}

	private openViews(): number {
		let n = 0;
		this.app.workspace.iterateAllLeaves((leaf) => {
			if (leaf.view) n++;
		});
		return n;
	}

	/** What the lifecycle tests count: anything a plugin leaves behind after unload shows up here. */
	counts(): Record<string, number> {
		return {
			workspaceListeners: this.app.workspace.listenerCount(),
			vaultListeners: this.app.vault.listenerCount(),
			metadataListeners: this.app.metadataCache.listenerCount(),
			domListeners: standInCounters.domListeners,
			intervals: standInCounters.intervals,
			renderChildren: liveRenderChildren(),
			commands: Object.keys(this.app.commands.commands).length,
			views: this.app.viewRegistry.size,
			processorsVpc: this.app.processorCount('vpc'),
			processorsContainers: this.app.processorCount('containers'),
			editorExtensions: this.app.workspace.editorExtensions.length,
			ribbonItems: this.app.ribbonEl.childElementCount,
			statusBarItems: this.app.statusBarEl.childElementCount,
			settingTabs: this.app.settingTabs.length,
			modals: document.querySelectorAll('.modal-container').length,
			openViews: this.openViews(),
		};
	}
}

export { obsidian };
