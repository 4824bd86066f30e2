/**
 * The Digital Garden plugin's manifest and stylesheet, written beside the bundles esbuild makes
 * (dist/garden-plugin/), and the release archive that holds the folder. The manifest follows the
 * garden template's loader (src/helpers/pluginLoader.js): id equal to the folder name, the five
 * required fields, paths relative to the plugin folder.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const GARDEN_PLUGIN_DIR = path.join(root, "dist", "garden-plugin");
export const GARDEN_PLUGIN_ID = "cloudnotes";

export async function gardenManifest() {
	const manifest = JSON.parse(await fs.readFile(path.join(root, "manifest.json"), "utf8"));
	return {
		id: GARDEN_PLUGIN_ID,
		name: "Cloudnotes",
		version: manifest.version,
		description: "Topology blocks (vpc, containers, ...) published as interactive diagrams with their checks and a reachability panel.",
		author: manifest.author,
		hooks: "index.js",
		styles: ["styles.css"],
		scripts: ["client.js"],
		settings: [
			{ key: "showLint", name: "Show lint results", description: "List each block's problems under its diagram.", type: "boolean", default: true },
			{ key: "showFlows", name: "Show flows", description: "List each declared flow with its verdict.", type: "boolean", default: true },
			{ key: "direction", name: "Direction", description: "Flowchart direction: auto (each block's own), TB or LR.", type: "select", options: ["auto", "TB", "LR"], default: "auto" },
		],
	};
}

export async function writeGardenPlugin() {
	await fs.mkdir(GARDEN_PLUGIN_DIR, { recursive: true });
	await fs.writeFile(path.join(GARDEN_PLUGIN_DIR, "garden-plugin.json"), JSON.stringify(await gardenManifest(), null, 2) + "\n");
	await fs.copyFile(path.join(root, "src", "publish", "garden", "styles.css"), path.join(GARDEN_PLUGIN_DIR, "styles.css"));
}
