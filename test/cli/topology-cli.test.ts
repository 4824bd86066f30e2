import { main } from '../../src/cli/main';
import { fakeIO } from './fake-io';

const GOOD_VPC = [
	'name: lab',
	'cidr: 10.0.0.0/16',
	'internet-gateway: igw',
	'subnets:',
	'  pub: { cidr: 10.0.1.0/24, zone: a, route-table: public }',
	'  priv: { cidr: 10.0.2.0/24, zone: a }',
	'route-tables:',
	'  public: { 0.0.0.0/0: igw }',
	'instances:',
	'  web: { subnet: pub, public-ip: true, security-groups: [web-sg] }',
	'  db: { subnet: priv, security-groups: [db-sg] }',
	'security-groups:',
	'  web-sg: { inbound: ["tcp 443 from 0.0.0.0/0"] }',
	'  db-sg: { inbound: ["tcp 5432 from web-sg"] }',
].join('\n');

/** Frontmatter, prose and a non-topology code block before the block, so line numbers shift. */
const NOTE = ['---', 'dg-publish: true', '---', '# 노트', '', '```yaml', 'cidr: not-checked', '```', '', '```vpc', GOOD_VPC, '```', ''].join('\n');
const BROKEN = ['# broken', '', '```vpc', 'name: x', 'cidr: 10.0.0.0/16', 'subnets:', '  a: { cidr: 10.9.0.0/24, zone: z }', '  b: { cird: 10.0.1.0/24 }', '```', ''].join('\n');
const COMPOSE = ['```containers', 'services:', '  web: { image: nginx, ports: ["80:80"], networks: [front] }', '  db: { image: "postgres:16", networks: [back] }', 'networks:', '  front: {}', '  back: {}', '```'].join('\n');

describe('cloudnotes lint', () => {
	it('is silent with exit 0 on clean notes, reporting counts on stderr', async () => {
		const t = fakeIO({ 'vault/a.md': NOTE, 'vault/b.txt': 'not markdown' });
		expect(await main(['lint', 'vault'], t.io)).toBe(0);
		expect(t.stdout()).toBe('');
		expect(t.stderr()).toBe('1 file, 1 topology block: no problems');
	});

	it('prints file:line:column severity code message with note lines, exit 1 on errors', async () => {
		const t = fakeIO({ 'vault/b.md': BROKEN, 'vault/a.md': NOTE });
		expect(await main(['lint', 'vault'], t.io)).toBe(1);
		expect(t.out).toEqual([
			"vault/b.md:7:14 error subnet-outside-vpc `a` (10.9.0.0/24) is not inside the VPC's 10.0.0.0/16; pick a range within it",
			'vault/b.md:8:3 error missing-field subnet `b` needs `cidr`',
			'vault/b.md:8:8 error unknown-field unknown subnet field `cird`; did you mean `cidr`?',
		]);
		expect(t.stderr()).toBe('2 files, 2 topology blocks: 3 errors, 0 warnings, 0 info');
	});

	it('exits 0 when there are only warnings', async () => {
		const t = fakeIO({ 'c.md': COMPOSE });
		expect(await main(['lint', 'c.md'], t.io)).toBe(0);
		expect(t.stdout()).toMatch(/^c\.md:3:\d+ warning image-latest-tag /);
	});

	it('writes a JSON array with --format json', async () => {
		const t = fakeIO({ 'b.md': BROKEN });
		expect(await main(['lint', 'b.md', '--format', 'json'], t.io)).toBe(1);
		const parsed = JSON.parse(t.stdout()) as unknown[];
		expect(parsed).toHaveLength(3);
		expect(parsed[0]).toEqual({ file: 'b.md', line: 7, column: 14, severity: 'error', code: 'subnet-outside-vpc', message: expect.any(String) as string });
	});

	it('writes json one diagnostic per line, and the indented layout with --pretty', async () => {
		const t = fakeIO({ 'b.md': BROKEN, 'a.md': NOTE });
		await main(['lint', 'a.md', 'b.md', '--format', 'json'], t.io);
		const parsed = JSON.parse(t.stdout()) as unknown[];
		expect(t.out).toHaveLength(parsed.length + 2);
		const pretty = fakeIO({ 'b.md': BROKEN, 'a.md': NOTE });
		await main(['lint', 'a.md', 'b.md', '--format', 'json', '--pretty'], pretty.io);
		expect(pretty.writes.join('')).toBe(JSON.stringify(parsed, null, 2) + '\n');
		const clean = fakeIO({ 'a.md': NOTE });
		await main(['lint', 'a.md', '--format', 'json'], clean.io);
		expect(clean.writes.join('')).toBe('[]\n');
	});

	it('exits 2 on bad usage', async () => {
		for (const args of [['lint'], ['lint', 'a.md', '--format', 'xml'], ['lint', 'a.md', '--colour']]) {
			const t = fakeIO({ 'a.md': NOTE });
			expect(await main(args, t.io)).toBe(2);
			expect(t.stderr()).toMatch(/^cloudnotes lint: /);
		}
		const missing = fakeIO({});
		expect(await main(['lint', 'nowhere'], missing.io)).toBe(2);
	});
});

