// Screenshots of topology diagrams for the README: opens the demo (built by `npm run
// screenshots`) in headless Chromium and saves element screenshots of the richest `vpc` and
// `containers` blocks of the example vault, with their panels, in the light and dark themes.
// Usage: npm run screenshots   (CHROMIUM_PATH overrides /usr/bin/chromium)
import { chromium } from "playwright-core";
import { existsSync, promises as fs } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildDemo } from "./demo.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.join(root, "docs/screenshots");
// The same flags as the browser tests (test/browser/demo-page.ts).
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

const { indexHtml } = await buildDemo();
if (!existsSync(indexHtml)) throw new Error("the demo was not built");
await fs.mkdir(outDir, { recursive: true });

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
try {
	for (const theme of ["light", "dark"]) {
		const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, deviceScaleFactor: 2 });
		const page = await context.newPage();
		await page.goto(pathToFileURL(indexHtml).href + (theme === "dark" ? "?theme=dark" : ""));
		await page.waitForFunction(() => window.__demoReady === true, null, { timeout: 30_000 });
		await page.waitForFunction(() => document.querySelectorAll('.cloudnotes-diagram[data-state="loading"]').length === 0, null, { timeout: 30_000 });
		for (const kind of ["vpc", "containers"]) {
			// The block with the most drawn resources shows the most of what the plugin does.
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
			const diagram = page.locator(`.cloudnotes-diagram[data-kind="${kind}"][data-state="ok"]`).nth(index);
			await diagram.scrollIntoViewIfNeeded();
			// Show the panels at work: a trace (for a VPC, the internet trying its database), and
			// the details of a subnet or service.
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
				await page.evaluate(() => document.activeElement instanceof HTMLElement || document.activeElement instanceof SVGElement ? document.activeElement.blur() : undefined);
			}
			await page.mouse.move(1, 1);
			const file = path.join(outDir, `${kind}-diagram${theme === "dark" ? "-dark" : ""}.png`);
			await diagram.screenshot({ path: file, animations: "disabled" });
			console.log(`wrote ${path.relative(root, file)}`);
		}
		if (theme === "light") {
			// The review window on a card from the example notes, answer shown.
			await page.waitForFunction(() => document.querySelector(".cloudnotes-status[data-due]") !== null, null, { timeout: 60_000 });
			await page.locator('button[data-command-id="review-due"]').click();
			await page.locator(".cloudnotes-review .cloudnotes-review-front").waitFor();
			await page.keyboard.press("Space");
			await page.locator(".cloudnotes-review .cloudnotes-review-back").waitFor();
			const file = path.join(outDir, "review.png");
			await page.locator(".modal.cloudnotes-review").screenshot({ path: file, animations: "disabled" });
			console.log(`wrote ${path.relative(root, file)}`);
			await page.keyboard.press("Escape");
		}
		await context.close();
	}
} finally {
	await browser.close();
}
