/**
 * Review on the demo page, in Chromium, with the built main.js: open, reveal, grade by keyboard,
 * undo, reload (same browser context, so localStorage keeps notes and review files), statistics,
 * "Review this note", and the Korean UI.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openDemo, pageErrors, type DemoPage } from './demo-page';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** Notes of our own, so the tests do not depend on what example-vault holds. */
const STUDY_NOTE = [
	'# Networking basics',
	'',
	'## Subnet',
	'',
	'A range of IP addresses in a VPC.',
	'',
	'## NAT gateway',
	'',
	'Lets instances in private subnets reach the internet.',
	'',
	'- outbound only',
	'- lives in a public subnet',
	'',
	'> [!question] What does an internet gateway do?',
	'> Connects a VPC to the internet, both ways.',
	'',
	'**CIDR** : a way to write address ranges, e.g. `10.0.0.0/16`',
].join('\n');
const STUDY_PATH = 'Review test/Networking basics.md';
const SECOND_PATH = 'Review test/Containers.md';
const SECOND_NOTE = '# Containers\n\n## Image\n\nA read-only template.\n\n## Volume\n\nStorage that outlives a container.\n';
/** Every device's review journal lives under this prefix (reviews/<device>.<segment>.jsonl). */
const JOURNAL_PREFIX = 'cloudnotes-demo:adapter:.obsidian/plugins/cloudnotes/reviews/';

async function addNotes(page: Page): Promise<void> {
	await page.evaluate(
		async ([a, textA, b, textB]) => {
			const app = (window as any).app;
			if (!app.vault.getAbstractFileByPath(a)) await app.vault.create(a, textA);
			if (!app.vault.getAbstractFileByPath(b)) await app.vault.create(b, textB);
		},
		[STUDY_PATH, STUDY_NOTE, SECOND_PATH, SECOND_NOTE],
	);
}

/** The status bar's count once the index holds our notes (cards waiting now, as "Review all due" shows them). */
async function dueCount(page: Page): Promise<number> {
	const value = await page.locator('.cloudnotes-status').getAttribute('data-due');
	return Number(value);
}

/** The status bar has a count once the store is open and the index is built. */
async function waitForIndexed(page: Page): Promise<void> {
	await page.waitForSelector('.cloudnotes-status[data-due]');
}

async function frontId(page: Page): Promise<string> {
	return (await page.locator('.cloudnotes-review .cloudnotes-review-front').getAttribute('data-card-id')) ?? '';
}

async function progress(page: Page): Promise<string> {
	return page.locator('.cloudnotes-review-progress').innerText();
}

/** Runs "Review this note" on a note, clicked first (its title in the page) so it is the active note. */
async function reviewNote(page: Page, path: string): Promise<void> {
	await page.click(`section.demo-note[data-path="${path}"] .demo-note-title`);
	await page.click('button[data-command-id="review-current-note"]');
	await page.waitForSelector('.cloudnotes-review .cloudnotes-review-front, .cloudnotes-review .cloudnotes-review-empty');
}

async function closeReview(page: Page): Promise<void> {
	await page.keyboard.press('Escape');
	await page.waitForSelector('.cloudnotes-review', { state: 'detached' });
}

async function open(query = '', context?: DemoPage['context']): Promise<DemoPage> {
	const demo = await openDemo(browser, query, context);
	await addNotes(demo.page);
	await waitForIndexed(demo.page);
	await demo.page.waitForFunction((path) => (window as any).app.vault.getAbstractFileByPath(path) !== null, STUDY_PATH);
	return demo;
}

