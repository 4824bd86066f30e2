/**
 * Generators for the property suite: hostile text (odd Unicode, every line ending, tabs), YAML
 * shaped like our blocks (real keys, random keys, random values), real blocks from the example
 * vault mutated at random, and whole notes mixing Markdown with topology blocks. They are kept
 * small and cheap on purpose: each property runs 10,000 times and the suite has a time budget.
 */
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'yaml';
import { findTopologyBlocks } from '../../../src/core/topology';

/** One seed for the whole suite: `FC_SEED=123 npx jest test/core/properties` replays a run. */
export const SEED = Number.parseInt(process.env.FC_SEED ?? '', 10) || 20_260_611;

/** 10,000 generated cases per property (the bar); FC_RUNS changes it for a soak or a quick look. */
export const RUNS = Number.parseInt(process.env.FC_RUNS ?? '', 10) || 10_000;

export function runs(extra: Partial<fc.Parameters<unknown>> = {}): fc.Parameters<unknown> {
	return { numRuns: RUNS, seed: SEED, endOnFailure: false, ...extra };
}

// ------------------------------------------------------------------ text

/** Code points and sequences that have broken text handling somewhere before. */
export const ODD_PIECES = [
	'\u202e', // right-to-left override
	'\u200f', // right-to-left mark
	'مرحبا', // Arabic (RTL)
	'שלום', // Hebrew (RTL)
	'e\u0301', // combining acute
	'\u0301', // combining mark with nothing to combine with
	'👩‍💻', // ZWJ emoji sequence
	'🇰🇷', // flag (two regional indicators)
	'😀',
	'\ud800', // lone high surrogate
	'\udfff', // lone low surrogate
	'\u0000', // NUL
	'\u0007',
	'\u001f', // unit separator (card identities use it internally)
	'\u001e',
	'\u007f',
	'\u0085', // next line (C1)
	'\u2028', // line separator
	'\u2029',
	'\u00a0', // no-break space
	'\ufeff', // byte-order mark
	'\u200b', // zero-width space
	'가',
	'클라우드',
	'ㄱ',
	'ﬁ', // ligature (NFKC changes it, NFC does not)
	'Å', // A + ring, composed by NFC
	'\t',
	'\r',
	'\n',
	'\r\n',
	'  ',
] as const;

/** Characters that mean something to YAML, Markdown, Mermaid or HTML. */
export const SYNTAX_PIECES = [
	':', ': ', '-', '- ', '#', '# ', '%', '%%', '&', '*', '!', '|', '>', '<', '"', "'", '`', '```', '~~~',
	'{', '}', '[', ']', '(', ')', ',', ';', '\\', '/', '=', '==', '_', '**', '__', '>', '> ', '[!note]',
	'---', '...', '<<', '@', '?', '<br/>', '&lt;', '#quot;', '#35;', '-->',
] as const;

const unit: fc.Arbitrary<string> = fc.oneof(
	{ weight: 6, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 6 }) },
	{ weight: 2, arbitrary: fc.constantFrom(...ODD_PIECES) },
	{ weight: 2, arbitrary: fc.constantFrom(...SYNTAX_PIECES) },
	{ weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }) },
);

/** Any text, biased towards the hostile: odd Unicode, syntax characters, line ends, tabs. */
export const hostileText = (maxPieces = 6): fc.Arbitrary<string> => fc.array(unit, { maxLength: maxPieces }).map((p) => p.join(''));

/** Text that is a plausible single-line word or name but may hold anything but a line break. */
export const oneLineText = (maxPieces = 4): fc.Arbitrary<string> =>
	hostileText(maxPieces).map((t) => t.replace(/\r\n|\r|\n/g, ' '));

// ------------------------------------------------------------------ YAML values

