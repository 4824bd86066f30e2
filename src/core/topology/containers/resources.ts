/** The details panel of a `containers` block: services with their ports, networks, mounts; networks and volumes with their users. */

import { listed, type ResourceInfo } from '../shared/resource-info';
import { containersDrawsInternet, drawnNetworks } from './mermaid';
import { describeMapping } from './ports';
import { hostName, networkResourceName, networksOf, volumeResourceName, type ContainersModel } from './model';

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
				{ label: 'Image', value: s.image ?? (s.build ? 'built from a Dockerfile' : 'not set') },
				{ label: 'Published ports', value: listed(s.ports.map(describeMapping), 'none (not reachable from outside)') },
				...(s.expose.length ? [{ label: 'Exposed to other services', value: listed(s.expose) }] : []),
				{ label: 'Networks', value: s.networkMode ? `network_mode: ${s.networkMode}` : listed(networksOf(s)) },
				{
					label: 'Volumes',
					value: listed(
						s.mounts.map((m) => `${m.source || (m.type === 'tmpfs' ? 'tmpfs' : 'anonymous volume')} -> ${m.target}${m.type === 'bind' ? ' (bind mount)' : ''}${m.readOnly ? ' (read-only)' : ''}`),
					),
				},
				...(s.dependsOn.length ? [{ label: 'Starts after', value: listed(s.dependsOn.map((d) => d.name)) }] : []),
				...(s.replicas !== null ? [{ label: 'Replicas', value: String(s.replicas) }] : []),
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

