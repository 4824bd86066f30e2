#!/usr/bin/env node
/**
 * Corpus run for issue 17 (not a repository test): CloudFormation templates through the
 * `cloudformation` language, AWS CLI snapshots and `terraform show -json` files through
 * `cloudnotes import`. For every VPC, subnet, route table, route, security group (and rule) and
 * NACL (and entry) in the input it checks that the result holds it or says why not (a diagnostic
 * or a comment naming it): nothing silently dropped. Also counts crashes and internal errors.
 *
 *   node scripts/corpus/cloud-import.mjs --cfn DIR... --aws-cli DIR... --terraform FILE|DIR...
 *
 * CloudFormation inputs are notes holding ```cloudformation blocks or raw .yaml/.json templates;
 * an AWS CLI snapshot is a folder of describe-* JSON files read together.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadCore } from './load-core.mjs';

const core = await loadCore("export * from './src/core/topology'; export * from './src/core/import'; export { composeYaml } from './src/core/topology/yaml/yaml-compose';");

const args = process.argv.slice(2);
const groups = { '--cfn': [], '--aws-cli': [], '--terraform': [] };
let current = null;
for (const a of args) {
	if (a in groups) current = a;
	else if (current) groups[current].push(a);
}

const files = (p, ext) => {
	if (statSync(p).isFile()) return [p];
	return readdirSync(p)
		.sort()
		.flatMap((n) => (statSync(path.join(p, n)).isDirectory() ? files(path.join(p, n), ext) : ext.test(n) ? [path.join(p, n)] : []));
};

const totals = {};
const add = (section, key, n = 1) => {
	totals[section] ??= {};
	totals[section][key] = (totals[section][key] ?? 0) + n;
};
const problems = [];

// ---------------------------------------------------------------- CloudFormation
const NETWORK = {
	'AWS::EC2::VPC': 'vpcs',
	'AWS::EC2::Subnet': 'subnets',
	'AWS::EC2::RouteTable': 'route tables',
	'AWS::EC2::Route': 'routes',
	'AWS::EC2::SecurityGroup': 'security groups',
	'AWS::EC2::SecurityGroupIngress': 'sg rules (standalone)',
	'AWS::EC2::SecurityGroupEgress': 'sg rules (standalone)',
	'AWS::EC2::NetworkAcl': 'nacls',
	'AWS::EC2::NetworkAclEntry': 'nacl entries',
};

function templateResources(text) {
	const { root: node } = core.composeYaml(text);
	const res = node?.kind === 'map' ? node.items.find((p) => p.key?.value === 'Resources')?.value : null;
	const list = [];
	for (const pair of res?.kind === 'map' ? res.items : []) {
		const type = pair.value?.kind === 'map' ? pair.value.items.find((p) => p.key?.value === 'Type')?.value?.value : null;
		list.push({ id: String(pair.key?.value), type });
	}
	return list;
}

function checkTemplate(name, text) {
	add('cloudformation', 'templates');
	let analysis;
	try {
		analysis = core.analyzeTopology('cloudformation', text, 1);
	} catch (e) {
		problems.push(`${name}: crash ${e.message}`);
		add('cloudformation', 'crashes');
		return;
	}
	if (analysis.diagnostics.some((d) => d.message.includes('internal error'))) {
		add('cloudformation', 'internal errors');
		problems.push(`${name}: internal error`);
	}
	for (const d of analysis.diagnostics) add('cloudformation', `diagnostics ${d.severity}`);
	if (analysis.diagnostics.some((d) => d.severity === 'error')) add('cloudformation', 'templates with errors');
	const model = analysis.model;
	const vpc = model?.vpc;
	if (!vpc) return;
	let diagram;
	try {
		diagram = core.toMermaid(model);
		if (diagram.text || diagram.refusal) add('cloudformation', 'diagrams drawn');
	} catch (e) {
		problems.push(`${name}: mermaid crash ${e.message}`);
	}
	const mentioned = (id) => analysis.diagnostics.some((d) => d.message.includes(`\`${id}\``));
	const routeIds = new Set();
	const templateLines = text.split('\n');
	for (const table of vpc.routeTables.values()) for (const r of table.routes) routeIds.add(templateLines[r.pos.line - 1]?.trim().replace(/:$/, ''));
	const rules = new Set();
	for (const g of vpc.securityGroups.values()) for (const r of [...g.inbound, ...g.outbound]) rules.add(templateLines[r.pos.line - 1]?.trim().replace(/:$/, ''));
	for (const n of vpc.nacls.values()) for (const r of [...n.inbound, ...n.outbound]) rules.add(templateLines[r.pos.line - 1]?.trim().replace(/:$/, ''));
	for (const { id, type } of templateResources(text)) {
		const kind = NETWORK[type];
		if (!kind) continue;
		add('cloudformation', `input ${kind}`);
		let present = false;
		if (type === 'AWS::EC2::VPC') present = vpc.name === id;
		else if (type === 'AWS::EC2::Subnet') present = vpc.subnets.has(id);
		else if (type === 'AWS::EC2::RouteTable') present = vpc.routeTables.has(id);
		else if (type === 'AWS::EC2::Route') present = routeIds.has(id) || routeIds.has(`"${id}"`) || routeIds.has(`"${id}": {`) || routeIds.has(`${id}`);
		else if (type === 'AWS::EC2::SecurityGroup') present = vpc.securityGroups.has(id);
		else if (type === 'AWS::EC2::NetworkAcl') present = vpc.nacls.has(id);
		else present = rules.has(id) || rules.has(`"${id}": {`) || rules.has(`"${id}"`);
		if (present) add('cloudformation', `in model ${kind}`);
		else if (mentioned(id)) {
			add('cloudformation', `reported ${kind}`);
			if (process.env.CORPUS_VERBOSE) console.log(`reported: ${path.basename(name)} ${id}: ${analysis.diagnostics.find((d) => d.message.includes(`\`${id}\``))?.message}`);
		}
		else {
			add('cloudformation', `MISSING ${kind}`);
			problems.push(`${name}: ${type} ${id} neither in the model nor reported`);
		}
	}
}

for (const dir of groups['--cfn']) {
	for (const file of files(dir, /\.(md|ya?ml|json|template)$/)) {
		const text = readFileSync(file, 'utf8');
		if (file.endsWith('.md')) {
			for (const b of core.findTopologyBlocks(text)) if (b.kind === 'cloudformation') checkTemplate(file, b.content);
		} else checkTemplate(file, text);
	}
}

// ---------------------------------------------------------------- imports (AWS CLI, Terraform)
function readBack(section, name, output) {
	const result = { vpcs: 0, subnets: 0, 'route tables': 0, routes: 0, 'security groups': 0, 'sg rules': 0, nacls: 0, 'nacl entries': 0, notes: 0 };
	for (const block of output.blocks) {
		const analysis = core.analyzeTopology('vpc', block.yaml, 1);
		// Shape errors would be the importer's fault; lint errors are findings about the input itself.
		const SHAPE = new Set(['yaml-syntax', 'unknown-field', 'missing-field', 'invalid-value', 'invalid-rule', 'invalid-cidr', 'duplicate-name', 'reserved-name', 'unknown-reference']);
		const errors = analysis.diagnostics.filter((d) => d.severity === 'error' && SHAPE.has(d.code));
		for (const d of analysis.diagnostics.filter((x) => x.severity === 'error' && !SHAPE.has(x.code))) add(section, `lint findings in blocks: ${d.code}`);
		if (errors.length) {
			add(section, 'blocks with shape errors');
			problems.push(`${name}: block ${block.name}: ${errors.map((e) => `${e.line}: ${e.message}`).join('; ')}`);
		}
		const v = analysis.model;
		result.vpcs++;
		result.subnets += v.subnets.size;
		result['route tables'] += v.routeTables.size;
		for (const t of v.routeTables.values()) result.routes += t.routes.length;
		result['security groups'] += v.securityGroups.size;
		for (const g of v.securityGroups.values()) result['sg rules'] += g.inbound.length + g.outbound.length;
		result.nacls += v.nacls.size;
		for (const n of v.nacls.values()) result['nacl entries'] += n.inbound.length + n.outbound.length;
		result.notes += block.notes.length;
	}
	return result;
}

function compare(section, name, input, result, notes) {
	for (const [key, n] of Object.entries(input)) {
		add(section, `input ${key}`, n);
		add(section, `result ${key}`, result[key] ?? 0);
		// Rules and routes may be split (one line per peer) or listed as notes; containers must all be there.
		const listed = result[key] ?? 0;
		if (['vpcs', 'subnets', 'route tables', 'security groups', 'nacls'].includes(key) && listed < n) problems.push(`${name}: ${key}: ${n} in, ${listed} out`);
	}
	add(section, 'notes (not represented, listed)', notes);
}

function runImport(section, name, inputs, counts) {
	add(section, 'inputs');
	let output;
	try {
		output = core.importVpcBlocks(inputs);
	} catch (e) {
		add(section, 'failures');
		problems.push(`${name}: ${e.message}`);
		return;
	}
	const result = readBack(section, name, output);
	const notes = output.blocks.reduce((n, b) => n + b.notes.length, 0) + output.notes.length;
	compare(section, name, counts, result, notes);
	// Routes and rules: every one is either in a block or in a note.
	for (const key of ['routes', 'nacl entries']) {
		if ((result[key] ?? 0) < (counts[key] ?? 0)) {
			const gap = counts[key] - result[key];
			const noted = output.blocks.flatMap((b) => b.notes).filter((n) => (key === 'routes' ? / -> /.test(n) : /NACL .*rule/.test(n))).length;
			if (noted < gap) problems.push(`${name}: ${key}: ${counts[key]} in, ${result[key]} in blocks, ${noted} listed as notes`);
		}
	}
}

for (const dir of groups['--aws-cli']) {
	const jsons = files(dir, /\.json$/);
	const docs = jsons.map((f) => JSON.parse(readFileSync(f, 'utf8')));
	const all = (key) => docs.flatMap((d) => (Array.isArray(d[key]) ? d[key] : []));
	const counts = {
		vpcs: all('Vpcs').length,
		subnets: all('Subnets').length,
		'route tables': all('RouteTables').length,
		routes: all('RouteTables').reduce((n, t) => n + (t.Routes ?? []).filter((r) => r.GatewayId !== 'local').length, 0),
		'security groups': all('SecurityGroups').length,
		nacls: all('NetworkAcls').length,
		'nacl entries': all('NetworkAcls').reduce((n, a) => n + (a.Entries ?? []).filter((e) => e.RuleNumber !== 32767).length, 0),
	};
	runImport('aws-cli', dir, jsons.map((f) => ({ name: path.basename(f), text: readFileSync(f, 'utf8') })), counts);
	// The same snapshot concatenated into one text must give the same blocks.
	const one = core.importVpcBlocks([{ name: 'all.json', text: jsons.map((f) => readFileSync(f, 'utf8')).join('\n') }]);
	add('aws-cli', 'concatenated: blocks', one.blocks.length);
}

for (const p of groups['--terraform']) {
	for (const file of files(p, /\.json$/)) {
		const doc = JSON.parse(readFileSync(file, 'utf8'));
		const resources = [];
		const walk = (m) => {
			if (!m) return;
			resources.push(...(m.resources ?? []));
			for (const c of m.child_modules ?? []) walk(c);
		};
		walk((doc.planned_values ?? doc.values)?.root_module);
		// A raw terraform.tfstate: one entry per instance of each resource.
		for (const r of doc.values || doc.planned_values ? [] : (doc.resources ?? [])) for (const i of r.instances ?? []) resources.push({ type: r.type, values: i.attributes ?? {} });
		const of = (t) => resources.filter((r) => r.type === t);
		const counts = {
			vpcs: of('aws_vpc').length,
			subnets: of('aws_subnet').length,
			'route tables': of('aws_route_table').length,
			routes: of('aws_route').length + of('aws_route_table').reduce((n, t) => n + (t.values?.route?.length ?? 0), 0),
			'security groups': of('aws_security_group').length,
			nacls: of('aws_network_acl').length,
		};
		if (counts.vpcs === 0) {
			add('terraform', 'files without aws_vpc (skipped)');
			continue;
		}
		runImport('terraform', file, [{ name: path.basename(file), text: readFileSync(file, 'utf8') }], counts);
	}
}

const report = { totals, problems };
if (process.env.CORPUS_JSON) writeFileSync(process.env.CORPUS_JSON, JSON.stringify(report, null, 2));
for (const [section, counts] of Object.entries(totals)) {
	console.log(`\n${section}`);
	for (const [k, v] of Object.entries(counts).sort()) console.log(`  ${k}: ${v}`);
}
console.log(`\n${problems.length} problem(s)`);
for (const p of problems) console.log(`  ${p}`);
process.exitCode = problems.length ? 1 : 0;
