import { readHcl } from '../../../src/core/topology/terraform/hcl';
import { Configuration, type Instance } from '../../../src/core/topology/terraform/evaluate';
import { ResourceRef, showValue, Unknown, type Val } from '../../../src/core/topology/terraform/values';

function config(text: string, region: string | null = null): Configuration {
	const file = readHcl(text);
	expect(file.error).toBeNull();
	return new Configuration(file, region);
}

function value(expr: string, extra = '', region: string | null = null): Val {
	return config(`${extra}\nlocals {\n  x = ${expr}\n}\n`, region).local('x', 0);
}

const show = (expr: string, extra = ''): string => showValue(value(expr, extra));

describe('terraform functions, as Terraform computes them', () => {
	it.each([
		['cidrsubnet("10.0.0.0/16", 8, 2)', '10.0.2.0/24'],
		['cidrsubnet("10.1.0.0/16", 4, 15)', '10.1.240.0/20'],
		['cidrsubnet("10.0.0.5/16", 8, 1)', '10.0.1.0/24'], // host bits are masked, as Terraform does
		['cidrhost("10.0.1.0/24", 10)', '10.0.1.10'],
		['cidrhost("10.0.1.0/24", -2)', '10.0.1.254'],
		['cidrnetmask("10.0.0.0/20")', '255.255.240.0'],
		['cidrsubnets("10.0.0.0/16", 8, 8, 4)', '["10.0.0.0/24", "10.0.1.0/24", "10.0.16.0/20"]'],
		['element(["a", "b", "c"], 4)', 'b'], // wraps around
		['length(["a", "b"])', '2'],
		['length({ a = 1 })', '1'],
		['concat(["a"], ["b", "c"])', '["a", "b", "c"]'],
		['slice(["a", "b", "c", "d"], 1, 3)', '["b", "c"]'],
		['zipmap(["a", "b"], [1, 2])', '{ a = 1, b = 2 }'],
		['lookup({ a = 1 }, "a", 0)', '1'],
		['lookup({ a = 1 }, "z", 0)', '0'],
		['merge({ a = 1, b = 1 }, { b = 2 })', '{ a = 1, b = 2 }'],
		['format("%s-%03d-%v", "web", 7, true)', 'web-007-true'],
		['formatlist("%s-x", ["a", "b"])', '["a-x", "b-x"]'],
		['tolist(["a"])', '["a"]'],
		['toset(["b", "a", "b"])', '["a", "b"]'],
		['join(",", split("-", "a-b"))', 'a,b'],
		['flatten([["a"], [["b"]]])', '["a", "b"]'],
		['keys({ b = 1, a = 2 })', '["a", "b"]'],
		['values({ b = 1, a = 2 })', '[2, 1]'],
		['range(3)', '[0, 1, 2]'],
		['max(1, 5, 3)', '5'],
		['coalesce("", "x")', 'x'],
		['contains(["a"], "a")', 'true'],
		['replace("a.b", ".", "-")', 'a-b'],
		['one(["x"])', 'x'],
		['try(var.missing, "fallback")', 'fallback'],
		['can(var.missing)', 'false'],
		['setproduct(["a"], [1, 2])', '[["a", 1], ["a", 2]]'],
		['setsubtract(["a", "b"], ["a"])', '["b"]'],
	])('%s = %s', (expr, expected) => {
		expect(show(expr)).toBe(expected);
	});

	it('gives an unknown (with why) for a function it does not evaluate, or an unknown argument', () => {
		const v = value('file("x.pem")');
		expect(v).toBeInstanceOf(Unknown);
		expect((v as Unknown).why).toMatch(/file\(\)/);
		expect(value('cidrsubnet(var.cidr, 8, 1)', 'variable "cidr" {}')).toBeInstanceOf(Unknown);
		expect(value('cidrsubnet("10.0.0.0/28", 8, 1)')).toBeInstanceOf(Unknown); // /36 does not fit
		expect(value('cidrsubnet("10.0.0.0/24", 8, 1)')).toBe('10.0.0.1/32');
	});
});

