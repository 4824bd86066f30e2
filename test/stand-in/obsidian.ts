/**
 * A small stand-in for the `obsidian` module, written from obsidian.d.ts, providing exactly the
 * API surface Cloudnotes uses. It backs the plugin-layer unit tests (jsdom), the browser tests
 * and the demo page (Chromium). Where Obsidian's real behaviour matters to us it follows it and
 * says so; everything else is kept deliberately plain.
 */
import { parse as parseYamlText, stringify as stringifyYamlText } from 'yaml';
import { renderMarkdown } from './markdown';

// ---------------------------------------------------------------------------------------------
// Events and components

export interface EventRef {
	e: Events;
	name: string;
	fn: (...args: any[]) => unknown;
}

export class Events {
	private handlers = new Map<string, Set<EventRef>>();
	on(name: string, callback: (...args: any[]) => unknown, ctx?: unknown): EventRef {
		const ref: EventRef = { e: this, name, fn: ctx ? callback.bind(ctx) : callback };
		let set = this.handlers.get(name);
		if (!set) this.handlers.set(name, (set = new Set()));
		set.add(ref);
		return ref;
	}
	off(name: string, callback: (...args: any[]) => unknown): void {
		for (const ref of this.handlers.get(name) ?? []) if (ref.fn === callback) this.handlers.get(name)?.delete(ref);
	}
	offref(ref: EventRef): void {
		this.handlers.get(ref.name)?.delete(ref);
	}
	trigger(name: string, ...data: unknown[]): void {
		for (const ref of [...(this.handlers.get(name) ?? [])]) ref.fn(...data);
	}
	tryTrigger(evt: EventRef, args: unknown[]): void {
		evt.fn(...args);
	}
	/** Stand-in only: how many handlers are registered (the lifecycle test counts leaks). */
	listenerCount(name?: string): number {
		if (name) return this.handlers.get(name)?.size ?? 0;
		let n = 0;
		for (const set of this.handlers.values()) n += set.size;
		return n;
	}
}

/** Stand-in only: counts of live listeners and intervals registered through components. */
export const standInCounters = {
	domListeners: 0,
	intervals: 0,
	/** Reads of note and plugin files (vault.read, vault.cachedRead, adapter.read): what the benchmark charges a latency for. */
	reads: 0,
};

/**
 * Stand-in only: a latency per read (vault.read, vault.cachedRead, adapter.read), for the start
 * benchmark's phone-like device. Reads overlap as a real device's do; the delay is kept with a
 * message loop rather than timers, which the browser stretches to 4 ms once they nest.
 */
export const standInIo = { readLatencyMs: 0 };
const delayed: { until: number; resolve: () => void }[] = [];
let delayChannel: MessageChannel | null = null;

function releaseDelayed(): void {
	const now = performance.now();
	for (let i = delayed.length - 1; i >= 0; i--) {
		const entry = delayed[i];
		if (entry.until > now) continue;
		delayed.splice(i, 1);
		entry.resolve();
	}
	if (delayed.length > 0) delayChannel?.port2.postMessage(0);
}

function readLatency(): Promise<void> {
	const ms = standInIo.readLatencyMs;
	if (!(ms > 0)) return Promise.resolve();
	if (!delayChannel) {
		delayChannel = new MessageChannel();
		delayChannel.port1.onmessage = releaseDelayed;
	}
	return new Promise((resolve) => {
		delayed.push({ until: performance.now() + ms, resolve });
		if (delayed.length === 1) delayChannel?.port2.postMessage(0);
	});
}

/** Bytes of the text in UTF-8, as Obsidian's TFile.stat.size counts them. */
function utf8Size(text: string): number {
	let n = text.length;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code >= 0x80) n += code >= 0x800 && (code < 0xd800 || code > 0xdfff) ? 2 : 1;
	}
	return n;
}

export class Component {
	_loaded = false;
	private _children: Component[] = [];
	private _cleanups: (() => unknown)[] = [];

	load(): unknown {
		if (this._loaded) return undefined;
		this._loaded = true;
		const result = this.onload();
		for (const child of this._children) child.load();
		return result;
	}
	onload(): unknown {
		return undefined;
	}
	unload(): void {
		if (!this._loaded) return;
		this._loaded = false;
		for (const child of this._children.splice(0)) child.unload();
		for (const cleanup of this._cleanups.splice(0).reverse()) cleanup();
		this.onunload();
	}
	onunload(): void {}
	addChild<T extends Component>(component: T): T {
		this._children.push(component);
		if (this._loaded) component.load();
		return component;
	}
	removeChild<T extends Component>(component: T): T {
		const i = this._children.indexOf(component);
		if (i !== -1) {
			this._children.splice(i, 1);
			component.unload();
		}
		return component;
	}
	register(cb: () => unknown): void {
		this._cleanups.push(cb);
	}
	registerEvent(eventRef: EventRef): void {
		this.register(() => eventRef.e.offref(eventRef));
	}
	registerDomEvent(el: EventTarget, type: string, callback: (ev: any) => unknown, options?: boolean | AddEventListenerOptions): void {
		el.addEventListener(type, callback as EventListener, options);
		standInCounters.domListeners++;
		this.register(() => {
			el.removeEventListener(type, callback as EventListener, options);
			standInCounters.domListeners--;
		});
	}
	registerScopeEvent(keyHandler: KeymapEventHandler): void {
		this.register(() => keyHandler.scope.unregister(keyHandler));
	}
	registerInterval(id: number): number {
		standInCounters.intervals++;
		this.register(() => {
			window.clearInterval(id);
			standInCounters.intervals--;
		});
		return id;
	}
}

// ---------------------------------------------------------------------------------------------
// Files and the vault

export class TAbstractFile {
	vault!: Vault;
	path = '';
	name = '';
	parent: TFolder | null = null;
}

export class TFile extends TAbstractFile {
	stat = { ctime: 0, mtime: 0, size: 0 };
	get basename(): string {
		const dot = this.name.lastIndexOf('.');
		return dot <= 0 ? this.name : this.name.slice(0, dot);
	}
	get extension(): string {
		const dot = this.name.lastIndexOf('.');
		return dot <= 0 ? '' : this.name.slice(dot + 1);
	}
}

export class TFolder extends TAbstractFile {
	children: TAbstractFile[] = [];
	isRoot(): boolean {
		return this.path === '/' || this.path === '';
	}
}

/** Key-value storage behind the vault and the adapter: localStorage in the page, a Map in jest. */
export interface StandInStorage {
	get(key: string): string | null;
	set(key: string, value: string): void;
	delete(key: string): void;
	keys(): string[];
}

export function mapStorage(initial?: Record<string, string>): StandInStorage {
	const map = new Map(Object.entries(initial ?? {}));
	return {
		get: (k) => map.get(k) ?? null,
		set: (k, v) => void map.set(k, v),
		delete: (k) => void map.delete(k),
		keys: () => [...map.keys()],
	};
}

/** Stand-in only: make the adapter fail, to test what the plugin does when a save dies. */
export interface AdapterFaults {
	/** Called before each write; return 'fail' to reject, or a number to write only that many characters and then reject. */
	beforeWrite?: (path: string, data: string) => 'fail' | number | undefined;
	/** Called before each write; a promise returned holds the write back until it settles (a slow disk). */
	delayWrite?: (path: string, data: string) => Promise<unknown> | undefined;
}

