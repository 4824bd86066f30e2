/**
 * Issue 11, item 8: the plugin build may not leave `mermaid` or Node's built-ins external. A
 * phone has no Node and Mermaid comes from Obsidian's loadMermaid(), so an import of either
 * must fail the build here, not the plugin on a phone. Builds small probes with the plugin's own
 * esbuild options (esbuild.config.mjs exports them).
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';

const root = path.resolve(__dirname, '../..');

/** Builds `code` as the plugin's entry point with the plugin's options; returns esbuild's verdict. */
function buildProbe(code: string): { ok: boolean; output: string } {
	const dir = mkdtempSync(path.join(tmpdir(), 'cloudnotes-probe-'));
	try {
		const entry = path.join(dir, 'entry.ts');
		writeFileSync(entry, code);
		const script = `
			import esbuild from ${JSON.stringify(pathToFileURL(path.join(root, 'node_modules/esbuild/lib/main.js')).href)};
			import { plugin } from ${JSON.stringify(pathToFileURL(path.join(root, 'esbuild.config.mjs')).href)};
			try {
				await esbuild.build({ ...plugin, entryPoints: [${JSON.stringify(entry)}], outfile: ${JSON.stringify(path.join(dir, 'out.js'))}, logLevel: 'silent', plugins: [] });
				console.log('BUILT');
			} catch (e) { console.log('FAILED ' + e.message); }`;
		const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
		const output = `${run.stdout}${run.stderr}`;
		return { ok: output.includes('BUILT'), output };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

describe('plugin build externals', () => {
	test('a stray import of mermaid fails the build', () => {
		const result = buildProbe(`import mermaid from 'mermaid';\nexport const m = mermaid;\n`);
		expect(result.output).toMatch(/FAILED/);
	});

	test.each(['fs', 'node:path', 'child_process'])('a stray import of the Node built-in %s fails the build', (name) => {
		const result = buildProbe(`import * as mod from '${name}';\nexport const m = mod;\n`);
		expect(result.output).toMatch(/FAILED/);
	});

	test('what Obsidian provides (obsidian, CodeMirror) stays external and builds', () => {
		const result = buildProbe(`import { Notice } from 'obsidian';\nimport { EditorView } from '@codemirror/view';\nexport const m = [Notice, EditorView];\n`);
		expect(result.output).toMatch(/BUILT/);
	});
});
