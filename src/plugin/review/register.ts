import type { WorkspaceLeaf } from 'obsidian';
import { ReviewStore } from '../../core/srs';
import type { PluginContext } from '../context';
import { registerReviewCommands } from './decks';
import { AdapterPersistence, pluginFolder, showLoadProblem, showSaveError } from './review-persistence';
import { ReviewService } from './review-service';
import { STATISTICS_VIEW_TYPE, StatisticsView } from './statistics-view';

/** Quiet time after the last grade before the store saves (the modal and unload flush at once). */
const SAVE_DEBOUNCE_MS = 2000;

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

	ctx.onSettingsChange(() => void service.applySettings());

	let unloaded = false;
	plugin.register(() => (unloaded = true));
	plugin.app.workspace.onLayoutReady(() => {
		void (async () => {
			const persistence = new AdapterPersistence(plugin.app, pluginFolder(plugin.app, plugin.manifest));
			// Said once per distinct reason: a store that stopped saving fails every save the same way.
			let lastReported = '';
			const report = (error: unknown): void => {
				const reason = error instanceof Error ? error.message : String(error);
				if (reason === lastReported && store.readOnly) return;
				lastReported = reason;
				showSaveError(persistence.pathOf('reviews.json'), error, store.readOnly);
			};
			const store: ReviewStore = await ReviewStore.open(persistence, {
				debounceMs: SAVE_DEBOUNCE_MS,
				setTimer: (fn, ms) => window.setTimeout(fn, ms),
				clearTimer: (handle) => window.clearTimeout(handle as number),
				describeFile: (name) => persistence.pathOf(name),
				onSaveError: report,
				replay: (cardId, reviews) => service.replayState(cardId, reviews),
			});
			if (unloaded) return;
			if (store.loadProblem) showLoadProblem(store.loadProblem);
			// The last grade is written when the plugin unloads, whatever the debounce was waiting for.
			plugin.register(() => void store.flush().catch(() => undefined));
			await service.start(store, report);
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
