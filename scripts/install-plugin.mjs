// Copies the built plugin into a vault: <vault>/<config folder>/plugins/cloudnotes/.
// Usage: npm run install-plugin -- <vault folder>
import { promises as fs, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const vault = process.argv[2];
if (!vault) {
	console.error("Usage: npm run install-plugin -- <vault folder>");
	process.exit(2);
}
const vaultDir = path.resolve(vault);
if (!existsSync(vaultDir)) {
	console.error(`No such folder: ${vaultDir}`);
	process.exit(2);
}

/** Obsidian's config folder is `.obsidian` unless the user renamed it; a renamed one is a dot-folder holding app.json. */
async function configFolder() {
	if (existsSync(path.join(vaultDir, ".obsidian"))) return ".obsidian";
	for (const entry of await fs.readdir(vaultDir, { withFileTypes: true })) {
		if (entry.isDirectory() && entry.name.startsWith(".") && existsSync(path.join(vaultDir, entry.name, "app.json"))) return entry.name;
	}
	return ".obsidian";
}

const manifest = JSON.parse(await fs.readFile(path.join(root, "manifest.json"), "utf8"));
const target = path.join(vaultDir, await configFolder(), "plugins", manifest.id);
await fs.mkdir(target, { recursive: true });
for (const file of ["main.js", "manifest.json", "styles.css"]) {
	await fs.copyFile(path.join(root, file), path.join(target, file));
}
console.log(`Installed ${manifest.name} ${manifest.version} into ${target}\nIn Obsidian: Settings → Community plugins → enable "${manifest.name}".`);
