import esbuild from "esbuild";
import { builtinModules } from "node:module";

// `node esbuild.config.mjs` watches (npm run dev); `... production` builds once, minified.
const production = process.argv[2] === "production";

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** The plugin: what Obsidian loads. Obsidian provides these modules at run time. */
const plugin = {
	entryPoints: ["src/plugin/main.ts"],
	bundle: true,
	external: [
		"obsidian",
		"electron",
		"@codemirror/autocomplete",
		"@codemirror/collab",
		"@codemirror/commands",
		"@codemirror/language",
		"@codemirror/lint",
		"@codemirror/search",
		"@codemirror/state",
		"@codemirror/view",
		"@lezer/common",
		"@lezer/highlight",
		"@lezer/lr",
		"mermaid",
		...nodeBuiltins,
	],
	format: "cjs",
	target: "es2020",
	logLevel: "info",
	sourcemap: production ? false : "inline",
	treeShaking: true,
	minify: production,
	outfile: "main.js",
};

/** The command line, for Node. */
const cli = {
	entryPoints: ["src/cli/main.ts"],
	bundle: true,
	platform: "node",
	format: "cjs",
	target: "node20",
	logLevel: "info",
	outfile: "dist/cli.js",
};

/**
 * The `obsidian` stand-in used by the demo page and the browser tests. It defines a global
 * `require` so the unmodified CommonJS main.js can be evaluated in a plain page.
 */
const standIn = {
	entryPoints: ["test/stand-in/browser-entry.ts"],
	bundle: true,
	format: "iife",
	target: "es2020",
	logLevel: "info",
	outfile: "dist/obsidian-stand-in.js",
};

if (production) {
	await Promise.all([esbuild.build(plugin), esbuild.build(cli), esbuild.build(standIn)]);
} else {
	const contexts = await Promise.all([plugin, cli, standIn].map((o) => esbuild.context(o)));
	await Promise.all(contexts.map((c) => c.watch()));
}
