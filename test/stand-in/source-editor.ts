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
	readonly view: EditorView;
	private readonly registered = new Compartment();

	constructor(
		parent: HTMLElement,
		label: string,
		private readonly extensions: () => readonly unknown[],
	) {
		super();
		this.view = new EditorView({
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

	/** The plugin's extensions changed (enable, disable): what Obsidian's updateOptions does. */
	reconfigure(): void {
		this.view.dispatch({ effects: this.registered.reconfigure(this.extensions() as Extension[]) });
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