describe('review in the demo', () => {
	test('grade by keyboard, undo, reload: the graded card is no longer due, the others still are', async () => {
		const first = await open();
		const { page } = first;

		// How many cards the note has: "Review this note" shows all of them while none is graded.
		await reviewNote(page, STUDY_PATH);
		const noteTotal = Number((await progress(page)).split('/')[1]);
		expect(noteTotal).toBeGreaterThanOrEqual(4);
		await closeReview(page);
		await page.waitForFunction((n) => Number(document.querySelector('.cloudnotes-status')?.getAttribute('data-due')) >= n, noteTotal);
		const dueBefore = await dueCount(page);

		// "Review all due cards": Space reveals, 4 grades Easy, the count drops by one.
		await reviewNote(page, STUDY_PATH);
		const graded = await frontId(page);
		await closeReview(page);
		await page.click('button[data-command-id="review-due"]');
		await page.waitForSelector('.cloudnotes-review .cloudnotes-review-front');
		// The first card due may be one of example-vault's: whichever it is, grade it and take it back.
		const firstId = await frontId(page);
		await page.keyboard.press('Space');
		await page.waitForSelector('.cloudnotes-review-back');
		expect(await page.locator('button[data-rating]').count()).toBe(4);
		const intervals = await page.locator('.cloudnotes-review-grade-interval').allInnerTexts();
		expect(intervals.every((label) => /^\d+(\.\d)?(m|h|d|mo|y)$/.test(label))).toBe(true);
		await page.keyboard.press('4');
		await page.waitForFunction((id) => document.querySelector('.cloudnotes-review-front')?.getAttribute('data-card-id') !== id, firstId);
		await page.waitForFunction((n) => Number(document.querySelector('.cloudnotes-status')?.getAttribute('data-due')) === n, dueBefore - 1);

		// U takes the grade back: the same card shows again and counts as due again.
		await page.keyboard.press('u');
		await page.waitForFunction((id) => document.querySelector('.cloudnotes-review-front')?.getAttribute('data-card-id') === id, firstId);
		await page.waitForFunction((n) => Number(document.querySelector('.cloudnotes-status')?.getAttribute('data-due')) === n, dueBefore);
		expect(await progress(page)).toMatch(/^0 \/ /);
		await closeReview(page);

		// Now grade the note's first card (known id) and close: the grade is saved as the modal closes.
		await reviewNote(page, STUDY_PATH);
		expect(await frontId(page)).toBe(graded);
		await page.keyboard.press('Space');
		await page.waitForSelector('.cloudnotes-review-back');
		await page.keyboard.press('4');
		await page.waitForFunction((id) => document.querySelector('.cloudnotes-review-front')?.getAttribute('data-card-id') !== id, graded);
		await closeReview(page);
		await page.waitForFunction(([prefix, id]) => Object.keys(localStorage).some((k) => k.startsWith(prefix) && (localStorage.getItem(k) ?? '').includes(id)), [JOURNAL_PREFIX, graded]);
		expect(await pageErrors(first)).toEqual([]);
		await page.close();

		// Reload in the same context: notes and review files are still there.
		const second = await open('', first.context);
		const again = second.page;
		await again.waitForFunction((n) => Number(document.querySelector('.cloudnotes-status')?.getAttribute('data-due')) === n, dueBefore - 1);
		await reviewNote(again, STUDY_PATH);
		expect(await progress(again)).toBe(`0 / ${noteTotal - 1}`);
		const seen: string[] = [];
		for (let i = 0; i < noteTotal - 1; i++) {
			seen.push(await frontId(again));
			await again.keyboard.press('Space');
			await again.waitForSelector('.cloudnotes-review-back');
			await again.keyboard.press('4');
			await again.waitForFunction((n) => document.querySelector('.cloudnotes-review-progress')?.textContent?.startsWith(`${n} /`), i + 1);
		}
		expect(seen).not.toContain(graded);
		expect(new Set(seen).size).toBe(noteTotal - 1);
		await again.waitForSelector('.cloudnotes-review-empty');
		expect(await again.locator('.cloudnotes-review-empty-next').innerText()).toMatch(/The next card is due in \d+(\.\d)?(m|h|d|mo|y) \(/);
		await closeReview(again);
		expect(await pageErrors(second)).toEqual([]);
		await first.context.close();
	});

	test.each([
		['with the review window open', false],
		['after closing the review window at once', true],
	])('a grade survives a reload 100 ms later, %s', async (_name, closeAtOnce) => {
		const first = await open();
		const { page } = first;
		await reviewNote(page, STUDY_PATH);
		const id = await frontId(page);
		await page.keyboard.press('Space');
		await page.waitForSelector('.cloudnotes-review-back');
		await page.keyboard.press('4');
		if (closeAtOnce) await page.keyboard.press('Escape');
		await page.waitForTimeout(100);
		await page.reload();
		await page.waitForFunction(() => (window as any).__demoReady === true, null, { timeout: 30_000 });
		await waitForIndexed(page);
		// The grade is there: the card has a state, a review in its log, and is no longer due.
		const after = await page.evaluate(async (cardId) => {
			const store = (window as any).__demo.plugin.review.store;
			await store.loadHistory();
			return { state: store.stateOf(cardId)?.state ?? null, reviews: store.log().filter((e: { cardId: string }) => e.cardId === cardId).length, due: store.stateOf(cardId)?.due ?? 0 };
		}, id);
		expect(after.state).toBe('review');
		expect(after.reviews).toBe(1);
		expect(after.due).toBeGreaterThan(Date.now() + 86_400_000);
		expect(await pageErrors(first)).toEqual([]);
		await first.context.close();
	});

	test('fronts and backs of heading, callout and definition cards render as in the note', async () => {
		const demo = await open();
		const { page } = demo;
		await reviewNote(page, STUDY_PATH);
		// Subnet, then NAT gateway: its back has a list.
		await page.keyboard.press('Space');
		await page.waitForSelector('.cloudnotes-review-back');
		expect(await page.locator('.cloudnotes-review-back').innerText()).toContain('A range of IP addresses in a VPC.');
		await page.keyboard.press('3');
		await page.waitForFunction(() => document.querySelector('.cloudnotes-review-question')?.textContent === 'NAT gateway');
		expect(await page.locator('.cloudnotes-review-front .cloudnotes-review-context').innerText()).toBe('Networking basics');
		await page.keyboard.press('Enter');
		await page.waitForSelector('.cloudnotes-review-back li');
		expect(await page.locator('.cloudnotes-review-back li').allInnerTexts()).toEqual(['outbound only', 'lives in a public subnet']);
		// The callout, then the bold-term definition, whose back has inline code.
		await page.keyboard.press('3');
		await page.waitForFunction(() => document.querySelector('.cloudnotes-review-question')?.textContent === 'What does an internet gateway do?');
		await page.keyboard.press('Space');
		await page.waitForSelector('.cloudnotes-review-back');
		expect(await page.locator('.cloudnotes-review-back').innerText()).toContain('Connects a VPC to the internet, both ways.');
		await page.keyboard.press('3');
		await page.waitForFunction(() => document.querySelector('.cloudnotes-review-question')?.textContent === 'CIDR');
		await page.keyboard.press('Space');
		await page.waitForSelector('.cloudnotes-review-back code');
		expect(await page.locator('.cloudnotes-review-back code').innerText()).toBe('10.0.0.0/16');
		expect(await pageErrors(demo)).toEqual([]);
		await demo.context.close();
	});

	test('"Review this note" reviews the note last clicked', async () => {
		const demo = await open();
		const { page } = demo;
		await reviewNote(page, SECOND_PATH);
		expect(await page.locator('.cloudnotes-review-front').getAttribute('data-file')).toBe(SECOND_PATH);
		expect(await page.locator('.cloudnotes-review-question').innerText()).toBe('Image');
		expect(await progress(page)).toBe('0 / 2');
		await closeReview(page);
		await reviewNote(page, STUDY_PATH);
		expect(await page.locator('.cloudnotes-review-front').getAttribute('data-file')).toBe(STUDY_PATH);
		await closeReview(page);
		await demo.context.close();
	});

	test('the statistics view draws its charts from the reviews', async () => {
		const demo = await open();
		const { page } = demo;
		await reviewNote(page, SECOND_PATH);
		for (const key of ['4', '1']) {
			await page.keyboard.press('Space');
			await page.waitForSelector('.cloudnotes-review-back');
			await page.keyboard.press(key);
		}
		await closeReview(page);
		await page.click('button[data-command-id="open-statistics"]');
		await page.waitForSelector('.cloudnotes-stats svg.cloudnotes-chart-forecast');
		const sum = (selector: string) =>
			page.$$eval(selector, (els) => els.reduce((total, el) => total + Number(el.getAttribute('data-value')), 0));
		// Counts by state: every card once; the two graded ones are no longer new.
		const states = await page.$$eval('.cloudnotes-chart-states rect[data-value]', (els) => Object.fromEntries(els.map((el) => [el.getAttribute('class')!.split(' ').pop(), Number(el.getAttribute('data-value'))])));
		expect(states['cloudnotes-segment-review']).toBe(1);
		expect(states['cloudnotes-segment-learning']).toBe(1);
		// The forecast has 30 days of bars holding both graded cards (one today or soon, one in days).
		expect(await page.locator('.cloudnotes-chart-forecast rect[data-value]').count()).toBe(30);
		expect(await sum('.cloudnotes-chart-forecast rect[data-value]')).toBe(2);
		// Reviews per day: 30 bars, today (the last) holds both reviews.
		const reviews = await page.$$eval('.cloudnotes-chart-reviews rect[data-value]', (els) => els.map((el) => Number(el.getAttribute('data-value'))));
		expect(reviews).toHaveLength(30);
		expect(reviews[29]).toBe(2);
		expect(await page.locator('.cloudnotes-stats-reviews .cloudnotes-stats-summary').innerText()).toBe('2 reviews today');
		expect(await page.locator('.cloudnotes-stats-retention svg').count()).toBe(1);
		expect(await pageErrors(demo)).toEqual([]);
		await demo.context.close();
	});

	test('Korean UI with lang=ko', async () => {
		const demo = await open('lang=ko');
		const { page } = demo;
		expect(await page.locator('button[data-command-id="review-due"]').innerText()).toBe('복습할 카드 모두 복습');
		expect(await page.locator('button[data-command-id="review-current-note"]').innerText()).toBe('이 노트 복습');
		await reviewNote(page, STUDY_PATH);
		expect(await page.locator('.cloudnotes-review-reveal').innerText()).toBe('정답 보기');
		await page.keyboard.press('Space');
		await page.waitForSelector('.cloudnotes-review-back');
		expect(await page.locator('.cloudnotes-review-grade-name').allInnerTexts()).toEqual(['다시', '어려움', '알맞음', '쉬움']);
		expect(await page.locator('.cloudnotes-review-open').innerText()).toBe('노트 열기');
		await closeReview(page);
		await page.click('button[data-command-id="open-statistics"]');
		await page.waitForSelector('.cloudnotes-stats svg');
		expect(await page.locator('.cloudnotes-stats-title').innerText()).toBe('복습 통계');
		expect(await pageErrors(demo)).toEqual([]);
		await demo.context.close();
	});
});
