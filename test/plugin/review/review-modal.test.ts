/** @jest-environment jsdom */
import { installDomHelpers } from '../../stand-in/dom';
import { App, Keymap, mapStorage } from '../../stand-in/obsidian';
import { extractNote, type Card } from '../../../src/core/cards';
import { MemoryPersistence, Scheduler, DEFAULT_SCHEDULER_SETTINGS } from '../../../src/core/srs';
import { JournalStore } from '../../../src/core/srs/journal-store';
import { ReviewModal } from '../../../src/plugin/review/review-modal';
import { ReviewSession } from '../../../src/plugin/review/review-session';
import { setUiLanguage } from '../../../src/plugin/i18n';

installDomHelpers(window);

const NOTE = [
	'# Networking',
	'',
	'## Subnet',
	'',
	'A range of addresses in a VPC.',
	'',
	'- public',
	'- private',
	'',
	'## NAT gateway',
	'',
	'Lets private subnets reach out.',
	'',
	'```bash',
	'aws ec2 create-nat-gateway',
	'```',
	'',
	'## Security group',
	'',
	'A stateful firewall.',
].join('\n');

let now = Date.UTC(2026, 2, 1, 9);
const scheduler = new Scheduler(DEFAULT_SCHEDULER_SETTINGS, { enableFuzz: false });

async function open(cards?: Card[]) {
	const app = new App(mapStorage({ 'vault:Study/Networking.md': NOTE }));
	const persistence = new MemoryPersistence();
	const store = await JournalStore.open(persistence, { device: 'devtest1', now: () => now });
	const all = cards ?? extractNote('Study/Networking.md', NOTE).cards;
	const session = new ReviewSession({ store, scheduler: () => scheduler, now: () => now, cardById: (id) => all.find((c) => c.id === id) }, all);
	const flush = jest.fn(() => store.flush());
	const modal = new ReviewModal(app as never, { title: 'Review', session, emptyText: () => 'Next card in 1d.', flush });
	modal.open();
	return { app, store, persistence, session, modal, flush, all };
}

function press(key: string, code = ''): void {
	Keymap.handleKeydown(new KeyboardEvent('keydown', { key, code, bubbles: true }));
}

const q = (selector: string) => document.querySelector<HTMLElement>(selector);
const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
	setUiLanguage('en', 'en');
	document.body.empty();
	Keymap.scopes = [];
	now = Date.UTC(2026, 2, 1, 9);
});