export class DataAdapter {
	faults: AdapterFaults = {};
	private watchers = new Set<(path: string, data: string) => void>();
	constructor(private storage: StandInStorage, private prefix: string) {}
	/**
	 * Stand-in only: called after every write that reaches the disk, as Obsidian's file watcher
	 * sees changes in the config folder (a sync writing data.json comes through here too).
	 */
	watch(watcher: (path: string, data: string) => void): () => void {
		this.watchers.add(watcher);
		return () => this.watchers.delete(watcher);
	}
	getName(): string {
		return 'stand-in';
	}
	private key(path: string): string {
		return this.prefix + normalizePath(path);
	}
	async exists(path: string): Promise<boolean> {
		return this.storage.get(this.key(path)) !== null || this.isFolder(path);
	}
	async read(path: string): Promise<string> {
		standInCounters.reads++;
		await readLatency();
		const v = this.storage.get(this.key(path));
		if (v === null) throw new Error(`ENOENT: no such file, open '${path}'`);
		return v;
	}
	async write(path: string, data: string): Promise<void> {
		const fault = this.faults.beforeWrite?.(path, data);
		if (fault === 'fail') throw new Error(`EIO: write failed '${path}'`);
		if (typeof fault === 'number') {
			this.storage.set(this.key(path), data.slice(0, fault));
			throw new Error(`EIO: write interrupted '${path}'`);
		}
		const delay = this.faults.delayWrite?.(path, data);
		if (delay) await delay;
		this.storage.set(this.key(path), data);
		for (const watcher of [...this.watchers]) watcher(normalizePath(path), data);
	}
	/**
	 * As Obsidian's: adds only `data` to the end of the file (creating it), never rewriting what is
	 * there; a fault cuts the appended text, not the old one.
	 */
	async append(path: string, data: string): Promise<void> {
		const old = this.storage.get(this.key(path)) ?? '';
		const fault = this.faults.beforeWrite?.(path, data);
		if (fault === 'fail') throw new Error(`EIO: append failed '${path}'`);
		if (typeof fault === 'number') {
			this.storage.set(this.key(path), old + data.slice(0, fault));
			throw new Error(`EIO: append interrupted '${path}'`);
		}
		this.storage.set(this.key(path), old + data);
	}
	async remove(path: string): Promise<void> {
		if (this.storage.get(this.key(path)) === null) throw new Error(`ENOENT: no such file, unlink '${path}'`);
		this.storage.delete(this.key(path));
	}
	async rename(from: string, to: string): Promise<void> {
		const v = this.storage.get(this.key(from));
		if (v === null) throw new Error(`ENOENT: '${from}'`);
		this.storage.set(this.key(to), v);
		this.storage.delete(this.key(from));
	}
	/** Folders made with mkdir; a folder also exists while a file is inside it. */
	private folders = new Set<string>();
	private isFolder(path: string): boolean {
		const p = normalizePath(path);
		if (this.folders.has(p)) return true;
		const base = this.prefix + p + '/';
		return this.storage.keys().some((k) => k.startsWith(base));
	}
	async mkdir(path: string): Promise<void> {
		this.folders.add(normalizePath(path));
	}
	async stat(path: string): Promise<{ type: 'file' | 'folder'; ctime: number; mtime: number; size: number } | null> {
		const v = this.storage.get(this.key(path));
		if (v !== null) return { type: 'file', ctime: 0, mtime: 0, size: new TextEncoder().encode(v).length };
		return this.isFolder(path) ? { type: 'folder', ctime: 0, mtime: 0, size: 0 } : null;
	}
	/** As Obsidian's: the files and folders directly inside the folder, as vault-relative paths. */
	async list(path: string): Promise<{ files: string[]; folders: string[] }> {
		const dir = normalizePath(path);
		if (!this.isFolder(dir)) throw new Error(`ENOENT: no such directory, scandir '${path}'`);
		const base = this.prefix + dir + '/';
		const files: string[] = [];
		const folders = new Set<string>();
		for (const k of this.storage.keys()) {
			if (!k.startsWith(base)) continue;
			const rest = k.slice(base.length);
			const slash = rest.indexOf('/');
			if (slash === -1) files.push(dir + '/' + rest);
			else folders.add(dir + '/' + rest.slice(0, slash));
		}
		for (const f of this.folders) if (f.startsWith(dir + '/') && !f.slice(dir.length + 1).includes('/')) folders.add(f);
		return { files, folders: [...folders] };
	}
}

export class Vault extends Events {
	configDir = '.obsidian';
	adapter: DataAdapter;
	private files = new Map<string, TAbstractFile>();
	private root: TFolder;

	constructor(private storage: StandInStorage) {
		super();
		this.adapter = new DataAdapter(storage, 'adapter:');
		this.root = new TFolder();
		this.root.vault = this;
		this.root.path = '/';
		this.files.set('/', this.root);
		for (const key of storage.keys()) {
			if (key.startsWith('vault:')) this.index(key.slice('vault:'.length), storage.get(key) ?? '');
		}
	}
	getName(): string {
		return 'example-vault';
	}
	getRoot(): TFolder {
		return this.root;
	}
	private folderFor(path: string): TFolder {
		const slash = path.lastIndexOf('/');
		if (slash === -1) return this.root;
		const folderPath = path.slice(0, slash);
		const existing = this.files.get(folderPath);
		if (existing instanceof TFolder) return existing;
		const folder = new TFolder();
		folder.vault = this;
		folder.path = folderPath;
		folder.name = folderPath.slice(folderPath.lastIndexOf('/') + 1);
		folder.parent = this.folderFor(folderPath);
		folder.parent.children.push(folder);
		this.files.set(folderPath, folder);
		return folder;
	}
	/**
	 * As Obsidian's TFile.stat: mtime survives a restart (kept beside the note under `mtime:`; a
	 * note first seen gets the current time), size is the note's UTF-8 bytes. Tests and the
	 * benchmark change a note "while the app is closed" by writing `vault:` and `mtime:` directly.
	 */
	private stamp(file: TFile, text: string, modified: boolean): void {
		const stored = Number(this.storage.get('mtime:' + file.path));
		let mtime = Number.isFinite(stored) && stored > 0 ? stored : Date.now();
		if (modified) mtime = Math.max(Date.now(), file.stat.mtime + 1);
		if (modified || !(stored > 0)) this.storage.set('mtime:' + file.path, String(mtime));
		file.stat = { ctime: file.stat.ctime || mtime, mtime, size: utf8Size(text) };
	}
	private index(path: string, text: string): TFile {
		const file = new TFile();
		file.vault = this;
		file.path = path;
		file.name = path.slice(path.lastIndexOf('/') + 1);
		file.parent = this.folderFor(path);
		file.parent.children.push(file);
		this.stamp(file, text, false);
		this.files.set(path, file);
		return file;
	}
	getAbstractFileByPath(path: string): TAbstractFile | null {
		return this.files.get(normalizePath(path)) ?? null;
	}
	getFileByPath(path: string): TFile | null {
		const f = this.getAbstractFileByPath(path);
		return f instanceof TFile ? f : null;
	}
	getFolderByPath(path: string): TFolder | null {
		const f = this.getAbstractFileByPath(path);
		return f instanceof TFolder ? f : null;
	}
	getFiles(): TFile[] {
		return [...this.files.values()].filter((f): f is TFile => f instanceof TFile);
	}
	getMarkdownFiles(): TFile[] {
		return this.getFiles().filter((f) => f.extension === 'md');
	}
	getAllLoadedFiles(): TAbstractFile[] {
		return [...this.files.values()];
	}
	async read(file: TFile): Promise<string> {
		standInCounters.reads++;
		await readLatency();
		return this.storage.get('vault:' + file.path) ?? '';
	}
	cachedRead(file: TFile): Promise<string> {
		return this.read(file);
	}
	async modify(file: TFile, data: string): Promise<void> {
		await ioTask();
		this.storage.set('vault:' + file.path, data);
		this.stamp(file, data, true);
		this.trigger('modify', file);
	}
	async process(file: TFile, fn: (data: string) => string): Promise<string> {
		const next = fn(await this.read(file));
		await this.modify(file, next);
		return next;
	}
	async create(path: string, data: string): Promise<TFile> {
		path = normalizePath(path);
		if (this.files.has(path)) throw new Error(`File already exists: ${path}`);
		await ioTask();
		if (this.files.has(path)) throw new Error(`File already exists: ${path}`);
		this.storage.set('vault:' + path, data);
		this.storage.delete('mtime:' + path);
		const file = this.index(path, data);
		this.trigger('create', file);
		return file;
	}
	async createFolder(path: string): Promise<TFolder> {
		this.folderFor(normalizePath(path) + '/x');
		return this.getFolderByPath(normalizePath(path)) as TFolder;
	}
	async rename(file: TAbstractFile, newPath: string): Promise<void> {
		if (!(file instanceof TFile)) throw new Error('stand-in renames files only');
		const oldPath = file.path;
		const data = this.storage.get('vault:' + oldPath) ?? '';
		this.storage.delete('vault:' + oldPath);
		this.storage.set('vault:' + newPath, data);
		// A rename keeps the file's mtime, as on a real file system.
		this.storage.set('mtime:' + newPath, String(file.stat.mtime));
		this.storage.delete('mtime:' + oldPath);
		this.files.delete(oldPath);
		if (file.parent) file.parent.children = file.parent.children.filter((c) => c !== file);
		file.path = newPath;
		file.name = newPath.slice(newPath.lastIndexOf('/') + 1);
		file.parent = this.folderFor(newPath);
		file.parent.children.push(file);
		this.files.set(newPath, file);
		this.trigger('rename', file, oldPath);
	}
	async delete(file: TAbstractFile): Promise<void> {
		this.storage.delete('vault:' + file.path);
		this.storage.delete('mtime:' + file.path);
		this.files.delete(file.path);
		if (file.parent) file.parent.children = file.parent.children.filter((c) => c !== file);
		this.trigger('delete', file);
	}
	async trash(file: TAbstractFile): Promise<void> {
		await this.delete(file);
	}
	getResourcePath(file: TFile): string {
		return 'app://local/' + encodeURI(file.path);
	}
}

