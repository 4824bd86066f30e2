/**
 * An HCL2 reader (Terraform's native syntax) with offsets: bodies of attributes and blocks, and
 * expressions as a tree (literals, templates and heredocs, tuples, objects, references, index and
 * splat, calls, operators, conditionals, `for`). Written here rather than taken from npm: the
 * packages that read HCL2 in JavaScript are Go compiled to JS or WebAssembly (hcl2-parser 3.9 MB,
 * @cdktf/hcl2json 1.7 MB gzipped WASM and Node's fs), and none keeps positions.
 * Follows hashicorp/hcl `hclsyntax/spec.md`; a syntax error stops the reading of the block with
 * its offset, and what was read before it is kept.
 */

export type Expr =
	| { t: 'lit'; v: string | number | boolean | null; at: number }
	| { t: 'tpl'; parts: (string | Expr)[]; at: number }
	| { t: 'tuple'; items: Expr[]; at: number }
	| { t: 'object'; items: { key: Expr; value: Expr }[]; at: number }
	| { t: 'var'; name: string; at: number }
	| { t: 'attr'; obj: Expr; name: string; at: number }
	| { t: 'index'; obj: Expr; key: Expr; at: number }
	/** `list[*].id` / `list.*.id`: `each` is evaluated with the `*` variable bound to every item. */
	| { t: 'splat'; obj: Expr; each: Expr; at: number }
	| { t: 'call'; name: string; args: Expr[]; expand: boolean; at: number }
	| { t: 'cond'; c: Expr; a: Expr; b: Expr; at: number }
	| { t: 'bin'; op: string; l: Expr; r: Expr; at: number }
	| { t: 'un'; op: string; e: Expr; at: number }
	| { t: 'for'; keyVar: string | null; valVar: string; coll: Expr; key: Expr | null; value: Expr; cond: Expr | null; group: boolean; at: number }
	/** A template directive (`%{ if }`) or anything else read but not evaluated. */
	| { t: 'opaque'; text: string; at: number };

export const SPLAT_ITEM = '*';

export interface Attribute {
	name: string;
	at: number;
	expr: Expr;
}

export interface Block {
	type: string;
	labels: string[];
	at: number;
	body: Body;
}

export interface Body {
	attrs: Map<string, Attribute>;
	blocks: Block[];
}

export interface HclFile {
	body: Body;
	/** The first syntax error, if any: what follows it is not read. */
	error: { at: number; message: string } | null;
	/** Repeated attribute names (HCL forbids them; the first is kept). */
	duplicates: { at: number; name: string; first: number }[];
}

class HclSyntaxError extends Error {
	constructor(
		readonly at: number,
		message: string,
	) {
		super(message);
	}
}

const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_-]/;
const BINARY: [string, number][] = [
	['||', 1],
	['&&', 2],
	['==', 3],
	['!=', 3],
	['<=', 4],
	['>=', 4],
	['<', 4],
	['>', 4],
	['+', 5],
	['-', 5],
	['*', 6],
	['/', 6],
	['%', 6],
];

export function readHcl(text: string): HclFile {
	const reader = new Reader(text);
	const file: HclFile = { body: { attrs: new Map(), blocks: [] }, error: null, duplicates: reader.duplicates };
	try {
		reader.body(file.body, true);
	} catch (e) {
		if (!(e instanceof HclSyntaxError)) throw e;
		file.error = { at: e.at, message: e.message };
	}
	return file;
}

class Reader {
	private i = 0;
	/** Inside brackets, newlines are white space; at a body's level they end an attribute. */
	private nest = 0;
	readonly duplicates: HclFile['duplicates'] = [];

	constructor(private readonly s: string) {}

	private fail(message: string, at = this.i): never {
		throw new HclSyntaxError(at, message);
	}

	/** Skips blanks and comments; newlines too when inside brackets or when `newlines`. */
	private skip(newlines = this.nest > 0): void {
		const s = this.s;
		for (;;) {
			const c = s[this.i];
			if (c === ' ' || c === '\t' || c === '\r') this.i++;
			else if (c === '\n' && newlines) this.i++;
			else if (c === '#' || (c === '/' && s[this.i + 1] === '/')) {
				while (this.i < s.length && s[this.i] !== '\n') this.i++;
			} else if (c === '/' && s[this.i + 1] === '*') {
				const end = s.indexOf('*/', this.i + 2);
				if (end === -1) this.fail('a /* comment is not closed');
				this.i = end + 2;
			} else if (c === '\\' && s[this.i + 1] === '\n') this.i += 2;
			else return;
		}
	}

	private peek(word: string): boolean {
		return this.s.startsWith(word, this.i);
	}

	private eat(word: string): boolean {
		if (!this.peek(word)) return false;
		this.i += word.length;
		return true;
	}

