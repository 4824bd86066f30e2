/**
 * The topology core: blocks of every registered language parsed into checked models, linted,
 * traced and drawn. Pure TypeScript (no Obsidian, no Node), so it runs in the plugin, on mobile
 * and in the command line alike.
 */

import { splitLines } from '../markdown/fences';
import type { AnyTopologyLanguage, TopologyModel } from './language';
import { findTopologyBlocks, languageById, languageOf } from './registry';
import { parseCidr } from './shared/cidr';
import { sortDiagnostics, type Diagnostic } from './shared/diagnostic';
import { lintFlows } from './flow-lint';
import { TOO_LARGE_REFUSAL, withinCaps, type MermaidDiagram, type MermaidOptions } from './shared/mermaid-builder';
import type { ResourceInfo } from './shared/resource-info';
import type { TraceQuery, TraceResult } from './shared/trace-types';
import { TextSource } from './shared/text-source';
import { YamlSource } from './yaml/yaml-source';
import { vpcJson, type VpcJson } from './vpc/model-json';
import { linksJson, type LinksJson } from './vpc/network-json';

export type { Severity, Diagnostic, DiagnosticCode } from './shared/diagnostic';
export { DIAGNOSTIC_SEVERITY } from './shared/diagnostic';
export type { ResourceInfo, ResourceDetail, ResourceType } from './shared/resource-info';
export type { TraceHop, TraceQuery, TraceResult } from './shared/trace-types';
export { declaredFlows, type FlowDecl } from './shared/flows';
export { MERMAID_CAPS, type DiagramColors, type MermaidDiagram, type MermaidOptions } from './shared/mermaid-builder';
export { mermaidIdFor, resourceForMermaidId, escapeLabel } from './shared/mermaid-text';
export type { TopologyLanguage, TopologyModel } from './language';
export type { CardBlock, TopologyCard } from './shared/cards';
export { TOPOLOGY_LANGUAGES, TOPOLOGY_FENCES, findTopologyBlocks, isTopologyFence, languageById, languageForFence, languageOf, type TopologyFencedBlock } from './registry';
export type { VpcModel } from './vpc/model';
export type { VpcJson } from './vpc/model-json';
export type { LinksJson } from './vpc/network-json';
export type { ContainersModel } from './containers/model';

/** A block kind: the id of a registered topology language (`vpc`, `containers`, ...). */
export type TopologyKind = string;

export interface TopologyAnalysis {
	kind: TopologyKind;
	model: TopologyModel | null;
	diagnostics: Diagnostic[];
	resources: ResourceInfo[];
	/** The resource that stands for the whole block (the VPC, the Docker host), or '' when there is none. */
	title: string;
	/** Names a trace can start or end at, `internet` first. */
	endpoints: string[];
}

/** Beyond these a block is still checked, but not drawn (Mermaid would choke, the note would crawl). */
export const TOPOLOGY_LIMITS = { maxResources: 1000, maxSourceChars: 200_000 } as const;

/**
 * Parse + lint one block. `firstLine` is the 1-based note line of the block's first content line
 * (the line after the opening fence); `columnOffset` is the fence's indentation, if any.
 * Never throws: bad input yields diagnostics and whatever model is sound.
 */
export function analyzeTopology(kind: TopologyKind, source: string, firstLine: number, columnOffset = 0): TopologyAnalysis {
	const start = { line: firstLine, column: 1 + columnOffset };
	const language = languageById(kind);
	if (!language) {
		return { kind, model: null, diagnostics: [{ ...start, severity: 'error', code: 'invalid-value', message: `\`${kind}\` is not a topology block language` }], resources: [], title: '', endpoints: [] };
	}
	let src: TextSource | null = null;
	let model: TopologyModel | null = null;
	try {
		src =
			language.reads === 'text'
				? new TextSource(source, firstLine, columnOffset)
				: new YamlSource(source, firstLine, columnOffset, { documents: language.multiDocument === true, mergeDocuments: language.mergesDocuments === true });
		if (source.length > TOPOLOGY_LIMITS.maxSourceChars) {
			src.report(start, 'too-large', `this block is ${source.length.toLocaleString('en-US')} characters, over the ${TOPOLOGY_LIMITS.maxSourceChars.toLocaleString('en-US')} that can be drawn; split it into smaller blocks`);
		}
		const parsed = language.parse(src);
		model = parsed;
		const count = language.resourceCount(parsed);
		if (count > TOPOLOGY_LIMITS.maxResources) {
			src.report(start, 'too-large', `this block declares ${count} resources, over the ${TOPOLOGY_LIMITS.maxResources} that can be drawn; split it into smaller blocks`);
		}
		parsed.tooLarge = count > TOPOLOGY_LIMITS.maxResources || source.length > TOPOLOGY_LIMITS.maxSourceChars;
		language.lint(parsed, src.sink);
		lintFlows(language, parsed, src.sink);
		const resources = language.resources(parsed);
		return { kind, model, diagnostics: sortDiagnostics(src.diagnostics()), resources, title: language.title(parsed), endpoints: endpointsOf(language, resources) };
	} catch (e) {
		// Only a bug gets here; keep what was found and say so instead of breaking the note.
		const diagnostics = src ? src.diagnostics() : [];
		diagnostics.push({ ...start, severity: 'error', code: 'invalid-value', message: `Cloudnotes could not check this block (internal error: ${e instanceof Error ? e.message : String(e)})` });
		return { kind, model, diagnostics: sortDiagnostics(diagnostics), resources: [], title: '', endpoints: ['internet'] };
	}
}

