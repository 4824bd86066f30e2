/**
 * Not a test (nothing here asserts a time): how long parse + lint + Mermaid take for a
 * 500-resource vpc block. Run it with
 *   npx esbuild test/core/topology/bench-500.ts --bundle --platform=node --outfile=/tmp/bench-500.js && node /tmp/bench-500.js
 * Wall time on a busy machine is noisy; the minimum and the CPU time are the steadier numbers.
 */
import { analyzeTopology, toMermaid, type TopologyModel } from '../../../src/core/topology';

export function fiveHundredResources(): string {
	const lines = ['name: big', 'cidr: 10.0.0.0/16', 'internet-gateway: igw', 'subnets:'];
	for (let i = 0; i < 100; i++) lines.push(`  s${i}: { cidr: 10.0.${i}.0/24, zone: az-${i % 3}, route-table: rt${i % 10}, nacl: n${i % 10} }`);
	lines.push('route-tables:');
	for (let i = 0; i < 10; i++) lines.push(`  rt${i}: { 0.0.0.0/0: ${i === 0 ? 'igw' : `nat${i}`} }`);
	lines.push('nat-gateways:');
	for (let i = 1; i < 10; i++) lines.push(`  nat${i}: { subnet: s0 }`);
	lines.push('instances:');
	for (let i = 0; i < 300; i++) lines.push(`  i${i}: { subnet: s${i % 100}, security-groups: [sg${i % 50}] }`);
	lines.push('load-balancers:');
	for (let i = 0; i < 20; i++) lines.push(`  lb${i}: { subnets: [s0, s31], security-groups: [sg${i}], targets: [i${i}, i${i + 20}] }`);
	lines.push('security-groups:');
	for (let i = 0; i < 50; i++) lines.push(`  sg${i}: { inbound: ["tcp 443 from 0.0.0.0/0", "tcp 8080 from sg${(i + 1) % 50}"] }`);
	lines.push('nacls:');
	for (let i = 0; i < 10; i++) lines.push(`  n${i}: { inbound: ["100 allow all from 0.0.0.0/0"], outbound: ["100 allow all to 0.0.0.0/0"] }`);
	lines.push('flows:');
	for (let i = 0; i < 10; i++) lines.push(`  - i${i} -> i${i + 1} tcp/8080`);
	return lines.join('\n');
}

function run(): void {
	const source = fiveHundredResources();
	const once = (): number => {
		const a = analyzeTopology('vpc', source, 1);
		return toMermaid(a.model as TopologyModel).text.length;
	};
	for (let i = 0; i < 10; i++) once();
	const wall: number[] = [];
	const cpu: number[] = [];
	for (let i = 0; i < 60; i++) {
		const c0 = process.cpuUsage();
		const t0 = performance.now();
		once();
		wall.push(performance.now() - t0);
		const c = process.cpuUsage(c0);
		cpu.push((c.user + c.system) / 1000);
	}
	const median = (xs: number[]): string => ([...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0).toFixed(1);
	const min = (xs: number[]): string => Math.min(...xs).toFixed(1);
	const a = analyzeTopology('vpc', source, 1);
	console.log(`${a.resources.length} resources, ${source.length} chars: wall min ${min(wall)} ms, median ${median(wall)} ms; CPU min ${min(cpu)} ms, median ${median(cpu)} ms`);
}

if (require.main === module) run();