export class FileManager {
	constructor(private app: App) {}
	async getAvailablePathForAttachment(filename: string, sourcePath?: string): Promise<string> {
		const folder = sourcePath && sourcePath.includes('/') ? sourcePath.slice(0, sourcePath.lastIndexOf('/')) + '/attachments' : 'attachments';
		const dot = filename.lastIndexOf('.');
		const base = dot > 0 ? filename.slice(0, dot) : filename;
		const ext = dot > 0 ? filename.slice(dot) : '';
		let candidate = `${folder}/${base}${ext}`;
		for (let n = 1; this.app.vault.getAbstractFileByPath(candidate); n++) candidate = `${folder}/${base} ${n}${ext}`;
		return candidate;
	}
	generateMarkdownLink(file: TFile, _sourcePath: string, subpath?: string, alias?: string): string {
		return `![[${file.path}${subpath ?? ''}${alias ? '|' + alias : ''}]]`;
	}
	async renameFile(file: TAbstractFile, newPath: string): Promise<void> {
		await this.app.vault.rename(file, newPath);
	}
	async trashFile(file: TAbstractFile): Promise<void> {
		await this.app.vault.delete(file);
	}
	async processFrontMatter(file: TFile, fn: (fm: any) => void): Promise<void> {
		const text = await this.app.vault.read(file);
		const info = getFrontMatterInfo(text);
		const fm = info.exists ? parseYaml(info.frontmatter) ?? {} : {};
		fn(fm);
		const yaml = stringifyYaml(fm);
		await this.app.vault.modify(file, `---\n${yaml}---\n` + text.slice(info.contentStart));
	}
}

export function getFrontMatterInfo(content: string): { exists: boolean; frontmatter: string; from: number; to: number; contentStart: number } {
	const m = /^---\r?\n([\s\S]*?)\r?\n---(\r?\n|$)/.exec(content);
	if (!m) return { exists: false, frontmatter: '', from: 0, to: 0, contentStart: 0 };
	return { exists: true, frontmatter: m[1] ?? '', from: 4, to: 4 + (m[1]?.length ?? 0), contentStart: m[0].length };
}

