/**
 * @jest-environment jsdom
 */
import { Editor, shownNotices } from '../../stand-in/obsidian';
import { insertFromClipboard } from '../../../src/plugin/topology/import-command';
import { installDomHelpers } from '../../stand-in/dom';
import { DESCRIBE_SUBNETS, DESCRIBE_VPCS } from '../../core/import/fixtures';

beforeAll(() => installDomHelpers(window));

function editorWith(text: string, cursor: number): Editor {
	const textarea = document.createElement('textarea');
	textarea.value = text;
	textarea.setSelectionRange(cursor, cursor);
	return new Editor(textarea);
}

describe('Insert VPC block from clipboard', () => {
	beforeEach(() => shownNotices.splice(0));

	it('inserts the VPCs of one account as one fenced vpc block (issue 26) at the cursor and says how many', async () => {
		const editor = editorWith('# 내 계정\n\n끝\n', '# 내 계정\n\n'.length);
		const clipboard = JSON.stringify(DESCRIBE_VPCS) + '\n' + JSON.stringify(DESCRIBE_SUBNETS);
		expect(await insertFromClipboard(editor, () => Promise.resolve(clipboard))).toBe(true);
		const text = editor.getValue();
		expect(text.startsWith('# 내 계정\n\n```vpc\n# Imported by cloudnotes import from AWS CLI output clipboard (vpc-1, vpc-2).')).toBe(true);
		expect(text.match(/```vpc\n/g)?.length).toBe(1);
		expect(text).toContain('      public-a: { cidr: 10.0.1.0/24, zone: ap-northeast-2a }');
		expect(text.endsWith('```\n끝\n')).toBe(true);
		expect(shownNotices.at(-1)).toBe('Inserted 1 VPC block(s) from aws-cli.');
	});

	it('leaves the note alone and says why when the clipboard holds nothing it can read', async () => {
		const editor = editorWith('note\n', 0);
		expect(await insertFromClipboard(editor, () => Promise.resolve('  '))).toBe(false);
		expect(await insertFromClipboard(editor, () => Promise.resolve('hello'))).toBe(false);
		expect(await insertFromClipboard(editor, () => Promise.reject(new Error('denied')))).toBe(false);
		expect(editor.getValue()).toBe('note\n');
		expect(shownNotices).toEqual([
			expect.stringContaining('The clipboard is empty'),
			expect.stringContaining('Nothing imported: clipboard: not recognised'),
			'Could not read the clipboard: denied',
		]);
	});
});