	private expect(word: string, what: string): void {
		this.skip();
		if (!this.eat(word)) this.fail(`expected \`${word}\` ${what}`);
	}

	private ident(): string | null {
		const s = this.s;
		if (!IDENT_START.test(s[this.i] ?? '')) return null;
		const start = this.i;
		while (this.i < s.length && IDENT_PART.test(s[this.i] ?? '')) this.i++;
		return s.slice(start, this.i);
	}

	body(body: Body, top: boolean): void {
		for (;;) {
			this.skip(true);
			if (this.i >= this.s.length) {
				if (!top) this.fail('a block is not closed: `}` missing');
				return;
			}
			if (!top && this.s[this.i] === '}') {
				this.i++;
				return;
			}
			const at = this.i;
			const name = this.ident();
			if (name === null) this.fail(`expected an attribute or a block name, found \`${this.s[this.i] ?? ''}\``);
			this.skip(false);
			if (this.s[this.i] === '=' && this.s[this.i + 1] !== '=') {
				this.i++;
				const expr = this.expr();
				const first = body.attrs.get(name);
				if (first) this.duplicates.push({ at, name, first: first.at });
				else body.attrs.set(name, { name, at, expr });
				this.endOfLine();
				continue;
			}
			const labels: string[] = [];
			for (;;) {
				this.skip(false);
				const c = this.s[this.i];
				if (c === '"') {
					const label = this.template('"');
					labels.push(label.parts.map((p) => (typeof p === 'string' ? p : '')).join(''));
				} else if (c !== undefined && IDENT_START.test(c)) labels.push(this.ident() ?? '');
				else break;
			}
			if (!this.eat('{')) this.fail(`expected \`=\` or \`{\` after \`${name}\``);
			const block: Block = { type: name, labels, at, body: { attrs: new Map(), blocks: [] } };
			const saved = this.nest;
			this.nest = 0;
			this.skip(false);
			// A one-line block: `name { a = 1 }`.
			this.body(block.body, false);
			this.nest = saved;
			body.blocks.push(block);
			this.endOfLine();
		}
	}

	private endOfLine(): void {
		this.skip(false);
		const c = this.s[this.i];
		if (c === undefined || c === '\n') return;
		if (c === '}') return;
		this.fail(`expected the end of the line, found \`${c}\``);
	}

	expr(): Expr {
		this.skip();
		const c = this.binary(0);
		this.skip();
		if (this.s[this.i] === '?') {
			const at = this.i;
			this.i++;
			const a = this.expr();
			this.expect(':', 'in a conditional (`c ? a : b`)');
			const b = this.expr();
			return { t: 'cond', c, a, b, at };
		}
		return c;
	}

	private binary(min: number): Expr {
		let left = this.unary();
		for (;;) {
			this.skip();
			const entry = this.peek('=>') ? undefined : BINARY.find(([o]) => this.peek(o));
			if (!entry || entry[1] <= min) return left;
			const [op, prec] = entry;
			const at = this.i;
			this.i += op.length;
			const right = this.binary(prec);
			left = { t: 'bin', op, l: left, r: right, at };
		}
	}

	private unary(): Expr {
		this.skip();
		const c = this.s[this.i];
		if (c === '-' || c === '!') {
			const at = this.i;
			this.i++;
			return { t: 'un', op: c, e: this.unary(), at };
		}
		return this.postfix(this.primary());
	}

	private postfix(expr: Expr): Expr {
		for (;;) {
			const save = this.i;
			this.skip();
			const c = this.s[this.i];
			if (c === '.' && this.s[this.i + 1] === '*') {
				const at = this.i;
				this.i += 2;
				// An index after a legacy `.*` splat applies to the list it made (`a.*.id[0]`).
				expr = { t: 'splat', obj: expr, each: this.splatRest({ t: 'var', name: SPLAT_ITEM, at }, false), at };
				continue;
			}
			if (c === '[' && /^\[\s*\*\s*\]/.test(this.s.slice(this.i, this.i + 8))) {
				const at = this.i;
				this.i = this.s.indexOf(']', this.i) + 1;
				return { t: 'splat', obj: expr, each: this.splatRest({ t: 'var', name: SPLAT_ITEM, at }, true), at };
			}
			if (c === '.' && this.s[this.i + 1] !== '.') {
				const at = this.i;
				this.i++;
				if (/[0-9]/.test(this.s[this.i] ?? '')) {
					const start = this.i;
					while (/[0-9]/.test(this.s[this.i] ?? '')) this.i++;
					expr = { t: 'index', obj: expr, key: { t: 'lit', v: Number(this.s.slice(start, this.i)), at: start }, at };
					continue;
				}
				const name = this.ident();
				if (name === null) this.fail('expected a name after `.`');
				expr = { t: 'attr', obj: expr, name, at };
				continue;
			}
			if (c === '[') {
				expr = this.indexOf(expr);
				continue;
			}
			this.i = save;
			return expr;
		}
	}