describe('terraform references', () => {
	it('reads variables by their default, locals, and zones of data "aws_availability_zones"', () => {
		const extra = 'variable "cidr" {\n  default = "10.8.0.0/16"\n}\nlocals {\n  azs = slice(data.aws_availability_zones.z.names, 0, 2)\n}\ndata "aws_availability_zones" "z" {}\n';
		expect(value('cidrsubnet(var.cidr, 8, length(local.azs))', extra)).toBe('10.8.2.0/24');
		expect(show('local.azs', extra)).toBe('["<region>a", "<region>b"]'); // no region: zones are drawn as <region>a, ...
		expect(showValue(value('data.aws_availability_zones.z.names', extra, 'ap-northeast-2'))).toBe('["ap-northeast-2a", "ap-northeast-2b", "ap-northeast-2c", "ap-northeast-2d"]');
		expect(showValue(value('data.aws_availability_zones.z.names', extra, 'eu-west-1'))).toBe('["eu-west-1a", "eu-west-1b", "eu-west-1c"]');
	});

	it('takes the region from provider "aws"', () => {
		const cfg = config('provider "aws" {\n  region = var.region\n}\nvariable "region" {\n  default = "us-west-2"\n}\n');
		expect(cfg.region).toBe('us-west-2');
	});

	it('expands count with count.index and for_each with each.key / each.value, in Terraform order', () => {
		const cfg = config('resource "aws_subnet" "a" {\n  count = 2\n  cidr_block = cidrsubnet("10.0.0.0/16", 8, count.index)\n}\nresource "aws_subnet" "b" {\n  for_each = { web = 1, app = 2 }\n  cidr_block = cidrsubnet("10.0.0.0/16", 8, each.value + 10)\n  tags = { Name = each.key }\n}\nlocals {\n  x = aws_subnet.a[1].cidr_block\n  y = aws_subnet.b["web"].cidr_block\n  ids = aws_subnet.a[*].id\n}\n');
		const a = cfg.instances(cfg.resources.get('aws_subnet.a')!);
		const b = cfg.instances(cfg.resources.get('aws_subnet.b')!);
		expect(Array.isArray(a) && a.map((i) => i.address)).toEqual(['aws_subnet.a[0]', 'aws_subnet.a[1]']);
		expect(Array.isArray(b) && b.map((i) => i.address)).toEqual(['aws_subnet.b["app"]', 'aws_subnet.b["web"]']);
		expect(cfg.local('x', 0)).toBe('10.0.1.0/24');
		expect(cfg.local('y', 0)).toBe('10.0.11.0/24');
		const ids = cfg.local('ids', 0) as Val[];
		expect(ids.map((r) => (r instanceof ResourceRef ? `${r.address}.${r.attr}` : ''))).toEqual(['aws_subnet.a[0].id', 'aws_subnet.a[1].id']);
	});

	it('says why a count is not known, and stops at a reference to itself', () => {
		const cfg = config('variable "n" {}\nresource "aws_subnet" "a" {\n  count = var.n\n}\nlocals {\n  a = local.b\n  b = local.a\n}\n');
		const a = cfg.instances(cfg.resources.get('aws_subnet.a')!);
		expect(a).toBeInstanceOf(Unknown);
		expect((a as Unknown).why).toMatch(/no default/);
		expect(cfg.local('a', 0)).toBeInstanceOf(Unknown);
	});

	it('expands dynamic blocks with their iterator', () => {
		const cfg = config('resource "aws_security_group" "g" {\n  dynamic "ingress" {\n    for_each = [80, 443]\n    content {\n      from_port = ingress.value\n    }\n  }\n}\n');
		const inst = (cfg.instances(cfg.resources.get('aws_security_group.g')!) as Instance[])[0];
		expect(cfg.blocks(inst, 'ingress').map((b) => cfg.attr(b, 'from_port')?.v)).toEqual([80, 443]);
	});
});