const hugeNumbers = fc.constantFrom(
	'1e309', '-1e309', '99999999999999999999999999', '0x7fffffffffffffff', '-0', '.inf', '-.inf', '.nan', '0o777',
	'1_000', '4294967296', '65536', '-1', '0', '3.14', '1e-400',
);
const cidrLike = fc.oneof(
	fc.tuple(fc.nat(300), fc.nat(300), fc.nat(300), fc.nat(300), fc.integer({ min: -1, max: 40 })).map(([a, b, c, d, m]) => `${a}.${b}.${c}.${d}/${m}`),
	fc.constantFrom('10.0.0.0/16', '10.0.1.0/24', '10.0.2.0/24', '0.0.0.0/0', '10.0.0.0/8', '::/0', '10.0.0.0', '10.0.0.0/33', '1.2.3'),
);
const PROTOS = ['tcp', 'udp', 'icmp', 'all', 'TCP', 'sctp', ''] as const;
const portsLike = fc.oneof(
	fc.integer({ min: -2, max: 70_000 }).map(String),
	fc.constantFrom('80,443', '1024-65535', '22', '', '65535-1', '0', '8080:80', '127.0.0.1:5432:5432', '53:53/udp', '3000-3005:3000-3005', '99999'),
);
/** A name from a small pool, so references often resolve and names often collide. */
export const NAME_POOL = ['web', 'db', 'app-a', 'public-a', 'igw', 'nat-a', 'alb', 'web-sg', 'db-sg', 'main', 'internet', '웹서버', '퍼블릭-a', 'default', 'front', 'back'] as const;
export const poolName = fc.constantFrom(...NAME_POOL);
export const anyName: fc.Arbitrary<string> = fc.oneof({ weight: 3, arbitrary: poolName }, { weight: 2, arbitrary: hostileText(3) });
const ruleLike = fc
	.tuple(fc.option(fc.nat(200)), fc.constantFrom('allow', 'deny', ''), fc.constantFrom(...PROTOS), portsLike, fc.constantFrom('from', 'to', ''), fc.oneof(cidrLike, anyName))
	.map(([n, action, proto, ports, word, peer]) => [n === null ? '' : String(n), n === null ? '' : action, proto, ports, word, peer].filter((p) => p !== '').join(' '));
const flowLike = fc
	.tuple(anyName, fc.constantFrom('->', '→', '-->', ''), anyName, fc.constantFrom(...PROTOS), portsLike)
	.map(([a, arrow, b, proto, port]) => `${a} ${arrow} ${b} ${proto}/${port}`);

export const scalarValue: fc.Arbitrary<unknown> = fc.oneof(
	{ weight: 3, arbitrary: anyName },
	{ weight: 2, arbitrary: cidrLike },
	{ weight: 2, arbitrary: ruleLike },
	{ weight: 1, arbitrary: flowLike },
	{ weight: 1, arbitrary: portsLike },
	{ weight: 1, arbitrary: fc.integer() },
	{ weight: 1, arbitrary: fc.double() },
	{ weight: 1, arbitrary: fc.boolean() },
	{ weight: 1, arbitrary: fc.constant(null) },
	{ weight: 1, arbitrary: hugeNumbers.map(Number) },
	{ weight: 1, arbitrary: hostileText(8) },
);

/** Our real keys for both languages, at every level, so random trees often hit real code paths. */
export const VPC_KEYS = [
	'name', 'cidr', 'region', 'internet-gateway', 'subnets', 'route-tables', 'nat-gateways', 'instances', 'load-balancers',
	'security-groups', 'nacls', 'flows', 'zone', 'route-table', 'nacl', 'subnet', 'public-ip', 'role', 'private-ip',
	'targets', 'scheme', 'type', 'listeners', 'target-port', 'inbound', 'outbound', 'description', 'rule', 'action',
	'proto', 'ports', 'from', 'to',
] as const;
export const CONTAINER_KEYS = [
	'services', 'containers', 'networks', 'volumes', 'host', 'flows', 'version', 'name', 'os', 'image', 'build', 'ports',
	'expose', 'network_mode', 'depends_on', 'environment', 'deploy', 'replicas', 'scale', 'driver', 'internal', 'external',
	'target', 'published', 'host_ip', 'protocol', 'mode', 'type', 'source', 'read_only', 'condition', 'x-extra', '<<',
] as const;

/** Random YAML trees over the given keys, `depth` levels deep at most. */
export function yamlTree(keys: readonly string[], depth: number): fc.Arbitrary<unknown> {
	const key = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...keys) }, { weight: 2, arbitrary: poolName }, { weight: 1, arbitrary: oneLineText(2) });
	const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
		tree: fc.oneof(
			{ depthSize: 'small', maxDepth: depth, withCrossShrink: true },
			{ weight: 3, arbitrary: scalarValue },
			{ weight: 2, arbitrary: fc.dictionary(key, tie('tree'), { maxKeys: 4 }) },
			{ weight: 1, arbitrary: fc.array(tie('tree'), { maxLength: 3 }) },
		),
	}));
	return tree;
}

const dict = <T>(value: fc.Arbitrary<T>, maxKeys = 2): fc.Arbitrary<Record<string, T>> =>
	fc.dictionary(anyName, value, { maxKeys });
