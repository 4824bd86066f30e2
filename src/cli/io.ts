import { promises as fs } from 'fs';
import * as path from 'path';

/** What a command needs from the outside world, passed in so commands are testable without a terminal. */
export interface CliIO {
	out(text: string): void;
	err(text: string): void;
	readText(file: string): Promise<string>;
	/** Expands files and folders (recursively) into the Markdown files they hold, sorted. */
	markdownFiles(paths: readonly string[]): Promise<string[]>;
	writeText(file: string, text: string): Promise<void>;
}

export function nodeIO(): CliIO {
	return {
		out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
		err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
		readText: (file) => fs.readFile(file, 'utf8'),
		writeText: (file, text) => fs.writeFile(file, text, 'utf8'),
		markdownFiles: async (paths) => {
			const found: string[] = [];
			for (const p of paths) await collectMarkdown(p, found);
			return found.sort();
		},
	};
}

async function collectMarkdown(p: string, found: string[]): Promise<void> {
	const stat = await fs.stat(p);
	if (stat.isFile()) {
		found.push(p);
		return;
	}
	if (!stat.isDirectory()) return;
	for (const entry of await fs.readdir(p, { withFileTypes: true })) {
		if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
		const child = path.join(p, entry.name);
		if (entry.isDirectory()) await collectMarkdown(child, found);
		else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) found.push(child);
	}
}

/** Thrown for bad usage; main turns it into exit code 2 with the message and the usage line. */
export class UsageError extends Error {}

/** A tiny flag parser: `--name value`, `--name=value`, and positionals. Unknown flags are usage errors. */
export function parseArgs(
	args: readonly string[],
	known: Record<string, 'string' | 'boolean'>,
): { positionals: string[]; flags: Record<string, string | boolean> } {
	const positionals: string[] = [];
	const flags: Record<string, string | boolean> = {};
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		if (!arg.startsWith('--')) {
			positionals.push(arg);
			continue;
		}
		const eq = arg.indexOf('=');
		const name = arg.slice(2, eq === -1 ? undefined : eq);
		const kind = known[name];
		if (!kind) throw new UsageError(`unknown option --${name}`);
		if (kind === 'boolean') {
			flags[name] = true;
			continue;
		}
		const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
		if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
		flags[name] = value;
	}
	return { positionals, flags };
}
