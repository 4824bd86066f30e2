// Scenario 2: the topology core in Node: parse + lint (analyzeTopology) and the Mermaid text
// (toMermaid) of generated blocks, as the plugin does for every rendered block.
import { generateContainers, generateKubernetes, generateVpc } from "../topology-blocks.mjs";
import { row, timeRunsWithCpu } from "../measure.mjs";

/** Parse + lint + Mermaid text once; returns what was made, so the work cannot be skipped. */
function once(core, kind, source) {
	const analysis = core.analyzeTopology(kind, source, 4);
	const diagram = core.toMermaid(analysis.model);
	return { analysis, diagram };
}

/** The generated blocks must be what a person would write: no lint errors, a model, drawn resources. */
function check(core, kind, source, label) {
	const { analysis, diagram } = once(core, kind, source);
	const errors = analysis.diagnostics.filter((d) => d.severity === "error");
	if (!analysis.model || errors.length > 0) {
		throw new Error(`${label}: the generated block does not lint clean: ${errors.slice(0, 3).map((d) => `${d.line}:${d.column} ${d.message}`).join("; ")}`);
	}
	const warnings = analysis.diagnostics.filter((d) => d.severity === "warning").length;
	const note = diagram.refusal ? `Mermaid text refused after generating it: ${diagram.refusal}` : `Mermaid text ${diagram.text.length} chars, ${diagram.edges.length} edges`;
	console.log(`  ${label}: ${analysis.resources.length} resources listed (with internet), ${source.length} chars of YAML, ${warnings} warnings; ${note}`);
	return diagram;
}

export async function topologyCore(core, { runs = 41 } = {}) {
	const rows = [];
	const cases = [
		{ label: "vpc 20 resources", kind: "vpc", source: generateVpc(20), budget: null },
		{ label: "vpc 100 resources", kind: "vpc", source: generateVpc(100), budget: null },
		{ label: "vpc 500 resources", kind: "vpc", source: generateVpc(500), budget: { max: 20 } },
		{ label: "containers 100 services", kind: "containers", source: generateContainers(100), budget: null },
		{ label: "kubernetes 200 objects", kind: "kubernetes", source: generateKubernetes(200), budget: { max: 20 } },
	];
	for (const c of cases) {
		const diagram = check(core, c.kind, c.source, c.label);
		let sink = 0;
		const { wall, cpu } = await timeRunsWithCpu(() => {
			sink += once(core, c.kind, c.source).analysis.resources.length;
		}, { warmup: 20, runs });
		if (sink === 0) throw new Error("nothing analysed");
		const refused = diagram.refusal ? " (text over Mermaid's size cap, refused)" : "";
		rows.push(row(`topology core: parse + lint + Mermaid text, ${c.label}${refused}`, "ms", wall, c.budget));
		rows.push(row(`topology core: parse + lint + Mermaid text, ${c.label}, CPU time`, "ms", cpu, null));
	}
	return rows;
}
