/** A `containers` block drawn: the host with its services, networks and volumes, published ports from outside. */

import { logoForImage, logoIconId } from '../shared/icons';
import { Builder, type DiagramColors, type MermaidDiagram, type NodeIcon, type Shape } from '../shared/mermaid-builder';
import { labelLines, mermaidIdFor } from '../shared/mermaid-text';
import { isLoopback } from './ports';
import { hostName, networkResourceName, networksOf, volumeResourceName, type ContainersModel, type PortMapping, type Service } from './model';

export function containersDrawsInternet(model: ContainersModel): boolean {
	return [...model.services.values()].some((s) => s.networkMode !== 'host' && s.ports.some((p) => !isLoopback(p.hostIp)));
}

/** How a `network_mode` service is attached, on its node (it has no network edge to show it). */
function modeLine(service: Service): string | null {
	const mode = service.networkMode;
	if (!mode) return null;
	if (mode === 'host') return 'host network';
	if (mode === 'none') return 'no network';
	if (mode === 'bridge' || mode === 'default') return 'default bridge';
	if (mode.startsWith('service:')) return `network of ${mode.slice(8)}`;
	if (mode.startsWith('container:')) return `network of container ${mode.slice(10)}`;
	return null;
}

/** A port's edge label; a variable's default is said, and a variable without one is shown as written. */
export function portLabel(mapping: PortMapping): string {
	const range = (r: { from: number; to: number }): string => (r.from === r.to ? String(r.from) : `${r.from}-${r.to}`);
	const host = mapping.hostPorts ? range(mapping.hostPorts) : (mapping.hostVariable ?? 'random');
	const defaults = mapping.defaults.length ? ` (${mapping.defaults.map((d) => d.split('=')[0]).join(', ')} unset)` : '';
	return `${host}→${range(mapping.containerPorts)}/${mapping.proto}${defaults}`;
}

/** Networks drawn: declared ones, plus the implicit `default` when some service is on it. */
export function drawnNetworks(model: ContainersModel): string[] {
	return [...model.networks.values()].filter((n) => !n.implicit || [...model.services.values()].some((s) => networksOf(s).includes(n.name))).map((n) => n.name);
}

const DATABASE_IMAGES = /(^|\/)(postgres|postgis|mysql|mariadb|mongo|redis|valkey|memcached|cassandra|elasticsearch|opensearch|clickhouse|influxdb|couchdb|neo4j|minio)(:|$)/i;

function serviceShape(service: Service): Shape {
	return service.image && DATABASE_IMAGES.test(service.image) ? 'cylinder' : 'box';
}

/** A service's icon: its image's logo when the image is well known, else a database or a container. */
function serviceIcon(service: Service): NodeIcon {
	const logo = logoForImage(service.image);
	if (logo) return { id: logoIconId(logo), category: 'logo' };
	return serviceShape(service) === 'cylinder' ? { id: 'database', category: 'data' } : { id: 'container', category: 'compute' };
}

export function containersDiagram(model: ContainersModel, colors: DiagramColors | undefined, direction: 'TB' | 'LR', icons = false): MermaidDiagram {
	const b = new Builder(direction, colors, icons);
	const host = hostName(model);
	if (containersDrawsInternet(model)) b.node('internet', mermaidIdFor('internet'), 'circle', 'internet', 'cnInternet', { id: 'internet', category: 'general' });
	const hostLabel = model.host ? `${model.host.name}${model.host.os ? ` · ${model.host.os}` : ''}` : 'Docker host';
	b.open(host, mermaidIdFor(host), labelLines(hostLabel), b.fill('host'), 'container-host');
	const loopbackOnly = [...model.services.values()].some((s) => s.ports.some((p) => isLoopback(p.hostIp)));
	if (loopbackOnly) b.node(null, 'z_localhost', 'circle', 'localhost', 'cnInternet');
	for (const service of model.services.values()) {
		const shape = serviceShape(service);
		const detail = service.image ?? (service.build ? 'build' : null);
		const replicas = service.replicas && service.replicas > 1 ? `× ${service.replicas}` : null;
		b.node(service.name, mermaidIdFor(service.name), shape, labelLines(service.name, detail, replicas, modeLine(service)), shape === 'cylinder' ? 'cnDb' : 'cnNode', serviceIcon(service));
	}
	const networks = drawnNetworks(model);
	for (const name of networks) {
		const network = model.networks.get(name);
		const resource = networkResourceName(model, name);
		b.node(resource, mermaidIdFor(resource), 'hexagon', labelLines(name, network?.internal ? 'internal network' : 'network'), 'cnNetwork', { id: 'network', category: 'networking' });
	}
	for (const volume of model.volumes.values()) {
		const resource = volumeResourceName(model, volume.name);
		b.node(resource, mermaidIdFor(resource), 'cylinder', labelLines(volume.name, 'volume'), 'cnVolume', { id: 'volume', category: 'storage' });
	}
	b.close();

	for (const service of model.services.values()) {
		// With `network_mode: host` Docker ignores `ports`: the service listens on the host itself.
		if (service.networkMode === 'host') continue;
		for (const mapping of service.ports) {
			const label = portLabel(mapping);
			if (isLoopback(mapping.hostIp)) b.edge(host, service.name, label, '-->', 'z_localhost');
			else b.edge('internet', service.name, label);
		}
	}
	const drawn = new Set(networks);
	for (const service of model.services.values()) {
		for (const network of networksOf(service)) {
			if (!drawn.has(network)) continue;
			const resource = networkResourceName(model, network);
			b.edge(service.name, resource, '', model.networks.get(network)?.internal ? '-.-' : '---');
		}
	}
	// `network_mode: service:x`: one network stack with x, tied to it.
	for (const service of model.services.values()) {
		const owner = service.networkMode?.startsWith('service:') ? service.networkMode.slice(8) : null;
		if (owner && model.services.has(owner) && owner !== service.name) b.edge(service.name, owner, 'shares network', '-.-');
	}
	for (const service of model.services.values()) {
		for (const mount of service.mounts) {
			if (mount.type !== 'volume' || !model.volumes.has(mount.source)) continue;
			b.edge(service.name, volumeResourceName(model, mount.source), `${mount.target}${mount.readOnly ? ' (ro)' : ''}`);
		}
	}
	for (const service of model.services.values()) {
		for (const dep of service.dependsOn) {
			if (model.services.has(dep.name) && dep.name !== service.name) b.edge(service.name, dep.name, 'depends on', '-.->');
		}
	}
	return b.finish({ cnInternet: 'internet', cnNode: 'node', cnDb: 'database', cnNetwork: 'network', cnVolume: 'volume' });
}


