import { readAhead, type CliIO } from '../../src/cli/io';

/** An in-memory terminal and file system: folders are path prefixes. */
export function fakeIO(files: Record<string, string>) {
	const out: string[] = [];
	const err: string[] = [];
	/** Each `write` as it came, to see that output is streamed. */
	const writes: string[] = [];
	let partial = '';
	const utf8 = new TextDecoder('utf-8', { fatal: true });
	const io: CliIO = {
		out: (t) => out.push(t),
		// Streamed text lands in `out` line by line, as `out` calls would.
		write: async (bytes) => {
			const chunk = utf8.decode(bytes);
			writes.push(chunk);
			const lines = (partial + chunk).split('\n');
			partial = lines.pop() ?? '';
			out.push(...lines);
		},
		err: (t) => err.push(t),
		readText: async (f) => {
			const text = files[f];
			if (text === undefined) throw new Error(`ENOENT: no such file ${f}`);
			return text;
		},
		// Through io.readText as it is when called, so a test can replace it.
		readTexts: (paths) => readAhead(paths, (f) => io.readText(f)),
		writeText: async (f, text) => {
			files[f] = text;
		},
		markdownFiles: async (paths) => {
			const found = new Set<string>();
			for (const p of paths) {
				const matches = Object.keys(files).filter((f) => f === p || f.startsWith(p.replace(/\/?$/, '/')));
				if (matches.length === 0) throw new Error(`ENOENT: no such file or directory ${p}`);
				for (const m of matches) if (m.endsWith('.md')) found.add(m);
			}
			return [...found].sort();
		},
	};
	return { io, out, err, writes, stdout: () => out.join('\n'), stderr: () => err.join('\n') };
}
