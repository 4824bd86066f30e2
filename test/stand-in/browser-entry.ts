/**
 * The stand-in as a page script: installs Obsidian's DOM helpers, answers `require()` for the
 * modules main.js leaves external (obsidian and CodeMirror, which Obsidian provides), and
 * exposes the harness as `window.CloudnotesStandIn`.
 */
import * as obsidian from './obsidian';
import * as cmState from '@codemirror/state';
import * as cmView from '@codemirror/view';
import * as cmLint from '@codemirror/lint';
import * as cmLanguage from '@codemirror/language';
import { installDomHelpers } from './dom';
import { Harness } from './harness';

installDomHelpers(window);

const modules: Record<string, unknown> = {
	obsidian,
	'@codemirror/state': cmState,
	'@codemirror/view': cmView,
	'@codemirror/lint': cmLint,
	'@codemirror/language': cmLanguage,
};

function requireShim(name: string): unknown {
	const m = modules[name];
	if (!m) throw new Error(`Cannot find module '${name}' (not provided by the Obsidian stand-in)`);
	return m;
}

(window as any).require = requireShim;
(window as any).CloudnotesStandIn = { Harness, obsidian, requireShim };
