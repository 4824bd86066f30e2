/**
 * The review modal: keyboard first (Space/Enter reveal, 1-4 grade, U undo, E open the note) and
 * touch friendly (large buttons, nothing that needs hover). The back is rendered with Obsidian's
 * own Markdown renderer into a Component this modal owns, so images, lists, code, embeds and
 * topology blocks (our code block processors) render as in the note and are unloaded with the card.
 *
 * Stable classes (public: themes and CSS snippets use them): `.cloudnotes-review` on the modal,
 * `.cloudnotes-review-front`, `.cloudnotes-review-back`, grade buttons `[data-rating]`.
 * Occlusion cards and trace drills show their diagram under the question (card-diagram.ts): the
 * front's until revealed, then the back's in its place; a tap on the front's reveals.
 */
import { Component, MarkdownRenderer, Modal, TFile, type App } from 'obsidian';
import type { Card } from '../../core/cards';
import { RATINGS, type Rating } from '../../core/srs/card-state';
import { t, type MessageKey } from '../i18n';
import { renderCardDiagram } from './card-diagram';
import type { ReviewSession } from './review-session';

export interface ReviewModalOptions {
	/** What is being reviewed ("All due cards", a deck, a note). */
	title: string;
	session: ReviewSession;
	/** The empty-state sentence: when the next card is due, or why there is nothing. */
	emptyText: () => string;
	/** Resolves once every grade and undo so far is on disk; awaited before the next card shows. */
	flush: () => Promise<void>;
	/** After each grade or undo (status bar, statistics). */
	onGraded?: () => void;
}

const RATING_KEYS: Record<Rating, MessageKey> = {
	again: 'review.rating.again',
	hard: 'review.rating.hard',
	good: 'review.rating.good',
	easy: 'review.rating.easy',
};

/** Keys by physical position too (KeyU, Digit1), so shortcuts work with a Korean or other layout active. */
const CODE_KEYS: Record<string, string> = {
	Space: ' ',
	Enter: 'Enter',
	NumpadEnter: 'Enter',
	Digit1: '1',
	Digit2: '2',
	Digit3: '3',
	Digit4: '4',
	Numpad1: '1',
	Numpad2: '2',
	Numpad3: '3',
	Numpad4: '4',
	KeyU: 'u',
	KeyE: 'e',
};

/** Where a key press is text being typed (inputs, text areas, selects, editable content). */
export function isTypingTarget(target: EventTarget | null): boolean {
	// Duck-typed rather than instanceof: the modal can sit in a popout window with its own Element.
	const el = target as Partial<HTMLElement> | null;
	if (!el || typeof el.closest !== 'function') return false;
	if (el.closest('input, textarea, select')) return true;
	return el.isContentEditable === true || el.closest('[contenteditable]:not([contenteditable="false"])') !== null;
}

export class ReviewModal extends Modal {
	private revealed = false;
	/** Owns whatever the Markdown renderer attaches for the card showing (render children, processors). */
	private cardComponent: Component | null = null;
	private bodyEl!: HTMLElement;
	private progressEl!: HTMLElement;
	private undoButton!: HTMLButtonElement;
	/** Bumped per render, so a slow render of a previous card never lands in the next one. */
	private renderToken = 0;

	constructor(
		app: App,
		private readonly options: ReviewModalOptions,
	) {
		super(app);
	}

	onOpen(): void {
		this.modalEl.addClass('cloudnotes-review');
		this.modalEl.setAttr('tabindex', '-1');
		this.setTitle(this.options.title);
		const { contentEl } = this;
		contentEl.empty();
		const top = contentEl.createDiv({ cls: 'cloudnotes-review-top' });
		this.progressEl = top.createDiv({ cls: 'cloudnotes-review-progress', attr: { 'aria-live': 'polite' } });
		const tools = top.createDiv({ cls: 'cloudnotes-review-tools' });
		this.undoButton = tools.createEl('button', { cls: 'cloudnotes-review-undo', text: t('review.undo'), attr: { 'aria-keyshortcuts': 'U' } });
		this.undoButton.addEventListener('click', () => void this.undo());
		const open = tools.createEl('button', { cls: 'cloudnotes-review-open', text: t('review.openNote'), attr: { 'aria-keyshortcuts': 'E' } });
		open.addEventListener('click', () => void this.openNote());
		this.bodyEl = contentEl.createDiv({ cls: 'cloudnotes-review-body' });
		this.scope.register([], null, (evt) => this.onKey(evt));
		this.show();
	}

