import { defineConfig, globalIgnores } from "eslint/config";
import obsidianmd from "eslint-plugin-obsidianmd";
import { PlainTextParser } from "eslint-plugin-obsidianmd/dist/lib/plainTextParser.js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig([
	globalIgnores(["node_modules/", "main.js", "dist/", "demo/", "release/", "coverage/", "bench/results.json"]),
	...obsidianmd.configs.recommended,
	{
		languageOptions: {
			parserOptions: {
				projectService: {
					allowDefaultProject: [],
				},
			},
		},
	},
	{
		// Build scripts, benchmarks and page scripts are plain JavaScript outside the TypeScript project.
		files: ["**/*.js", "**/*.mjs"],
		extends: [tseslint.configs.disableTypeChecked],
	},
	{
		// The published site's script runs in a visitor's browser, not in Obsidian: Obsidian's DOM
		// helpers (createEl) do not exist there. It imports Mermaid from one constant address (the
		// one the garden template uses), never from page data.
		files: ["src/publish/garden/client.ts"],
		languageOptions: { globals: { ...globals.browser } },
		rules: { "obsidianmd/prefer-create-el": "off", "no-unsanitized/method": "off" },
	},
	{
		// The core runs in Node, browsers and on mobile: it may not reach for Obsidian or Node.
		files: ["src/core/**/*.ts"],
		rules: {
			"no-restricted-imports": ["error", { patterns: [
				{ group: ["obsidian", "obsidian/*"], message: "src/core imports nothing from obsidian: pass Obsidian's services in from src/plugin." },
				{ group: ["node:*", "fs", "path", "os", "child_process", "crypto", "url", "util"], message: "src/core runs on mobile too: no Node modules." },
			] }],
		},
	},
	{
		// Node-side code: the command line, tests, build and bench scripts.
		files: ["src/cli/**/*.ts", "test/**/*.ts", "bench/**/*.ts", "*.mjs", "*.js", "bin/*.js", "scripts/**/*.mjs", "bench/*.mjs", "bench/*.js", "bench/scenarios/*.mjs", "test/browser/*.mjs"],
		languageOptions: { globals: { ...globals.node } },
		rules: {
			"obsidianmd/no-nodejs-modules": "off",
			"obsidianmd/prefer-window-timers": "off",
			"obsidianmd/no-global-this": "off",
			"obsidianmd/ui/sentence-case": "off",
			"import/no-nodejs-modules": "off",
			"import/no-extraneous-dependencies": "off",
			"obsidianmd/rule-custom-message": "off",
			"@typescript-eslint/no-require-imports": "off",
			"no-restricted-globals": "off",
			"no-console": "off",
		},
	},
	{
		files: ["test/stand-in/*.js"],
		languageOptions: { globals: { ...globals.browser } },
	},
	{
		// The stand-in plays Obsidian itself, so it does what plugins may not.
		files: ["test/**/*.ts", "test/**/*.js", "scripts/**/*.mjs"],
		languageOptions: { globals: { ...globals.jest } },
		rules: {
			"import/no-extraneous-dependencies": "off",
			"no-restricted-globals": "off",
			"obsidianmd/hardcoded-config-path": "off",
			"obsidianmd/no-tfile-tfolder-cast": "off",
			"obsidianmd/prefer-file-manager-trash-file": "off",
			"obsidianmd/prefer-get-language": "off",
			"obsidianmd/prefer-instanceof": "off",
			"obsidianmd/no-forbidden-elements": "off",
			"@typescript-eslint/no-redundant-type-constituents": "off",
			"obsidianmd/prefer-create-el": "off",
			"obsidianmd/no-static-styles-assignment": "off",
			"obsidianmd/prefer-active-doc": "off",
			"@typescript-eslint/no-unsafe-assignment": "off",
			"@typescript-eslint/no-unsafe-member-access": "off",
			"@typescript-eslint/no-unsafe-call": "off",
			"@typescript-eslint/no-unsafe-argument": "off",
			"@typescript-eslint/no-unsafe-return": "off",
			"@typescript-eslint/no-explicit-any": "off",
			"@typescript-eslint/no-non-null-assertion": "off",
			"@typescript-eslint/unbound-method": "off",
			"@typescript-eslint/require-await": "off",
			"@typescript-eslint/no-floating-promises": "off",
			"@typescript-eslint/no-misused-promises": "off",
		},
	},
	{
		// What the community review lints besides the code (issue 11): manifest.json with
		// validate-manifest (TypeScript's parser reads a .json file as one object expression, the
		// shape the rule expects) and LICENSE with validate-license through the plugin's plain-text
		// parser. Errors, not warnings: `npm run release-check` and `npm run lint` must fail on them.
		files: ["manifest.json"],
		plugins: { obsidianmd },
		languageOptions: { parser: tseslint.parser, parserOptions: { projectService: false, extraFileExtensions: [".json"] } },
		rules: { "obsidianmd/validate-manifest": "error" },
	},
	{
		files: ["LICENSE"],
		plugins: { obsidianmd },
		languageOptions: { parser: PlainTextParser },
		rules: { "obsidianmd/validate-license": "error" },
	},
]);