/** A record whose every key is optional, any value sometimes replaced by junk. */
const loose = (shape: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> =>
	fc.record(
		Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, fc.oneof({ weight: 5, arbitrary: v }, { weight: 1, arbitrary: scalarValue })])),
		{ requiredKeys: [] },
	);
const names = fc.oneof(fc.array(anyName, { maxLength: 3 }), anyName);
const rules = fc.array(
	fc.oneof(
		{ weight: 4, arbitrary: ruleLike },
		{ weight: 1, arbitrary: loose({ rule: fc.nat(300), action: fc.constantFrom('allow', 'deny'), proto: fc.constantFrom(...PROTOS), ports: portsLike, from: fc.oneof(cidrLike, anyName), to: cidrLike }) },
	),
	{ maxLength: 3 },
);

/** A `vpc` block's value: the real shape, with random names, values and stray keys. */
export const vpcValue: fc.Arbitrary<unknown> = fc
	.tuple(
		loose({
			name: anyName,
			cidr: cidrLike,
			region: anyName,
			'internet-gateway': anyName,
			subnets: dict(loose({ cidr: cidrLike, zone: fc.constantFrom('a', 'b', 'c'), 'route-table': anyName, nacl: anyName })),
			'route-tables': dict(fc.dictionary(cidrLike, anyName, { maxKeys: 2 })),
			'nat-gateways': dict(loose({ subnet: anyName })),
			instances: dict(loose({ subnet: anyName, 'public-ip': fc.boolean(), 'security-groups': names, role: fc.constantFrom('database', 'web', 'db') })),
			'load-balancers': dict(loose({ subnets: names, 'security-groups': names, targets: names, scheme: fc.constantFrom('internal', 'internet-facing'), type: fc.constantFrom('application', 'network') })),
			'security-groups': dict(loose({ inbound: rules, outbound: rules })),
			nacls: dict(loose({ inbound: rules, outbound: rules })),
			flows: fc.array(flowLike, { maxLength: 2 }),
		}),
		fc.dictionary(fc.oneof(fc.constantFrom(...VPC_KEYS), oneLineText(2)), yamlTree(VPC_KEYS, 2), { maxKeys: 1 }),
	)
	.map(([real, extra]) => ({ ...real, ...extra }));

const portMapping = fc.oneof(
	portsLike,
	loose({ target: fc.integer({ min: -1, max: 70_000 }), published: portsLike, host_ip: fc.constantFrom('127.0.0.1', '0.0.0.0', '::1', 'x'), protocol: fc.constantFrom('tcp', 'udp', 'x') }),
);
/** A `containers` (Compose) block's value, the same way. */
export const containersValue: fc.Arbitrary<unknown> = fc
	.tuple(
		loose({
			host: loose({ name: anyName, os: anyName }),
			services: dict(
				loose({
					image: fc.constantFrom('nginx', 'nginx:latest', 'postgres:16', 'redis', 'app:1.0', ''),
					build: fc.constantFrom('.', './app'),
					ports: fc.array(portMapping, { maxLength: 3 }),
					expose: fc.array(portsLike, { maxLength: 2 }),
					networks: fc.oneof(names, dict(fc.constant(null))),
					volumes: fc.array(fc.oneof(fc.constantFrom('data:/var/lib/data', './src:/app:ro', '/tmp'), loose({ type: fc.constantFrom('volume', 'bind'), source: anyName, target: anyName })), { maxLength: 2 }),
					depends_on: fc.oneof(names, dict(loose({ condition: fc.constantFrom('service_healthy', 'service_started') }))),
					environment: fc.oneof(fc.array(anyName, { maxLength: 2 }), dict(scalarValue)),
					deploy: loose({ replicas: fc.oneof(fc.integer({ min: -2, max: 20 }), hugeNumbers.map(Number)) }),
				}),
			),
			networks: dict(fc.oneof(fc.constant(null), loose({ internal: fc.boolean(), driver: fc.constantFrom('bridge', 'overlay'), external: fc.boolean() }))),
			volumes: dict(fc.oneof(fc.constant(null), loose({ driver: anyName }))),
			flows: fc.array(flowLike, { maxLength: 2 }),
		}),
		fc.dictionary(fc.oneof(fc.constantFrom(...CONTAINER_KEYS), oneLineText(2)), yamlTree(CONTAINER_KEYS, 2), { maxKeys: 1 }),
		fc.boolean(),
	)
	.map(([real, extra, alias]) => {
		const value: Record<string, unknown> = { ...real, ...extra };
		// `containers:` is our alias of `services:`.
		if (alias && 'services' in value) {
			value.containers = value.services;
			delete value.services;
		}
		return value;
	});

