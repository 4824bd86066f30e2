/**
 * What a cloud engineer reviewing the note would point out about a `vpc` model. Every check is
 * linear or n·log n in the number of resources (overlap uses a sorted sweep), so large blocks
 * stay fast.
 */

import { cidrContains, cidrLast, formatIpv4 } from '../shared/cidr';
import { DiagnosticSink } from '../shared/diagnostic';
import { evaluateNacl, EPHEMERAL_SAMPLES, type Nacl, type NaclRule } from './nacl';
import type { Direction } from './rule-text';
import type { SecurityGroup } from './security-group';
import { coversPacket, formatPorts, type Proto } from '../shared/traffic';
import { isNetwork, linkNames, linkTarget } from './network';
import { lintNetwork } from './network-lint';
import { isPublicSubnet, type Ref, type Subnet, type VpcModel } from './model';

/** Each VPC of the block on its own, then what links them (network-lint.ts). */
export function lintVpc(model: VpcModel, sink: DiagnosticSink): void {
	for (const vpc of model.network.vpcs) lintOneVpc(vpc, sink);
	if (isNetwork(model.network)) lintNetwork(model.network, sink);
}

function lintOneVpc(model: VpcModel, sink: DiagnosticSink): void {
	checkReferences(model, sink);
	checkSubnets(model, sink);
	checkPlacement(model, sink);
	for (const nacl of model.nacls.values()) checkNacl(nacl, sink);
	for (const group of model.securityGroups.values()) checkOpenToWorld(group, sink);
	checkLoadBalancerZones(model, sink);
	checkUnused(model, sink);
}

function checkReferences(model: VpcModel, sink: DiagnosticSink): void {
	const expect = (ref: Ref | null, table: Map<string, unknown>, what: string, owner: string): void => {
		if (!ref || table.has(ref.name)) return;
		const known = [...table.keys()];
		const hint = known.length ? `; declared: ${known.slice(0, 6).join(', ')}${known.length > 6 ? ', …' : ''}` : `; add it under \`${what}\``;
		sink.add(ref.pos, 'unknown-reference', `${owner} refers to ${singular(what)} \`${ref.name}\` that is not declared${hint}`);
	};
	const groupTable = new Map<string, unknown>(model.securityGroups);
	for (const subnet of model.subnets.values()) {
		expect(subnet.routeTable, model.routeTables, 'route-tables', `subnet \`${subnet.name}\``);
		expect(subnet.nacl, model.nacls, 'nacls', `subnet \`${subnet.name}\``);
	}
	const igw = model.internetGateway?.name;
	for (const table of model.routeTables.values()) {
		for (const route of table.routes) {
			if (route.target === 'local' || route.target === igw || model.natGateways.has(route.target) || linkTarget(model.network, route.target)) continue;
			const gateways = [igw, ...model.natGateways.keys(), ...linkNames(model)].filter((n): n is string => !!n);
			const hint = gateways.length ? `; targets are ${gateways.join(', ')} or local` : '; declare `internet-gateway:` or a NAT gateway first';
			sink.add(route.pos, 'unknown-reference', `route ${route.destination.text} -> \`${route.target}\`: \`${route.target}\` is not a declared gateway${hint}`);
		}
	}
	for (const nat of model.natGateways.values()) expect(nat.subnet, model.subnets, 'subnets', `NAT gateway \`${nat.name}\``);
	for (const instance of model.instances.values()) {
		expect(instance.subnet, model.subnets, 'subnets', `instance \`${instance.name}\``);
		for (const g of instance.securityGroups) expect(g, groupTable, 'security-groups', `instance \`${instance.name}\``);
		const subnet = instance.subnet && model.subnets.get(instance.subnet.name);
		if (instance.privateIp && subnet?.cidr && !cidrContains(subnet.cidr, instance.privateIp)) {
			sink.add(instance.pos, 'invalid-value', `\`${instance.name}\`'s private-ip ${formatIpv4(instance.privateIp.base)} is outside its subnet \`${subnet.name}\` (${subnet.cidr.text})`);
		}
	}
	for (const lb of model.loadBalancers.values()) {
		for (const s of lb.subnets) expect(s, model.subnets, 'subnets', `load balancer \`${lb.name}\``);
		for (const g of lb.securityGroups) expect(g, groupTable, 'security-groups', `load balancer \`${lb.name}\``);
		for (const t of lb.targets) expect(t, model.instances, 'instances', `load balancer \`${lb.name}\``);
	}
	for (const group of model.securityGroups.values()) {
		for (const rule of [...group.inbound, ...group.outbound]) {
			if (rule.peer.kind === 'sg' && !model.securityGroups.has(rule.peer.name) && rule.peer.name !== 'default') {
				const hint = model.securityGroups.size ? `; declared groups: ${[...model.securityGroups.keys()].slice(0, 6).join(', ')}` : '';
				sink.add(rule.pos, 'unknown-reference', `\`${rule.peer.name}\` is neither a CIDR nor a declared security group${hint}`);
			}
		}
	}
}

