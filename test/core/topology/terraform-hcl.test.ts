import { readHcl, type Expr } from '../../../src/core/topology/terraform/hcl';
import { Configuration } from '../../../src/core/topology/terraform/evaluate';
import { showValue, Unknown, type Val } from '../../../src/core/topology/terraform/values';

/** The value of `expr` in a configuration with `extra` blocks beside it. */
function value(expr: string, extra = ''): Val {
	const file = readHcl(`${extra}\nlocals {\n  x = ${expr}\n}\n`);
	expect(file.error).toBeNull();
	return new Configuration(file, null).local('x', 0);
}

const show = (expr: string, extra = ''): string => showValue(value(expr, extra));

describe('HCL reader (hclsyntax spec cases)', () => {
	it('reads attributes, blocks with quoted and bare labels, nested and one-line blocks, with offsets', () => {
		const text = 'a = 1\nresource "aws_vpc" main {\n  cidr_block = "10.0.0.0/16"\n  tags { Name = "x" }\n}\n';
		const file = readHcl(text);
		expect(file.error).toBeNull();
		expect([...file.body.attrs.keys()]).toEqual(['a']);
		const block = file.body.blocks[0];
		expect(block?.type).toBe('resource');
		expect(block?.labels).toEqual(['aws_vpc', 'main']);
		expect(block?.at).toBe(text.indexOf('resource'));
		expect(block?.body.attrs.get('cidr_block')?.at).toBe(text.indexOf('cidr_block'));
		expect(block?.body.blocks[0]?.body.attrs.has('Name')).toBe(true);
	});

	it('skips #, // and /* */ comments, and reads heredocs (<<EOF and indented <<-EOF)', () => {
		const file = readHcl('# one\n// two\n/* three\n */ a = <<EOF\nline ${x}\nEOF\nb = <<-EOT\n    indented\n      more\n    EOT\n');
		expect(file.error).toBeNull();
		const a = file.body.attrs.get('a')?.expr as Expr & { t: 'tpl' };
		expect(a.parts).toEqual(['line ${x}\n']);
		const b = file.body.attrs.get('b')?.expr as Expr & { t: 'tpl' };
		expect(b.parts).toEqual(['indented\n  more\n']);
	});

	it('reads templates with interpolations, escapes and the literal $${', () => {
		expect(value('"a-${1 + 2}-\\"q\\"\\n$${x}"')).toBe('a-3-"q"\n${x}');
		expect(value('"${true}"')).toBe(true); // a lone interpolation keeps its type
	});

	it('gives operators HCL precedence, and evaluates conditionals and unary operators', () => {
		expect(value('1 + 2 * 3')).toBe(7);
		expect(value('(1 + 2) * 3')).toBe(9);
		expect(value('10 % 4 == 2 && !false')).toBe(true);
		expect(value('-2 < 1 ? "yes" : "no"')).toBe('yes');
		expect(value('3 >= 4 || 2 != 2')).toBe(false);
	});

	it('reads tuples, objects (= and : keys, commas or newlines), for expressions, and splats', () => {
		expect(show('[1, "a", true]')).toBe('[1, "a", true]');
		expect(show('{ a = 1, "b": 2\n c = 3 }')).toBe('{ a = 1, b = 2, c = 3 }');
		expect(show('[for i, v in ["a", "b"] : "${i}${v}" if v != "c"]')).toBe('["0a", "1b"]');
		expect(show('{ for k, v in { b = 1, a = 2 } : k => v * 10 }')).toBe('{ a = 20, b = 10 }');
		expect(show('{ for v in ["a", "b", "a"] : v => v... }')).toBe('{ a = ["a", "a"], b = ["b"] }');
		expect(show('[{ id = 1 }, { id = 2 }][*].id')).toBe('[1, 2]');
		expect(show('[{ id = 1 }, { id = 2 }].*.id[1]')).toBe('2'); // an index after a legacy splat applies to its list
		expect(show('max([1, 5, 3]...)')).toBe('5'); // a list expanded into arguments
	});

	it('stops at the first syntax error with its offset and keeps what came before', () => {
		const text = 'a = 1\nb = [1, 2\nc = 3\n';
		const file = readHcl(text);
		expect(file.body.attrs.has('a')).toBe(true);
		expect(file.error?.message).toMatch(/expected `,` or `]`/);
		expect(file.error?.at).toBeGreaterThan(text.indexOf('b ='));
		expect(readHcl('resource "x" "y" {\n  a = 1\n').error?.message).toMatch(/not closed/);
		expect(readHcl('a = "open\n').error?.message).toMatch(/not closed/);
	});

	it('reports a repeated attribute and keeps the first', () => {
		const file = readHcl('a = 1\na = 2\n');
		expect(file.duplicates).toEqual([{ at: 6, name: 'a', first: 0 }]);
	});

	it('keeps template directives as unknown values, not errors', () => {
		expect(value('"%{ if true }x%{ endif }"')).toBeInstanceOf(Unknown);
	});
});
