import type { WorkspaceLeaf } from 'obsidian';
import { JournalStore } from '../../core/srs/journal-store';
import type { PluginContext } from '../context';
import { registerReviewCommands } from './decks';
import { deviceId } from './device-id';
import { AdapterPersistence, pluginFolder, showJournalNotices, showSaveError } from './review-persistence';
import { ReviewService } from './review-service';
import { readSrSyntax, registerSrImport } from './sr-import';
import { STATISTICS_VIEW_TYPE, StatisticsView } from './statistics-view';

/**
 * Flashcards: the vault index, review store, review modal, decks, statistics and commands (their
 * settings rows are in settings-section.ts). onload only registers; the store opens and the index is built once the layout is
 * ready. Returns the service (index, store, queue) for other features that want the cards.
 */
export function registerReview(ctx: PluginContext): ReviewService {
	const plugin = ctx.plugin;
	const service = new ReviewService(ctx);

	plugin.registerView(STATISTICS_VIEW_TYPE, (leaf) => new StatisticsView(leaf, service));
	registerReviewCommands(ctx, service, () => openStatistics(ctx));
	registerSrImport(ctx, service);

	ctx.onSettingsChange(() => void service.applySettings());

	let unloaded = false;
	plugin.register(() => (unloaded = true));
	plugin.app.workspace.onLayoutReady(() => {
		void (async () => {
			const persistence = new AdapterPersistence(plugin.app, pluginFolder(plugin.app, plugin.manifest));
			const device = deviceId(plugin.app);
			// Said once per distinct reason: a store that stopped saving fails every save the same way.
			let lastReported = '';
			let opened: JournalStore | null = null;
			const report = (error: unknown): void => {
				const reason = error instanceof Error ? error.message : String(error);
				const readOnly = opened?.readOnly ?? false;
				if (reason === lastReported && readOnly) return;
				lastReported = reason;
				showSaveError(persistence.pathOf(`reviews/${device}.*.jsonl`), error, readOnly);
			};
			const store: JournalStore = await JournalStore.open(persistence, {
				device,
				describeFile: (name) => persistence.pathOf(name),
				onSaveError: report,
				regrade: (before, review, contentHash) => service.regrade(before, review, contentHash),
				legacyPins: ctx.settings.pinnedNotes,
			});
			opened = store;
			if (unloaded) return;
			showJournalNotices(store.notices);
			// Every grade is appended before the next card shows; this only catches what is still on its way.
			plugin.register(() => void store.flush().catch(() => undefined));
			plugin.register(store.onChange(() => service.notify()));
			await service.start(store, report, await readSrSyntax(plugin.app));
		})();
	});
	return service;
}

/** Opens the statistics view in the right sidebar, or reveals it when it is open already. */
async function openStatistics(ctx: PluginContext): Promise<void> {
	const workspace = ctx.app.workspace;
	let leaf: WorkspaceLeaf | null = workspace.getLeavesOfType(STATISTICS_VIEW_TYPE)[0] ?? null;
	if (!leaf) {
		leaf = workspace.getRightLeaf(false);
		if (!leaf) return;
		await leaf.setViewState({ type: STATISTICS_VIEW_TYPE, active: true });
	}
	await workspace.revealLeaf(leaf);
}
