/**
 * YAML of a `containers` block -> ContainersModel. A Compose file pasted as it is must work:
 * keys we do not draw are accepted silently, unless they look like a typo of one we know.
 */

import type { YamlNode } from '../yaml/yaml-nodes';
import { describeMapping, parsePortObject, parsePortText } from './ports';
import type { Attachment, ContainersModel, Mount, Network, PortMapping, Service, Volume } from './model';
import type { Pos } from '../shared/diagnostic';
import { parseFlows } from '../shared/flow-model';
import type { Entry, YamlSource } from '../yaml/yaml-source';

const TOP_KNOWN = ['services', 'containers', 'networks', 'volumes', 'host', 'flows'] as const;
const TOP_COMPOSE = ['version', 'name', 'configs', 'secrets', 'include', 'models'] as const;

const SERVICE_KNOWN = ['image', 'build', 'ports', 'expose', 'networks', 'network_mode', 'volumes', 'depends_on', 'environment', 'deploy', 'scale'] as const;
/** Every other service key of the Compose specification: valid, not drawn. */
const SERVICE_COMPOSE = [
	'annotations', 'attach', 'blkio_config', 'cap_add', 'cap_drop', 'cgroup', 'cgroup_parent', 'command', 'configs',
	'container_name', 'cpu_count', 'cpu_percent', 'cpu_period', 'cpu_quota', 'cpu_rt_period', 'cpu_rt_runtime', 'cpu_shares',
	'cpus', 'cpuset', 'credential_spec', 'develop', 'device_cgroup_rules', 'devices', 'dns', 'dns_opt', 'dns_search',
	'domainname', 'driver_opts', 'entrypoint', 'env_file', 'extends', 'external_links', 'extra_hosts', 'gpus', 'group_add',
	'healthcheck', 'hostname', 'init', 'ipc', 'isolation', 'labels', 'label_file', 'links', 'logging', 'mac_address',
	'mem_limit', 'mem_reservation', 'mem_swappiness', 'memswap_limit', 'models', 'oom_kill_disable', 'oom_score_adj', 'pid',
	'pids_limit', 'platform', 'post_start', 'pre_stop', 'privileged', 'profiles', 'provider', 'pull_policy', 'read_only',
	'restart', 'runtime', 'secrets', 'security_opt', 'shm_size', 'stdin_open', 'stop_grace_period', 'stop_signal',
	'storage_opt', 'sysctls', 'tmpfs', 'tty', 'ulimits', 'use_api_socket', 'user', 'userns_mode', 'uts', 'volumes_from',
	'working_dir',
] as const;
const NETWORK_COMPOSE = ['driver', 'driver_opts', 'attachable', 'enable_ipv4', 'enable_ipv6', 'external', 'ipam', 'internal', 'labels', 'name'] as const;
const VOLUME_COMPOSE = ['driver', 'driver_opts', 'external', 'labels', 'name'] as const;

