/**
 * The demo's source mode: a CodeMirror 6 editor, as Obsidian's editor is, carrying every
 * extension the plugin registers with `registerEditorExtension` (reconfigured when the plugin is
 * enabled or disabled, as Obsidian's `workspace.updateOptions()` does), so the plugin's linter
 * underlines problems as you type. To the stand-in's `Editor` it looks like a textarea: `value`,
 * the selection, and `input` / `select` events when the person types or moves the cursor.
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { Compartment, EditorState, Transaction, type Extension } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';

/** Obsidian's colours through its CSS variables, so the editor follows the light and dark themes. */
const obsidianColours = EditorView.theme({
	'&': { color: 'var(--text-normal)', backgroundColor: 'var(--background-primary)' },
	'.cm-content': { caretColor: 'var(--text-normal)', fontFamily: 'var(--font-monospace)' },
	'.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text-normal)' },
	'&.cm-focused .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': { backgroundColor: 'var(--text-selection, rgba(138, 92, 245, 0.25))' },
	'.cm-tooltip': { backgroundColor: 'var(--background-secondary)', color: 'var(--text-normal)', border: '1px solid var(--background-modifier-border)' },
});

export class SourceEditor extends EventTarget {
	private readonly editor: EditorView;
	private readonly registered = new Compartment();
	/** The plugin's extensions changed while this editor was hidden: it takes them when next used. */
	private stale = false;

	constructor(
		parent: HTMLElement,
		label: string,
		private readonly extensions: () => readonly unknown[],
	) {
		super();
		this.editor = new EditorView({
			parent,
			state: EditorState.create({
				doc: '',
				extensions: [
					history(),
					keymap.of([...defaultKeymap, ...historyKeymap]),
					EditorView.lineWrapping,
					EditorView.contentAttributes.of({ 'aria-label': label, spellcheck: 'false' }),
					obsidianColours,
					EditorView.updateListener.of((update) => {
						// Only what the person does: text set by code announces itself, as a textarea's does.
						const byUser = update.transactions.some((tr) => tr.annotation(Transaction.userEvent) !== undefined);
						if (!byUser) return;
						if (update.docChanged) this.dispatchEvent(new Event('input'));
						else if (update.selectionSet) this.dispatchEvent(new Event('select'));
					}),
					this.registered.of(this.extensions() as Extension[]),
				],
			}),
		});
	}

	/**
	 * The plugin's extensions changed (enable, disable): what Obsidian's updateOptions does to the
	 * editors that are open. The demo keeps a hidden editor per note, which Obsidian would not have
	 * (at start-up it opens editors after the plugins load): a hidden one takes the extensions when
	 * it is next used, so enabling the plugin does not pay for a CodeMirror update per note.
	 */
	reconfigure(): void {
		this.stale = true;
		if (this.editor.dom.isShown()) this.sync();
	}

	private sync(): void {
		if (!this.stale) return;
		this.stale = false;
		this.editor.dispatch({ effects: this.registered.reconfigure(this.extensions() as Extension[]) });
	}

	/** The CodeMirror view, with the plugin's current extensions. */
	get view(): EditorView {
		this.sync();
		return this.editor;
	}

	get value(): string {
		return this.view.state.doc.toString();
	}

	set value(text: string) {
		this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: text } });
	}

	get selectionStart(): number {
		return this.view.state.selection.main.from;
	}

	get selectionEnd(): number {
		return this.view.state.selection.main.to;
	}

	setSelectionRange(start: number, end: number): void {
		const length = this.view.state.doc.length;
		this.view.dispatch({ selection: { anchor: Math.min(start, length), head: Math.min(end, length) }, scrollIntoView: true });
	}

	focus(): void {
		this.view.focus();
	}
}
