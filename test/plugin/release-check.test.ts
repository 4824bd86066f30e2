/**
 * Issue 11, item 1: `npm run release-check` (scripts/release-check.mjs, also run by `npm test`)
 * rejects what Obsidian's community review rejects. Each case runs the script on a copy of the
 * release files with one thing broken, and expects the sentence that says what to fix.
 */
import { spawnSync } from 'child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '../..');
const FILES = ['manifest.json', 'package.json', 'versions.json', 'LICENSE', 'styles.css', 'eslint.config.mjs'];

let dir = '';
beforeEach(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'cloudnotes-release-check-'));
	for (const f of FILES) copyFileSync(path.join(root, f), path.join(dir, f));
	symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function check(...args: string[]): { ok: boolean; output: string } {
	const run = spawnSync(process.execPath, [path.join(root, 'scripts/release-check.mjs'), '--root', dir, ...args], { encoding: 'utf8', env: { ...process.env, GITHUB_REF_TYPE: '' } });
	return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

function editJson(file: string, edit: (value: any) => void): void {
	const value = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
	edit(value);
	writeFileSync(path.join(dir, file), JSON.stringify(value, null, '\t'));
}

const version = (JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8')) as { version: string }).version;

describe('release-check', () => {
	test("the repository's release files pass, with and without the matching tag", () => {
		expect(check()).toMatchObject({ ok: true });
		expect(check('--tag', version)).toMatchObject({ ok: true });
	});

	test('a tag other than the manifest version, or with a leading v, is rejected', () => {
		const wrong = check('--tag', '9.9.9');
		expect(wrong.ok).toBe(false);
		expect(wrong.output).toContain(`is not manifest.json's version "${version}"`);
		expect(check('--tag', `v${version}`).output).toContain('starts with "v"');
	});

	test('package.json and versions.json must agree with the manifest', () => {
		editJson('package.json', (p) => (p.version = '0.0.9'));
		editJson('versions.json', (v) => delete v[version]);
		const result = check();
		expect(result.ok).toBe(false);
		expect(result.output).toContain("package.json's version \"0.0.9\" differs");
		expect(result.output).toContain(`versions.json has no entry for ${version}`);
	});

	test('manifest rules: no "Obsidian"/"plugin" in id, name or description, no unknown fields; validate-manifest reports them too', () => {
		editJson('manifest.json', (m) => {
			m.id = 'cloudnotes-obsidian-plugin';
			m.description = 'An Obsidian plugin for notes';
			m.main = 'main.js';
		});
		const result = check();
		expect(result.ok).toBe(false);
		expect(result.output).toContain('may not contain "obsidian"');
		expect(result.output).toContain('must end with a period');
		expect(result.output).toContain('"main" is not a manifest field');
		// The same manifest through eslint-plugin-obsidianmd's rule, as the release scan runs it.
		expect(result.output).toMatch(/manifest\.json:\d+:\d+ The 'main' property is not allowed in the manifest\. \(obsidianmd\/validate-manifest\)/);
	});

	test('a missing LICENSE is rejected; a template LICENSE fails validate-license', () => {
		unlinkSync(path.join(dir, 'LICENSE'));
		expect(check().output).toContain('LICENSE is missing');
		writeFileSync(path.join(dir, 'LICENSE'), 'MIT License\n\nCopyright (C) 2020-2023 by Dynalist Inc.\n');
		const result = check();
		expect(result.ok).toBe(false);
		expect(result.output).toMatch(/LICENSE:3:1 .*Dynalist Inc\..*\(obsidianmd\/validate-license\)/);
	});

	test('an ESLint config that does not lint manifest.json and LICENSE is itself a problem', () => {
		writeFileSync(path.join(dir, 'eslint.config.mjs'), 'export default [];\n');
		const result = check();
		expect(result.ok).toBe(false);
		expect(result.output).toContain('does not apply obsidianmd/validate-manifest to manifest.json');
		expect(result.output).toContain('does not apply obsidianmd/validate-license to LICENSE');
	});
});
