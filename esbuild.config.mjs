import esbuild from "esbuild";
import { promises as fs } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { deflateRawSync } from "node:zlib";
import { createRequire } from "node:module";
import { writeLogos } from "./scripts/build-logos.mjs";
import { writeGardenPlugin } from "./scripts/garden-plugin.mjs";

// `node esbuild.config.mjs` watches (npm run dev); `... production` builds once, minified.
const production = process.argv[2] === "production";

/**
 * The `yaml` package does not declare `sideEffects: false`, so esbuild keeps every module it
 * reaches, used or not: its Document, composer, schemas and stringifiers (~70 KB of main.js),
 * though the core only uses `Parser` (src/core/topology/yaml-compose.ts). Its modules have no
 * side effects on import, so this marks them side-effect free for this package only, and tree
 * shaking drops what is not used.
 */
const yamlWithoutSideEffects = {
	name: "yaml-without-side-effects",
	setup(build) {
		build.onResolve({ filter: /^yaml$|^\.{1,2}\// }, async (args) => {
			if (args.pluginData === "yaml-without-side-effects") return undefined;
			if (args.path !== "yaml" && !/[\\/]node_modules[\\/]yaml[\\/]/.test(args.importer)) return undefined;
			const resolved = await build.resolve(args.path, {
				kind: args.kind,
				importer: args.importer,
				resolveDir: args.resolveDir,
				pluginData: "yaml-without-side-effects",
			});
			if (resolved.errors.length > 0 || !/[\\/]node_modules[\\/]yaml[\\/]/.test(resolved.path)) return undefined;
			return { ...resolved, sideEffects: false };
		});
	},
};

/**
 * ts-fsrs adds `scheduler`, `diff`, `format` and `dueFormat` to `Date.prototype` when it loads.
 * Neither it nor we call them, and a plugin must not change a global every other plugin shares
 * (`Date.prototype.format` is a common name): the assignments are left out, and the helpers only
 * they used go with them (tree shaking).
 */
const fsrsWithoutDatePatches = {
	name: "fsrs-without-date-patches",
	setup(build) {
		build.onLoad({ filter: /[\\/]node_modules[\\/]ts-fsrs[\\/]dist[\\/]index\.mjs$/ }, async (args) => {
			const text = await fs.readFile(args.path, "utf8");
			const patched = text.replace(/^Date\.prototype\.\w+ = function\([^)]*\) \{\n[^\n]*\n\};\n/gm, "");
			if ((text.match(/^Date\.prototype\./gm) ?? []).length !== 4 || (patched.match(/^Date\.prototype\./gm) ?? []).length !== 0) {
				throw new Error("ts-fsrs: its Date.prototype assignments changed shape; update fsrsWithoutDatePatches in esbuild.config.mjs");
			}
			return { contents: patched, loader: "js" };
		});
	},
};

const here = path.dirname(fileURLToPath(import.meta.url));
const i18nTables = path.join(here, "src/plugin/i18n/tables.ts");

/**
 * The UI text tables packed (issue 27): src/plugin/i18n/tables.ts is bundled and run here, at
 * build time, and main.js gets its tables as deflated JSON in base64, like the logo table
 * (src/core/packed-json.ts), with the same exports; a language is unpacked the first time one
 * of its texts is asked for, apart from what onload shows (LAUNCH_KEYS), which stays plain so a
 * launch unpacks nothing. The text is the module's own, so every key and
 * placeholder is checked in the source as before; test/plugin/i18n-packed.test.ts compares the
 * packed tables with the source. 35 KB of text become about half as much.
 */
export async function packedI18nModule() {
	const built = await esbuild.build({ entryPoints: [i18nTables], bundle: true, format: "cjs", platform: "neutral", write: false, metafile: true, logLevel: "silent" });
	const module = { exports: {} };
	new Function("module", "exports", built.outputFiles[0].text)(module, module.exports);
	const { messagesOf, LAUNCH_KEYS } = module.exports;
	const launch = (language) => Object.fromEntries(LAUNCH_KEYS.map((key) => [key, messagesOf(language)[key]]));
	const pack = (language) => deflateRawSync(Buffer.from(JSON.stringify(messagesOf(language)), "utf8"), { level: 9 }).toString("base64");
	const contents = `import { unpackJson } from ${JSON.stringify(path.join(here, "src/core/packed-json.ts"))};
// The UI text of src/plugin/i18n/en/ and ko/, packed by esbuild.config.mjs (packedI18nModule); what onload shows (LAUNCH_KEYS) plain.
const launch = { en: ${JSON.stringify(launch("en"))}, ko: ${JSON.stringify(launch("ko"))} };
const packed = { en: ${JSON.stringify(pack("en"))}, ko: ${JSON.stringify(pack("ko"))} };
const unpacked = {};
export const LAUNCH_KEYS = ${JSON.stringify(LAUNCH_KEYS)};
export function messagesOf(language) {
	return (unpacked[language] ??= unpackJson(packed[language]));
}
export function launchMessagesOf(language) {
	return launch[language];
}
`;
	// The English and Korean files too, so `npm run dev` rebuilds when a text changes.
	return { contents, watchFiles: Object.keys(built.metafile.inputs).map((file) => path.resolve(file)) };
}

