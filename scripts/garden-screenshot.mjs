// A screenshot of a published Digital Garden page for the README: a note of the example vault
// rendered by markdown-it with the built garden plugin (dist/garden-plugin/, from npm run build),
// Mermaid 11 loaded as the garden loads it (answered from node_modules), a trace run in the panel.
// Part of `npm run screenshots` (scripts/screenshots.mjs, which checks for a CJK font first);
// alone: npm run build && node scripts/garden-screenshot.mjs
import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import { promises as fs, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const MarkdownIt = require("markdown-it");
const pluginDir = path.join(root, "dist", "garden-plugin");
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

function pageHtml(main) {
	return `<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8">
<script async type="module">import mermaid from 'https://cdn.jsdelivr.net/npm/mermaid@11/dist/mermaid.esm.min.mjs'; mermaid.initialize({ startOnLoad: true });</script>
<link rel="stylesheet" href="/plugins/cloudnotes/styles.css"><script defer src="/plugins/cloudnotes/client.js"></script>
<style>body { font-family: "Noto Sans CJK KR", "Noto Sans KR", sans-serif; max-width: 900px; margin: 2em auto; }</style></head>
<body><main>${main}</main></body></html>`;
}

/** Writes docs/screenshots/garden-published.png with `browser`; returns the file written. */
export async function gardenScreenshot(browser) {
	const note = readFileSync(path.join(root, "example-vault", "클라우드", "VPC 네트워크 설계.md"), "utf8").replace(/^---\n[\s\S]*?\n---\n/, "");
	const md = new MarkdownIt();
	require(path.join(pluginDir, "index.js")).setupMarkdown(md, { settings: { showLint: true, showFlows: true } });
	const html = pageHtml(md.render(note));
	const page = await browser.newPage({ viewport: { width: 1000, height: 900 }, deviceScaleFactor: 2 });
	await page.route("**/*", (route) => {
		const url = new URL(route.request().url());
		if (url.host === "garden.test" && url.pathname.startsWith("/plugins/cloudnotes/")) {
			const file = path.join(pluginDir, path.basename(url.pathname));
			return route.fulfill({ contentType: file.endsWith(".css") ? "text/css" : "text/javascript", body: readFileSync(file) });
		}
		if (url.host === "garden.test") return route.fulfill({ contentType: "text/html; charset=utf-8", body: html });
		const m = /^\/npm\/mermaid@11\/dist\/(.+)$/.exec(url.pathname);
		if (m) return route.fulfill({ contentType: "text/javascript", headers: { "access-control-allow-origin": "*" }, body: readFileSync(path.join(root, "node_modules", "mermaid", "dist", m[1])) });
		return route.fulfill({ status: 404, body: "" });
	});
	await page.goto("https://garden.test/notes/vpc/");
	await page.waitForFunction(() => document.querySelectorAll('.cloudnotes-garden[data-interactive="true"]').length > 1, null, { timeout: 60_000 });
	const block = page.locator('.cloudnotes-garden[data-interactive="true"]').nth(1);
	await block.scrollIntoViewIfNeeded();
	await block.locator("select.cloudnotes-garden-from").selectOption("internet");
	await block.locator("select.cloudnotes-garden-to").selectOption("db");
	await block.locator("input.cloudnotes-garden-port").fill("3306");
	await block.locator("button.cloudnotes-garden-check").click();
	await block.locator(".cloudnotes-garden-trace-result[data-allowed]").waitFor();
	const file = path.join(root, "docs", "screenshots", "garden-published.png");
	await fs.mkdir(path.dirname(file), { recursive: true });
	await block.screenshot({ path: file, animations: "disabled" });
	await page.close();
	return file;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
	const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
	try {
		console.log(`wrote ${path.relative(root, await gardenScreenshot(browser))}`);
	} finally {
		await browser.close();
	}
}