describe('the review modal', () => {
	test('shows the front with note name and heading path; Space reveals the rendered back and the grades', async () => {
		const { all } = await open();
		expect(q('.modal.cloudnotes-review')).not.toBeNull();
		expect(q('.cloudnotes-review-progress')!.textContent).toBe('0 / 3');
		expect(q('.cloudnotes-review-front .cloudnotes-review-note')!.textContent).toBe('Networking');
		expect(q('.cloudnotes-review-front .cloudnotes-review-context')!.textContent).toBe('Networking');
		expect(q('.cloudnotes-review-front')!.getAttribute('data-card-id')).toBe(all[0].id);
		expect(q('.cloudnotes-review-question')!.textContent).toBe('Subnet');
		expect(q('.cloudnotes-review-back')).toBeNull();
		expect(document.querySelectorAll('[data-rating]')).toHaveLength(0);

		press(' ', 'Space');
		await settle();
		const back = q('.cloudnotes-review-back')!;
		expect(back.querySelector('p')!.textContent).toBe('A range of addresses in a VPC.');
		expect([...back.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['public', 'private']);
		const grades = [...document.querySelectorAll<HTMLButtonElement>('button[data-rating]')];
		expect(grades.map((b) => b.dataset.rating)).toEqual(['again', 'hard', 'good', 'easy']);
		const preview = scheduler.preview(undefined, new Date(now), all[0].id);
		expect(grades.map((b) => b.querySelector('.cloudnotes-review-grade-interval')!.textContent)).toEqual([preview.again.interval, preview.hard.interval, preview.good.interval, preview.easy.interval]);
	});

	test('1-4 grade only once the back shows; the grade is stored and the next card comes', async () => {
		const { store, all } = await open();
		press('3', 'Digit3');
		await settle();
		expect(store.stateOf(all[0].id)).toBeUndefined();
		press('Enter', 'Enter');
		await settle();
		press('4', 'Digit4');
		await settle();
		expect(store.stateOf(all[0].id)?.state).toBe('review');
		expect(store.stateOf(all[0].id)?.contentHash).toBe(all[0].hash);
		expect(store.log()).toHaveLength(1);
		expect(q('.cloudnotes-review-question')!.textContent).toBe('NAT gateway');
		expect(q('.cloudnotes-review-progress')!.textContent).toBe('1 / 3');
		// The code block in the back renders as code.
		press(' ', 'Space');
		await settle();
		expect(q('.cloudnotes-review-back code')!.textContent).toBe('aws ec2 create-nat-gateway');
	});

	test('shortcuts follow the key position, so they work with a Korean layout active', async () => {
		const { store, all } = await open();
		press(' ', 'Space');
		await settle();
		press('4', 'Numpad4');
		await settle();
		expect(store.stateOf(all[0].id)?.state).toBe('review');
		// U on a Korean layout types 'ㅕ'; its key position is still KeyU.
		press('ㅕ', 'KeyU');
		await settle();
		expect(store.stateOf(all[0].id)).toBeUndefined();
		expect(q('.cloudnotes-review-question')!.textContent).toBe('Subnet');
	});

	test('Again brings the card back in the same session; U undoes grades in order', async () => {
		const { store, all } = await open();
		press(' ', 'Space');
		await settle();
		press('1', 'Digit1');
		await settle();
		expect(q('.cloudnotes-review-progress')!.textContent).toBe('0 / 3');
		expect(q('.cloudnotes-review-question')!.textContent).toBe('NAT gateway');
		press(' ', 'Space');
		await settle();
		press('3', 'Digit3');
		await settle();
		press('u', 'KeyU');
		await settle();
		expect(q('.cloudnotes-review-question')!.textContent).toBe('NAT gateway');
		expect(store.stateOf(all[1].id)).toBeUndefined();
		press('u', 'KeyU');
		await settle();
		expect(q('.cloudnotes-review-question')!.textContent).toBe('Subnet');
		expect(store.stateOf(all[0].id)).toBeUndefined();
		expect(store.log()).toHaveLength(0);
		expect(q('.cloudnotes-review-progress')!.textContent).toBe('0 / 3');
	});

	test('the changed-since-last-review flag shows when the card text changed after its grade', async () => {
		const first = await open();
		press(' ', 'Space');
		await settle();
		press('4', 'Digit4');
		await settle();
		expect(q('.cloudnotes-review-changed')).toBeNull();
		const edited = extractNote('Study/Networking.md', NOTE.replace('A range of addresses in a VPC.', 'A block of addresses.')).cards;
		expect(edited[0].id).toBe(first.all[0].id);
		const session = new ReviewSession({ store: first.store, scheduler: () => scheduler, now: () => now, cardById: () => undefined }, edited);
		expect(session.changedSinceLastReview(edited[0])).toBe(true);
		expect(session.changedSinceLastReview(edited[1])).toBe(false);
		document.body.empty();
		Keymap.scopes = [];
		new ReviewModal(first.app as never, { title: 'Review', session, emptyText: () => '', flush: async () => undefined }).open();
		expect(q('.cloudnotes-review-changed')!.textContent).toBe('Changed since last review');
	});

	test('the empty state says when the next card is due; closing flushes the grades to the store file', async () => {
		const { persistence, modal, flush, all } = await open();
		for (let i = 0; i < all.length; i++) {
			press(' ', 'Space');
			await settle();
			press('4', 'Digit4');
			await settle();
		}
		expect(q('.cloudnotes-review-empty')!.textContent).toContain('Next card in 1d.');
		expect(q('.cloudnotes-review-progress')!.textContent).toBe('3 / 3');
		// Each grade waited for its append; closing flushes once more.
		expect(flush).toHaveBeenCalledTimes(3);
		press('Escape', 'Escape');
		expect(flush).toHaveBeenCalledTimes(4);
		await modal.saved;
		const saved = persistence.files.get('reviews/devtest1.000001.jsonl')!;
		for (const card of all) expect(saved).toContain(card.id);
		expect(q('.cloudnotes-review')).toBeNull();
	});

	test('E opens the note at the card line (0-based for the editor) and closes the review', async () => {
		const { app, flush, all } = await open();
		const opened: { path: string; line?: number }[] = [];
		app.workspace.openFileHandler = (file, line) => opened.push({ path: file.path, line });
		press('e', 'KeyE');
		await settle();
		expect(opened).toEqual([{ path: 'Study/Networking.md', line: all[0].line - 1 }]);
		expect(flush).toHaveBeenCalled();
		expect(q('.cloudnotes-review')).toBeNull();
	});

	test('the next card shows only once the grade is appended to disk', async () => {
		const { store, all, persistence } = await open();
		let land: () => void = () => undefined;
		const append = persistence.append.bind(persistence);
		persistence.append = (name, text) => new Promise((resolve) => (land = () => void append(name, text).then(resolve)));
		press(' ', 'Space');
		await settle();
		press('3', 'Digit3');
		await settle();
		await settle();
		// Graded in memory, not on disk yet: the card stays, and a second key press grades nothing.
		expect(store.stateOf(all[0].id)?.state).toBe('learning');
		expect(q('.cloudnotes-review-question')!.textContent).toBe('Subnet');
		press('4', 'Digit4');
		land();
		await settle();
		await settle();
		expect(q('.cloudnotes-review-question')!.textContent).toBe('NAT gateway');
		expect(persistence.files.get('reviews/devtest1.000001.jsonl')).toContain(all[0].id);
		expect(store.log()).toHaveLength(1);
	});

	test('the grade buttons work by touch (click) as well', async () => {
		const { store, all } = await open();
		q('.cloudnotes-review-reveal')!.click();
		await settle();
		q('button[data-rating="good"]')!.click();
		await settle();
		expect(store.stateOf(all[0].id)?.state).toBe('learning');
		expect(q('.cloudnotes-review-question')!.textContent).toBe('NAT gateway');
	});

	test('keys typed into an input, select or editable text inside the card reach it; they do not grade, reveal or undo (issue 11)', async () => {
		await open();
		// Obsidian runs the modal's scope handlers even while an input has focus (the stand-in
		// does too): the document-level key listener sees the key typed into the field.
		const listener = (evt: KeyboardEvent) => Keymap.handleKeydown(evt);
		document.addEventListener('keydown', listener);
		try {
			const type = (el: HTMLElement, key: string, code: string): KeyboardEvent => {
				const evt = new KeyboardEvent('keydown', { key, code, bubbles: true, cancelable: true });
				el.dispatchEvent(evt);
				return evt;
			};
			// A card back can hold a topology block whose trace panel has a port field.
			const addFields = (): [HTMLElement, HTMLElement, HTMLElement] => {
				const body = q('.cloudnotes-review-body')!;
				return [body.createEl('input', { type: 'number', attr: { 'data-trace': 'port' } }), body.createEl('select'), body.createDiv({ attr: { contenteditable: 'true' } })];
			};
			const [field] = addFields();
			expect(type(field, ' ', 'Space').defaultPrevented).toBe(false);
			await settle();
			expect(q('.cloudnotes-review-back')).toBeNull();
			press(' ', 'Space');
			await settle();
			expect(q('.cloudnotes-review-back')).not.toBeNull();
			const [port, proto, note] = addFields();
			for (const [key, code] of [['4', 'Digit4'], ['4', 'Digit4'], ['3', 'Digit3'], ['u', 'KeyU'], ['e', 'KeyE']]) {
				for (const el of [port, proto, note]) expect(type(el, key, code).defaultPrevented).toBe(false);
			}
			expect(q('.cloudnotes-review-progress')!.textContent).toBe('0 / 3');
			expect(q('.cloudnotes-review')).not.toBeNull();
			// The same key outside the fields still grades.
			press('4', 'Digit4');
			await settle();
			expect(q('.cloudnotes-review-progress')!.textContent).toBe('1 / 3');
		} finally {
			document.removeEventListener('keydown', listener);
		}
	});
});
