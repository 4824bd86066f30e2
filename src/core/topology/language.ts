/**
 * One topology language (`vpc`, `containers`, ...): everything the plugin, the command line, the
 * demo and the card extractor need from a block of it. A language is one folder implementing this
 * interface and one line in registry.ts; nothing outside its folder branches on its name.
 */
import type { CardBlock, TopologyCard } from './shared/cards';
import type { DiagnosticSink } from './shared/diagnostic';
import type { FlowSpec } from './shared/flow-model';
import type { MermaidDiagram, MermaidOptions } from './shared/mermaid-builder';
import type { OcclusionFact } from './shared/occlusion-fact';
import type { ResourceInfo } from './shared/resource-info';
import type { TraceQuery, TraceResult } from './shared/trace-types';
import type { VpcModel } from './vpc/model';
import type { TextSource } from './shared/text-source';
import type { YamlSource } from './yaml/yaml-source';

/** What every language's model has: its language id, its declared flows, and whether it is too large to draw. */
export interface TopologyModel {
	readonly kind: string;
	flows: FlowSpec[];
	tooLarge: boolean;
}

/** `S`: what `parse` is handed: the block read as YAML (most languages), or its text alone (`reads: 'text'`). */
export interface TopologyLanguage<M extends TopologyModel = TopologyModel, S extends TextSource = YamlSource> {
	/** The block kind: the model's `kind`, the CLI's and the CSS's `data-kind`. */
	readonly id: string;
	/** Fence names that open a block of this language (the first is the id; others are aliases such as `k8s`). */
	readonly fences: readonly string[];
	/** `text`: the language reads its own syntax (HCL) from `src.source`; otherwise the block is read as YAML first. */
	readonly reads?: 'yaml' | 'text';
	/** Whether a block holds several YAML documents separated by `---` (pasted manifests); read from `src.documents`. */
	readonly multiDocument?: boolean;
	/** Whether the diagram can also draw what is refused (`MermaidOptions.showDenied`); the plugin then offers a toggle. */
	readonly canShowDenied?: boolean;
	/** Flowchart direction when the block and the settings say nothing. */
	readonly defaultDirection: 'TB' | 'LR';
	/** Several `---` documents in a block are merged into one (Compose, as compose-go does); otherwise the second is refused. */
	readonly mergesDocuments?: boolean;
	/** The block's text as a checked model; problems go to `src`'s diagnostics with positions. Never throws on bad input. */
	parse(src: S): M;
	/** Resources the block declares, for the size limit. */
	resourceCount(model: M): number;
	lint(model: M, sink: DiagnosticSink): void;
	/** Every resource with its details panel, in the block's order. */
	resources(model: M): ResourceInfo[];
	/** The resource that stands for the whole block (the VPC, the Docker host), for labels and file names. */
	title(model: M): string;
	/** Resource types a trace can start or end at (the trace panel's lists, in the resources' order). */
	readonly endpointTypes: ReadonlySet<string>;
	/** Whether a flow may name this end; `endpointHint` says what may be named, for the message when it may not. */
	isEndpoint(model: M, name: string): boolean;
	readonly endpointHint: string;
	trace(model: M, query: TraceQuery): TraceResult;
	mermaid(model: M, options: MermaidOptions): MermaidDiagram;
	/** The VPCs a VPC-shaped block holds (`cloudnotes model`); absent for other languages. */
	vpcs?(model: M): VpcModel[];
	/** Facts the block implies, asked as questions (the extractor keeps the first few). */
	cards(model: M, block: CardBlock): TopologyCard[];
	/**
	 * Facts of the block worth hiding in its diagram (occlusion cards): a drawn element, what about
	 * it is hidden, and which label texts or edges tell it. Trace drills need nothing more than
	 * `trace`, so a language without this still gets those.
	 */
	occlusionFacts?(model: M, block: CardBlock): OcclusionFact[];
}

/**
 * The registry holds languages of different models; each is only ever handed its own (methods
 * are declared as methods so a `TopologyLanguage<VpcModel>` fits here).
 */
export type AnyTopologyLanguage = TopologyLanguage<TopologyModel, TextSource>;