const i18nPacked = {
	name: "i18n-packed",
	setup(build) {
		build.onLoad({ filter: /[\\/]src[\\/]plugin[\\/]i18n[\\/]tables\.ts$/ }, async () => ({ ...(await packedI18nModule()), loader: "js", resolveDir: here }));
	},
};

/**
 * The plugin: what Obsidian loads. Obsidian provides these modules at run time, on desktop and
 * on mobile alike. Mermaid and Node's built-ins are deliberately not listed: Mermaid comes from
 * Obsidian's loadMermaid(), and a phone has no Node, so a stray `import "mermaid"` or
 * `import "fs"` must fail this build instead of failing on the phone (issue 11, item 8).
 */
export const plugin = {
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
	],
	format: "cjs",
	target: "es2020",
	logLevel: "info",
	sourcemap: production ? false : "inline",
	treeShaking: true,
	minify: production,
	// Korean UI strings as UTF-8 rather than \uXXXX escapes: smaller, and Obsidian reads main.js as UTF-8.
	charset: "utf8",
	plugins: [yamlWithoutSideEffects, fsrsWithoutDatePatches, i18nPacked],
	outfile: "main.js",
};

/**
 * The command line takes the `yaml` package's ES modules, as main.js does. For `platform: "node"`
 * its exports give the CommonJS build, which esbuild cannot shake: all of it (260 KB of a 1 MB
 * dist/cli.js) was compiled at every start, though the core uses only its Parser. The two builds
 * are the same code; the CommonJS one only adds Node's process.emitWarning and debug variables.
 */
const yamlModules = path.join(path.dirname(createRequire(import.meta.url).resolve("yaml/package.json")), "browser/index.js");
const yamlAsModules = {
	name: "yaml-as-modules",
	setup(build) {
		build.onResolve({ filter: /^yaml$/ }, () => ({ path: yamlModules, sideEffects: false }));
	},
};

/** The command line, for Node. */
const cli = {
	entryPoints: ["src/cli/main.ts"],
	bundle: true,
	platform: "node",
	// Only `render --svg` loads these, where they are installed (see src/cli/svg-renderer.ts).
	external: ["playwright-core", "mermaid"],
	format: "cjs",
	target: "node20",
	logLevel: "info",
	plugins: [yamlAsModules, yamlWithoutSideEffects],
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

// The container-image logos bundled into main.js: only those our image table names.
await writeLogos();

/**
 * The Digital Garden plugin (dist/garden-plugin/): `index.js`, the build hook the garden requires
 * in Node (it may require only what the garden ships, so the core is bundled in), and `client.js`,
 * the page script for the visitor's browser. writeGardenPlugin adds the manifest and stylesheet.
 */
const gardenHook = {
	entryPoints: ["src/publish/garden/hook.ts"],
	bundle: true,
	// Neutral, not node: the `yaml` package then resolves to its ES modules (its `node` export is
	// CommonJS, which esbuild cannot shake), as in main.js; the hook uses nothing of Node's.
	platform: "neutral",
	mainFields: ["module", "main"],
	format: "cjs",
	target: "node18",
	logLevel: "info",
	minify: production,
	charset: "utf8",
	plugins: [yamlWithoutSideEffects],
	outfile: "dist/garden-plugin/index.js",
};
const gardenClient = {
	entryPoints: ["src/publish/garden/client.ts"],
	bundle: true,
	format: "iife",
	target: "es2020",
	logLevel: "info",
	minify: production,
	charset: "utf8",
	plugins: [yamlWithoutSideEffects],
	outfile: "dist/garden-plugin/client.js",
};

// The cloud layout for the page `cloudnotes render --svg` draws in (src/cli/svg-renderer.ts).
const cliLayout = {
	entryPoints: ["src/cli/cloud-layout-page.ts"],
	bundle: true,
	format: "iife",
	target: "es2020",
	logLevel: "info",
	minify: production,
	outfile: "dist/cloud-layout-page.js",
};

/**
 * dist/cli.js.cache, V8's code cache the launcher compiles the command line with (bin/code-cache.js):
 * made after `cards` and `lint` ran on the example vault, output dropped, so it also holds the
 * functions a command runs, not only the bundle's top level.
 */
async function writeCliCodeCache() {
	const { writeCodeCache } = createRequire(import.meta.url)("./bin/code-cache.js");
	const quiet = (exports) => ({ ...exports.nodeIO(), out: () => undefined, write: async () => undefined, err: () => undefined });
	await writeCodeCache(path.join(here, cli.outfile), async (exports) => {
		for (const args of [["cards", "example-vault"], ["lint", "example-vault", "--format", "json"]]) await exports.main(args, quiet(exports));
	});
}

const builds = [plugin, cli, standIn, gardenHook, gardenClient, cliLayout];
/** Only when run as a script: test/plugin/build-externals.test.ts imports `plugin` to build a probe. */
const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (!isMain) {
	// imported for its options
} else if (production) {
	await Promise.all(builds.map((o) => esbuild.build(o)));
	await writeGardenPlugin();
	await writeCliCodeCache();
} else {
	await writeGardenPlugin();
	const contexts = await Promise.all(builds.map((o) => esbuild.context(o)));
	await Promise.all(contexts.map((c) => c.watch()));
}
