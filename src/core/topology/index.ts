/**
 * The topology language core: `vpc` and `containers` blocks parsed into checked models, linted,
 * traced and drawn. Pure TypeScript (no Obsidian, no Node), so it runs in the plugin, on mobile
 * and in the command line alike.
 */

import { findTopologyBlocks, splitLines } from '../markdown/fences';
import { parseContainers } from './containers/parse';
import { lintContainers } from './containers/lint';
import type { ContainersModel } from './containers/model';
import { sortDiagnostics, type Diagnostic } from './shared/diagnostic';
import { lintFlows } from './shared/flows';
import { containersResources, vpcResources, type ResourceInfo } from './resources';
import { lintVpc } from './vpc/lint';
import { resourceCount, type VpcModel } from './vpc/model';
import { parseVpc } from './vpc/parse';
import { YamlSource } from './yaml/yaml-source';
import { parseCidr } from './shared/cidr';

export type { Severity, Diagnostic, DiagnosticCode } from './shared/diagnostic';
export { DIAGNOSTIC_SEVERITY } from './shared/diagnostic';
export type { ResourceInfo, ResourceDetail, ResourceType } from './resources';
export type { TraceHop, TraceQuery, TraceResult } from './shared/trace-types';
export { trace } from './trace';
export { declaredFlows, type FlowDecl } from './shared/flows';
export { toMermaid, MERMAID_CAPS, type DiagramColors, type MermaidDiagram, type MermaidOptions } from './mermaid';
export { mermaidIdFor, resourceForMermaidId, escapeLabel } from './shared/mermaid-text';
export type { VpcModel } from './vpc/model';
export type { ContainersModel } from './containers/model';

export type TopologyKind = 'vpc' | 'containers';
export type TopologyModel = VpcModel | ContainersModel;

export interface TopologyAnalysis {
	kind: TopologyKind;
	model: TopologyModel | null;
	diagnostics: Diagnostic[];
	resources: ResourceInfo[];
}

/** Beyond these a block is still checked, but not drawn (Mermaid would choke, the note would crawl). */
export const TOPOLOGY_LIMITS = { maxResources: 1000, maxSourceChars: 200_000 } as const;

function containersCount(model: ContainersModel): number {
	return 1 + model.services.size + model.networks.size + model.volumes.size;
}

/**
 * Parse + lint one block. `firstLine` is the 1-based note line of the block's first content line
 * (the line after the opening fence); `columnOffset` is the fence's indentation, if any.
 * Never throws: bad input yields diagnostics and whatever model is sound.
 */
export function analyzeTopology(kind: TopologyKind, source: string, firstLine: number, columnOffset = 0): TopologyAnalysis {
	const start = { line: firstLine, column: 1 + columnOffset };
	let src: YamlSource | null = null;
	let model: TopologyModel | null = null;
	try {
		src = new YamlSource(source, firstLine, columnOffset);
		if (source.length > TOPOLOGY_LIMITS.maxSourceChars) {
			src.report(start, 'too-large', `this block is ${source.length.toLocaleString('en-US')} characters, over the ${TOPOLOGY_LIMITS.maxSourceChars.toLocaleString('en-US')} that can be drawn; split it into smaller blocks`);
		}
		model = kind === 'vpc' ? parseVpc(src) : parseContainers(src);
		const count = model.kind === 'vpc' ? resourceCount(model) : containersCount(model);
		if (count > TOPOLOGY_LIMITS.maxResources) {
			src.report(start, 'too-large', `this block declares ${count} resources, over the ${TOPOLOGY_LIMITS.maxResources} that can be drawn; split it into smaller blocks`);
		}
		model.tooLarge = count > TOPOLOGY_LIMITS.maxResources || source.length > TOPOLOGY_LIMITS.maxSourceChars;
		if (model.kind === 'vpc') lintVpc(model, src.sink);
		else lintContainers(model, src.sink);
		lintFlows(model, src.sink);
		const resources = model.kind === 'vpc' ? vpcResources(model) : containersResources(model);
		return { kind, model, diagnostics: sortDiagnostics(src.diagnostics()), resources };
	} catch (e) {
		// Only a bug gets here; keep what was found and say so instead of breaking the note.
		const diagnostics = src ? src.diagnostics() : [];
		diagnostics.push({ ...start, severity: 'error', code: 'invalid-value', message: `Cloudnotes could not check this block (internal error: ${e instanceof Error ? e.message : String(e)})` });
		return { kind, model, diagnostics: sortDiagnostics(diagnostics), resources: [] };
	}
}

export interface NoteBlockAnalysis {
	/** 1-based index among the note's topology blocks (the CLI's `--block N`). */
	block: number;
	kind: TopologyKind;
	/** 1-based note line of the opening fence. */
	openLine: number;
	analysis: TopologyAnalysis;
}

/** Every `vpc` / `containers` block of a note, analysed; frontmatter and other code left alone. */
export function analyzeNote(text: string): NoteBlockAnalysis[] {
	const lines = splitLines(text);
	return findTopologyBlocks(text).map((b, i) => {
		const indent = /^ */.exec(lines[b.openLine] ?? '')?.[0].length ?? 0;
		// An unclosed fence on the note's last line has no content line: point at the fence itself.
		const firstLine = Math.min(b.contentLine, lines.length - 1) + 1;
		return {
			block: i + 1,
			kind: b.language,
			openLine: b.openLine + 1,
			analysis: analyzeTopology(b.language, b.content, firstLine, indent),
		};
	});
}

/** The note's topology block number `n` (from 1), or why there is none (for `--block N`). */
export function blockByNumber(blocks: readonly NoteBlockAnalysis[], n: number): NoteBlockAnalysis | string {
	if (!Number.isInteger(n) || n < 1) return `blocks are counted from 1, not ${n}`;
	const block = blocks[n - 1];
	return block ?? `there ${blocks.length === 1 ? 'is' : 'are'} only ${blocks.length} topology block${blocks.length === 1 ? '' : 's'}`;
}

/** Whether a trace end is an address rather than a name (`10.0.1.5`, `203.0.113.0/24`). */
export function isAddress(text: string): boolean {
	return parseCidr(text, { allowBareAddress: true }).ok;
}