function singular(section: string): string {
	return (
		{ 'route-tables': 'route table', nacls: 'NACL', subnets: 'subnet', 'security-groups': 'security group', instances: 'instance' }[section] ?? section
	);
}

function checkSubnets(model: VpcModel, sink: DiagnosticSink): void {
	const withCidr: Subnet[] = [];
	for (const subnet of model.subnets.values()) {
		if (!subnet.cidr) continue;
		withCidr.push(subnet);
		if (model.cidr && !cidrContains(model.cidr, subnet.cidr)) {
			sink.add(subnet.cidrPos, 'subnet-outside-vpc', `\`${subnet.name}\` (${subnet.cidr.text}) is not inside the VPC's ${model.cidr.text}; pick a range within it`);
		}
		if (subnet.cidr.prefix < 16 || subnet.cidr.prefix > 28) {
			sink.add(subnet.cidrPos, 'invalid-cidr', `a subnet's CIDR must be between /16 and /28, not /${subnet.cidr.prefix}`);
		}
	}
	withCidr.sort((a, b) => (a.cidr?.base ?? 0) - (b.cidr?.base ?? 0) || (a.cidr?.prefix ?? 0) - (b.cidr?.prefix ?? 0));
	let widest: Subnet | null = null;
	for (const subnet of withCidr) {
		const cidr = subnet.cidr;
		if (!cidr) continue;
		if (widest?.cidr && cidr.base <= cidrLast(widest.cidr)) {
			sink.add(subnet.cidrPos, 'subnet-overlap', `\`${subnet.name}\` (${cidr.text}) overlaps \`${widest.name}\` (${widest.cidr.text}); subnets of a VPC cannot share addresses`);
		}
		if (!widest?.cidr || cidrLast(cidr) > cidrLast(widest.cidr)) widest = subnet;
	}
}

function checkPlacement(model: VpcModel, sink: DiagnosticSink): void {
	for (const nat of model.natGateways.values()) {
		const subnet = nat.subnet && model.subnets.get(nat.subnet.name);
		if (subnet && !isPublicSubnet(model, subnet)) {
			sink.add(nat.subnet?.pos ?? nat.pos, 'nat-in-private-subnet', `NAT gateway \`${nat.name}\` sits in \`${subnet.name}\`, which has no route to the internet gateway, so nothing gets out through it; put it in a public subnet`);
		}
	}
	for (const instance of model.instances.values()) {
		const subnet = instance.subnet && model.subnets.get(instance.subnet.name);
		if (instance.publicIp && subnet && !isPublicSubnet(model, subnet)) {
			sink.add(instance.publicIpPos, 'public-ip-in-private-subnet', `\`${instance.name}\` has a public IP but \`${subnet.name}\` has no route to the internet gateway, so the IP is unreachable; move it to a public subnet or drop public-ip`);
		}
	}
}

/** A rule that only opens the ephemeral range is itself a reply rule, not a request rule. */
function isEphemeralRule(rule: NaclRule): boolean {
	return rule.ports.every((p) => p.from >= 1024) && rule.ports.some((p) => p.to === 65535 && p.from <= 32768);
}

function checkNacl(nacl: Nacl, sink: DiagnosticSink): void {
	for (const direction of ['inbound', 'outbound'] as const) {
		const rules = direction === 'inbound' ? nacl.inbound : nacl.outbound;
		const seen = new Map<number, NaclRule>();
		for (const rule of rules) {
			const first = seen.get(rule.number);
			if (first) {
				sink.add(rule.pos, 'nacl-duplicate-rule-number', `\`${nacl.name}\` already has ${direction} rule ${rule.number} (line ${first.pos.line}); each rule needs its own number`);
			} else seen.set(rule.number, rule);
		}
		const reply: Direction = direction === 'inbound' ? 'outbound' : 'inbound';
		const replyRules = reply === 'inbound' ? nacl.inbound : nacl.outbound;
		const used = new Set(replyRules.map((r) => r.number));
		let suggested = Math.floor(Math.max(0, ...replyRules.map((r) => r.number)) / 10) * 10 + 10;
		while (used.has(suggested)) suggested += 10;
		for (const rule of rules) {
			if (rule.action !== 'allow' || rule.proto === 'icmp' || isEphemeralRule(rule)) continue;
			const protos: Proto[] = rule.proto === 'all' ? ['tcp'] : [rule.proto];
			for (const proto of protos) {
				const blocked = EPHEMERAL_SAMPLES.find((port) => !evaluateNacl(nacl, reply, { proto, port }, rule.cidr).allowed);
				if (blocked === undefined) continue;
				const ports = rule.proto === 'all' ? 'traffic' : `${rule.proto} ${formatPorts(rule.ports)}`;
				const requests = direction === 'inbound' ? `lets ${ports} in from ${rule.cidr.text}` : `lets ${ports} out to ${rule.cidr.text}`;
				const word = reply === 'inbound' ? 'from' : 'to';
				sink.add(
					rule.pos,
					'nacl-missing-ephemeral',
					`\`${nacl.name}\` ${requests} but blocks the replies (${proto} ${blocked} ${reply}); NACLs are stateless: add an ${reply} rule like "${suggested} allow ${proto} 1024-65535 ${word} ${rule.cidr.text}"`,
				);
			}
		}
	}
}

