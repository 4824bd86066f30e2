import fc from 'fast-check';
import { stringify } from 'yaml';
import { analyzeTopology, toMermaid, trace } from '../../../src/core/topology';

const VPC_WORDS = ['name', 'cidr', 'subnets', 'route-tables', 'nat-gateways', 'instances', 'load-balancers', 'security-groups', 'nacls', 'flows', 'subnet', 'inbound', 'outbound', 'targets', 'public-ip', 'internet-gateway', 'zone', 'route-table', 'nacl', 'scheme', 'listeners', 'target-port', 'a', 'b', 'internet', 'igw', '0.0.0.0/0'];
const COMPOSE_WORDS = ['services', 'containers', 'networks', 'volumes', 'host', 'flows', 'image', 'ports', 'expose', 'depends_on', 'deploy', 'replicas', 'internal', 'build', 'network_mode', 'web', 'db', 'default', 'a', 'b'];
const SCALARS = ['10.0.0.0/16', '10.0.1.0/24', 'tcp 22 from 0.0.0.0/0', '100 allow all from 0.0.0.0/0', '8080:80', 'a -> b tcp/80', 'internet -> a', 'nginx', 'true', 'igw', 'a', 'b', '', '-1', '999999', '[', '%%'];

function documents(words: string[]) {
	const key = fc.constantFrom(...words);
	const leaf = fc.oneof(fc.constantFrom(...SCALARS), fc.integer(), fc.boolean(), fc.constant(null), fc.string({ maxLength: 6 }));
	const { value } = fc.letrec((tie) => ({
		value: fc.oneof({ depthSize: 'small', maxDepth: 5 }, leaf, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(key, tie('value'), { maxKeys: 4 })),
	}));
	return fc.dictionary(key, value, { maxKeys: 6 });
}

/** Bad input yields diagnostics, never an exception or an internal error. */
function survives(kind: 'vpc' | 'containers', source: string): void {
	const a = analyzeTopology(kind, source, 3);
	expect(a.diagnostics.filter((d) => d.message.includes('internal error'))).toEqual([]);
	for (const d of a.diagnostics) expect(d.line).toBeGreaterThanOrEqual(3);
	if (!a.model) return;
	toMermaid(a.model);
	const names = ['internet', ...a.resources.map((r) => r.name), '10.0.1.9', 'nobody'];
	for (const from of names.slice(0, 4)) for (const to of names.slice(-4)) expect(typeof trace(a.model, { from, to }).summary).toBe('string');
}

describe('robustness', () => {
	it('never throws on random vpc-shaped YAML', () => {
		fc.assert(fc.property(documents(VPC_WORDS), (doc) => survives('vpc', stringify(doc))), { numRuns: 300 });
	});

	it('never throws on random Compose-shaped YAML', () => {
		fc.assert(fc.property(documents(COMPOSE_WORDS), (doc) => survives('containers', stringify(doc))), { numRuns: 300 });
	});

	it('never throws on arbitrary text', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 200 }), fc.constantFrom('vpc', 'containers'), (text, kind) => survives(kind, text)),
			{ numRuns: 300 },
		);
	});
});