	/** `obj[key]`, read from the `[` under the cursor. */
	private indexOf(obj: Expr): Expr {
		const at = this.i;
		this.i++;
		this.nest++;
		const key = this.expr();
		this.expect(']', 'to close an index');
		this.nest--;
		return { t: 'index', obj, key, at };
	}

	/** The traversal after a splat (`.id`, `[0]` with a full splat), applied to each item. */
	private splatRest(item: Expr, full: boolean): Expr {
		let expr = item;
		for (;;) {
			const save = this.i;
			this.skip();
			if (this.s[this.i] === '.' && IDENT_START.test(this.s[this.i + 1] ?? '')) {
				const at = this.i;
				this.i++;
				expr = { t: 'attr', obj: expr, name: this.ident() ?? '', at };
				continue;
			}
			if (full && this.s[this.i] === '[') {
				expr = this.indexOf(expr);
				continue;
			}
			this.i = save;
			return expr;
		}
	}

	private primary(): Expr {
		this.skip();
		const s = this.s;
		const at = this.i;
		const c = s[this.i];
		if (c === undefined) this.fail('an expression is missing');
		if (c === '"') return this.template('"');
		if (c === '<' && s[this.i + 1] === '<') return this.heredoc();
		if (/[0-9]/.test(c)) {
			const m = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(s.slice(this.i, this.i + 40));
			this.i += m?.[0].length ?? 1;
			return { t: 'lit', v: Number(m?.[0] ?? c), at };
		}
		if (c === '(') {
			this.i++;
			this.nest++;
			const e = this.expr();
			this.expect(')', 'to close `(`');
			this.nest--;
			return e;
		}
		if (c === '[') return this.tuple();
		if (c === '{') return this.object();
		const name = this.ident();
		if (name === null) this.fail(`unexpected \`${c}\` in an expression`);
		if (name === 'true' || name === 'false') return { t: 'lit', v: name === 'true', at };
		if (name === 'null') return { t: 'lit', v: null, at };
		const save = this.i;
		this.skip(false);
		if (s[this.i] === '(' || (s[this.i] === ':' && s[this.i + 1] === ':')) {
			// `provider::name::fn(...)`: provider functions are read, not evaluated.
			let fn = name;
			while (this.eat('::')) fn += `::${this.ident() ?? ''}`;
			this.i++;
			this.nest++;
			const args: Expr[] = [];
			let expand = false;
			for (;;) {
				this.skip();
				if (this.eat(')')) break;
				args.push(this.expr());
				this.skip();
				if (this.eat('...')) {
					expand = true;
					this.skip();
				}
				if (this.eat(')')) break;
				if (!this.eat(',')) this.fail(`expected \`,\` or \`)\` in the call of ${fn}`);
			}
			this.nest--;
			return { t: 'call', name: fn, args, expand, at };
		}
		this.i = save;
		return { t: 'var', name, at };
	}

	private isFor(): boolean {
		return /^for\s/.test(this.s.slice(this.i, this.i + 4));
	}

	private tuple(): Expr {
		const at = this.i;
		this.i++;
		this.nest++;
		this.skip();
		if (this.isFor()) return this.forExpr(at, false);
		const items: Expr[] = [];
		for (;;) {
			this.skip();
			if (this.eat(']')) break;
			items.push(this.expr());
			this.skip();
			if (this.eat(']')) break;
			if (!this.eat(',')) this.fail('expected `,` or `]` in a list');
		}
		this.nest--;
		return { t: 'tuple', items, at };
	}

	private object(): Expr {
		const at = this.i;
		this.i++;
		this.nest++;
		this.skip();
		if (this.isFor()) return this.forExpr(at, true);
		const items: { key: Expr; value: Expr }[] = [];
		for (;;) {
			this.skip();
			if (this.eat('}')) break;
			const keyAt = this.i;
			let key: Expr;
			const name = IDENT_START.test(this.s[this.i] ?? '') ? this.ident() : null;
			if (name !== null) {
				this.skip();
				if (this.s[this.i] === '=' || this.s[this.i] === ':') key = { t: 'lit', v: name, at: keyAt };
				else {
					this.i = keyAt;
					key = this.expr();
				}
			} else key = this.expr();
			this.skip();
			if (!this.eat('=') && !this.eat(':')) this.fail('expected `=` after a key in an object');
			const value = this.expr();
			items.push({ key, value });
			this.skip();
			this.eat(',');
		}
		this.nest--;
		return { t: 'object', items, at };
	}