/** A value as block text: block YAML, flow YAML or JSON (which is YAML too). */
export function yamlText(value: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
	return fc.tuple(value, fc.constantFrom('block', 'flow', 'json')).map(([v, style]) => {
		if (style === 'json') return JSON.stringify(v, null, 1) ?? 'null';
		return stringify(v, style === 'flow' ? { collectionStyle: 'flow', lineWidth: 0 } : { lineWidth: 0 });
	});
}

// ------------------------------------------------------------------ mutations

type Mutation =
	| { kind: 'truncate'; at: number }
	| { kind: 'deleteLine'; at: number }
	| { kind: 'duplicateLine'; at: number }
	| { kind: 'insert'; at: number; text: string }
	| { kind: 'tabs' }
	| { kind: 'lineEnds'; end: '\r\n' | '\r' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
	fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
	fc.record({ kind: fc.constant('deleteLine' as const), at: fc.nat() }),
	fc.record({ kind: fc.constant('duplicateLine' as const), at: fc.nat() }),
	fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(hostileText(2), fc.constantFrom(...SYNTAX_PIECES)) }),
	fc.record({ kind: fc.constant('tabs' as const) }),
	fc.record({ kind: fc.constant('lineEnds' as const), end: fc.constantFrom('\r\n' as const, '\r' as const) }),
);

function applyMutation(text: string, m: Mutation): string {
	switch (m.kind) {
		case 'truncate':
			return text.slice(0, m.at % (text.length + 1));
		case 'insert': {
			const at = m.at % (text.length + 1);
			return text.slice(0, at) + m.text + text.slice(at);
		}
		case 'tabs':
			return text.replace(/^( {2})+/gm, (s) => '\t'.repeat(s.length / 2));
		case 'lineEnds':
			return text.replace(/\r\n|\r|\n/g, m.end);
		case 'deleteLine':
		case 'duplicateLine': {
			const lines = text.split('\n');
			const at = m.at % lines.length;
			if (m.kind === 'deleteLine') lines.splice(at, 1);
			else lines.splice(at, 0, lines[at] ?? '');
			return lines.join('\n');
		}
	}
}

/** The text with 0..3 random mutations applied in order. */
export function mutated(text: fc.Arbitrary<string>, max = 3): fc.Arbitrary<string> {
	return fc.tuple(text, fc.array(mutation, { maxLength: max })).map(([t, ms]) => ms.reduce(applyMutation, t));
}

// ------------------------------------------------------------------ real blocks and notes

const VAULT = path.join(__dirname, '../../../example-vault');

function notesIn(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const full = path.join(dir, e.name);
		if (e.isDirectory()) return notesIn(full);
		return e.name.endsWith('.md') ? [full] : [];
	});
}

/** The example vault's notes, as they are on disk. */
export const EXAMPLE_NOTES: readonly string[] = notesIn(VAULT).sort().map((f) => fs.readFileSync(f, 'utf8'));

/** Every topology block of the example vault: the language people really write. */
export const EXAMPLE_BLOCKS: readonly { kind: 'vpc' | 'containers'; content: string }[] = EXAMPLE_NOTES.flatMap((note) =>
	findTopologyBlocks(note).flatMap((b) => (b.kind === 'vpc' || b.kind === 'containers' ? [{ kind: b.kind, content: b.content }] : [])),
);

/** A run of at most `max` lines from a random place in the text: a block cut at both ends. */
function window(text: string, max: number): fc.Arbitrary<string> {
	const lines = text.split('\n');
	return fc.tuple(fc.nat(lines.length - 1), fc.integer({ min: 1, max })).map(([at, n]) => lines.slice(at, at + n).join('\n'));
}

/**
 * A block body of either language: generated, or a real example (whole, or a window of it), then
 * mutated. Sizes stay small: YAML parsing dominates the suite's time.
 */