	/** Settles once the grades of this sitting are saved (or the save failed and stays pending in the store). */
	saved: Promise<void> = Promise.resolve();

	onClose(): void {
		this.unloadCard();
		this.contentEl.empty();
		// The last grade goes to disk as the modal closes (Obsidian does not await onClose, so the
		// promise is kept for whoever needs to know it landed). A failed save stays pending in the
		// store, which reports it and retries; nothing is lost.
		this.saved = this.options.flush().catch(() => undefined);
	}

	/** Key presses without modifiers; anything else (Escape, shortcuts) passes through. */
	private onKey(evt: KeyboardEvent): boolean {
		if (evt.ctrlKey || evt.metaKey || evt.altKey) return true;
		// Obsidian runs a modal's scope handlers while an input inside it has focus: a card back
		// can hold a trace panel whose port field takes "443", which must not grade the card.
		if (isTypingTarget(evt.target)) return true;
		const key = CODE_KEYS[evt.code] ?? evt.key.toLowerCase();
		const card = this.options.session.current;
		if (key === ' ' || key === 'Enter') {
			if (card && !this.revealed) {
				void this.reveal();
				return false;
			}
			if (!card && key === 'Enter') {
				this.close();
				return false;
			}
			return key === ' ' ? false : true;
		}
		const rating = { '1': 'again', '2': 'hard', '3': 'good', '4': 'easy' }[key] as Rating | undefined;
		if (rating) {
			if (card && this.revealed) void this.grade(rating);
			return false;
		}
		if (key === 'u') {
			void this.undo();
			return false;
		}
		if (key === 'e') {
			void this.openNote();
			return false;
		}
		return true;
	}

	private unloadCard(): void {
		this.renderToken++;
		this.cardComponent?.unload();
		this.cardComponent = null;
	}

	/** Shows the current card's front (or the empty state) and the progress line. */
	private show(): void {
		this.unloadCard();
		this.revealed = false;
		const { session } = this.options;
		const { done, total } = session.progress;
		this.progressEl.setText(t('review.progress', { done, total }));
		this.bodyEl.empty();
		this.modalEl.focus();
		const card = session.current;
		this.modalEl.toggleClass('is-empty', !card);
		if (!card) {
			const empty = this.bodyEl.createDiv({ cls: 'cloudnotes-review-empty' });
			empty.createDiv({ cls: 'cloudnotes-review-empty-title', text: done > 0 ? t('review.finished', { count: done }) : t('review.nothingDue') });
			empty.createDiv({ cls: 'cloudnotes-review-empty-next', text: this.options.emptyText() });
			const close = empty.createEl('button', { cls: 'mod-cta cloudnotes-review-close', text: t('review.close') });
			close.addEventListener('click', () => this.close());
			return;
		}
		session.markShown();
		const component = new Component();
		component.load();
		this.cardComponent = component;
		const token = this.renderToken;

		const front = this.bodyEl.createDiv({ cls: 'cloudnotes-review-front', attr: { 'data-card-id': card.id, 'data-kind': card.kind, 'data-file': card.file } });
		const where = front.createDiv({ cls: 'cloudnotes-review-where' });
		where.createSpan({ cls: 'cloudnotes-review-note', text: noteName(card.file) });
		if (card.context.length > 0) where.createSpan({ cls: 'cloudnotes-review-context', text: card.context.join(' › ') });
		if (session.changedSinceLastReview(card)) {
			front.createDiv({ cls: 'cloudnotes-review-changed', text: t('review.changed') });
		}
		const question = front.createDiv({ cls: 'cloudnotes-review-question markdown-rendered' });
		void this.renderMarkdown(card.front, question, card, component, token);
		if (card.diagram) void renderCardDiagram(card.diagram.front, front, component, 'front', () => void this.reveal());

		const actions = this.bodyEl.createDiv({ cls: 'cloudnotes-review-actions' });
		const reveal = actions.createEl('button', { cls: 'mod-cta cloudnotes-review-reveal', text: t('review.showAnswer'), attr: { 'aria-keyshortcuts': 'Space' } });
		reveal.addEventListener('click', () => void this.reveal());
	}

