import { exportFileName, withMermaidBlock } from '../../../src/plugin/topology/export';

describe('exportFileName', () => {
	test('note, kind and block name', () => {
		expect(exportFileName('Networking basics', 'vpc', 'main-vpc', 12)).toBe('Networking basics - vpc main-vpc.svg');
	});
	test('Korean and other Unicode names are kept', () => {
		expect(exportFileName('VPC 네트워크 설계', 'vpc', '학습용-vpc', 3)).toBe('VPC 네트워크 설계 - vpc 학습용-vpc.svg');
	});
	test('characters no file system or link takes are replaced', () => {
		const name = exportFileName('a/b\\c:d*e?f"g<h>i|j#k^l[m]n', 'containers', 'x\ty\u0000z', 1);
		expect(name).toBe('a b c d e f g h i j k l m n - containers xyz.svg');
		expect(name).not.toMatch(/[\\/:*?"<>|#^[\]]/);
		expect([...name].every((c) => c.charCodeAt(0) >= 0x20)).toBe(true);
	});
	test('a block without a name is named by its line; an empty note name falls back', () => {
		expect(exportFileName('Note', 'containers', '', 40)).toBe('Note - containers line 40.svg');
		expect(exportFileName('...', 'vpc', 'v', 1)).toBe('diagram - vpc v.svg');
	});
	test('long names are cut to a sane length, extension kept', () => {
		const name = exportFileName('n'.repeat(300), 'vpc', 'v', 1);
		expect(name.length).toBeLessThanOrEqual(124);
		expect(name.endsWith('.svg')).toBe(true);
	});
});

describe('withMermaidBlock', () => {
	const note = ['# Title', '', '```vpc', 'name: v', '```', '', 'After.'].join('\n');

	test('adds a mermaid block right after the source block', () => {
		const { text, replaced } = withMermaidBlock(note, 4, 'flowchart TB\n\ta --> b\n');
		expect(replaced).toBe(false);
		expect(text).toBe(['# Title', '', '```vpc', 'name: v', '```', '', '```mermaid', 'flowchart TB', '\ta --> b', '```', '', 'After.'].join('\n'));
	});

	test('replaces the mermaid block that already follows, instead of adding another', () => {
		const once = withMermaidBlock(note, 4, 'flowchart TB\n\ta --> b\n').text;
		const twice = withMermaidBlock(once, 4, 'flowchart TB\n\ta --> c\n');
		expect(twice.replaced).toBe(true);
		expect(twice.text.match(/```mermaid/g)).toHaveLength(1);
		expect(twice.text).toContain('a --> c');
		expect(twice.text).not.toContain('a --> b');
		expect(twice.text.endsWith('After.')).toBe(true);
	});

	test('a mermaid block further down, after other text, is left alone', () => {
		const other = note + '\n\n```mermaid\nflowchart LR\n\tx --> y\n```\n';
		const { text, replaced } = withMermaidBlock(other, 4, 'flowchart TB\n\ta --> b\n');
		expect(replaced).toBe(false);
		expect(text.match(/```mermaid/g)).toHaveLength(2);
		expect(text).toContain('x --> y');
	});

	test('keeps CRLF line endings', () => {
		const crlf = note.replace(/\n/g, '\r\n');
		const { text } = withMermaidBlock(crlf, 4, 'flowchart TB\n\ta --> b\n');
		expect(text.split('\r\n')).toHaveLength(12);
		expect(text.replace(/\r\n/g, '')).not.toContain('\n');
	});
});
