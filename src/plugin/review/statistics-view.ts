/**
 * The statistics view: cards by state, the due forecast for the next 30 days, reviews per day and
 * true retention, drawn as SVG charts coloured by the theme (CSS classes over Obsidian's
 * variables), with the numbers in text beside them. It redraws when the index or the store
 * changes, and only while it is open.
 */
import { ItemView, debounce, type WorkspaceLeaf } from 'obsidian';
import { CARD_STATE_NAMES, type ReviewStatistics } from '../../core/srs';
import { t, uiLanguage, type MessageKey } from '../i18n';
import type { ReviewService } from './review-service';
import { drawBarChart, drawStackedBar } from './svg-charts';

export const STATISTICS_VIEW_TYPE = 'cloudnotes-statistics';

const STATE_KEYS: Record<(typeof CARD_STATE_NAMES)[number], MessageKey> = {
	new: 'stats.state.new',
	learning: 'stats.state.learning',
	review: 'stats.state.review',
	relearning: 'stats.state.relearning',
};

export class StatisticsView extends ItemView {
	private readonly redrawSoon = debounce(() => this.refresh(), 300, true);
	/** Something changed while the view was hidden (a collapsed sidebar, a background tab). */
	private stale = false;

	constructor(
		leaf: WorkspaceLeaf,
		private readonly service: ReviewService,
	) {
		super(leaf);
	}

	getViewType(): string {
		return STATISTICS_VIEW_TYPE;
	}

	getDisplayText(): string {
		return t('stats.title');
	}

	getIcon(): string {
		return 'bar-chart-3';
	}

	async onOpen(): Promise<void> {
		this.contentEl.addClass('cloudnotes-stats');
		this.register(this.service.onChange(() => this.redrawSoon()));
		this.register(() => this.redrawSoon.cancel());
		// Statistics over every card cost a few milliseconds per grade: none while nobody sees them.
		const showIfStale = (): void => {
			if (this.stale) this.refresh();
		};
		this.registerEvent(this.app.workspace.on('layout-change', showIfStale));
		this.registerEvent(this.app.workspace.on('active-leaf-change', showIfStale));
		this.draw();
		await this.service.ready;
		this.draw();
	}

	async onClose(): Promise<void> {
		this.contentEl.empty();
	}

	private refresh(): void {
		this.stale = !this.contentEl.isShown();
		if (!this.stale) this.draw();
	}

	/** Draws everything afresh from the in-memory index and store. */
	draw(): void {
		const el = this.contentEl;
		el.empty();
		el.createEl('h2', { cls: 'cloudnotes-stats-title', text: t('stats.title') });
		const stats = this.service.statistics();
		if (!stats) {
			el.createDiv({ cls: 'cloudnotes-stats-loading', text: t('review.indexing') });
			return;
		}
		this.drawStates(el, stats);
		this.drawForecast(el, stats);
		this.drawReviews(el, stats);
		this.drawRetention(el, stats);
	}

	private section(el: HTMLElement, cls: string, title: string, summary: string): HTMLElement {
		const section = el.createDiv({ cls: ['cloudnotes-stats-section', cls] });
		section.createEl('h3', { text: title });
		section.createDiv({ cls: 'cloudnotes-stats-summary', text: summary });
		return section;
	}

	private drawStates(el: HTMLElement, stats: ReviewStatistics): void {
		const section = this.section(el, 'cloudnotes-stats-states', t('stats.states'), t('stats.cards', { count: stats.counts.total }));
		const segments = CARD_STATE_NAMES.map((name) => ({ key: name, value: stats.counts[name], title: `${t(STATE_KEYS[name])}: ${stats.counts[name]}` }));
		drawStackedBar(section, segments, { cls: 'cloudnotes-chart-states', label: t('stats.states') });
		const legend = section.createDiv({ cls: 'cloudnotes-stats-legend' });
		for (const name of CARD_STATE_NAMES) {
			const item = legend.createDiv({ cls: 'cloudnotes-stats-legend-item', attr: { 'data-state': name } });
			item.createSpan({ cls: ['cloudnotes-stats-swatch', `cloudnotes-segment-${name}`] });
			item.createSpan({ text: `${t(STATE_KEYS[name])} ${stats.counts[name]}` });
		}
	}

	private drawForecast(el: HTMLElement, stats: ReviewStatistics): void {
		const total = stats.forecast.reduce((a, b) => a + b, 0);
		const section = this.section(el, 'cloudnotes-stats-forecast', t('stats.forecast'), t('stats.cards', { count: total }));
		const start = new Date(this.nowMs());
		const bars = stats.forecast.map((count, i) => {
			const day = new Date(start.getFullYear(), start.getMonth(), start.getDate() + i);
			return { label: i === 0 ? t('stats.today') : i % 7 === 0 ? shortDate(day) : '', value: count, title: t('stats.forecast.bar', { count, date: shortDate(day) }) };
		});
		drawBarChart(section, bars, { cls: 'cloudnotes-chart-forecast', label: t('stats.forecast'), barCls: 'cloudnotes-bar-forecast' });
	}

	private drawReviews(el: HTMLElement, stats: ReviewStatistics): void {
		const today = stats.reviewsPerDay[stats.reviewsPerDay.length - 1]?.count ?? 0;
		const section = this.section(el, 'cloudnotes-stats-reviews', t('stats.reviews'), t('stats.reviewedToday', { count: today }));
		const last = stats.reviewsPerDay.length - 1;
		const bars = stats.reviewsPerDay.map((day, i) => {
			const date = new Date(day.dayStart);
			return { label: i === last ? t('stats.today') : (last - i) % 7 === 0 ? shortDate(date) : '', value: day.count, title: t('stats.reviews.bar', { count: day.count, date: shortDate(date) }) };
		});
		drawBarChart(section, bars, { cls: 'cloudnotes-chart-reviews', label: t('stats.reviews'), barCls: 'cloudnotes-bar-reviews' });
	}

	private drawRetention(el: HTMLElement, stats: ReviewStatistics): void {
		const { passed, total, rate } = stats.trueRetention;
		const target = Math.round(this.service.schedulerSettings().desiredRetention * 100);
		const summary = rate === null ? t('stats.retention.none') : t('stats.retention.value', { percent: Math.round(rate * 100), count: total, target });
		const section = this.section(el, 'cloudnotes-stats-retention', t('stats.retention'), summary);
		drawStackedBar(
			section,
			[
				{ key: 'passed', value: passed, title: `${passed}` },
				{ key: 'failed', value: total - passed, title: `${total - passed}` },
			],
			{ cls: 'cloudnotes-chart-retention', label: t('stats.retention') },
		);
	}

	private nowMs(): number {
		return Date.now();
	}
}

function shortDate(date: Date): string {
	return date.toLocaleDateString(uiLanguage() === 'ko' ? 'ko-KR' : 'en', { month: 'short', day: 'numeric' });
}
