/**
 * The import-cycle check that `npm test` runs (scripts/check-import-cycles.mjs): it must see a
 * cycle made of type-only imports and re-exports, and pass on the source tree as it is.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const SCRIPT = path.join(__dirname, '../../scripts/check-import-cycles.mjs');

function check(dir: string): { code: number; output: string } {
	try {
		const output = execFileSync(process.execPath, [SCRIPT, dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
		return { code: 0, output };
	} catch (e) {
		const error = e as { status: number; stdout: string; stderr: string };
		return { code: error.status, output: error.stdout + error.stderr };
	}
}

function tree(files: Record<string, string>): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'cycles-'));
	for (const [name, text] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
		writeFileSync(path.join(dir, name), text);
	}
	return dir;
}

describe('check-import-cycles', () => {
	test('a cycle through a type-only import, a re-export and a folder index fails and is named file by file', () => {
		const dir = tree({
			'main.ts': "import { feature } from './feature';\nexport default class Main { run = feature; settings = 1; }\n",
			'feature/index.ts': "export { feature } from './feature';\n",
			'feature/feature.ts': "import type Main from '../main';\nexport function feature(main?: Main): number { return main?.settings ?? 0; }\n",
			'other.ts': "import { feature } from './feature';\nexport const x = feature();\n",
		});
		try {
			const result = check(dir);
			expect(result.code).toBe(1);
			expect(result.output).toContain('3 files tied together');
			// The cycle as printed (any file first): each step is an import in the tree.
			const steps = result.output.split('\n').filter((l) => /\.ts$/.test(l.trim())).map((l) => path.basename(path.dirname(l.trim())) + '/' + path.basename(l.trim()));
			const edges = steps.slice(1).map((to, i) => `${steps[i]} -> ${to}`).sort();
			const base = path.basename(dir);
			expect(edges).toEqual([`${base}/main.ts -> feature/index.ts`, 'feature/feature.ts -> ' + `${base}/main.ts`, 'feature/index.ts -> feature/feature.ts'].sort());
			expect(result.output).not.toContain('other.ts');
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	test('the same files without the upward import pass', () => {
		const dir = tree({
			'main.ts': "import { feature } from './feature';\nexport default class Main { run = feature; }\n",
			'feature/index.ts': "export { feature } from './feature';\n",
			'feature/feature.ts': "import type { Context } from '../context';\nexport function feature(ctx?: Context): number { return ctx?.settings ?? 0; }\n",
			'context.ts': 'export interface Context { settings: number }\n',
		});
		try {
			expect(check(dir)).toEqual({ code: 0, output: expect.stringContaining('No import cycles') });
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	test('src/ has no import cycle', () => {
		expect(check('src').code).toBe(0);
	});
});