function checkOpenToWorld(group: SecurityGroup, sink: DiagnosticSink): void {
	for (const rule of group.inbound) {
		if (rule.peer.kind !== 'cidr' || rule.peer.cidr.prefix !== 0) continue;
		for (const [port, service] of [
			[22, 'SSH'],
			[3389, 'RDP'],
		] as const) {
			if (coversPacket(rule.proto, rule.ports, { proto: 'tcp', port })) {
				sink.add(rule.pos, 'sg-open-to-world', `\`${group.name}\` opens ${service} (${port}) to the whole internet; allow only your own range (e.g. 203.0.113.0/24) or use a bastion or Session Manager`);
			}
		}
	}
}

function checkLoadBalancerZones(model: VpcModel, sink: DiagnosticSink): void {
	for (const lb of model.loadBalancers.values()) {
		const subnets = lb.subnets.map((r) => model.subnets.get(r.name)).filter((s): s is Subnet => !!s);
		if (subnets.length === 0) continue;
		const zones = new Set(subnets.map((s) => s.zone));
		const single = subnets.length < 2 || (!zones.has(null) && zones.size < 2);
		if (!single) continue;
		const where = zones.size === 1 && !zones.has(null) ? ` (all in ${[...zones][0] ?? ''})` : '';
		const message =
			lb.type === 'application'
				? `load balancer \`${lb.name}\` has subnets in fewer than two zones${where}; an application load balancer needs subnets in at least two`
				: `load balancer \`${lb.name}\` has subnets in fewer than two zones${where}; one zone down takes it down: add a subnet in another zone`;
		sink.add(lb.pos, 'lb-single-zone', message, lb.type === 'application' ? 'error' : 'warning');
	}
}

function checkUnused(model: VpcModel, sink: DiagnosticSink): void {
	const usedTables = new Set<string>();
	const usedNacls = new Set<string>();
	for (const subnet of model.subnets.values()) {
		if (subnet.routeTable) usedTables.add(subnet.routeTable.name);
		else usedTables.add('main');
		if (subnet.nacl) usedNacls.add(subnet.nacl.name);
	}
	const targets = new Set<string>();
	for (const table of model.routeTables.values()) {
		if (!usedTables.has(table.name)) continue;
		for (const route of table.routes) targets.add(route.target);
	}
	const usedGroups = new Set<string>();
	for (const holder of [...model.instances.values(), ...model.loadBalancers.values()]) {
		for (const g of holder.securityGroups) usedGroups.add(g.name);
		if (holder.securityGroups.length === 0) usedGroups.add('default');
	}
	for (const table of model.routeTables.values()) {
		if (!usedTables.has(table.name)) sink.add(table.pos, 'unused-resource', `route table \`${table.name}\` is not used by any subnet (name it \`main\` to make it the default)`);
	}
	for (const nacl of model.nacls.values()) {
		if (!usedNacls.has(nacl.name)) sink.add(nacl.pos, 'unused-resource', `NACL \`${nacl.name}\` is not attached to any subnet`);
	}
	for (const group of model.securityGroups.values()) {
		if (!usedGroups.has(group.name)) sink.add(group.pos, 'unused-resource', `security group \`${group.name}\` is not attached to any instance or load balancer`);
	}
	for (const nat of model.natGateways.values()) {
		if (!targets.has(nat.name)) sink.add(nat.pos, 'unused-resource', `NAT gateway \`${nat.name}\` is not the target of any route; add \`0.0.0.0/0: ${nat.name}\` to a private route table`);
	}
	const igw = model.internetGateway;
	if (igw && !targets.has(igw.name)) {
		sink.add(igw.pos, 'unused-resource', `internet gateway \`${igw.name}\` is not the target of any route, so no subnet is public; add \`0.0.0.0/0: ${igw.name}\` to a route table`);
	}
}
