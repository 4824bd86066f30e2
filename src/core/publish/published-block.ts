/**
 * A topology block as a publisher shows it: the Mermaid text the site's own Mermaid draws, the
 * block's lint results and its declared flows' verdicts, from the same core the plugin uses.
 * Publishers (the Digital Garden hook, `cloudnotes render`) turn this into HTML or Markdown.
 */
import type { LayoutPlan } from '../topology/shared/cloud-layout';
import { analyzeTopology, declaredFlows, toMermaid, trace, type Diagnostic, type TopologyAnalysis } from '../topology';

export interface PublishedFlow {
	text: string;
	allowed: boolean;
	summary: string;
}

export interface PublishedBlock {
	kind: string;
	/** The block's text as written (the client script traces from it). */
	source: string;
	/** 1-based note line of the block's first content line. */
	firstLine: number;
	/** The resource standing for the whole block (VPC, host), or ''. */
	title: string;
	/** Mermaid flowchart text, or null when the block cannot be drawn (see `refusal` and `diagnostics`). */
	mermaid: string | null;
	/** The cloud layout's placements for `mermaid` (null: Mermaid's own layout draws it). */
	layout: LayoutPlan | null;
	refusal: string | null;
	diagnostics: Diagnostic[];
	flows: PublishedFlow[];
	/** The direction the diagram was drawn in when a setting chose one (the client draws the same). */
	direction: 'TB' | 'LR' | null;
	analysis: TopologyAnalysis;
}

export interface PublishOptions {
	direction?: 'TB' | 'LR';
	/** Draw with our icon pack (the renderer must register it: see iconPackLoaders). */
	icons?: boolean;
}

export function publishBlock(kind: string, source: string, firstLine: number, options: PublishOptions = {}): PublishedBlock {
	const analysis = analyzeTopology(kind, source, firstLine);
	const { model } = analysis;
	const hasErrors = analysis.diagnostics.some((d) => d.severity === 'error');
	let mermaid: string | null = null;
	let layout: LayoutPlan | null = null;
	let refusal: string | null = null;
	if (model && !hasErrors) {
		const diagram = toMermaid(model, { ...(options.direction ? { direction: options.direction } : {}), ...(options.icons ? { icons: true } : {}) });
		if (diagram.text !== '') {
			mermaid = diagram.text;
			layout = diagram.layout ?? null;
		}
		else refusal = diagram.refusal ?? 'nothing to draw';
	} else {
		refusal = 'This block has errors; fix them in the note to publish its diagram.';
	}
	const flows: PublishedFlow[] = [];
	if (model && !hasErrors) {
		for (const flow of declaredFlows(model)) {
			const query: Parameters<typeof trace>[1] = { from: flow.from, to: flow.to };
			if (flow.proto === 'tcp' || flow.proto === 'udp' || flow.proto === 'icmp' || flow.proto === 'all') query.proto = flow.proto;
			if (flow.port !== undefined) query.port = flow.port;
			const result = trace(model, query);
			flows.push({ text: flow.text, allowed: result.allowed, summary: result.summary });
		}
	}
	return { kind, source, firstLine, title: analysis.title, mermaid, layout, refusal, diagnostics: analysis.diagnostics, flows, direction: options.direction ?? null, analysis };
}