	private async renderMarkdown(markdown: string, el: HTMLElement, card: Card, component: Component, token: number): Promise<void> {
		try {
			await MarkdownRenderer.render(this.app, markdown, el, card.file, component);
		} catch (error) {
			if (token !== this.renderToken) return;
			el.empty();
			el.createDiv({ cls: 'cloudnotes-review-render-error', text: t('review.renderFailed', { reason: error instanceof Error ? error.message : String(error) }) });
		}
	}

	/** Shows the back, rendered as in the note, and the grade buttons with their intervals. */
	private async reveal(): Promise<void> {
		const card = this.options.session.current;
		const component = this.cardComponent;
		if (!card || !component || this.revealed) return;
		this.revealed = true;
		const token = this.renderToken;
		this.bodyEl.querySelector('.cloudnotes-review-actions')?.remove();
		const back = this.bodyEl.createDiv({ cls: 'cloudnotes-review-back markdown-rendered', attr: { 'data-kind': card.kind } });
		if (card.back.trim() === '') back.createDiv({ cls: 'cloudnotes-review-back-empty', text: t('review.emptyBack') });
		// The back's diagram replaces the front's: the same picture, the fact revealed and highlighted.
		let diagram: Promise<void> | null = null;
		if (card.diagram) {
			this.bodyEl.querySelector('.cloudnotes-review-front .cloudnotes-card-diagram')?.remove();
			const holder = this.bodyEl.createDiv({ cls: 'cloudnotes-review-back-diagram' });
			this.bodyEl.insertBefore(holder, back);
			diagram = renderCardDiagram(card.diagram.back, holder, component, 'back');
		}
		this.renderGrades();
		this.modalEl.focus();
		if (card.back.trim() !== '') await this.renderMarkdown(card.back, back, card, component, token);
		await diagram;
	}

	private renderGrades(): void {
		const preview = this.options.session.preview();
		const grades = this.bodyEl.createDiv({ cls: 'cloudnotes-review-grades', attr: { role: 'group', 'aria-label': t('review.grade') } });
		RATINGS.forEach((rating, i) => {
			const button = grades.createEl('button', {
				cls: ['cloudnotes-review-grade', `cloudnotes-grade-${rating}`],
				attr: { 'data-rating': rating, 'aria-keyshortcuts': String(i + 1) },
			});
			button.createSpan({ cls: 'cloudnotes-review-grade-name', text: t(RATING_KEYS[rating]) });
			button.createSpan({ cls: 'cloudnotes-review-grade-interval', text: preview ? preview[rating].interval : '' });
			button.createSpan({ cls: 'cloudnotes-review-grade-key', text: String(i + 1) });
			button.addEventListener('click', () => void this.grade(rating));
		});
	}

	/** A grade or undo is being written: keys and buttons wait, so nothing is graded twice. */
	private writing = false;

	/**
	 * The next card shows only once the grade is appended to disk, so a crash or a killed app can lose
	 * at most the grade being given. A failed write is reported (by flush's owner) and kept pending in
	 * the store, which retries it with the next write; the review goes on.
	 */
	private async grade(rating: Rating): Promise<void> {
		if (this.writing || !this.revealed || !this.options.session.current) return;
		this.writing = true;
		this.options.session.grade(rating);
		await this.options.flush().catch(() => undefined);
		this.writing = false;
		this.options.onGraded?.();
		if (this.isOpen()) this.show();
	}

	private async undo(): Promise<void> {
		if (this.writing || !this.options.session.undo()) return;
		this.writing = true;
		await this.options.flush().catch(() => undefined);
		this.writing = false;
		this.options.onGraded?.();
		if (this.isOpen()) this.show();
	}

	/** Still on screen (a write can finish after the user closed the window). */
	private isOpen(): boolean {
		return this.contentEl.isConnected && this.bodyEl?.isConnected;
	}

	/** Opens the card's note at its line (and closes the review, saving first). */
	private async openNote(): Promise<void> {
		const card = this.options.session.current;
		if (!card) return;
		const file = this.app.vault.getAbstractFileByPath(card.file);
		if (!(file instanceof TFile)) return;
		this.close();
		await this.app.workspace.getLeaf(false).openFile(file, { eState: { line: card.line - 1 } });
	}
}

function noteName(path: string): string {
	const name = path.slice(path.lastIndexOf('/') + 1);
	return name.endsWith('.md') ? name.slice(0, -3) : name;
}
