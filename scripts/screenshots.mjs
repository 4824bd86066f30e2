// The README's and docs' screenshots, all of them, from the built plugin: `npm run screenshots`
// (which builds first). Opens the demo in headless Chromium and saves element screenshots of the
// richest `vpc` and `containers` blocks of the example vault with their panels, the review window
// and the source editor's lint, in the light and dark themes, the VPC diagram again at a phone's
// width, and a published Digital Garden page (scripts/garden-screenshot.mjs).
//
// The example vault is Korean: without a CJK font Chromium draws its text as empty boxes, so the
// script refuses to run without one (fontconfig's `fc-list :lang=ko`).
// Deterministic: fixed viewports and scale, a fresh browser profile per shot (no stored reviews),
// the same notes, blocks, traces and clicks each run.
// Usage: npm run screenshots   (CHROMIUM_PATH overrides /usr/bin/chromium)
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildDemo } from "./demo.mjs";
import { gardenScreenshot } from "./garden-screenshot.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.join(root, "docs/screenshots");
// The same flags as the browser tests (test/browser/demo-page.ts).
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];
const DESKTOP = { viewport: { width: 1400, height: 1000 }, deviceScaleFactor: 2 };
// An iPhone 14's CSS viewport: what a phone's Obsidian gives a note.
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

/** The CJK fonts fontconfig knows for Korean; exits with how to install one when there are none. */
function requireCjkFont() {
	let families = "";
	try {
		families = execFileSync("fc-list", [":lang=ko", "family"], { encoding: "utf8" }).trim();
	} catch {
		families = "";
	}
	if (families === "") {
		console.error(
			"No font for Korean text was found (fc-list :lang=ko is empty), so the screenshots would show empty boxes\n" +
				"where the example vault's Korean text is. Install a CJK font and run again:\n" +
				"  Debian/Ubuntu: sudo apt-get install fonts-noto-cjk\n" +
				"  Fedora: sudo dnf install google-noto-sans-cjk-fonts    macOS and Windows ship one.",
		);
		process.exit(1);
	}
	return families.split("\n")[0];
}

async function openDemo(browser, indexHtml, options, query) {
	const context = await browser.newContext(options);
	const page = await context.newPage();
	await page.goto(pathToFileURL(indexHtml).href + query);
	await page.waitForFunction(() => window.__demoReady === true, null, { timeout: 60_000 });
	await page.waitForFunction(() => document.querySelectorAll('.cloudnotes-diagram[data-state="loading"]').length === 0, null, { timeout: 60_000 });
	return { context, page };
}

/** The block of this kind with the most drawn resources: it shows the most of what the plugin does. */
async function richest(page, kind) {
	const index = await page.evaluate((k) => {
		const all = [...document.querySelectorAll(`.cloudnotes-diagram[data-kind="${k}"][data-state="ok"]`)];
		let best = -1;
		let most = -1;
		all.forEach((d, i) => {
			const n = d.querySelectorAll("[data-node-id]").length;
			if (n > most) [best, most] = [i, n];
		});
		return best;
	}, kind);
	if (index < 0) throw new Error(`no rendered ${kind} block in the example vault`);
	return page.locator(`.cloudnotes-diagram[data-kind="${kind}"][data-state="ok"]`).nth(index);
}

