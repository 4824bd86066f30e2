// Corpus run (not a repository test): the Terraform configurations of /work/shared/corpora/terraform/
// (ORIGINS.tsv says where each comes from) through the built CLI: `lint` must find no error,
// `mermaid` must draw every VPC, subnet and gateway `model` lists, and `model` classifies each
// subnet public or private. Prints the counts per note and each subnet's class (checked by hand
// against the configurations; see docs/terraform.md), and fails on an error or a missing drawing.
//
//   npm run build && node scripts/corpus/terraform.mjs [corpus-dir] [--subnets]
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? "/work/shared/corpora/terraform";
const cli = join(import.meta.dirname, "..", "..", "bin", "cloudnotes.js");
const verbose = process.argv.includes("--subnets");

function run(args) {
	const r = spawnSync("node", [cli, ...args], { encoding: "utf8" });
	return { code: r.status, out: r.stdout, err: r.stderr };
}

let failures = 0;
const totals = { notes: 0, vpcs: 0, subnets: 0, public: 0, private: 0, igws: 0, nats: 0, instances: 0, lbs: 0, sgs: 0, errors: 0, warnings: 0, info: 0 };
for (const name of readdirSync(dir).filter((f) => f.endsWith(".md")).sort()) {
	const file = join(dir, name);
	totals.notes++;
	const lint = JSON.parse(run(["lint", file, "--format", "json"]).out || "[]");
	const count = (s) => lint.filter((d) => d.severity === s).length;
	const model = run(["model", file]);
	const mermaid = run(["mermaid", file]);
	let blocks = [];
	try {
		blocks = JSON.parse(model.out).blocks;
	} catch {
		console.log(`${name}: model printed no JSON: ${model.err.trim()}`);
		failures++;
		continue;
	}
	const vpcs = blocks.flatMap((b) => b.vpcs);
	const subnets = vpcs.flatMap((v) => v.subnets);
	const pub = subnets.filter((s) => s.public).length;
	const igws = vpcs.flatMap((v) => v.internetGateways);
	const nats = vpcs.flatMap((v) => v.natGateways);
	// Every VPC, subnet and gateway appears in the drawing (by its name in a label).
	const drawnText = decode(mermaid.out);
	const missing = [...vpcs.map((v) => v.id), ...subnets.map((s) => s.id), ...igws.map((g) => g.id), ...nats.map((n) => n.id)].filter((id) => !drawnText.includes(labelOf(id)));
	const errors = count("error");
	totals.vpcs += vpcs.length;
	totals.subnets += subnets.length;
	totals.public += pub;
	totals.private += subnets.length - pub;
	totals.igws += igws.length;
	totals.nats += nats.length;
	totals.instances += vpcs.flatMap((v) => v.instances).length;
	totals.lbs += vpcs.flatMap((v) => v.loadBalancers).length;
	totals.sgs += vpcs.flatMap((v) => v.securityGroups).length;
	totals.errors += errors;
	totals.warnings += count("warning");
	totals.info += count("info");
	const verdict = errors === 0 && missing.length === 0 && mermaid.code === 0 ? "ok" : "FAIL";
	if (verdict !== "ok") failures++;
	console.log(
		`${verdict.padEnd(4)} ${name.padEnd(42)} vpcs ${vpcs.length}  subnets ${subnets.length} (${pub} public)  igw ${igws.length}  nat ${nats.length}  lint ${errors}E ${count("warning")}W ${count("info")}I${missing.length ? `  NOT DRAWN: ${missing.join(", ")}` : ""}`,
	);
	for (const d of lint.filter((d) => d.severity === "error")) console.log(`     ${d.line}:${d.column} ${d.code} ${d.message}`);
	if (verbose) for (const v of vpcs) for (const s of v.subnets) console.log(`     ${v.id} ${s.id} ${s.cidr} ${s.zone} ${s.public ? "public" : "private"} via ${s.routeTable}`);
}
console.log(
	`\n${totals.notes} notes: ${totals.vpcs} VPCs, ${totals.subnets} subnets (${totals.public} public, ${totals.private} private), ${totals.igws} internet gateways, ${totals.nats} NAT gateways, ${totals.instances} instances/databases, ${totals.lbs} load balancers, ${totals.sgs} security groups; lint ${totals.errors} errors, ${totals.warnings} warnings, ${totals.info} info`,
);
if (failures) {
	console.log(`${failures} note(s) failed`);
	process.exitCode = 1;
}

/** Labels as a reader sees them: Mermaid's entity codes (shared/mermaid-text.ts escapeLabel) decoded. */
function decode(text) {
	const named = { quot: '"', amp: "&", lt: "<", gt: ">" };
	return text.replace(/#([0-9]+|quot|amp|lt|gt);/g, (_, code) => named[code] ?? String.fromCodePoint(Number(code)));
}

function labelOf(id) {
	return id;
}
