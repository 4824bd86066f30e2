#!/usr/bin/env node
/**
 * Corpus run for issue 26 (not a repository test): notes with several VPCs (```cloudformation, ```terraform or
 * ```vpc blocks) through the real core, and AWS CLI snapshots through `cloudnotes import`. For each
 * block it prints the VPCs, links and diagnostics found, checks that every VPC and link is drawn
 * (a subgraph or node in the Mermaid text) and that lint finds no error; for each snapshot, that
 * the import gives ONE block holding every VPC of it.
 *
 *   node scripts/corpus/multi-vpc.mjs --notes DIR... --aws-cli DIR...
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadCore } from './load-core.mjs';

const core = await loadCore("export * from './src/core/topology'; export * from './src/core/import';");

const groups = { '--notes': [], '--aws-cli': [] };
let current = null;
for (const a of process.argv.slice(2)) {
	if (a in groups) current = a;
	else if (current) groups[current].push(a);
}
const files = (p) => (statSync(p).isFile() ? [p] : readdirSync(p).sort().filter((n) => n.endsWith('.md')).map((n) => path.join(p, n)));

let failures = 0;
const totals = { blocks: 0, vpcs: 0, peerings: 0, 'transit gateways': 0, 'tgw route tables': 0, endpoints: 0, 'vpn gateways': 0, 'on-premises': 0, 'vpn connections': 0, errors: 0, warnings: 0, info: 0, 'undrawn': 0 };

function networkOf(model) {
	return (model.vpc ?? model).network;
}

for (const file of groups['--notes'].flatMap(files)) {
	for (const block of core.analyzeNote(readFileSync(file, 'utf8'))) {
		const { analysis } = block;
		if (!analysis.model) continue;
		totals.blocks++;
		const net = networkOf(analysis.model);
		const diagram = core.toMermaid(analysis.model);
		const text = diagram.text;
		const drawn = (name) => text.includes(`${core.mermaidIdFor(name)}[`) || text.includes(`${core.mermaidIdFor(name)}{`) || text.includes(`${core.mermaidIdFor(name)}(`) || text.includes(`subgraph ${core.mermaidIdFor(name)}[`);
		const names = [...net.vpcs.map((v) => v.name), ...net.peerings.keys(), ...net.transitGateways.keys(), ...net.endpoints.keys(), ...net.vpnGateways.keys(), ...net.onPremises.keys()];
		const undrawn = names.filter((n) => !drawn(n));
		const count = (sev) => analysis.diagnostics.filter((d) => d.severity === sev).length;
		let tables = 0;
		for (const t of net.transitGateways.values()) tables += t.routeTables.size;
		const row = {
			vpcs: net.vpcs.length,
			peerings: net.peerings.size,
			'transit gateways': net.transitGateways.size,
			'tgw route tables': tables,
			endpoints: net.endpoints.size,
			'vpn gateways': net.vpnGateways.size,
			'on-premises': net.onPremises.size,
			'vpn connections': net.vpnConnections.size,
			errors: count('error'),
			warnings: count('warning'),
			info: count('info'),
			undrawn: undrawn.length,
		};
		for (const [k, v] of Object.entries(row)) totals[k] += v;
		const ok = row.errors === 0 && undrawn.length === 0 && !diagram.refusal;
		if (!ok) failures++;
		console.log(`${ok ? 'ok  ' : 'FAIL'} ${path.basename(file)} #${block.block} (${block.kind}): ${Object.entries(row).map(([k, v]) => `${v} ${k}`).join(', ')}; diagram ${text.length} chars, ${diagram.edges.length} edges`);
		for (const d of analysis.diagnostics.filter((x) => x.severity !== 'info')) console.log(`       line ${d.line} ${d.severity} ${d.code}: ${d.message}`);
		if (undrawn.length) console.log(`       not drawn: ${undrawn.join(', ')}`);
		if (diagram.refusal) console.log(`       refused: ${diagram.refusal}`);
	}
}

for (const dir of groups['--aws-cli']) {
	const inputs = readdirSync(dir).filter((n) => n.endsWith('.json')).sort().map((n) => ({ name: n, text: readFileSync(path.join(dir, n), 'utf8') }));
	const vpcCount = inputs.filter((i) => i.name === 'Vpcs.json').map((i) => JSON.parse(i.text).Vpcs.length)[0] ?? 0;
	const result = core.importVpcBlocks(inputs, 'aws-cli');
	const note = result.blocks.map((b) => b.fenced).join('\n');
	const blocks = core.analyzeNote(note);
	const held = blocks.map((b) => networkOf(b.analysis.model).vpcs.length);
	const errors = blocks.flatMap((b) => b.analysis.diagnostics.filter((d) => d.severity === 'error'));
	const ok = result.blocks.length === 1 && held[0] === vpcCount && errors.length === 0;
	if (!ok) failures++;
	console.log(`${ok ? 'ok  ' : 'FAIL'} ${path.basename(dir)} (aws-cli): ${vpcCount} VPCs in the snapshot -> ${result.blocks.length} block(s) holding ${held.join('+')} VPCs, ${errors.length} errors`);
	for (const e of errors) console.log(`       line ${e.line} ${e.code}: ${e.message}`);
}

console.log(`\ntotals: ${Object.entries(totals).map(([k, v]) => `${v} ${k}`).join(', ')}`);
console.log(failures ? `${failures} failing` : 'all pass');
process.exit(failures ? 1 : 0);