export const blockSource: fc.Arbitrary<{ kind: 'vpc' | 'containers'; source: string }> = fc.oneof(
	{ weight: 2, arbitrary: mutated(yamlText(vpcValue)).map((source) => ({ kind: 'vpc' as const, source })) },
	{ weight: 2, arbitrary: mutated(yamlText(containersValue)).map((source) => ({ kind: 'containers' as const, source })) },
	{
		weight: 1,
		arbitrary: fc
			.tuple(fc.constantFrom(...EXAMPLE_BLOCKS), fc.array(mutation, { maxLength: 3 }))
			.map(([b, ms]) => ({ kind: b.kind, source: ms.reduce(applyMutation, b.content) })),
	},
	{
		weight: 3,
		arbitrary: fc
			.constantFrom(...EXAMPLE_BLOCKS)
			.chain((b) => fc.tuple(fc.constant(b.kind), mutated(window(b.content, 14))))
			.map(([kind, source]) => ({ kind, source })),
	},
	{ weight: 1, arbitrary: fc.tuple(fc.constantFrom('vpc' as const, 'containers' as const), mutated(yamlText(yamlTree([...VPC_KEYS, ...CONTAINER_KEYS], 4)))).map(([kind, source]) => ({ kind, source })) },
);

/** Markdown lines of every kind the card extractor reads, with hostile words inside. */
const markdownLine: fc.Arbitrary<string> = fc.oneof(
	{ weight: 3, arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), fc.constantFrom('', '1. ', '2.3 ', '**', '*'), oneLineText(4)).map(([n, num, t]) => `${'#'.repeat(n)} ${num}${t}`) },
	{ weight: 4, arbitrary: oneLineText(6) },
	{ weight: 2, arbitrary: fc.constant('') },
	{ weight: 2, arbitrary: fc.tuple(fc.constantFrom('> ', '>', '  > '), fc.constantFrom('', '[!note] ', '[!tip]- ', '[!warning|x]+ ', '**', '[!'), oneLineText(4)).map(([q, c, t]) => q + c + t) },
	{ weight: 2, arbitrary: fc.tuple(fc.constantFrom('> **', '>**', '- **', '* **', '1. **', '**', '\t- **', '__'), oneLineText(2), fc.constantFrom('** : ', '**: ', ':** ', '**', '** ：', '**:'), oneLineText(4)).map((p) => p.join('')) },
	{ weight: 1, arbitrary: fc.tuple(fc.constantFrom('\t', '    ', '  ', '\t\t'), fc.constantFrom('- ', '', '> '), oneLineText(3)).map((p) => p.join('')) },
	{ weight: 1, arbitrary: fc.constantFrom('---', '***', '%%', '%% comment %%', 'text %% hidden', '```', '~~~', '```vpc', '```containers', '```toc', '    ```', '---', 'cards: false', '#tag', '...') },
);

/** A fenced block whose body is hostile text rather than YAML: cheap, and still a block. */
const rawFence = fc
	.tuple(fc.constantFrom('```vpc', '```containers', '~~~vpc', '```', '```dockerfile', '```toc', '````containers'), fc.array(oneLineText(4), { maxLength: 4 }), fc.constantFrom('```', '~~~', '````', ''))
	.map(([open, body, close]) => [open, ...body, close].join('\n'));

/**
 * A note: optional frontmatter, Markdown lines, fenced blocks, slices of the example notes, any
 * line ends, then mutated. `yamlBlocks` adds generated topology blocks (costly to parse, so the
 * card properties leave them out: the extractor never parses them).
 */
export function noteText(yamlBlocks: boolean): fc.Arbitrary<string> {
	return fc
		.tuple(
			fc.option(fc.tuple(fc.constantFrom('cards: false', 'cards: true', 'tags: [a, b]', 'tags:\n  - 클라우드', 'title: x', '- broken: [', ''), fc.boolean()), { freq: 4 }),
			fc.array(
				fc.oneof(
					{ weight: 12, arbitrary: markdownLine },
					{ weight: 1, arbitrary: rawFence },
					{ weight: 1, arbitrary: fc.constantFrom(...EXAMPLE_NOTES).chain((n) => window(n, yamlBlocks ? 12 : 30)) },
					...(yamlBlocks ? [{ weight: 2, arbitrary: blockSource.map((b) => `\`\`\`${b.kind}\n${b.source}\n\`\`\``) }] : []),
				),
				{ maxLength: 14 },
			),
			fc.constantFrom('\n', '\n', '\n', '\r\n', '\r'),
		)
		.map(([front, body, end]) => {
			const lines = front ? ['---', front[0], ...(front[1] ? ['---'] : [])] : [];
			return [...lines, ...body].join('\n').replace(/\r\n|\r|\n/g, end);
		})
		.chain((text) => mutated(fc.constant(text), 2));
}

/** The number of lines of a text as the core counts them (LF, CRLF and lone CR all end a line). */
export function lineCount(text: string): number {
	return text.split(/\r\n|\r|\n/).length;
}
