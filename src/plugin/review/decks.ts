/**
 * Decks and the commands that review them. Decks are views over the index (see the core's
 * decks.ts): the folder tree and the tag tree, each node with its new/due counts, offered in a
 * "Review deck..." picker drawn as an indented tree. Also the ribbon icon and the status bar item
 * (desktop only) showing how many cards are waiting.
 */
import { FuzzySuggestModal, MarkdownView, Platform, type App, type FuzzyMatch } from 'obsidian';
import type { DeckNode, DeckScope } from '../../core/srs';
import type { PluginContext } from '../context';
import { t } from '../i18n';
import type { ReviewService } from './review-service';

/** Command ids: released ids never change. */
export const COMMAND_IDS = {
	reviewDue: 'review-due',
	reviewCurrentNote: 'review-current-note',
	reviewDeck: 'review-deck',
	openStatistics: 'open-statistics',
	exportReviewLog: 'export-review-log',
} as const;

export interface DeckEntry {
	kind: 'all' | 'folder' | 'tag';
	/** What the picker shows and matches: the folder path, or the tag with '#'. */
	label: string;
	/** Last segment, shown indented under its parent. */
	name: string;
	depth: number;
	scope: DeckScope;
	newCount: number;
	dueCount: number;
}

/** The deck trees flattened in display order: all notes, the folder tree, then the tag tree. */
export function deckEntries(folders: DeckNode, tags: DeckNode): DeckEntry[] {
	const entries: DeckEntry[] = [{ kind: 'all', label: t('deck.all'), name: t('deck.all'), depth: 0, scope: { kind: 'all' }, newCount: folders.counts.new, dueCount: folders.counts.due }];
	const walk = (node: DeckNode, kind: 'folder' | 'tag', depth: number) => {
		for (const child of node.children) {
			if (child.counts.total === 0) continue;
			entries.push({
				kind,
				label: kind === 'tag' ? `#${child.path}` : child.path,
				name: kind === 'tag' && depth === 0 ? `#${child.name}` : child.name,
				depth,
				scope: child.scope,
				newCount: child.counts.new,
				dueCount: child.counts.due,
			});
			walk(child, kind, depth + 1);
		}
	};
	walk(folders, 'folder', 1);
	walk(tags, 'tag', 0);
	return entries;
}

export class DeckPicker extends FuzzySuggestModal<DeckEntry> {
	constructor(
		app: App,
		private readonly entries: DeckEntry[],
		private readonly choose: (entry: DeckEntry) => void,
	) {
		super(app);
		this.modalEl.addClass('cloudnotes-deck-picker');
		this.setPlaceholder(t('deck.placeholder'));
		this.emptyStateText = t('deck.none');
	}

	getItems(): DeckEntry[] {
		return this.entries;
	}

	getItemText(entry: DeckEntry): string {
		return entry.label;
	}

	renderSuggestion(match: FuzzyMatch<DeckEntry>, el: HTMLElement): void {
		const entry = match.item;
		el.addClass('cloudnotes-deck-item');
		el.setAttr('data-deck-kind', entry.kind);
		el.setAttr('data-depth', String(Math.min(entry.depth, 6)));
		el.setAttr('data-deck', entry.label);
		const name = el.createDiv({ cls: 'cloudnotes-deck-name' });
		if (entry.kind !== 'all') name.createSpan({ cls: 'cloudnotes-deck-kind', text: entry.kind === 'tag' ? t('deck.tag') : t('deck.folder') });
		name.createSpan({ text: entry.name, attr: { title: entry.label } });
		const counts = el.createDiv({ cls: 'cloudnotes-deck-counts' });
		counts.createSpan({ cls: 'cloudnotes-deck-new', text: String(entry.newCount) });
		counts.createSpan({ cls: 'cloudnotes-deck-due', text: String(entry.dueCount) });
		counts.setAttr('aria-label', t('deck.counts', { new: entry.newCount, due: entry.dueCount }));
	}

	onChooseItem(entry: DeckEntry): void {
		this.choose(entry);
	}
}

/** Commands, ribbon icon and status bar item. */
export function registerReviewCommands(ctx: PluginContext, service: ReviewService, openStatistics: () => Promise<void>): void {
	const plugin = ctx.plugin;
	plugin.addCommand({
		id: COMMAND_IDS.reviewDue,
		name: t('command.reviewDue'),
		icon: 'brain',
		callback: () => void service.reviewDue(),
	});
	plugin.addCommand({
		id: COMMAND_IDS.reviewCurrentNote,
		name: t('command.reviewCurrentNote'),
		icon: 'file-check',
		checkCallback: (checking) => {
			const file = plugin.app.workspace.getActiveFile() ?? plugin.app.workspace.getActiveViewOfType(MarkdownView)?.file ?? null;
			if (!file || file.extension !== 'md') return false;
			if (!checking) void service.reviewNote(file);
			return true;
		},
	});
	plugin.addCommand({
		id: COMMAND_IDS.reviewDeck,
		name: t('command.reviewDeck'),
		icon: 'layers',
		callback: () => void openDeckPicker(plugin.app, service),
	});
	plugin.addCommand({
		id: COMMAND_IDS.openStatistics,
		name: t('command.openStatistics'),
		icon: 'bar-chart-3',
		callback: () => void openStatistics(),
	});
	plugin.addCommand({
		id: COMMAND_IDS.exportReviewLog,
		name: t('command.exportReviewLog'),
		icon: 'download',
		callback: () => void service.exportReviewLog(),
	});

	plugin.addRibbonIcon('brain', t('ribbon.reviewDue'), () => void service.reviewDue());

	// The status bar does not exist on mobile.
	if (Platform.isMobile) return;
	const item = plugin.addStatusBarItem();
	item.addClass('cloudnotes-status', 'mod-clickable');
	plugin.registerDomEvent(item, 'click', () => void service.reviewDue());
	const update = () => {
		const status = ctx.settings.showStatusBar ? service.statusQueue() : null;
		item.toggleClass('cloudnotes-hidden', !status);
		if (!status) return;
		const { queue, fromJournal } = status;
		// A first start: due reviews from the journal at once, and how far the notes are read.
		const progress = fromJournal ? service.index.progress : null;
		if (progress) {
			const percent = Math.floor((100 * progress.read) / progress.total);
			item.setText(t('status.reading', { count: queue.items.length, percent }));
			item.setAttr('aria-label', t('status.reading.tooltip', { due: queue.dueCount, read: progress.read, total: progress.total }));
			item.setAttr('data-progress', String(percent));
		} else {
			item.setText(t('status.due', { count: queue.items.length }));
			item.setAttr('aria-label', t('status.due.tooltip', { due: queue.dueCount, new: queue.newCount }));
			item.removeAttribute('data-progress');
		}
		item.setAttr('data-due', String(queue.items.length));
		item.toggleAttribute('data-from-journal', fromJournal);
	};
	update();
	plugin.register(service.onChange(update));
	plugin.register(service.index.onProgress(update));
	// Cards fall due as time passes, with nothing else changing.
	plugin.registerInterval(window.setInterval(update, 60_000));
}

async function openDeckPicker(app: App, service: ReviewService): Promise<void> {
	await service.ready;
	const decks = service.decks();
	if (!decks) return;
	new DeckPicker(app, deckEntries(decks.folders, decks.tags), (entry) => {
		void service.reviewDue(entry.scope, entry.kind === 'all' ? t('review.title.due') : t('review.title.deck', { name: entry.label }));
	}).open();
}