	private forExpr(at: number, object: boolean): Expr {
		this.i += 3;
		this.skip();
		const first = this.ident();
		if (first === null) this.fail('expected a name after `for`');
		this.skip();
		let keyVar: string | null = null;
		let valVar = first;
		if (this.eat(',')) {
			this.skip();
			keyVar = first;
			valVar = this.ident() ?? this.fail('expected a second name after `for k,`');
			this.skip();
		}
		if (!this.eat('in')) this.fail('expected `in` in a for expression');
		const coll = this.expr();
		this.expect(':', 'in a for expression');
		let key: Expr | null = null;
		let value = this.expr();
		this.skip();
		if (object) {
			if (!this.eat('=>')) this.fail('expected `=>` in an object for expression');
			key = value;
			value = this.expr();
			this.skip();
		}
		const group = this.eat('...');
		this.skip();
		let cond: Expr | null = null;
		if (/^if\s/.test(this.s.slice(this.i, this.i + 3))) {
			this.i += 2;
			cond = this.expr();
		}
		this.expect(object ? '}' : ']', 'to close a for expression');
		this.nest--;
		return { t: 'for', keyVar, valVar, coll, key, value, cond, group, at };
	}

	/** A quoted template: text with `${ }` interpolations; `%{ }` directives are kept opaque. */
	private template(close: '"'): Expr & { t: 'tpl' } {
		const at = this.i;
		this.i++;
		const parts: (string | Expr)[] = [];
		let text = '';
		const s = this.s;
		for (;;) {
			const c = s[this.i];
			if (c === undefined || c === '\n') this.fail('a string is not closed: `"` missing', at);
			if (c === close) {
				this.i++;
				break;
			}
			if (c === '\\') {
				const e = s[this.i + 1];
				const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };
				if (e === 'u' || e === 'U') {
					const len = e === 'u' ? 4 : 8;
					text += String.fromCodePoint(parseInt(s.slice(this.i + 2, this.i + 2 + len), 16) || 0xfffd);
					this.i += 2 + len;
				} else {
					text += map[e ?? ''] ?? e ?? '';
					this.i += 2;
				}
				continue;
			}
			if ((c === '$' || c === '%') && s[this.i + 1] === c && s[this.i + 2] === '{') {
				text += `${c}{`;
				this.i += 3;
				continue;
			}
			if ((c === '$' || c === '%') && s[this.i + 1] === '{') {
				if (text) parts.push(text);
				text = '';
				parts.push(this.interpolation(c));
				continue;
			}
			text += c;
			this.i++;
		}
		if (text || parts.length === 0) parts.push(text);
		return { t: 'tpl', parts, at };
	}

	private interpolation(kind: '$' | '%'): Expr {
		const at = this.i;
		this.i += 2;
		const saved = this.nest;
		this.nest = 1;
		this.skip();
		this.eat('~');
		let expr: Expr;
		if (kind === '%') {
			// Directives (`%{ if }`, `%{ for }`) are rare in network code: read up to their `}`.
			const end = this.s.indexOf('}', this.i);
			if (end === -1) this.fail('a template directive is not closed', at);
			expr = { t: 'opaque', text: this.s.slice(at, end + 1), at };
			this.i = end + 1;
			this.nest = saved;
			return expr;
		}
		expr = this.expr();
		this.skip();
		this.eat('~');
		this.expect('}', 'to close `${`');
		this.nest = saved;
		return expr;
	}

	private heredoc(): Expr {
		const at = this.i;
		const m = /^<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/.exec(this.s.slice(this.i, this.i + 200));
		if (!m) this.fail('expected a heredoc marker after `<<` (e.g. `<<EOF`)');
		const strip = m[1] === '-';
		const marker = m[2] ?? '';
		this.i += m[0].length;
		const bodyStart = this.i;
		const endRe = new RegExp(`^[ \\t]*${marker}[ \\t]*$`);
		const lines: string[] = [];
		let pos = bodyStart;
		for (;;) {
			const nl = this.s.indexOf('\n', pos);
			const line = this.s.slice(pos, nl === -1 ? this.s.length : nl).replace(/\r$/, '');
			if (endRe.test(line)) {
				this.i = pos + line.length + (this.s[pos + line.length] === '\r' ? 1 : 0);
				break;
			}
			if (nl === -1) this.fail(`the heredoc is not closed: a line \`${marker}\` is missing`, at);
			lines.push(line);
			pos = nl + 1;
		}
		let text = lines.map((l) => `${l}\n`).join('');
		if (strip) {
			const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0));
			if (Number.isFinite(indent)) text = lines.map((l) => `${l.slice(indent)}\n`).join('');
		}
		// Interpolations inside a heredoc are kept as text (policies and user data, never network facts).
		return { t: 'tpl', parts: [text], at };
	}
}
