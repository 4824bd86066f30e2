/**
 * Issue 27: main.js carries the UI text packed (esbuild.config.mjs replaces i18n/tables.ts with
 * deflated tables). What the plugin shows must be exactly the source's text: this builds the
 * tables module with the plugin's own options, runs it, and compares every language's table with
 * the source module's.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LAUNCH_KEYS, messagesOf, type UiLanguage } from '../../src/plugin/i18n/tables';

const root = path.resolve(__dirname, '../..');

/** The tables as main.js has them: built with the plugin's esbuild options, run in a fresh Node. */
function packedBuild(): { tables: Record<UiLanguage, Record<string, string>>; launch: Record<UiLanguage, Record<string, string>>; sameObject: boolean; code: string } {
	const script = `
		import esbuild from ${JSON.stringify(pathToFileURL(path.join(root, 'node_modules/esbuild/lib/main.js')).href)};
		import { plugin } from ${JSON.stringify(pathToFileURL(path.join(root, 'esbuild.config.mjs')).href)};
		const built = await esbuild.build({ ...plugin, entryPoints: [${JSON.stringify(path.join(root, 'src/plugin/i18n/tables.ts'))}], outfile: 'tables.js', write: false, logLevel: 'silent' });
		const code = built.outputFiles[0].text;
		const module = { exports: {} };
		new Function('module', 'exports', code)(module, module.exports);
		const { messagesOf, launchMessagesOf } = module.exports;
		const launch = { en: launchMessagesOf('en'), ko: launchMessagesOf('ko') };
		const sameObject = messagesOf('ko') === messagesOf('ko');
		console.log(JSON.stringify({ launch, tables: { en: messagesOf('en'), ko: messagesOf('ko') }, sameObject, code }));`;
	const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
	if (run.status !== 0) throw new Error(run.stderr);
	return JSON.parse(run.stdout) as ReturnType<typeof packedBuild>;
}

describe('UI text packed into main.js', () => {
	const built = packedBuild();

	test.each(['en', 'ko'] as const)('the %s table unpacks to the source text, key for key', (language) => {
		expect(built.tables[language]).toEqual(messagesOf(language));
	});

	test.each(['en', 'ko'] as const)('what onload shows in %s is there without unpacking, as the source has it', (language) => {
		expect(built.launch[language]).toEqual(Object.fromEntries(LAUNCH_KEYS.map((key) => [key, messagesOf(language)[key]])));
	});

	test('each language is unpacked once and kept', () => {
		expect(built.sameObject).toBe(true);
	});

	test('the rest of the text is packed, not written out', () => {
		expect(built.code).not.toContain(messagesOf('en')['review.finished']);
		expect(built.code).not.toContain(messagesOf('ko')['review.finished']);
	});
});