export function parseContainers(src: YamlSource): ContainersModel {
	const model: ContainersModel = {
		kind: 'containers',
		pos: src.start,
		host: null,
		services: new Map(),
		networks: new Map(),
		volumes: new Map(),
		flows: [],
		tooLarge: false,
	};
	const root = src.root;
	if (!root || src.isNull(root)) {
		src.report(src.start, 'missing-field', 'this containers block is empty: paste a Compose file or start with `services:`');
		return model;
	}
	if (!src.isMap(root)) {
		src.report(src.posOf(root), 'invalid-value', 'a containers block is a Compose file: a mapping with `services:`');
		return model;
	}
	const top = src.fields(root, 'Compose', TOP_KNOWN, TOP_COMPOSE);

	const host = top.get('host');
	if (host) {
		if (src.isMap(host.value)) {
			const f = src.fields(host.value, 'host', ['name', 'os']);
			const name = src.requireText(f, 'name', '`host`', host.keyPos);
			model.host = { name: name?.value ?? 'host', os: src.text(f.get('os')?.value ?? null), pos: host.keyPos };
		} else {
			const name = src.text(host.value)?.trim() ?? '';
			if (name === '') src.report(host.valuePos, 'invalid-value', '`host` is the Docker host\'s name, or `{ name, os }`');
			else model.host = { name, os: null, pos: host.keyPos };
		}
		if (model.host?.name === 'internet') {
			src.report(host.valuePos, 'reserved-name', '`internet` is reserved for everything outside the host; pick another name');
			model.host.name = 'host';
		}
	}

	const networks = top.get('networks');
	if (networks && src.expectMap(networks, '`networks`')) {
		for (const item of src.entries(networks.value, '`networks`')) {
			const f = src.fields(item.value, 'network', ['driver', 'internal', 'external'], NETWORK_COMPOSE);
			const network: Network = {
				name: item.key,
				pos: item.keyPos,
				internal: src.bool(f.get('internal')?.value ?? null) ?? false,
				external: externalFlag(src, f.get('external')),
				driver: src.text(f.get('driver')?.value ?? null),
				implicit: false,
			};
			model.networks.set(item.key, network);
		}
	}
	const volumes = top.get('volumes');
	if (volumes && src.expectMap(volumes, '`volumes`')) {
		for (const item of src.entries(volumes.value, '`volumes`')) {
			const f = src.fields(item.value, 'volume', ['driver', 'external'], VOLUME_COMPOSE);
			const volume: Volume = { name: item.key, pos: item.keyPos, external: externalFlag(src, f.get('external')), driver: src.text(f.get('driver')?.value ?? null) };
			model.volumes.set(item.key, volume);
		}
	}

	const sections = [top.get('services'), top.get('containers')].filter((e): e is Entry => !!e);
	if (sections.length === 0) src.report(src.start, 'missing-field', 'a containers block needs `services:` (or `containers:`)');
	for (const section of sections) {
		if (!src.expectMap(section, `\`${section.key}\``)) continue;
		for (const item of src.entries(section.value, `\`${section.key}\``)) {
			if (item.key === 'internet') {
				src.report(item.keyPos, 'reserved-name', '`internet` is reserved for everything outside the host; rename this service');
				continue;
			}
			const previous = model.services.get(item.key);
			if (previous) {
				src.report(item.keyPos, 'duplicate-name', `service \`${item.key}\` is already declared (line ${previous.pos.line}); rename one`);
				continue;
			}
			if (!src.isNull(item.value) && !src.isMap(item.value)) {
				src.report(item.valuePos, 'invalid-value', `service \`${item.key}\`: settings go in a mapping (image, ports, networks, ...)`);
				continue;
			}
			model.services.set(item.key, parseService(src, item));
		}
	}
	if (!model.networks.has('default') && [...model.services.values()].some((s) => s.networks === null && s.networkMode === null)) {
		model.networks.set('default', { name: 'default', pos: model.pos, internal: false, external: false, driver: 'bridge', implicit: true });
	}
	const flows = top.get('flows');
	if (flows) model.flows = parseFlows(src, flows);
	return model;
}

function externalFlag(src: YamlSource, entry: Entry | undefined): boolean {
	if (!entry) return false;
	return src.bool(entry.value) ?? src.isMap(entry.value);
}

