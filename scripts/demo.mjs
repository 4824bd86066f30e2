// Writes demo/index.html: every note of a vault rendered by the built main.js, the `obsidian`
// stand-in and the real Mermaid, so anyone can see the plugin work without Obsidian.
// Usage: node scripts/demo.mjs [vault folder]   (npm run demo [-- <vault folder>])
import { promises as fs, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

async function markdownFiles(dir, base = dir) {
	const out = [];
	for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
		if (entry.name.startsWith(".")) continue;
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) out.push(...(await markdownFiles(full, base)));
		else if (entry.name.endsWith(".md")) out.push({ path: path.relative(base, full).split(path.sep).join("/"), content: await fs.readFile(full, "utf8") });
	}
	return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** A script text that is safe inside <script>: JSON with `<` escaped. */
export function scriptJson(value) {
	return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

export async function buildDemo(vaultDir = path.join(root, "example-vault"), outDir = path.join(root, "demo")) {
	for (const needed of ["main.js", "dist/obsidian-stand-in.js"]) {
		if (!existsSync(path.join(root, needed))) throw new Error(`${needed} is missing: run npm run build first`);
	}
	await fs.mkdir(outDir, { recursive: true });
	const notes = await markdownFiles(vaultDir);
	const manifest = JSON.parse(await fs.readFile(path.join(root, "manifest.json"), "utf8"));
	const main = await fs.readFile(path.join(root, "main.js"), "utf8");
	// main.js is CommonJS; wrapping it in a function lets the page evaluate it afresh on every enable.
	await fs.writeFile(path.join(outDir, "plugin.js"), `window.__cloudnotesMain = function (require, module, exports) {\n${main}\n};\n`);
	await fs.copyFile(path.join(root, "dist/obsidian-stand-in.js"), path.join(outDir, "obsidian-stand-in.js"));
	await fs.copyFile(path.join(root, "styles.css"), path.join(outDir, "styles.css"));
	await fs.copyFile(path.join(root, "test/stand-in/demo.css"), path.join(outDir, "demo.css"));
	await fs.copyFile(path.join(root, "node_modules/mermaid/dist/mermaid.min.js"), path.join(outDir, "mermaid.min.js"));
	await fs.copyFile(path.join(root, "node_modules/mermaid-11-4/dist/mermaid.min.js"), path.join(outDir, "mermaid-11.4.min.js"));
	const mermaidNew = JSON.parse(await fs.readFile(path.join(root, "node_modules/mermaid/package.json"), "utf8")).version;
	const mermaidOld = JSON.parse(await fs.readFile(path.join(root, "node_modules/mermaid-11-4/package.json"), "utf8")).version;
	await fs.writeFile(path.join(outDir, "vault.js"), `window.__vault = ${scriptJson({ name: path.basename(vaultDir), notes })};\nwindow.__manifest = ${scriptJson(manifest)};\nwindow.__mermaidVersions = ${scriptJson({ latest: mermaidNew, oldest: mermaidOld })};\n`);
	await fs.writeFile(path.join(outDir, "index.html"), `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cloudnotes demo</title>
<link rel="stylesheet" href="demo.css">
<link rel="stylesheet" href="styles.css">
</head>
<body class="theme-light">
<div id="demo-root"></div>
<script src="vault.js"></script>
<script src="demo-boot.js"></script>
</body>
</html>
`);
	await fs.copyFile(path.join(root, "test/stand-in/demo-boot.js"), path.join(outDir, "demo-boot.js"));
	return { indexHtml: path.join(outDir, "index.html"), notes: notes.length };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
	const vault = process.argv[2] ? path.resolve(process.argv[2]) : undefined;
	const { indexHtml, notes } = await buildDemo(vault);
	console.log(`Demo written with ${notes} notes. Open this in a browser:\n  ${pathToFileURL(indexHtml).href}\n  (add ?mermaid=11.4 to use Mermaid 11.4.1, ?theme=dark for the dark theme, ?lang=ko for Korean, ?api=1.13.0 to play Obsidian 1.13)`);
}
