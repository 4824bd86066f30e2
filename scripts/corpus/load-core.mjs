/**
 * The corpus scripts run real files through the real core, not a copy: this bundles the TypeScript
 * modules they name (an export list, as in an `index.ts`) into a throwaway CommonJS file and loads it.
 */
import { build } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** `exports` is module text such as "export * from './src/core/cards';", resolved from the repository root. */
export async function loadCore(exports) {
	const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'cn-corpus-')), 'core.cjs');
	await build({ stdin: { contents: exports, resolveDir: root, loader: 'ts' }, bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'error' });
	return createRequire(import.meta.url)(out);
}