export class MetadataCache extends Events {
	constructor(private app: App) {
		super();
	}
	/** A small CachedMetadata: frontmatter, tags and headings, computed from the stored text. */
	getFileCache(file: TFile): any {
		const text = (this.app.vault as any).storage?.get('vault:' + file.path) ?? '';
		const info = getFrontMatterInfo(text);
		let frontmatter: any;
		try {
			frontmatter = info.exists ? parseYaml(info.frontmatter) : undefined;
		} catch {
			frontmatter = undefined;
		}
		const headings: any[] = [];
		const tags: any[] = [];
		text.split(/\r?\n/).forEach((line: string, i: number) => {
			const h = /^(#{1,6})\s+(.*)$/.exec(line);
			if (h) headings.push({ level: h[1].length, heading: h[2], position: { start: { line: i, col: 0, offset: 0 }, end: { line: i, col: line.length, offset: 0 } } });
			for (const t of line.matchAll(/(?:^|\s)#([\p{L}\p{N}_/-]+)/gu)) tags.push({ tag: '#' + t[1], position: { start: { line: i, col: 0, offset: 0 } } });
		});
		return { frontmatter, headings, tags };
	}
	getFirstLinkpathDest(linkpath: string, _sourcePath: string): TFile | null {
		return this.app.vault.getFileByPath(linkpath) ?? this.app.vault.getMarkdownFiles().find((f) => f.basename === linkpath) ?? null;
	}
}

// ---------------------------------------------------------------------------------------------
// Workspace, views, editor

export interface EditorPosition {
	line: number;
	ch: number;
}

/**
 * What an Editor edits: a textarea (unit tests), or the demo's CodeMirror editor
 * (source-editor.ts), which offers the same few members.
 */
export interface TextSurface {
	value: string;
	readonly selectionStart: number;
	readonly selectionEnd: number;
	setSelectionRange(start: number, end: number): void;
	focus(): void;
	dispatchEvent(event: Event): boolean;
}

/** An Editor over a text surface: the demo's source mode. */
export class Editor {
	constructor(public textarea: TextSurface) {}
	getValue(): string {
		return this.textarea.value;
	}
	setValue(content: string): void {
		this.textarea.value = content;
		this.textarea.dispatchEvent(new Event('input'));
	}
	lineCount(): number {
		return this.getValue().split('\n').length;
	}
	lastLine(): number {
		return this.lineCount() - 1;
	}
	getLine(line: number): string {
		return this.getValue().split('\n')[line] ?? '';
	}
	posToOffset(pos: EditorPosition): number {
		const lines = this.getValue().split('\n');
		let offset = 0;
		for (let i = 0; i < pos.line && i < lines.length; i++) offset += (lines[i]?.length ?? 0) + 1;
		return offset + pos.ch;
	}
	offsetToPos(offset: number): EditorPosition {
		const before = this.getValue().slice(0, offset).split('\n');
		return { line: before.length - 1, ch: before[before.length - 1]?.length ?? 0 };
	}
	getCursor(_which?: string): EditorPosition {
		return this.offsetToPos(this.textarea.selectionStart);
	}
	setCursor(pos: EditorPosition | number, ch?: number): void {
		const p = typeof pos === 'number' ? { line: pos, ch: ch ?? 0 } : pos;
		const offset = this.posToOffset(p);
		this.textarea.focus();
		this.textarea.setSelectionRange(offset, offset);
		this.textarea.dispatchEvent(new Event('select'));
	}
	getRange(from: EditorPosition, to: EditorPosition): string {
		return this.getValue().slice(this.posToOffset(from), this.posToOffset(to));
	}
	replaceRange(replacement: string, from: EditorPosition, to?: EditorPosition): void {
		const v = this.getValue();
		const a = this.posToOffset(from);
		const b = to ? this.posToOffset(to) : a;
		this.setValue(v.slice(0, a) + replacement + v.slice(b));
	}
	getSelection(): string {
		return this.getValue().slice(this.textarea.selectionStart, this.textarea.selectionEnd);
	}
	replaceSelection(replacement: string): void {
		const v = this.getValue();
		this.setValue(v.slice(0, this.textarea.selectionStart) + replacement + v.slice(this.textarea.selectionEnd));
	}
	scrollIntoView(): void {}
	focus(): void {
		this.textarea.focus();
	}
}

export abstract class View extends Component {
	app: App;
	icon = '';
	navigation = false;
	containerEl: HTMLElement;
	constructor(public leaf: WorkspaceLeaf) {
		super();
		this.app = leaf.app;
		this.containerEl = createDiv({ cls: 'workspace-leaf-content' });
	}
	abstract getViewType(): string;
	abstract getDisplayText(): string;
	getIcon(): string {
		return this.icon;
	}
	async onOpen(): Promise<void> {}
	async onClose(): Promise<void> {}
	getState(): Record<string, unknown> {
		return {};
	}
	async setState(_state: unknown, _result: unknown): Promise<void> {}
}

export abstract class ItemView extends View {
	contentEl: HTMLElement;
	constructor(leaf: WorkspaceLeaf) {
		super(leaf);
		const header = this.containerEl.createDiv({ cls: 'view-header' });
		header.createDiv({ cls: 'view-header-title' });
		this.contentEl = this.containerEl.createDiv({ cls: 'view-content' });
	}
	addAction(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
		const el = (this.containerEl.firstElementChild as HTMLElement).createEl('button', { cls: 'view-action clickable-icon', attr: { 'aria-label': title, 'data-icon': icon } });
		el.addEventListener('click', callback);
		return el;
	}
}

export class MarkdownView extends ItemView {
	editor: Editor;
	file: TFile | null = null;
	constructor(leaf: WorkspaceLeaf, textarea?: TextSurface) {
		super(leaf);
		this.editor = new Editor(textarea ?? this.contentEl.createEl('textarea'));
	}
	getViewType(): string {
		return 'markdown';
	}
	getDisplayText(): string {
		return this.file?.basename ?? '';
	}
	getMode(): 'source' | 'preview' {
		return 'source';
	}
}

export class WorkspaceLeaf extends Events {
	view: View | null = null;
	containerEl: HTMLElement;
	constructor(public app: App, parentEl: HTMLElement) {
		super();
		this.containerEl = parentEl.createDiv({ cls: 'workspace-leaf' });
	}
	async setViewState(state: { type: string; active?: boolean; state?: unknown }): Promise<void> {
		const factory = this.app.viewRegistry.get(state.type);
		if (!factory) throw new Error(`No view registered for ${state.type}`);
		await this.closeView();
		const view = factory(this);
		this.view = view;
		this.containerEl.appendChild(view.containerEl);
		view.load();
		await view.onOpen();
		if (state.state) await view.setState(state.state, {});
	}
	getViewState(): { type: string } {
		return { type: this.view?.getViewType() ?? 'empty' };
	}
	/** Closes the view and leaves the leaf empty (what Obsidian does when a view's plugin is disabled). */
	async closeView(): Promise<void> {
		if (!this.view) return;
		const view = this.view;
		this.view = null;
		await view.onClose();
		view.unload();
		view.containerEl.remove();
	}
	async openFile(file: TFile, openState?: { eState?: { line?: number } }): Promise<void> {
		this.app.workspace.openFileHandler(file, openState?.eState?.line);
	}
	detach(): void {
		void this.closeView();
		this.containerEl.remove();
		this.app.workspace.removeLeaf(this);
	}
	getDisplayText(): string {
		return this.view?.getDisplayText() ?? '';
	}
	setPinned(_pinned: boolean): void {}
}

export class Workspace extends Events {
	containerEl: HTMLElement;
	rightSplitEl: HTMLElement;
	layoutReady = false;
	private readyCallbacks: (() => unknown)[] = [];
	private leaves: WorkspaceLeaf[] = [];
	activeFile: TFile | null = null;
	activeMarkdownView: MarkdownView | null = null;
	/** Set by the harness: how "open this file at this line" is shown. */
	openFileHandler: (file: TFile, line?: number) => void = (file) => {
		this.activeFile = file;
	};
	editorExtensions: unknown[] = [];
	/** Stand-in only: the open editors, reconfigured by updateOptions. */
	readonly editorsToUpdate = new Set<() => void>();

	constructor(public app: App) {
		super();
		this.containerEl = createDiv({ cls: 'workspace' });
		this.rightSplitEl = this.containerEl.createDiv({ cls: 'workspace-split mod-right-split' });
	}
	onLayoutReady(callback: () => unknown): void {
		if (this.layoutReady) window.setTimeout(callback, 0);
		else this.readyCallbacks.push(callback);
	}
	/** Stand-in only: the harness calls this once the plugin has loaded, as Obsidian does after start-up. */
	setLayoutReady(): void {
		this.layoutReady = true;
		for (const cb of this.readyCallbacks.splice(0)) cb();
		this.trigger('layout-change');
	}
	getActiveFile(): TFile | null {
		return this.activeFile;
	}
	/** As Obsidian's: every open editor takes the registered editor extensions again. */
	updateOptions(): void {
		for (const update of this.editorsToUpdate) update();
	}
	getActiveViewOfType<T>(type: abstract new (...args: any[]) => T): T | null {
		const view = this.activeMarkdownView;
		return view && view instanceof (type as any) ? (view as unknown as T) : null;
	}
	get activeEditor(): { editor: Editor; file: TFile | null } | null {
		return this.activeMarkdownView ? { editor: this.activeMarkdownView.editor, file: this.activeMarkdownView.file } : null;
	}
	getLeavesOfType(type: string): WorkspaceLeaf[] {
		return this.leaves.filter((l) => l.view?.getViewType() === type);
	}
	getRightLeaf(_split: boolean): WorkspaceLeaf {
		const leaf = new WorkspaceLeaf(this.app, this.rightSplitEl);
		this.leaves.push(leaf);
		return leaf;
	}
	getLeaf(_newLeaf?: boolean | string): WorkspaceLeaf {
		const leaf = new WorkspaceLeaf(this.app, this.containerEl);
		this.leaves.push(leaf);
		return leaf;
	}
	removeLeaf(leaf: WorkspaceLeaf): void {
		this.leaves = this.leaves.filter((l) => l !== leaf);
	}
	async revealLeaf(_leaf: WorkspaceLeaf): Promise<void> {}
	detachLeavesOfType(type: string): void {
		for (const leaf of this.getLeavesOfType(type)) leaf.detach();
	}
	async openLinkText(linktext: string, sourcePath: string, _newLeaf?: boolean, openState?: { eState?: { line?: number } }): Promise<void> {
		const file = this.app.metadataCache.getFirstLinkpathDest(linktext, sourcePath);
		if (file) this.openFileHandler(file, openState?.eState?.line);
	}
	iterateAllLeaves(cb: (leaf: WorkspaceLeaf) => unknown): void {
		for (const leaf of this.leaves) cb(leaf);
	}
}

// ---------------------------------------------------------------------------------------------
// App and plugin

export interface Command {
	id: string;
	name: string;
	icon?: string;
	callback?: () => unknown;
	checkCallback?: (checking: boolean) => boolean | void;
	editorCallback?: (editor: Editor, view: MarkdownView) => unknown;
	editorCheckCallback?: (checking: boolean, editor: Editor, view: MarkdownView) => boolean | void;
	hotkeys?: unknown[];
}

export type CodeBlockProcessor = (source: string, el: HTMLElement, ctx: MarkdownPostProcessorContext) => Promise<unknown> | void;

export class App {
	vault: Vault;
	workspace: Workspace;
	metadataCache: MetadataCache;
	fileManager: FileManager;
	viewRegistry = new Map<string, (leaf: WorkspaceLeaf) => View>();
	commands = {
		commands: {} as Record<string, Command>,
		executeCommandById: (id: string): boolean => {
			const cmd = this.commands.commands[id];
			if (!cmd) return false;
			if (cmd.callback) void cmd.callback();
			else if (cmd.checkCallback) void cmd.checkCallback(false);
			else if (cmd.editorCallback || cmd.editorCheckCallback) {
				const view = this.workspace.activeMarkdownView;
				if (!view) return false;
				if (cmd.editorCallback) void cmd.editorCallback(view.editor, view);
				else void cmd.editorCheckCallback?.(false, view.editor, view);
			}
			return true;
		},
	};
	codeBlockProcessors = new Map<string, CodeBlockProcessor[]>();
	settingTabs: PluginSettingTab[] = [];
	ribbonEl: HTMLElement;
	statusBarEl: HTMLElement;

	constructor(
		storage: StandInStorage = mapStorage(),
		/** This device's local storage (localStorage in the page); the vault's storage when not given. */
		private localStorage: StandInStorage = storage,
	) {
		this.vault = new Vault(storage);
		this.workspace = new Workspace(this);
		this.metadataCache = new MetadataCache(this);
		this.fileManager = new FileManager(this);
		this.ribbonEl = createDiv({ cls: 'side-dock-ribbon' });
		this.statusBarEl = createDiv({ cls: 'status-bar' });
	}
	/** As Obsidian's (since 1.8.7): this device's own storage for the vault, never synced. */
	loadLocalStorage(key: string): any | null {
		const v = this.localStorage.get('local:' + key);
		return v === null ? null : JSON.parse(v);
	}
	saveLocalStorage(key: string, data: unknown | null): void {
		if (data === null || data === undefined) this.localStorage.delete('local:' + key);
		else this.localStorage.set('local:' + key, JSON.stringify(data));
	}
	/** Stand-in only: how many code block processors are registered for a language. */
	processorCount(language: string): number {
		return this.codeBlockProcessors.get(language)?.length ?? 0;
	}
}

export interface PluginManifest {
	id: string;
	name: string;
	version: string;
	minAppVersion: string;
	description: string;
	author: string;
	isDesktopOnly?: boolean;
	dir?: string;
}

export abstract class Plugin extends Component {
	constructor(public app: App, public manifest: PluginManifest) {
		super();
	}
	addCommand(command: Command): Command {
		const full = { ...command, id: `${this.manifest.id}:${command.id}` };
		this.app.commands.commands[full.id] = full;
		this.register(() => delete this.app.commands.commands[full.id]);
		return full;
	}
	removeCommand(commandId: string): void {
		delete this.app.commands.commands[`${this.manifest.id}:${commandId}`];
	}
	addRibbonIcon(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
		const el = this.app.ribbonEl.createEl('button', { cls: 'side-dock-ribbon-action clickable-icon', attr: { 'aria-label': title, 'data-icon': icon } });
		el.addEventListener('click', callback);
		this.register(() => el.remove());
		return el;
	}
	addStatusBarItem(): HTMLElement {
		const el = this.app.statusBarEl.createDiv({ cls: 'status-bar-item plugin-' + this.manifest.id });
		this.register(() => el.remove());
		return el;
	}
	addSettingTab(tab: PluginSettingTab): void {
		// As in Obsidian 1.13+: the definitions are read once when the tab is added (settings search).
		if (requireApiVersion('1.13.0')) tab.update();
		this.app.settingTabs.push(tab);
		this.register(() => (this.app.settingTabs = this.app.settingTabs.filter((t) => t !== tab)));
	}
	registerView(type: string, viewCreator: (leaf: WorkspaceLeaf) => View): void {
		this.app.viewRegistry.set(type, viewCreator);
		// As in Obsidian: disabling the plugin closes its open views (their leaves stay, empty).
		this.register(() => {
			this.app.viewRegistry.delete(type);
			for (const leaf of this.app.workspace.getLeavesOfType(type)) void leaf.closeView();
		});
	}
	registerMarkdownCodeBlockProcessor(language: string, handler: CodeBlockProcessor, _sortOrder?: number): void {
		const list = this.app.codeBlockProcessors.get(language) ?? [];
		list.push(handler);
		this.app.codeBlockProcessors.set(language, list);
		this.register(() => {
			const current = this.app.codeBlockProcessors.get(language) ?? [];
			this.app.codeBlockProcessors.set(language, current.filter((h) => h !== handler));
		});
	}
	registerMarkdownPostProcessor(postProcessor: unknown): unknown {
		return postProcessor;
	}
	registerEditorExtension(extension: unknown): void {
		this.app.workspace.editorExtensions.push(extension);
		this.app.workspace.updateOptions();
		this.register(() => {
			this.app.workspace.editorExtensions = this.app.workspace.editorExtensions.filter((e) => e !== extension);
			this.app.workspace.updateOptions();
		});
	}
	registerHoverLinkSource(): void {}
	private dataPath(): string {
		return `${this.manifest.dir ?? this.app.vault.configDir + '/plugins/' + this.manifest.id}/data.json`;
	}
	async loadData(): Promise<any> {
		if (!(await this.app.vault.adapter.exists(this.dataPath()))) return null;
		return JSON.parse(await this.app.vault.adapter.read(this.dataPath()));
	}
	/** What saveData wrote last: a change to data.json with other content came from outside. */
	private lastSaved: string | null = null;
	async saveData(data: unknown): Promise<void> {
		const text = JSON.stringify(data, null, 2);
		this.lastSaved = text;
		await this.app.vault.adapter.write(this.dataPath(), text);
	}
	onExternalSettingsChange?(): unknown;
	/**
	 * As in Obsidian (1.5.7+): while the plugin is loaded, a data.json changed on disk by anything
	 * but its own saveData (a sync, another program) calls onExternalSettingsChange, a moment later
	 * (Obsidian's file watcher is asynchronous). Plugins without it keep their settings in memory,
	 * and their next save writes over the synced file.
	 */
	load(): unknown {
		if (this._loaded) return undefined;
		this.register(
			this.app.vault.adapter.watch((path, data) => {
				if (path !== normalizePath(this.dataPath()) || data === this.lastSaved) return;
				window.setTimeout(() => {
					if (this._loaded) void this.onExternalSettingsChange?.();
				}, 0);
			}),
		);
		return super.load();
	}
}

// ---------------------------------------------------------------------------------------------
// Markdown rendering

export interface MarkdownSectionInformation {
	text: string;
	lineStart: number;
	lineEnd: number;
}

export interface MarkdownPostProcessorContext {
	docId: string;
	sourcePath: string;
	frontmatter: any;
	addChild(child: MarkdownRenderChild): void;
	getSectionInfo(el: HTMLElement): MarkdownSectionInformation | null;
}

/**
 * As in Obsidian: a child added through the context is unloaded when its containerEl is removed
 * from the document (the stand-in watches with a MutationObserver; Obsidian does the same through
 * its section renderer) or when the owning note view unloads.
 */
export class MarkdownRenderChild extends Component {
	constructor(public containerEl: HTMLElement) {
		super();
	}
}

/**
 * Renders Markdown as a fragment (the review window's cards, embeds): as in Obsidian, the code
 * block processors it runs get null from getSectionInfo. The demo's reading view renders notes
 * with live section lines instead (harness.ts).
 */
export class MarkdownRenderer {
	static async render(app: App, markdown: string, el: HTMLElement, sourcePath: string, component: Component): Promise<void> {
		await renderMarkdown(app, markdown, el, sourcePath, component);
	}
	/** Deprecated in Obsidian, kept because older plugins call it. */
	static async renderMarkdown(markdown: string, el: HTMLElement, sourcePath: string, component: Component): Promise<void> {
		const app = (window as any).app as App;
		await renderMarkdown(app, markdown, el, sourcePath, component);
	}
}

// ---------------------------------------------------------------------------------------------
// Modals, notices, menus

export interface KeymapEventHandler {
	scope: Scope;
	modifiers: string[];
	key: string | null;
	func: (evt: KeyboardEvent, ctx: unknown) => false | unknown;
}

/**
 * Key scopes: the modal's scope gets key presses while it is open, as in Obsidian, also while an
 * input, text area, select or editable element inside the modal has focus.
 */
export class Scope {
	handlers: KeymapEventHandler[] = [];
	constructor(public parent?: Scope) {}
	register(modifiers: string[] | null, key: string | null, func: KeymapEventHandler['func']): KeymapEventHandler {
		const handler = { scope: this, modifiers: modifiers ?? [], key, func };
		this.handlers.push(handler);
		return handler;
	}
	unregister(handler: KeymapEventHandler): void {
		this.handlers = this.handlers.filter((h) => h !== handler);
	}
}

export class Keymap {
	static scopes: Scope[] = [];
	static isModEvent(evt?: MouseEvent | KeyboardEvent | null): boolean | string {
		return !!evt && (evt.ctrlKey || evt.metaKey);
	}
	/** Installed once per window by the harness. */
	static handleKeydown(evt: KeyboardEvent): void {
		const scope = Keymap.scopes[Keymap.scopes.length - 1];
		if (!scope) return;
		// As in Obsidian, the scope's handlers run whatever has focus, inputs included: a handler
		// that should leave typing alone has to check the event's target itself.
		for (const h of scope.handlers) {
			const keyMatches = h.key === null || h.key.toLowerCase() === evt.key.toLowerCase();
			const mods = new Set(h.modifiers);
			const modsMatch = mods.has('Mod') === (evt.ctrlKey || evt.metaKey) && mods.has('Shift') === evt.shiftKey && mods.has('Alt') === evt.altKey;
			if (keyMatches && (modsMatch || h.key === null)) {
				if (h.func(evt, { key: evt.key, modifiers: h.modifiers.join(',') }) === false) evt.preventDefault();
				return;
			}
		}
	}
}

export class Modal {
	containerEl: HTMLElement;
	modalEl: HTMLElement;
	titleEl: HTMLElement;
	contentEl: HTMLElement;
	scope: Scope;
	shouldRestoreSelection = true;
	constructor(public app: App) {
		this.containerEl = createDiv({ cls: 'modal-container mod-dim' });
		this.containerEl.createDiv({ cls: 'modal-bg' });
		this.modalEl = this.containerEl.createDiv({ cls: 'modal' });
		const close = this.modalEl.createEl('button', { cls: 'modal-close-button', attr: { 'aria-label': 'Close' } });
		close.addEventListener('click', () => this.close());
		this.titleEl = this.modalEl.createDiv({ cls: 'modal-title' });
		this.contentEl = this.modalEl.createDiv({ cls: 'modal-content' });
		this.scope = new Scope();
		this.scope.register([], 'Escape', () => {
			this.close();
			return false;
		});
	}
	open(): void {
		document.body.appendChild(this.containerEl);
		Keymap.scopes.push(this.scope);
		void this.onOpen();
	}
	close(): void {
		if (!this.containerEl.isConnected) return;
		Keymap.scopes = Keymap.scopes.filter((s) => s !== this.scope);
		this.containerEl.remove();
		void this.onClose();
	}
	onOpen(): Promise<void> | void {}
	onClose(): Promise<void> | void {}
	setTitle(title: string): this {
		this.titleEl.setText(title);
		return this;
	}
	setContent(content: string | DocumentFragment): this {
		this.contentEl.setText(content);
		return this;
	}
}

export abstract class SuggestModal<T> extends Modal {
	inputEl: HTMLInputElement;
	resultContainerEl: HTMLElement;
	emptyStateText = 'No results found.';
	limit = 100;
	constructor(app: App) {
		super(app);
		this.modalEl.addClass('prompt');
		this.inputEl = this.modalEl.createEl('input', { cls: 'prompt-input', type: 'text' });
		this.resultContainerEl = this.modalEl.createDiv({ cls: 'prompt-results' });
		this.inputEl.addEventListener('input', () => void this.updateSuggestions());
	}
	setPlaceholder(placeholder: string): void {
		this.inputEl.placeholder = placeholder;
	}
	setInstructions(_instructions: unknown[]): void {}
	open(): void {
		super.open();
		void this.updateSuggestions();
	}
	private async updateSuggestions(): Promise<void> {
		const items = await this.getSuggestions(this.inputEl.value);
		this.resultContainerEl.empty();
		if (items.length === 0) this.resultContainerEl.createDiv({ cls: 'suggestion-empty', text: this.emptyStateText });
		for (const item of items.slice(0, this.limit)) {
			const el = this.resultContainerEl.createDiv({ cls: 'suggestion-item' });
			this.renderSuggestion(item, el);
			el.addEventListener('click', (evt) => {
				this.close();
				this.onChooseSuggestion(item, evt);
			});
		}
	}
	abstract getSuggestions(query: string): T[] | Promise<T[]>;
	abstract renderSuggestion(value: T, el: HTMLElement): void;
	abstract onChooseSuggestion(item: T, evt: MouseEvent | KeyboardEvent): void;
}

export interface FuzzyMatch<T> {
	item: T;
	match: { score: number; matches: number[][] };
}

export abstract class FuzzySuggestModal<T> extends SuggestModal<FuzzyMatch<T>> {
	getSuggestions(query: string): FuzzyMatch<T>[] {
		const q = query.toLowerCase();
		return this.getItems()
			.filter((item) => this.getItemText(item).toLowerCase().includes(q))
			.map((item) => ({ item, match: { score: 0, matches: [] } }));
	}
	renderSuggestion(value: FuzzyMatch<T>, el: HTMLElement): void {
		el.setText(this.getItemText(value.item));
	}
	onChooseSuggestion(item: FuzzyMatch<T>, evt: MouseEvent | KeyboardEvent): void {
		this.onChooseItem(item.item, evt);
	}
	abstract getItems(): T[];
	abstract getItemText(item: T): string;
	abstract onChooseItem(item: T, evt: MouseEvent | KeyboardEvent): void;
}

/** Stand-in only: every notice shown, so tests can read what the user was told. */
export const shownNotices: string[] = [];

export class Notice {
	noticeEl: HTMLElement;
	messageEl: HTMLElement;
	containerEl: HTMLElement;
	constructor(message: string | DocumentFragment, duration?: number) {
		let container = document.body.querySelector<HTMLElement>('.notice-container');
		if (!container) container = document.body.createDiv({ cls: 'notice-container' });
		this.containerEl = container;
		this.noticeEl = container.createDiv({ cls: 'notice' });
		this.messageEl = this.noticeEl.createDiv({ cls: 'notice-message' });
		this.setMessage(message);
		// As in Obsidian: a click on the notice (its buttons included, after they ran) dismisses it.
		this.noticeEl.addEventListener('click', () => this.hide());
		if (duration !== 0) window.setTimeout(() => this.hide(), duration ?? 5000);
	}
	setMessage(message: string | DocumentFragment): this {
		this.messageEl.setText(message);
		shownNotices.push(this.messageEl.textContent ?? '');
		return this;
	}
	hide(): void {
		this.noticeEl.remove();
	}
}

export class MenuItem {
	dom: HTMLElement;
	private callback: ((evt: MouseEvent | KeyboardEvent) => unknown) | null = null;
	constructor(private menu: Menu) {
		this.dom = menu.dom.createDiv({ cls: 'menu-item' });
		this.dom.addEventListener('click', (evt) => {
			this.menu.hide();
			this.callback?.(evt);
		});
	}
	setTitle(title: string | DocumentFragment): this {
		const el = this.dom.querySelector('.menu-item-title') ?? this.dom.createDiv({ cls: 'menu-item-title' });
		el.setText(title);
		return this;
	}
	setIcon(icon: string | null): this {
		if (icon) this.dom.setAttr('data-icon', icon);
		return this;
	}
	setSection(_section: string): this {
		return this;
	}
	setDisabled(disabled: boolean): this {
		this.dom.toggleClass('is-disabled', disabled);
		return this;
	}
	setChecked(checked: boolean | null): this {
		this.dom.toggleClass('mod-checked', !!checked);
		return this;
	}
	onClick(callback: (evt: MouseEvent | KeyboardEvent) => unknown): this {
		this.callback = callback;
		return this;
	}
}

export class Menu extends Component {
	dom: HTMLElement;
	constructor() {
		super();
		this.dom = createDiv({ cls: 'menu' });
	}
	addItem(cb: (item: MenuItem) => unknown): this {
		cb(new MenuItem(this));
		return this;
	}
	addSeparator(): this {
		this.dom.createDiv({ cls: 'menu-separator' });
		return this;
	}
	showAtMouseEvent(_evt: MouseEvent): this {
		document.body.appendChild(this.dom);
		return this;
	}
	showAtPosition(_pos: { x: number; y: number }): this {
		document.body.appendChild(this.dom);
		return this;
	}
	hide(): this {
		this.dom.remove();
		return this;
	}
	onHide(callback: () => unknown): void {
		this.register(callback);
	}
}

// ---------------------------------------------------------------------------------------------
// Settings

/**
 * A setting tab as Obsidian draws it. Before 1.13 Obsidian calls display() when the tab opens.
 * From 1.13 on (setStandInApiVersion('1.13.0')), it reads getSettingDefinitions() through update()
 * (when the tab is added, for search, and again when it opens) and, when that returns rows, draws
 * them itself, reading and writing values through getControlValue / setControlValue, and never
 * calls display(). Open a tab with openSettingTab(), as Obsidian's settings window does.
 */
export abstract class PluginSettingTab {
	containerEl: HTMLElement;
	settingItems: any[] = [];
	/** The tab is open in the (stand-in) settings window. */
	private open = false;
	private refreshers: (() => void)[] = [];
	constructor(public app: App, public plugin: Plugin) {
		this.containerEl = createDiv({ cls: 'vertical-tab-content' });
	}
	abstract display(): void;
	hide(): void {
		this.open = false;
		this.containerEl.empty();
	}
	getSettingDefinitions(): any[] {
		return [];
	}
	getControlValue(key: string): unknown {
		return (this.plugin as any).settings?.[key];
	}
	setControlValue(key: string, value: unknown): void | Promise<void> {
		(this.plugin as any).settings[key] = value;
	}
	/** 1.13+: reads the definitions again and, while the tab is open, draws it anew. */
	update(): void {
		this.settingItems = this.getSettingDefinitions();
		if (this.open && this.settingItems.length > 0) this.renderDefinitions();
	}
	/** 1.13+: re-evaluates every `visible` and `disabled` against the current state, in place. */
	refreshDomState(): void {
		for (const refresh of this.refreshers) refresh();
	}
	/** Stand-in only: what Obsidian's settings window does when the user opens the tab. */
	_show(): void {
		this.open = true;
		if (requireApiVersion('1.13.0')) {
			this.update();
			if (this.settingItems.length > 0) return;
		}
		this.display();
	}
	private renderDefinitions(): void {
		this.containerEl.empty();
		this.refreshers = [];
		this.renderItems(this.containerEl, this.settingItems);
		this.refreshDomState();
	}
	private renderItems(parent: HTMLElement, items: any[]): void {
		for (const item of items) {
			if (item.type === 'group' || item.type === 'list') {
				const groupEl = parent.createDiv({ cls: 'setting-group' });
				if (item.heading) groupEl.createDiv({ cls: 'setting-item setting-item-heading' }).createDiv({ cls: 'setting-item-name', text: item.heading });
				const listEl = groupEl.createDiv({ cls: 'setting-items' });
				this.renderItems(listEl, item.items ?? []);
				this.refreshers.push(() => groupEl.toggle(evaluate(item.visible, true)));
			} else if (item.type === 'page') {
				parent.createDiv({ cls: 'setting-item mod-page', text: item.name });
			} else {
				this.renderRow(parent, item);
			}
		}
	}
	private renderRow(parent: HTMLElement, def: any): void {
		const setting = new Setting(parent).setName(def.name);
		if (def.desc !== undefined) setting.setDesc(def.desc);
		this.refreshers.push(() => {
			setting.settingEl.toggle(evaluate(def.visible, true));
			setting.setDisabled(evaluate(def.control?.disabled ?? def.disabled, false));
		});
		if (def.render) {
			def.render(setting, null);
			return;
		}
		if (def.action) {
			setting.settingEl.addEventListener('click', () => def.action(setting.settingEl, 0));
			return;
		}
		const control = def.control;
		if (!control) return;
		const current = () => this.getControlValue(control.key) ?? control.defaultValue;
		const errorEl = setting.infoEl.createDiv({ cls: 'setting-item-error' });
		const commit = async (value: unknown): Promise<void> => {
			const problem = control.validate ? await control.validate(value) : undefined;
			errorEl.setText(problem || '');
			if (problem) return;
			await this.setControlValue(control.key, value);
		};
		switch (control.type) {
			case 'toggle':
				setting.addToggle((c) => c.setValue(current() === true).onChange((v) => commit(v)));
				break;
			case 'dropdown':
				setting.addDropdown((c) => c.addOptions(control.options).setValue(String(current())).onChange((v) => commit(v)));
				break;
			case 'text':
			case 'file':
			case 'folder':
				setting.addText((c) => c.setPlaceholder(control.placeholder ?? '').setValue(String(current() ?? '')).onChange((v) => commit(v)));
				break;
			case 'textarea':
				setting.addTextArea((c) => c.setPlaceholder(control.placeholder ?? '').setValue(String(current() ?? '')).onChange((v) => commit(v)));
				break;
			case 'number':
				setting.addText((c) => {
					c.inputEl.type = 'number';
					if (control.min !== undefined) c.inputEl.min = String(control.min);
					if (control.max !== undefined) c.inputEl.max = String(control.max);
					c.setValue(String(current() ?? '')).onChange((v) => {
						// As Obsidian: text that is not a number becomes the default value (or 0).
						const n = v.trim() === '' || Number.isNaN(Number(v)) ? control.defaultValue ?? 0 : Number(v);
						return commit(n);
					});
				});
				break;
			case 'slider': {
				const valueEl = setting.controlEl.createSpan({ cls: 'setting-slider-value' });
				const show = () => valueEl.setText(control.displayFormat ? control.displayFormat(Number(current())) : String(current()));
				show();
				setting.addSlider((c) =>
					c.setLimits(control.min, control.max, control.step).setValue(Number(current())).onChange(async (v) => {
						await commit(v);
						show();
					}),
				);
				break;
			}
			default:
				break;
		}
	}
}

function evaluate(value: boolean | (() => boolean) | undefined, fallback: boolean): boolean {
	if (value === undefined) return fallback;
	return typeof value === 'function' ? value() : value;
}

/** Stand-in only: the user opens the plugin's tab in the settings window. */
export function openSettingTab(tab: PluginSettingTab): void {
	tab._show();
}

abstract class ValueComponent<T> {
	protected changeHandlers: ((value: T) => unknown)[] = [];
	disabled = false;
	abstract getValue(): T;
	abstract setValue(value: T): this;
	onChange(callback: (value: T) => unknown): this {
		this.changeHandlers.push(callback);
		return this;
	}
	protected changed(): void {
		for (const h of this.changeHandlers) void h(this.getValue());
	}
	setDisabled(disabled: boolean): this {
		this.disabled = disabled;
		return this;
	}
}

export class TextComponent extends ValueComponent<string> {
	inputEl: HTMLInputElement;
	constructor(containerEl: HTMLElement) {
		super();
		this.inputEl = containerEl.createEl('input', { type: 'text' });
		this.inputEl.addEventListener('input', () => this.changed());
	}
	getValue(): string {
		return this.inputEl.value;
	}
	setValue(value: string): this {
		this.inputEl.value = value;
		return this;
	}
	setPlaceholder(p: string): this {
		this.inputEl.placeholder = p;
		return this;
	}
}

export class TextAreaComponent extends ValueComponent<string> {
	inputEl: HTMLTextAreaElement;
	constructor(containerEl: HTMLElement) {
		super();
		this.inputEl = containerEl.createEl('textarea');
		this.inputEl.addEventListener('input', () => this.changed());
	}
	getValue(): string {
		return this.inputEl.value;
	}
	setValue(value: string): this {
		this.inputEl.value = value;
		return this;
	}
	setPlaceholder(p: string): this {
		this.inputEl.placeholder = p;
		return this;
	}
}

export class ToggleComponent extends ValueComponent<boolean> {
	toggleEl: HTMLElement;
	private value = false;
	constructor(containerEl: HTMLElement) {
		super();
		this.toggleEl = containerEl.createDiv({ cls: 'checkbox-container', attr: { role: 'switch', tabindex: '0' } });
		this.toggleEl.addEventListener('click', () => {
			this.setValue(!this.value);
			this.changed();
		});
	}
	getValue(): boolean {
		return this.value;
	}
	setValue(value: boolean): this {
		this.value = value;
		this.toggleEl.toggleClass('is-enabled', value);
		this.toggleEl.setAttr('aria-checked', String(value));
		return this;
	}
	setTooltip(_t: string): this {
		return this;
	}
}

export class DropdownComponent extends ValueComponent<string> {
	selectEl: HTMLSelectElement;
	constructor(containerEl: HTMLElement) {
		super();
		this.selectEl = containerEl.createEl('select', { cls: 'dropdown' });
		this.selectEl.addEventListener('change', () => this.changed());
	}
	addOption(value: string, display: string): this {
		this.selectEl.createEl('option', { text: display, value });
		return this;
	}
	addOptions(options: Record<string, string>): this {
		for (const [v, d] of Object.entries(options)) this.addOption(v, d);
		return this;
	}
	getValue(): string {
		return this.selectEl.value;
	}
	setValue(value: string): this {
		this.selectEl.value = value;
		return this;
	}
}

export class SliderComponent extends ValueComponent<number> {
	sliderEl: HTMLInputElement;
	constructor(containerEl: HTMLElement) {
		super();
		this.sliderEl = containerEl.createEl('input', { cls: 'slider', type: 'range' });
		this.sliderEl.addEventListener('input', () => this.changed());
	}
	setLimits(min: number | null, max: number | null, step: number | 'any'): this {
		if (min !== null) this.sliderEl.min = String(min);
		if (max !== null) this.sliderEl.max = String(max);
		this.sliderEl.step = String(step);
		return this;
	}
	getValue(): number {
		return Number(this.sliderEl.value);
	}
	setValue(value: number): this {
		this.sliderEl.value = String(value);
		return this;
	}
	setDynamicTooltip(): this {
		return this;
	}
	setInstant(_i: boolean): this {
		return this;
	}
}

export class ButtonComponent {
	buttonEl: HTMLButtonElement;
	constructor(containerEl: HTMLElement) {
		this.buttonEl = containerEl.createEl('button');
	}
	setButtonText(name: string): this {
		this.buttonEl.setText(name);
		return this;
	}
	setCta(): this {
		this.buttonEl.addClass('mod-cta');
		return this;
	}
	setWarning(): this {
		this.buttonEl.addClass('mod-warning');
		return this;
	}
	setIcon(icon: string): this {
		this.buttonEl.setAttr('data-icon', icon);
		return this;
	}
	setTooltip(tooltip: string): this {
		this.buttonEl.setAttr('aria-label', tooltip);
		return this;
	}
	setDisabled(disabled: boolean): this {
		this.buttonEl.disabled = disabled;
		return this;
	}
	setClass(cls: string): this {
		this.buttonEl.addClass(cls);
		return this;
	}
	onClick(callback: (evt: MouseEvent) => unknown): this {
		this.buttonEl.addEventListener('click', callback);
		return this;
	}
}

export class ExtraButtonComponent {
	extraSettingsEl: HTMLElement;
	constructor(containerEl: HTMLElement) {
		this.extraSettingsEl = containerEl.createEl('button', { cls: 'clickable-icon extra-setting-button' });
	}
	setIcon(icon: string): this {
		this.extraSettingsEl.setAttr('data-icon', icon);
		return this;
	}
	setTooltip(tooltip: string): this {
		this.extraSettingsEl.setAttr('aria-label', tooltip);
		return this;
	}
	onClick(callback: () => unknown): this {
		this.extraSettingsEl.addEventListener('click', () => callback());
		return this;
	}
}

export class Setting {
	settingEl: HTMLElement;
	infoEl: HTMLElement;
	nameEl: HTMLElement;
	descEl: HTMLElement;
	controlEl: HTMLElement;
	components: unknown[] = [];
	constructor(containerEl: HTMLElement) {
		this.settingEl = containerEl.createDiv({ cls: 'setting-item' });
		this.infoEl = this.settingEl.createDiv({ cls: 'setting-item-info' });
		this.nameEl = this.infoEl.createDiv({ cls: 'setting-item-name' });
		this.descEl = this.infoEl.createDiv({ cls: 'setting-item-description' });
		this.controlEl = this.settingEl.createDiv({ cls: 'setting-item-control' });
	}
	setName(name: string | DocumentFragment): this {
		this.nameEl.setText(name);
		return this;
	}
	setDesc(desc: string | DocumentFragment): this {
		this.descEl.setText(desc);
		return this;
	}
	setHeading(): this {
		this.settingEl.addClass('setting-item-heading');
		return this;
	}
	setClass(cls: string): this {
		this.settingEl.addClass(cls);
		return this;
	}
	setTooltip(_t: string): this {
		return this;
	}
	setDisabled(disabled: boolean): this {
		this.settingEl.toggleClass('is-disabled', disabled);
		return this;
	}
	private add<T>(component: T, cb: (c: T) => unknown): this {
		this.components.push(component);
		cb(component);
		return this;
	}
	addText(cb: (c: TextComponent) => unknown): this {
		return this.add(new TextComponent(this.controlEl), cb);
	}
	addTextArea(cb: (c: TextAreaComponent) => unknown): this {
		return this.add(new TextAreaComponent(this.controlEl), cb);
	}
	addToggle(cb: (c: ToggleComponent) => unknown): this {
		return this.add(new ToggleComponent(this.controlEl), cb);
	}
	addDropdown(cb: (c: DropdownComponent) => unknown): this {
		return this.add(new DropdownComponent(this.controlEl), cb);
	}
	addSlider(cb: (c: SliderComponent) => unknown): this {
		return this.add(new SliderComponent(this.controlEl), cb);
	}
	addButton(cb: (c: ButtonComponent) => unknown): this {
		return this.add(new ButtonComponent(this.controlEl), cb);
	}
	addExtraButton(cb: (c: ExtraButtonComponent) => unknown): this {
		return this.add(new ExtraButtonComponent(this.controlEl), cb);
	}
	then(cb: (setting: this) => unknown): this {
		cb(this);
		return this;
	}
}

// ---------------------------------------------------------------------------------------------
// Functions

export const Platform = {
	isDesktop: true,
	isMobile: false,
	isDesktopApp: true,
	isMobileApp: false,
	isIosApp: false,
	isAndroidApp: false,
	isPhone: false,
	isTablet: false,
	isMacOS: false,
	isWin: false,
	isLinux: true,
	isSafari: false,
};

/**
 * Stand-in only: play Obsidian on a phone (iOS). Platform says mobile, the body gets Obsidian's
 * `is-mobile is-phone is-ios` classes, vault writes finish in a later task (as real file I/O
 * does), and the clipboard takes a write only close to a user gesture, as iOS does: during the
 * dispatch of a tap, click or key press (and the promise callbacks it runs at once), not after
 * something that waited for another task, such as a file write.
 */
export const standInClipboard = { text: '', refused: 0 };
export const standInMobile = { enabled: false };

export function enableMobile(win: Window): void {
	standInMobile.enabled = true;
	Object.assign(Platform, { isDesktop: false, isMobile: true, isDesktopApp: false, isMobileApp: true, isIosApp: true, isPhone: true, isLinux: false, isSafari: true });
	win.document.body.classList.add('is-mobile', 'is-phone', 'is-ios');
	let gesture = false;
	for (const type of ['pointerdown', 'pointerup', 'touchend', 'click', 'keydown']) {
		win.addEventListener(type, () => {
			gesture = true;
			// Ends with the task that dispatched it, whatever listeners stop propagation.
			win.setTimeout(() => (gesture = false), 0);
		}, true);
	}
	const clipboard = {
		writeText(text: string): Promise<void> {
			if (!gesture) {
				standInClipboard.refused++;
				return Promise.reject(new DOMException('The request is not allowed by the user agent (no user gesture)', 'NotAllowedError'));
			}
			standInClipboard.text = text;
			return Promise.resolve();
		},
		readText(): Promise<string> {
			return Promise.resolve(standInClipboard.text);
		},
	};
	Object.defineProperty(win.navigator, 'clipboard', { value: clipboard, configurable: true });
}

/** In mobile mode a vault write completes in a later task, as file I/O does. */
function ioTask(): Promise<void> {
	return standInMobile.enabled ? new Promise((resolve) => window.setTimeout(resolve, 0)) : Promise.resolve();
}

export function normalizePath(path: string): string {
	const cleaned = path.replace(/\\/g, '/').replace(/\/+/g, '/').replace(/^\/|\/$/g, '');
	return cleaned === '' ? '/' : cleaned;
}

export function setIcon(parent: HTMLElement, iconId: string): void {
	parent.empty();
	parent.createSpan({ cls: 'stand-in-icon', attr: { 'data-icon': iconId, 'aria-hidden': 'true' } });
}

export function setTooltip(el: HTMLElement, tooltip: string): void {
	el.setAttr('aria-label', tooltip);
}

export interface Debouncer<T extends unknown[], V> {
	(...args: T): void;
	cancel(): this;
	run(): V | void;
}

export function debounce<T extends unknown[], V>(cb: (...args: T) => V, timeout = 0, resetTimer = false): Debouncer<T, V> {
	let timer: number | null = null;
	let lastArgs: T | null = null;
	const fire = (): V | void => {
		timer = null;
		if (!lastArgs) return;
		const args = lastArgs;
		lastArgs = null;
		return cb(...args);
	};
	const debounced = ((...args: T) => {
		lastArgs = args;
		if (timer !== null && resetTimer) {
			window.clearTimeout(timer);
			timer = null;
		}
		if (timer === null) timer = window.setTimeout(fire, timeout);
	}) as Debouncer<T, V>;
	debounced.cancel = () => {
		if (timer !== null) window.clearTimeout(timer);
		timer = null;
		lastArgs = null;
		return debounced;
	};
	debounced.run = () => {
		if (timer !== null) window.clearTimeout(timer);
		return fire();
	};
	return debounced;
}

export function getLanguage(): string {
	try {
		return window.localStorage.getItem('language') ?? 'en';
	} catch {
		return 'en';
	}
}

/**
 * Obsidian's global Mermaid. `window.__standInMermaidLoad` plays what can happen in Obsidian:
 * 'reject' (the load fails) or 'pending' (it never settles: Obsidian 1.13 may first ask once
 * whether to render Mermaid diagrams). Each call reads it afresh, so a test can let a retry succeed.
 */
export async function loadMermaid(): Promise<any> {
	const mode = (window as any).__standInMermaidLoad;
	if (mode === 'reject') throw new Error('Mermaid failed to load');
	if (mode === 'pending') return new Promise(() => undefined);
	const mermaid = (window as any).mermaid;
	if (!mermaid) throw new Error('Mermaid is not loaded on this page');
	return mermaid;
}

export function parseYaml(yaml: string): any {
	return parseYamlText(yaml);
}

export function stringifyYaml(obj: unknown): string {
	return stringifyYamlText(obj);
}

export function addIcon(_iconId: string, _svgContent: string): void {}

export function getAllTags(cache: any): string[] | null {
	const tags: string[] = (cache?.tags ?? []).map((t: any) => t.tag);
	const fm = cache?.frontmatter?.tags;
	if (Array.isArray(fm)) tags.push(...fm.map((t: string) => '#' + t));
	else if (typeof fm === 'string') tags.push(...fm.split(/[,\s]+/).filter(Boolean).map((t) => '#' + t));
	return tags;
}

export const moment = undefined;
/**
 * The Obsidian version the stand-in plays: 1.8.7 (minAppVersion) unless a test or the demo
 * (`?api=1.13.0`) picks another. From 1.13.0 on, setting tabs are declarative (see PluginSettingTab).
 */
export let apiVersion = '1.8.7';

/** Stand-in only: play another Obsidian version. */
export function setStandInApiVersion(version: string): void {
	apiVersion = version;
}

function versionAtLeast(version: string, wanted: string): boolean {
	const a = version.split('.').map(Number);
	const b = wanted.split('.').map(Number);
	for (let i = 0; i < Math.max(a.length, b.length); i++) {
		const d = (a[i] ?? 0) - (b[i] ?? 0);
		if (d !== 0) return d > 0;
	}
	return true;
}

export function requireApiVersion(version: string): boolean {
	return versionAtLeast(apiVersion, version);
}
