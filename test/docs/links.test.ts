/**
 * The README and the pages of docs/ link to each other; a link that leads nowhere is what a reader
 * notices first. Every relative link (and image) must reach a file, every #anchor a heading of that
 * file. docs/ also opens as an Obsidian vault, so its pages link only inside docs/, and an anchor
 * is a one-word heading: GitHub finds it by its slug, Obsidian by its text, and for one word the
 * two agree.
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';

const root = resolve(__dirname, '..', '..');
const docs = join(root, 'docs');

function markdownFiles(): string[] {
	const pages = readdirSync(docs).filter((f) => f.endsWith('.md')).map((f) => join(docs, f));
	return [join(root, 'README.md'), ...pages];
}

/** The text outside fenced code blocks and inline code, where links are links. */
function prose(text: string): string {
	return text.replace(/^(```+|~~~+)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '').replace(/`+[^`\n]*`+/g, '');
}

/** GitHub's heading ids: lowercase, punctuation dropped, spaces to hyphens, repeats numbered. */
function headingSlugs(text: string): Set<string> {
	const slugs = new Set<string>();
	const seen = new Map<string, number>();
	const body = text.replace(/^(```+|~~~+)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '');
	for (const m of body.matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
		const plain = m[1].replace(/`/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').toLowerCase();
		const base = plain.replace(/[^\p{L}\p{N}\p{M} _-]/gu, '').replace(/ /g, '-');
		const n = seen.get(base) ?? 0;
		seen.set(base, n + 1);
		slugs.add(n === 0 ? base : `${base}-${n}`);
	}
	return slugs;
}

interface Link {
	from: string;
	target: string;
}

function linksOf(file: string): Link[] {
	const text = prose(readFileSync(file, 'utf8'));
	const out: Link[] = [];
	for (const m of text.matchAll(/!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) out.push({ from: file, target: m[1] });
	return out;
}

const files = markdownFiles();
const links = files.flatMap(linksOf);
const local = links.filter((l) => !/^[a-z][a-z0-9+.-]*:/i.test(l.target));

describe('links between the README and docs/', () => {
	it('finds the pages and their links (the check below has something to check)', () => {
		for (const page of ['README.md', 'vpc.md', 'containers.md', 'cloudformation.md', 'kubernetes.md', 'terraform.md', 'diagrams.md', 'flashcards.md', 'cli.md', 'publishing.md', 'performance.md', 'data-and-safety.md']) {
			expect(existsSync(join(docs, page))).toBe(true);
		}
		expect(local.length).toBeGreaterThan(30);
		expect(local.some((l) => l.target.includes('#'))).toBe(true);
	});

	it('every relative link reaches a file, and every #anchor a heading of it', () => {
		const broken: string[] = [];
		for (const { from, target } of local) {
			const [path, anchor] = target.split('#', 2) as [string, string | undefined];
			const file = path === '' ? from : resolve(dirname(from), decodeURI(path));
			const where = `${relative(root, from)} -> ${target}`;
			if (!existsSync(file)) {
				broken.push(`${where}: no such file`);
				continue;
			}
			if (anchor !== undefined) {
				if (!file.endsWith('.md')) broken.push(`${where}: an anchor into a file that is not Markdown`);
				else if (!headingSlugs(readFileSync(file, 'utf8')).has(anchor)) broken.push(`${where}: no heading with that id`);
			}
		}
		expect(broken).toEqual([]);
	});

	it('pages in docs/ link only inside docs/, with anchors Obsidian finds too (one-word headings)', () => {
		const problems: string[] = [];
		for (const { from, target } of local.filter((l) => l.from.startsWith(docs))) {
			const [path, anchor] = target.split('#', 2) as [string, string | undefined];
			const file = path === '' ? from : resolve(dirname(from), decodeURI(path));
			if (relative(docs, file).startsWith('..')) problems.push(`${relative(root, from)} -> ${target}: leaves docs/, so it breaks when docs/ is a vault`);
			if (anchor !== undefined && anchor.includes('-')) problems.push(`${relative(root, from)} -> ${target}: a several-word anchor (GitHub's slug) that Obsidian cannot find`);
		}
		expect(problems).toEqual([]);
	});

	it('the README stays a front page (at most 20 KB)', () => {
		expect(readFileSync(join(root, 'README.md')).length).toBeLessThanOrEqual(20 * 1024);
	});
});