function endpointsOf(language: AnyTopologyLanguage, resources: readonly ResourceInfo[]): string[] {
	const names = resources.filter((r) => language.endpointTypes.has(r.type)).map((r) => r.name);
	if (!names.includes('internet')) names.unshift('internet');
	return [...new Set(names)];
}

/** Reachability in any block's model; unknown names give a refusal, never an exception. */
export function trace(model: TopologyModel, query: TraceQuery): TraceResult {
	return languageOf(model).trace(model, query);
}

/** The model drawn as Mermaid flowchart text, or a refusal when it is too large for Mermaid. */
export function toMermaid(model: TopologyModel, options: MermaidOptions = {}): MermaidDiagram {
	if (model.tooLarge) return { ...TOO_LARGE_REFUSAL };
	const language = languageOf(model);
	const direction = options.direction ?? language.defaultDirection;
	const diagram = withinCaps(language.mermaid(model, { ...options, direction }));
	// Icon shapes take more text than classic ones: a block that only fits Mermaid's caps without
	// them is drawn without them rather than refused.
	if (diagram.refusal !== undefined && options.icons) return withinCaps(language.mermaid(model, { ...options, direction, icons: false }));
	return diagram;
}

export interface NoteBlockAnalysis {
	/** 1-based index among the note's topology blocks (the CLI's `--block N`). */
	block: number;
	kind: TopologyKind;
	/** 1-based note line of the opening fence. */
	openLine: number;
	analysis: TopologyAnalysis;
}

/** Every topology block of a note, analysed; frontmatter and other code left alone. */
export function analyzeNote(text: string): NoteBlockAnalysis[] {
	const lines = splitLines(text);
	return findTopologyBlocks(text).map((b, i) => {
		const indent = /^ */.exec(lines[b.openLine] ?? '')?.[0].length ?? 0;
		// An unclosed fence on the note's last line has no content line: point at the fence itself.
		const firstLine = Math.min(b.contentLine, lines.length - 1) + 1;
		return {
			block: i + 1,
			kind: b.kind,
			openLine: b.openLine + 1,
			analysis: analyzeTopology(b.kind, b.content, firstLine, indent),
		};
	});
}

/** The note's topology block number `n` (from 1), or why there is none (for `--block N`). */
export function blockByNumber(blocks: readonly NoteBlockAnalysis[], n: number): NoteBlockAnalysis | string {
	if (!Number.isInteger(n) || n < 1) return `blocks are counted from 1, not ${n}`;
	const block = blocks[n - 1];
	return block ?? `there ${blocks.length === 1 ? 'is' : 'are'} only ${blocks.length} topology block${blocks.length === 1 ? '' : 's'}`;
}

/**
 * The VPCs of a VPC-shaped block and what joins them, as plain JSON (`cloudnotes model`); null for
 * other languages. Every VPC of a block shares one network, so the first one's holds the links.
 */
export function networkJson(model: TopologyModel): { vpcs: VpcJson[]; links: LinksJson } | null {
	const vpcs = languageOf(model).vpcs?.(model);
	if (!vpcs) return null;
	return { vpcs: vpcs.map(vpcJson), links: linksJson(vpcs[0]?.network ?? null) };
}

/** Whether a trace end is an address rather than a name (`10.0.1.5`, `203.0.113.0/24`). */
export function isAddress(text: string): boolean {
	return parseCidr(text, { allowBareAddress: true }).ok;
}
