/** The details panel of a `containers` block: services with their ports, networks, mounts; networks and volumes with their users. */

import { listed, type ResourceInfo } from '../shared/resource-info';
import { containersDrawsInternet, drawnNetworks } from './mermaid';
import { describeMapping } from './ports';
import { hostName, isActive, networkResourceName, networksOf, volumeResourceName, type ContainersModel } from './model';

export function containersResources(model: ContainersModel): ResourceInfo[] {
	const out: ResourceInfo[] = [];
	const host = hostName(model);
	out.push({
		name: host,
		type: 'host',
		line: model.host?.pos.line ?? model.pos.line,
		drawn: true,
		details: [
			{ label: 'Name', value: model.host?.name ?? 'not set' },
			{ label: 'OS', value: model.host?.os ?? 'not set' },
			{ label: 'Services', value: String(model.services.size) },
		],
	});
	if (containersDrawsInternet(model)) out.push({ name: 'internet', type: 'internet', line: model.pos.line, drawn: true, details: [{ label: 'Means', value: 'Everything outside the Docker host' }] });
	for (const s of model.services.values()) {
		out.push({
			name: s.name,
			type: 'service',
			line: s.pos.line,
			drawn: true,
			details: [
				{ label: 'Image', value: s.image ?? (s.build ? 'built from a Dockerfile' : s.provider ? `none: run by the ${s.provider} provider` : s.extends?.file ? `from ${s.extends.file} (not read)` : 'not set') },
				{
					label: 'Published ports',
					value: s.networkMode === 'host'
						? 'none: with network_mode host it listens on the host itself (Docker ignores ports)'
						: listed([...s.ports.map(describeMapping), ...s.unresolvedPorts.map((p) => `${p} (unknown until run)`)], 'none (not reachable from outside)'),
				},
				...(s.expose.length ? [{ label: 'Exposed to other services', value: listed(s.expose) }] : []),
				{ label: 'Networks', value: s.networkMode ? `network_mode: ${s.networkMode}${networkModeMeaning(s.networkMode)}` : listed(networksOf(s)) },
				...(s.profiles.length ? [{ label: 'Profiles', value: `${listed(s.profiles)}${isActive(model, s) ? '' : ' (not active: does not start)'}` }] : []),
				{
					label: 'Volumes',
					value: listed(
						s.mounts.map((m) => `${m.source || (m.type === 'tmpfs' ? 'tmpfs' : 'anonymous volume')} -> ${m.target}${m.type === 'bind' ? ' (bind mount)' : ''}${m.readOnly ? ' (read-only)' : ''}`),
					),
				},
				...(s.dependsOn.length ? [{ label: 'Starts after', value: listed(s.dependsOn.map((d) => d.name)) }] : []),
				...(s.replicas !== null ? [{ label: 'Replicas', value: String(s.replicas) }] : []),
				...(s.extends ? [{ label: 'Extends', value: `${s.extends.service}${s.extends.file ? ` in ${s.extends.file}` : ''}` }] : []),
				...(s.environment.length ? [{ label: 'Environment', value: listed(s.environment) }] : []),
			],
		});
	}
	const drawn = new Set(drawnNetworks(model));
	for (const n of model.networks.values()) {
		const users = [...model.services.values()].filter((s) => networksOf(s).includes(n.name)).map((s) => s.name);
		out.push({
			name: networkResourceName(model, n.name),
			type: 'network',
			line: n.pos.line,
			drawn: drawn.has(n.name),
			details: [
				{ label: 'Driver', value: n.driver ?? 'bridge' },
				{ label: 'Internal', value: n.internal ? 'yes: no access to or from outside' : 'no' },
				...(n.external ? [{ label: 'External', value: 'yes: created outside this file' }] : []),
				...(n.implicit ? [{ label: 'Note', value: "The project's default network, joined by services that name none" }] : []),
				{ label: 'Services', value: listed(users) },
			],
		});
	}
	for (const v of model.volumes.values()) {
		const users = [...model.services.values()].filter((s) => s.mounts.some((m) => m.type === 'volume' && m.source === v.name)).map((s) => s.name);
		out.push({
			name: volumeResourceName(model, v.name),
			type: 'volume',
			line: v.pos.line,
			drawn: true,
			details: [
				{ label: 'Driver', value: v.driver ?? 'local' },
				...(v.external ? [{ label: 'External', value: 'yes: created outside this file' }] : []),
				{ label: 'Mounted by', value: listed(users) },
			],
		});
	}
	return out;
}

/** What a `network_mode` means, in Docker's terms, for the details panel. */
function networkModeMeaning(mode: string): string {
	if (mode === 'host') return " (the host's network stack: no isolation, no published ports)";
	if (mode === 'none') return ' (loopback only: nothing reaches in or out)';
	if (mode === 'bridge' || mode === 'default') return " (Docker's default bridge: other containers by IP, by name only through links)";
	if (mode.startsWith('service:')) return ` (shares ${mode.slice(8)}'s network namespace: its networks, its published ports, localhost)`;
	if (mode.startsWith('container:')) return ` (shares container ${mode.slice(10)}'s network namespace; not in this file)`;
	return '';
}