function parseService(src: YamlSource, item: Entry): Service {
	const f = src.fields(item.value, 'service', SERVICE_KNOWN, SERVICE_COMPOSE);
	const service: Service = {
		name: item.key,
		pos: item.keyPos,
		image: null,
		imagePos: item.keyPos,
		build: f.has('build'),
		ports: [],
		expose: [],
		networks: null,
		networkMode: null,
		mounts: [],
		dependsOn: [],
		environment: [],
		replicas: null,
	};
	const image = f.get('image');
	if (image) {
		service.image = src.text(image.value)?.trim() ?? null;
		service.imagePos = image.valuePos;
	}
	if (!service.image && !service.build) {
		src.report(item.keyPos, 'missing-field', `service \`${item.key}\` needs \`image\` (e.g. nginx:1.27) or \`build\``);
	}
	const ports = f.get('ports');
	if (ports) for (const node of src.items(ports.value)) {
		const mapping = readPort(src, node);
		if (mapping) service.ports.push(mapping);
	}
	const expose = f.get('expose');
	if (expose) for (const node of src.items(expose.value)) {
		const text = src.text(node)?.trim() ?? '';
		const parsed = parsePortText(text, src.posOf(node));
		if (typeof parsed === 'string' || parsed.hostPorts) src.report(src.posOf(node), 'invalid-port', typeof parsed === 'string' ? parsed : '`expose` takes container ports only; publish with `ports`');
		else service.expose.push(text);
	}
	const mode = f.get('network_mode');
	if (mode) service.networkMode = src.text(mode.value);
	const networks = f.get('networks');
	if (networks) {
		service.networks = [];
		const list: Attachment[] = src.isMap(networks.value)
			? src.entries(networks.value, `\`${item.key}\` networks`).map((e) => ({ name: e.key, pos: e.keyPos }))
			: src.items(networks.value).map((n) => ({ name: src.text(n)?.trim() ?? '', pos: src.posOf(n) }));
		for (const a of list) if (a.name !== '') service.networks.push(a);
	}
	const volumes = f.get('volumes');
	if (volumes) for (const node of src.items(volumes.value)) {
		const mount = readMount(src, node);
		if (mount) service.mounts.push(mount);
	}
	const depends = f.get('depends_on');
	if (depends) {
		service.dependsOn = src.isMap(depends.value)
			? src.entries(depends.value, `\`${item.key}\` depends_on`).map((e) => ({ name: e.key, pos: e.keyPos }))
			: src.items(depends.value).map((n) => ({ name: src.text(n)?.trim() ?? '', pos: src.posOf(n) })).filter((a) => a.name !== '');
	}
	const env = f.get('environment');
	if (env) {
		service.environment = src.isMap(env.value)
			? src.entries(env.value, `\`${item.key}\` environment`).map((e) => e.key)
			: src.items(env.value).map((n) => (src.text(n) ?? '').split('=')[0] ?? '').filter((k) => k !== '');
	}
	const deploy = f.get('deploy');
	const replicas = deploy && src.isMap(deploy.value) ? src.entries(deploy.value, 'deploy').find((e) => e.key === 'replicas') : f.get('scale');
	if (replicas) {
		const n = Number(src.text(replicas.value));
		if (Number.isInteger(n) && n >= 0) service.replicas = n;
		else src.report(replicas.valuePos, 'invalid-value', '`replicas` is a whole number');
	}
	return service;
}

function readPort(src: YamlSource, node: YamlNode): PortMapping | null {
	const pos = src.posOf(node);
	let parsed: PortMapping | string;
	if (src.isMap(node)) {
		const f = src.fields(node, 'port', ['target', 'published', 'host_ip', 'protocol'], ['mode', 'name', 'app_protocol']);
		const t = (k: string): string | null => src.text(f.get(k)?.value ?? null);
		parsed = parsePortObject({ target: t('target'), published: t('published'), hostIp: t('host_ip'), protocol: t('protocol') }, pos);
	} else {
		const text = src.text(node);
		parsed = text === null ? 'a port is "8080:80", "127.0.0.1:5432:5432", "53:53/udp" or `{ target, published }`' : parsePortText(text, pos);
	}
	if (typeof parsed === 'string') {
		src.report(pos, 'invalid-port', parsed);
		return null;
	}
	if (parsed.text === '') parsed.text = describeMapping(parsed);
	return parsed;
}

function readMount(src: YamlSource, node: YamlNode): Mount | null {
	const pos: Pos = src.posOf(node);
	if (src.isMap(node)) {
		const f = src.fields(node, 'volume mount', ['type', 'source', 'target', 'read_only'], ['bind', 'volume', 'tmpfs', 'image', 'consistency']);
		const type = src.text(f.get('type')?.value ?? null) ?? 'volume';
		const target = src.text(f.get('target')?.value ?? null);
		if (!target) {
			src.report(pos, 'missing-field', 'a volume mount needs `target`: the path inside the container');
			return null;
		}
		const kind = type === 'bind' || type === 'tmpfs' ? type : 'volume';
		return { type: kind, source: src.text(f.get('source')?.value ?? null) ?? '', target, readOnly: src.bool(f.get('read_only')?.value ?? null) ?? false, pos };
	}
	const text = src.text(node)?.trim();
	if (!text) return null;
	// A Windows drive letter (`C:\data:/data`) is part of the source, not a separator.
	const parts = text.replace(/^([A-Za-z]):\\/, '$1\u0000\\').split(':').map((p) => p.replace('\u0000', ':'));
	if (parts.length === 1) return { type: 'volume', source: '', target: parts[0] ?? '', readOnly: false, pos };
	const source = parts[0] ?? '';
	const bind = /^[/.~$\\]/.test(source) || /^[A-Za-z]:/.test(source);
	return { type: bind ? 'bind' : 'volume', source, target: parts[1] ?? '', readOnly: (parts[2] ?? '').split(',').includes('ro'), pos };
}
