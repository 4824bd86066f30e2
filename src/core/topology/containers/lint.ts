/** What a reviewer would point out about a Compose file, in Compose's own terms. */

import { describeMapping } from './ports';
import { hasOutsideAccess, isActive, networksOf, type ContainersModel, type PortMapping, type Service } from './model';
import type { DiagnosticSink, Pos } from '../shared/diagnostic';

export function lintContainers(model: ContainersModel, sink: DiagnosticSink): void {
	checkReferences(model, sink);
	checkPortConflicts(model, sink);
	checkDependencyCycles(model, sink);
	for (const service of model.services.values()) {
		checkSharedNamespacePorts(service, sink);
		checkInternalPublished(model, service, sink);
		checkImageTag(service, sink);
	}
	checkUnused(model, sink);
}

function list(names: Iterable<string>): string {
	const all = [...names];
	return all.length ? all.slice(0, 6).join(', ') + (all.length > 6 ? ', …' : '') : 'none';
}

/**
 * A name this block does not declare is an error, unless the block `include`s other files: then
 * it may come from one of them, which Cloudnotes cannot read, and it is only noted.
 */
function checkReferences(model: ContainersModel, sink: DiagnosticSink): void {
	const included = model.includes.length > 0;
	const missing = (pos: Pos, what: string, why: string): void => {
		if (included) sink.add(pos, 'outside-reference', `${what}, which is not in this block: it may come from the included ${list(model.includes)}, which Cloudnotes does not read`);
		else sink.add(pos, 'unknown-reference', `${what}, ${why}`);
	};
	for (const service of model.services.values()) {
		for (const network of service.networks ?? []) {
			if (network.name !== 'default' && !model.networks.has(network.name)) {
				missing(network.pos, `\`${service.name}\` joins network \`${network.name}\``, `which is not under top-level \`networks:\` (declared: ${list([...model.networks.values()].filter((n) => !n.implicit).map((n) => n.name))})`);
			}
		}
		for (const dep of service.dependsOn) {
			if (!model.services.has(dep.name)) {
				missing(dep.pos, `\`${service.name}\` depends on \`${dep.name}\``, `which is not a service here (services: ${list(model.services.keys())})`);
			}
		}
		for (const mount of service.mounts) {
			if (mount.type === 'volume' && mount.source !== '' && !model.volumes.has(mount.source)) {
				missing(mount.pos, `\`${service.name}\` mounts volume \`${mount.source}\``, `which is not under top-level \`volumes:\`; declare it there, or write a path (./${mount.source}) for a bind mount`);
			}
		}
		const mode = service.networkMode;
		if (mode?.startsWith('service:') && !model.services.has(mode.slice(8))) {
			missing(service.pos, `\`${service.name}\` uses the network of service \`${mode.slice(8)}\``, 'which is not declared');
		}
		if (service.extends?.file) {
			sink.add(service.extends.pos, 'outside-reference', `\`${service.name}\` extends \`${service.extends.service}\` from ${service.extends.file}, which Cloudnotes does not read: what it brings (image, ports, networks) is not drawn`);
		}
	}
}

interface Published {
	service: Service;
	mapping: PortMapping;
	from: number;
	to: number;
}

function sameInterface(a: string | null, b: string | null): boolean {
	return a === null || b === null || a === '0.0.0.0' || b === '0.0.0.0' || a === b;
}

/** Sorted sweep per protocol, so many services stay linear-ish. */
function checkPortConflicts(model: ContainersModel, sink: DiagnosticSink): void {
	const byProto = new Map<string, Published[]>();
	for (const service of model.services.values()) {
		if (!isActive(model, service)) continue;
		for (const mapping of service.ports) {
			if (!mapping.hostPorts) continue;
			// A host range onto one container port (`8000-9000:80`) takes one free port of the range.
			const flexible = mapping.hostPorts.from !== mapping.hostPorts.to && mapping.containerPorts.from === mapping.containerPorts.to;
			if (flexible && (service.replicas ?? 1) <= 1) continue;
			const entry = { service, mapping, from: mapping.hostPorts.from, to: mapping.hostPorts.to };
			const group = byProto.get(mapping.proto) ?? [];
			group.push(entry);
			byProto.set(mapping.proto, group);
			const rangeFitsReplicas = mapping.hostPorts.to - mapping.hostPorts.from + 1 >= (service.replicas ?? 1);
			if ((service.replicas ?? 1) > 1 && !rangeFitsReplicas) {
				sink.add(mapping.pos, 'port-conflict', `\`${service.name}\` runs ${service.replicas ?? 1} replicas but publishes fixed host port ${describeMapping(mapping)}; only one replica can bind it: publish a range or drop the host port`);
			}
		}
	}
	for (const [proto, entries] of byProto) {
		entries.sort((a, b) => a.from - b.from);
		const open: Published[] = [];
		for (const entry of entries) {
			for (let i = open.length - 1; i >= 0; i--) if ((open[i]).to < entry.from) open.splice(i, 1);
			const clash = open.find((o) => sameInterface(o.mapping.hostIp, entry.mapping.hostIp));
			if (clash) {
				const port = Math.max(clash.from, entry.from);
				const who = clash.service === entry.service ? `\`${entry.service.name}\` itself` : `\`${clash.service.name}\` (line ${clash.mapping.pos.line})`;
				const apart = neverTogether(model, clash.service, entry.service);
				if (apart) {
					sink.add(entry.mapping.pos, 'profile-port-conflict', `host port ${port}/${proto} is also published by ${who}; they start together only when profiles ${apart} are all active (\`--profile\`), and then one fails to bind: pick another host port if they ever run together`);
				} else sink.add(entry.mapping.pos, 'port-conflict', `host port ${port}/${proto} is already published by ${who}; pick another host port`);
			}
			open.push(entry);
		}
	}
}

