import { Notice, type Editor, type Plugin } from 'obsidian';
import { ImportError, importVpcBlocks } from '../../core/import';
import { t } from '../i18n';

/** Reads the clipboard; injected so tests can hand it text (the real one needs a user gesture). */
export type ClipboardReader = () => Promise<string>;

const systemClipboard: ClipboardReader = () => navigator.clipboard.readText();

/**
 * "Insert VPC block from clipboard" (id `insert-vpc-from-clipboard`): what `cloudnotes import` does,
 * from what the user copied (AWS CLI JSON, `terraform show -json`, a CloudFormation template),
 * inserted at the cursor. The clipboard is read first, while the command's gesture still counts
 * (iOS allows clipboard access only then).
 */
export function registerImportCommand(plugin: Plugin, readClipboard: ClipboardReader = systemClipboard): void {
	plugin.addCommand({
		id: 'insert-vpc-from-clipboard',
		name: t('import.command'),
		editorCallback: (editor: Editor) => void insertFromClipboard(editor, readClipboard),
	});
}

export async function insertFromClipboard(editor: Pick<Editor, 'replaceSelection'>, readClipboard: ClipboardReader): Promise<boolean> {
	let text: string;
	try {
		text = await readClipboard();
	} catch (e) {
		new Notice(t('import.unreadable', { reason: e instanceof Error ? e.message : String(e) }));
		return false;
	}
	if (text.trim() === '') {
		new Notice(t('import.empty'));
		return false;
	}
	try {
		const output = importVpcBlocks([{ name: 'clipboard', text }]);
		if (output.blocks.length === 0) {
			new Notice(t('import.failed', { reason: output.notes.join('; ') || 'no VPC found' }));
			return false;
		}
		editor.replaceSelection(output.blocks.map((b) => b.fenced).join('\n'));
		const dropped = output.blocks.reduce((n, b) => n + b.notes.length, 0) + output.notes.length;
		const done = t('import.done', { count: output.blocks.length, format: output.formats.join(', ') });
		new Notice(dropped > 0 ? `${done}\n${t('import.dropped', { count: dropped })}` : done, dropped > 0 ? 10_000 : undefined);
		return true;
	} catch (e) {
		new Notice(t('import.failed', { reason: e instanceof ImportError || e instanceof Error ? e.message : String(e) }), 10_000);
		return false;
	}
}