/** The panels at work: a trace (for a VPC, the internet trying its database) and a resource's details. */
async function showPanels(page, diagram, kind) {
	await diagram.scrollIntoViewIfNeeded();
	const database = kind === "vpc" ? await diagram.locator('[data-type="instance"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-node-id")).find((n) => /db|database/i.test(n ?? ""))) : undefined;
	if (database) {
		await diagram.locator('select[data-trace="from"]').selectOption("internet");
		await diagram.locator('select[data-trace="to"]').selectOption(database);
		await diagram.locator('input[data-trace="port"]').fill("3306");
		await diagram.locator('select[data-trace="proto"]').selectOption("tcp");
		await diagram.locator('button[data-trace="run"]').click();
	} else {
		const flow = diagram.locator(".cloudnotes-flow-button").first();
		if (await flow.count()) await flow.click();
	}
	const pick = kind === "vpc" ? diagram.locator('[data-type="subnet"]').first() : diagram.locator('[data-type="service"]').first();
	if (await pick.count()) {
		await pick.focus();
		await page.keyboard.press("Enter");
		await page.evaluate(() => (document.activeElement instanceof HTMLElement || document.activeElement instanceof SVGElement ? document.activeElement.blur() : undefined));
	}
	await page.mouse.move(1, 1);
}

/**
 * Waits until fonts are loaded and the element stops changing (its box and its markup the same
 * for three frames in a row): a fit-to-view, an icon or a panel still settling would otherwise
 * make two runs differ.
 */
async function settle(page, locator) {
	await page.evaluate(() => document.fonts.ready.then(() => undefined));
	let last = "";
	for (let same = 0, i = 0; same < 3 && i < 200; i++) {
		const now = await locator.evaluate((el) => {
			const r = el.getBoundingClientRect();
			let hash = 0;
			const text = el.outerHTML;
			for (let k = 0; k < text.length; k++) hash = (hash * 31 + text.charCodeAt(k)) | 0;
			return `${r.x},${r.y},${r.width},${r.height},${text.length},${hash}`;
		});
		same = now === last ? same + 1 : 0;
		last = now;
		await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
	}
}

async function save(locator, name) {
	await settle(locator.page(), locator);
	const file = path.join(outDir, name);
	await locator.screenshot({ path: file, animations: "disabled" });
	console.log(`wrote ${path.relative(root, file)}`);
}

/** The source editor with a broken CIDR typed into the VPC note's first block, its message shown. */
async function editorShot(page, name) {
	const section = page.locator("section.demo-note", { hasText: "VPC 네트워크 설계" }).first();
	await section.locator('button[data-demo="edit"]').click();
	const line = section.locator(".demo-editor .cm-line", { hasText: /^cidr: \d+\.\d+\.\d+\.\d+\/\d+/ }).first();
	await line.waitFor();
	await line.click();
	await page.keyboard.press("End");
	await page.keyboard.press("Backspace");
	await page.keyboard.press("Backspace");
	await page.keyboard.type("99");
	const underline = section.locator(".cm-lintRange-error").first();
	await underline.waitFor({ timeout: 15_000 });
	await underline.hover();
	await page.locator(".cm-tooltip-lint").first().waitFor({ timeout: 15_000 });
	// The editor box with the tooltip over it: the line, its underline and the message.
	const box = await section.locator(".demo-editor").boundingBox();
	const lineBox = await line.boundingBox();
	const tip = await page.locator(".cm-tooltip-lint").first().boundingBox();
	const top = Math.max(box.y, lineBox.y - 120);
	const bottom = Math.max(lineBox.y + lineBox.height, tip.y + tip.height) + 24;
	const file = path.join(outDir, name);
	await page.screenshot({ path: file, clip: { x: box.x, y: top, width: box.width, height: bottom - top }, animations: "disabled" });
	console.log(`wrote ${path.relative(root, file)}`);
}

const font = requireCjkFont();
console.log(`CJK font: ${font}`);
const { indexHtml } = await buildDemo();
if (!existsSync(indexHtml)) throw new Error("the demo was not built");
await fs.mkdir(outDir, { recursive: true });

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
try {
	for (const theme of ["light", "dark"]) {
		const suffix = theme === "dark" ? "-dark" : "";
		const query = theme === "dark" ? "?theme=dark" : "";
		let { context, page } = await openDemo(browser, indexHtml, DESKTOP, query);
		for (const kind of ["vpc", "containers"]) {
			const diagram = await richest(page, kind);
			await showPanels(page, diagram, kind);
			await save(diagram, `${kind}-diagram${suffix}.png`);
		}
		// Several VPCs in one block: the example vault's network note.
		const network = page.locator("section.demo-note", { hasText: "여러 VPC 연결하기" }).locator('.cloudnotes-diagram[data-kind="vpc"][data-state="ok"]').first();
		await network.scrollIntoViewIfNeeded();
		await save(network, `network-diagram${suffix}.png`);
		// The review window on a card from the example notes, answer shown.
		await page.waitForFunction(() => document.querySelector(".cloudnotes-status[data-due]") !== null, null, { timeout: 60_000 });
		await page.locator('button[data-command-id="review-due"]').click();
		await page.locator(".cloudnotes-review .cloudnotes-review-front").waitFor();
		await page.keyboard.press("Space");
		await page.locator(".cloudnotes-review .cloudnotes-review-back").waitFor();
		await save(page.locator(".modal.cloudnotes-review"), `review${suffix}.png`);
		await page.keyboard.press("Escape");
		await editorShot(page, `editor-lint${suffix}.png`);
		await context.close();

		// A phone: the same VPC diagram at 390 px, as Obsidian on a phone shows it.
		({ context, page } = await openDemo(browser, indexHtml, PHONE, `?mobile=1${theme === "dark" ? "&theme=dark" : ""}`));
		const diagram = await richest(page, "vpc");
		await showPanels(page, diagram, "vpc");
		await save(diagram, `vpc-diagram-phone${suffix}.png`);
		await context.close();
	}
	console.log(`wrote ${path.relative(root, await gardenScreenshot(browser))}`);
} finally {
	await browser.close();
}
