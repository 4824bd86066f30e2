import { analyzeNote } from '../../../src/core/topology';
import { topologyTextDiagnostics } from '../../../src/plugin/topology/editor-lint';
import { badgesFor, resourcesConcerned } from '../../../src/plugin/topology/lint-panel';

const NOTE = ['# Net', '', '```vpc', 'name: v', 'cidr: 10.0.0.0/16', 'subnets:', '  a: { cidr: 10.0.1.0/24 }', 'instances:', '  web: { subnet: nowhere }', '```', ''].join('\n');

describe('editor lint ranges', () => {
	test('each diagnostic underlines the word at its line and column', () => {
		const diagnostics = topologyTextDiagnostics(NOTE);
		const expected = analyzeNote(NOTE)[0].analysis.diagnostics;
		expect(diagnostics).toHaveLength(expected.length);
		const unknown = diagnostics.find((d) => d.source.includes('unknown-reference'))!;
		expect(unknown).toBeDefined();
		expect(NOTE.slice(unknown.from, unknown.to)).toContain('nowhere');
		expect(unknown.message).toContain('nowhere');
	});
	test('offsets follow CRLF line breaks', () => {
		const crlf = NOTE.replace(/\n/g, '\r\n');
		const a = topologyTextDiagnostics(NOTE).find((d) => d.source.includes('unknown-reference'))!;
		const b = topologyTextDiagnostics(crlf).find((d) => d.source.includes('unknown-reference'))!;
		expect(crlf.slice(b.from, b.to)).toBe(NOTE.slice(a.from, a.to));
	});
	test('a note without topology blocks has nothing to underline', () => {
		expect(topologyTextDiagnostics('# Just text\n\n```yaml\na: [\n```\n')).toEqual([]);
	});
});

describe('lint badges', () => {
	const resources = [
		{ name: 'web', type: 'instance' as const, line: 9, drawn: true, details: [] },
		{ name: 'web-sg', type: 'security-group' as const, line: 12, drawn: false, details: [] },
		{ name: 'db', type: 'instance' as const, line: 10, drawn: true, details: [] },
	];
	const d = (line: number, message: string, severity: 'error' | 'warning' | 'info' = 'error') => ({ line, column: 3, severity, code: 'x', message });

	test('a diagnostic concerns the drawn resources it names, else the one defined on its line', () => {
		expect(resourcesConcerned(d(20, '`web` and `db` overlap'), resources)).toEqual(['web', 'db']);
		expect(resourcesConcerned(d(10, 'something is off here'), resources)).toEqual(['db']);
		expect(resourcesConcerned(d(12, '`web-sg` is open to the world'), resources)).toEqual([]);
	});
	test('badges count results per node and keep the worst severity', () => {
		const badges = badgesFor([d(9, 'a', 'info'), d(30, '`web` b', 'warning'), d(10, 'c', 'warning'), d(31, '`db` d', 'error')], resources);
		expect(badges.get('web')).toEqual({ count: 2, severity: 'warning' });
		expect(badges.get('db')).toEqual({ count: 2, severity: 'error' });
	});
});