/**
 * Two services in disjoint profiles (`[debug]` and `[prod]`) start together only when the user
 * activates both; with every profile active (no \`profiles:\` key) that is a choice, not a given.
 * Returns the profiles named, or null when they do start together.
 */
function neverTogether(model: ContainersModel, a: Service, b: Service): string | null {
	if (a === b || model.activeProfiles !== null || a.profiles.length === 0 || b.profiles.length === 0) return null;
	if (a.profiles.some((p) => b.profiles.includes(p))) return null;
	return [...a.profiles, ...b.profiles].map((p) => `\`${p}\``).join(', ');
}

function checkDependencyCycles(model: ContainersModel, sink: DiagnosticSink): void {
	const state = new Map<string, 'visiting' | 'done'>();
	const stack: string[] = [];
	const visit = (service: Service): void => {
		state.set(service.name, 'visiting');
		stack.push(service.name);
		for (const dep of service.dependsOn) {
			const next = model.services.get(dep.name);
			if (!next) continue;
			const s = state.get(next.name);
			if (s === 'visiting') {
				const cycle = [...stack.slice(stack.indexOf(next.name)), next.name];
				sink.add(dep.pos, 'depends-on-cycle', `depends_on loops: ${cycle.join(' -> ')}; Compose cannot decide which starts first: remove one of these`);
			} else if (s === undefined) visit(next);
		}
		stack.pop();
		state.set(service.name, 'done');
	};
	for (const service of model.services.values()) if (!state.has(service.name)) visit(service);
}

function checkInternalPublished(model: ContainersModel, service: Service, sink: DiagnosticSink): void {
	if (service.ports.length === 0 || hasOutsideAccess(model, service) || service.networkMode) return;
	const first = service.ports[0];
	sink.add(
		first.pos,
		'internal-network-published-port',
		`\`${service.name}\` publishes ${service.ports.map((p) => p.text).join(', ')} but is only on internal network(s) ${networksOf(service).join(', ')}, so Docker publishes nothing; also attach it to a non-internal network, or drop \`ports\``,
	);
}

/**
 * A container in another one's network namespace has no ports of its own: Docker refuses to create
 * it ("conflicting options: port publishing and the container type network mode").
 */
function checkSharedNamespacePorts(service: Service, sink: DiagnosticSink): void {
	const mode = service.networkMode ?? '';
	const owner = mode.startsWith('service:') ? mode.slice(8) : mode.startsWith('container:') ? `container ${mode.slice(10)}` : null;
	const first = service.ports[0];
	if (owner === null || !first) return;
	sink.add(first.pos, 'invalid-value', `\`${service.name}\` uses the network namespace of ${owner} (\`network_mode: ${mode}\`), so Docker refuses to publish ports for it: publish them on ${owner} instead`);
}

function checkImageTag(service: Service, sink: DiagnosticSink): void {
	const image = service.image;
	if (!image || service.build || image.includes('$') || image.includes('@')) return;
	const lastSlash = image.lastIndexOf('/');
	const colon = image.indexOf(':', lastSlash + 1);
	const tag = colon === -1 ? null : image.slice(colon + 1);
	if (tag === null || tag === 'latest') {
		const base = colon === -1 ? image : image.slice(0, colon);
		sink.add(service.imagePos, 'image-latest-tag', `\`${image}\` ${tag ? 'uses `latest`' : 'has no tag, so it means `latest`'}: it changes under you; pin a version like ${base}:1.2.3`);
	}
}

function checkUnused(model: ContainersModel, sink: DiagnosticSink): void {
	const usedNetworks = new Set<string>();
	const usedVolumes = new Set<string>();
	for (const service of model.services.values()) {
		for (const n of networksOf(service)) usedNetworks.add(n);
		for (const m of service.mounts) if (m.type === 'volume') usedVolumes.add(m.source);
	}
	for (const network of model.networks.values()) {
		if (!network.implicit && !usedNetworks.has(network.name) && network.name !== 'default') sink.add(network.pos, 'unused-resource', `network \`${network.name}\` is declared but no service joins it`);
	}
	for (const volume of model.volumes.values()) {
		if (!usedVolumes.has(volume.name)) sink.add(volume.pos, 'unused-resource', `volume \`${volume.name}\` is declared but no service mounts it`);
	}
}