describe('cloudnotes mermaid', () => {
	const twoBlocks = `${NOTE}\n${COMPOSE}\n`;

	it('prints bare Mermaid text for a single block', async () => {
		const t = fakeIO({ 'a.md': NOTE });
		expect(await main(['mermaid', 'a.md'], t.io)).toBe(0);
		expect(t.stdout()).toMatch(/^flowchart TB\n\tr_internet\(\("internet"\)\)/);
		expect(t.stdout()).not.toContain('```');
	});

	it('fences each block when a note has several, or picks one with --block', async () => {
		const t = fakeIO({ 'a.md': twoBlocks });
		expect(await main(['mermaid', 'a.md'], t.io)).toBe(0);
		expect(t.stdout().match(/```mermaid\nflowchart/g)).toHaveLength(2);
		const second = fakeIO({ 'a.md': twoBlocks });
		expect(await main(['mermaid', 'a.md', '--block', '2'], second.io)).toBe(0);
		expect(second.stdout()).toMatch(/^flowchart LR\n/);
	});

	it('rejects a block number the note does not have, and a note without blocks', async () => {
		const t = fakeIO({ 'a.md': NOTE });
		expect(await main(['mermaid', 'a.md', '--block', '3'], t.io)).toBe(2);
		expect(t.stderr()).toMatch(/--block 3: a\.md: there is only 1 topology block/);
		const none = fakeIO({ 'n.md': '# nothing here' });
		expect(await main(['mermaid', 'n.md'], none.io)).toBe(2);
		expect(none.stderr()).toMatch(/^cloudnotes mermaid: n\.md: no topology block \(vpc, containers, cloudformation, kubernetes, terraform\)\nRun `cloudnotes --help`/);
	});
});

describe('cloudnotes trace', () => {
	it('prints the verdict and every hop, exit 0 when allowed', async () => {
		const t = fakeIO({ 'a.md': NOTE });
		expect(await main(['trace', 'a.md', '--from', 'web', '--to', 'db', '--port', '5432'], t.io)).toBe(0);
		expect(t.out[0]).toBe('web -> db (tcp 5432): ALLOWED  [block 1, line 10]');
		expect(t.out.some((l) => /^\s+\d+\. ok\s+db-sg · security group inbound: "tcp 5432 from web-sg" admits/.test(l))).toBe(true);
		expect(t.out[t.out.length - 1]).toBe('Allowed: web -> db on tcp 5432');
	});

	it('exits 1 when refused and names the hop', async () => {
		const t = fakeIO({ 'a.md': NOTE });
		expect(await main(['trace', 'a.md', '--from', 'internet', '--to', 'db'], t.io)).toBe(1);
		expect(t.out[0]).toMatch(/REFUSED/);
		expect(t.stdout()).toMatch(/priv.*has no public IP|private subnet priv/);
		// Refused before any hop: the reason is the summary, printed once.
		expect(t.out).toHaveLength(2);
	});

	it('writes { allowed, hops, blockedAt } with --format json', async () => {
		const t = fakeIO({ 'a.md': NOTE });
		expect(await main(['trace', 'a.md', '--from', 'internet', '--to', 'web', '--port', '22', '--format', 'json'], t.io)).toBe(1);
		const result = JSON.parse(t.stdout()) as { allowed: boolean; hops: { step: string }[]; blockedAt: number };
		expect(result.allowed).toBe(false);
		expect(result.hops[result.blockedAt]?.step).toBe('security group inbound');
	});

	it('finds the block that knows both names, or uses --block', async () => {
		const t = fakeIO({ 'a.md': `${NOTE}\n${COMPOSE}\n` });
		expect(await main(['trace', 'a.md', '--from', 'web', '--to', 'db', '--port', '5432'], t.io)).toBe(0);
		const second = fakeIO({ 'a.md': `${NOTE}\n${COMPOSE}\n` });
		expect(await main(['trace', 'a.md', '--from', 'web', '--to', 'db', '--block', '2'], second.io)).toBe(1);
		expect(second.stdout()).toMatch(/no shared network/);
	});

	it('exits 2 on bad usage', async () => {
		for (const args of [
			['trace', 'a.md', '--to', 'db'],
			['trace', 'a.md', '--from', 'web', '--to', 'db', '--port', 'http'],
			['trace', 'a.md', '--from', 'web', '--to', 'db', '--proto', 'sctp'],
			['trace', '--from', 'web', '--to', 'db'],
		]) {
			const t = fakeIO({ 'a.md': NOTE });
			expect(await main(args, t.io)).toBe(2);
		}
	});

	// A script must tell a typo from a refusal: 0 allowed, 1 refused, 2 the question itself is wrong.
	it('exits 2, not 1, when an end is not in the block, naming it with the nearest names', async () => {
		const t = fakeIO({ 'a.md': NOTE });
		expect(await main(['trace', 'a.md', '--from', 'no-such-thing', '--to', 'web'], t.io)).toBe(2);
		expect(t.stdout()).toBe('');
		expect(t.stderr()).toMatch(/^cloudnotes trace: "no-such-thing" is not in block 1 \(line 10\) of a\.md: a trace starts and ends at an instance/);
		const json = fakeIO({ 'a.md': NOTE });
		expect(await main(['trace', 'a.md', '--from', 'internet', '--to', 'wbe', '--format', 'json'], json.io)).toBe(2);
		const answer = JSON.parse(json.stdout()) as { error: string; suggestions: string[] };
		expect(Object.keys(answer).sort()).toEqual(['error', 'suggestions']);
		expect(answer.error).toContain('"wbe" is not in block 1');
		expect(answer.suggestions[0]).toBe('web');
		expect(answer.suggestions).toContain('db');
	});

	it('exits 2 with JSON for a block number the note does not have, and for an unknown flag', async () => {
		const block = fakeIO({ 'a.md': `${NOTE}\n${COMPOSE}\n` });
		expect(await main(['trace', 'a.md', '--from', 'web', '--to', 'db', '--block', '3', '--format', 'json'], block.io)).toBe(2);
		const blockAnswer = JSON.parse(block.stdout()) as { error: string; suggestions: string[] };
		expect(blockAnswer.error).toContain('--block 3: a.md: there are only 2 topology blocks');
		expect(blockAnswer.suggestions.sort()).toEqual(['1', '2']);
		const flag = fakeIO({ 'a.md': NOTE });
		expect(await main(['trace', 'a.md', '--form', 'web', '--to', 'db', '--format=json'], flag.io)).toBe(2);
		const flagAnswer = JSON.parse(flag.stdout()) as { error: string; suggestions: string[] };
		expect(flagAnswer.error).toBe('unknown option --form');
		expect(flagAnswer.suggestions[0]).toBe('--from');
		const proto = fakeIO({ 'a.md': NOTE });
		expect(await main(['trace', 'a.md', '--from', 'web', '--to', 'db', '--proto', 'tpc'], proto.io)).toBe(2);
		expect(proto.stderr()).toMatch(/--proto is tcp, udp, icmp or all, not "tpc"\n {2}try: tcp,/);
	});

	it('exits 2 for an unknown command, with the nearest commands', async () => {
		const t = fakeIO({});
		expect(await main(['trcae', 'a.md', '--format', 'json'], t.io)).toBe(2);
		expect(JSON.parse(t.stdout())).toEqual({ error: 'unknown command "trcae"', suggestions: expect.arrayContaining(['trace']) as unknown });
		expect((JSON.parse(t.stdout()) as { suggestions: string[] }).suggestions[0]).toBe('trace');
	});
});
