/**
 * Coming from the Spaced Repetition plugin: its syntax settings read from its data.json, and the
 * commands that import its schedules into our journal (notes are only read), undo the last import,
 * and, only after every schedule is imported, a backup and a confirmation, remove its comments.
 */
import { Modal, Notice, normalizePath, type App, type TFile } from 'obsidian';
import { DEFAULT_SR_SYNTAX, SR_DATA_FILE, srSyntaxFromData, type SrSyntax } from '../../core/cards/sr/sr-syntax';
import { withoutSrComments } from '../../core/cards/sr/sr-comments';
import { planSrImport, type SrImportNote } from '../../core/srs/sr-import';
import type { PluginContext } from '../context';
import { t } from '../i18n';
import { pluginFolder } from './review-persistence';
import type { ReviewService } from './review-service';

/** Command ids: released ids never change. */
export const SR_COMMAND_IDS = { importSchedules: 'import-sr-schedules', undoImport: 'undo-sr-import', removeComments: 'remove-sr-comments' } as const;

/** SR's syntax settings from its data.json; its defaults when it has none or it cannot be read. */
export async function readSrSyntax(app: App): Promise<SrSyntax> {
	const path = normalizePath(`${app.vault.configDir}/${SR_DATA_FILE}`);
	try {
		if (!(await app.vault.adapter.exists(path))) return DEFAULT_SR_SYNTAX;
		return srSyntaxFromData(JSON.parse(await app.vault.adapter.read(path)));
	} catch {
		return DEFAULT_SR_SYNTAX;
	}
}

/** The vault's notes that hold a schedule comment, read (never written). */
async function notesWithComments(app: App): Promise<{ file: TFile; text: string }[]> {
	const out: { file: TFile; text: string }[] = [];
	for (const file of app.vault.getMarkdownFiles()) {
		const text = await app.vault.cachedRead(file);
		if (text.includes('<!--SR:')) out.push({ file, text });
	}
	return out;
}

export function registerSrImport(ctx: PluginContext, service: ReviewService): void {
	const plugin = ctx.plugin;
	plugin.addCommand({ id: SR_COMMAND_IDS.importSchedules, name: t('command.importSr'), icon: 'download', callback: () => void importSchedules(ctx, service) });
	plugin.addCommand({
		id: SR_COMMAND_IDS.undoImport,
		name: t('command.undoSrImport'),
		icon: 'undo',
		callback: () => {
			const store = service.store;
			const count = store?.undoImport() ?? 0;
			if (count === 0) {
				new Notice(t('sr.import.noUndo'));
				return;
			}
			void store!.flush().then(() => {
				service.notify();
				new Notice(t('sr.import.undone', { count }));
			});
		},
	});
	plugin.addCommand({ id: SR_COMMAND_IDS.removeComments, name: t('command.removeSrComments'), icon: 'eraser', callback: () => void removeComments(ctx, service) });
}

/** Imports every schedule comment; reports cards, dates and failures. Writes only the journal. */
export async function importSchedules(ctx: PluginContext, service: ReviewService): Promise<number> {
	await service.ready;
	const store = service.store;
	if (!store) return 0;
	const notes: SrImportNote[] = (await notesWithComments(ctx.app)).map(({ file, text }) => ({ file: file.path, text }));
	if (notes.length === 0) {
		new Notice(t('sr.import.nothing'));
		return 0;
	}
	const plan = planSrImport(notes, service.cardSettings(), (id) => store.stateOf(id));
	const written = store.importStates(plan.states);
	await store.flush();
	service.notify();
	new Notice(t('sr.import.done', { written, scheduled: plan.scheduled, cards: plan.cards, notes: plan.notes, unchanged: plan.unchanged, newer: plan.newerHere, failed: plan.problems.length }), 10000);
	for (const p of plan.problems.slice(0, 5)) new Notice(t('sr.import.failed', { file: p.file, line: p.line, reason: p.reason }), 10000);
	return written;
}

/** Removes SR's comments from notes, each backed up first, once every schedule is imported and the user said yes. */
async function removeComments(ctx: PluginContext, service: ReviewService): Promise<void> {
	await service.ready;
	const store = service.store;
	if (!store) return;
	const notes = await notesWithComments(ctx.app);
	if (notes.length === 0) {
		new Notice(t('sr.remove.none'));
		return;
	}
	const plan = planSrImport(notes.map(({ file, text }) => ({ file: file.path, text })), service.cardSettings(), (id) => store.stateOf(id));
	if (plan.states.length > 0) {
		new Notice(t('sr.remove.notImported', { count: plan.states.length }), 10000);
		return;
	}
	const folder = normalizePath(`${pluginFolder(ctx.app, ctx.manifest)}/sr-backup/${new Date().toISOString().replace(/[:.]/g, '-')}`);
	new ConfirmModal(ctx.app, t('sr.remove.title'), t('sr.remove.body', { count: notes.length, folder }), () => void backUpAndRemove(ctx.app, notes, folder)).open();
}

async function backUpAndRemove(app: App, notes: { file: TFile; text: string }[], folder: string): Promise<void> {
	const adapter = app.vault.adapter;
	let done = 0;
	for (const { file } of notes) {
		const backup = normalizePath(`${folder}/${file.path}`);
		try {
			const dir = backup.slice(0, backup.lastIndexOf('/'));
			if (!(await adapter.exists(dir))) await adapter.mkdir(dir);
			// The text as it is now (it may have changed since the plan): that is what is backed up and cleaned.
			const current = await app.vault.read(file);
			await adapter.write(backup, current);
			if ((await adapter.read(backup)) !== current) throw new Error('the copy does not match');
			await app.vault.process(file, (text) => (text === current ? withoutSrComments(text) : text));
			done++;
		} catch (error) {
			new Notice(t('sr.remove.failed', { file: file.path, reason: error instanceof Error ? error.message : String(error) }), 10000);
		}
	}
	new Notice(t('sr.remove.done', { count: done, folder }), 10000);
}

class ConfirmModal extends Modal {
	constructor(
		app: App,
		private readonly title: string,
		private readonly body: string,
		private readonly onConfirm: () => void,
	) {
		super(app);
	}

	onOpen(): void {
		this.titleEl.setText(this.title);
		this.contentEl.createEl('p', { text: this.body });
		const buttons = this.contentEl.createDiv({ cls: 'modal-button-container' });
		buttons.createEl('button', { text: t('sr.remove.cancel') }).addEventListener('click', () => this.close());
		const confirm = buttons.createEl('button', { cls: 'mod-warning', text: t('sr.remove.confirm') });
		confirm.addEventListener('click', () => {
			this.close();
			this.onConfirm();
		});
	}

	onClose(): void {
		this.contentEl.empty();
	}
}
