/**
 * YAML of a `containers` block -> ContainersModel. A Compose file pasted as it is must work:
 * keys we do not draw are accepted silently, unless they look like a typo of one we know.
 */

import type { YamlNode } from '../yaml/yaml-nodes';
import { describeMapping, parsePortObject, parsePortText } from './ports';
import { knownValue } from './interpolate';
import type { Attachment, ContainersModel, Mount, Network, PortMapping, Service, Volume } from './model';
import type { UnresolvedPort } from './ports';
import type { Pos } from '../shared/diagnostic';
import { parseFlows } from '../shared/flow-model';
import type { Entry, YamlSource } from '../yaml/yaml-source';

/*
 * Keys come from compose-go's schema (schema/compose-spec.json, compose-spec/compose-go at
 * e70e961, July 2026): every key there is valid; the ones we read are "known", the others are
 * accepted silently. Anything else gets a did-you-mean only when it looks like a typo of one.
 */
const TOP_KNOWN = ['services', 'containers', 'networks', 'volumes', 'host', 'flows', 'profiles', 'include'] as const;
const TOP_COMPOSE = ['version', 'name', 'configs', 'secrets', 'models'] as const;

const SERVICE_KNOWN = [
	'image', 'build', 'ports', 'expose', 'networks', 'network_mode', 'volumes', 'depends_on', 'environment', 'deploy', 'scale',
	'profiles', 'provider', 'extends', 'links',
] as const;
/** Every other service key of compose-go's schema: valid, not drawn. */
const SERVICE_COMPOSE = [
	'develop', 'annotations', 'attach', 'blkio_config', 'cap_add', 'cap_drop', 'cgroup', 'cgroup_parent', 'command', 'configs',
	'container_name', 'cpu_count', 'cpu_percent', 'cpu_shares', 'cpu_quota', 'cpu_period', 'cpu_rt_period', 'cpu_rt_runtime',
	'cpus', 'cpuset', 'credential_spec', 'device_cgroup_rules', 'devices', 'dns', 'dns_opt', 'dns_search', 'domainname',
	'entrypoint', 'env_file', 'label_file', 'external_links', 'extra_hosts', 'gpus', 'group_add', 'healthcheck', 'hostname',
	'init', 'ipc', 'isolation', 'labels', 'logging', 'mac_address', 'mem_limit', 'mem_reservation', 'mem_swappiness',
	'memswap_limit', 'models', 'oom_kill_disable', 'oom_score_adj', 'pid', 'pids_limit', 'platform', 'pre_start', 'post_start',
	'pre_stop', 'privileged', 'pull_policy', 'pull_refresh_after', 'read_only', 'restart', 'runtime', 'security_opt',
	'shm_size', 'secrets', 'sysctls', 'stdin_open', 'stop_grace_period', 'stop_signal', 'storage_opt', 'tmpfs', 'tty',
	'ulimits', 'use_api_socket', 'user', 'uts', 'userns_mode', 'volumes_from', 'working_dir',
] as const;
const NETWORK_COMPOSE = ['name', 'driver', 'driver_opts', 'ipam', 'external', 'internal', 'enable_ipv4', 'enable_ipv6', 'attachable', 'labels'] as const;
const VOLUME_COMPOSE = ['name', 'driver', 'driver_opts', 'external', 'labels'] as const;
const PORT_COMPOSE = ['name', 'mode', 'host_ip', 'target', 'published', 'protocol', 'app_protocol'] as const;
const MOUNT_COMPOSE = ['type', 'source', 'target', 'read_only', 'consistency', 'bind', 'volume', 'tmpfs', 'image'] as const;
const MOUNT_TYPES = ['volume', 'bind', 'tmpfs', 'image', 'npipe', 'cluster'] as const;

/** A scalar with Compose interpolation applied: defaults read, null when a variable is unknown until run. */
function value(src: YamlSource, node: YamlNode | null): string | null {
	const text = src.text(node);
	return text === null ? null : knownValue(text);
}

/** A scalar as written, variables read with their defaults where they have one (for names shown as they are). */
function shown(src: YamlSource, node: YamlNode | null): string | null {
	const text = src.text(node);
	if (text === null) return null;
	return knownValue(text) ?? text;
}

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
		includes: [],
		activeProfiles: null,
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

	const include = top.get('include');
	if (include) for (const node of src.items(include.value)) {
		// `- other.yaml` or `- path: [a.yaml, b.yaml]`: only the names matter here.
		if (src.isMap(node)) {
			const path = src.entries(node, '`include`').find((e) => e.key === 'path');
			for (const p of path ? src.items(path.value) : []) model.includes.push(shown(src, p) ?? '');
		} else model.includes.push(shown(src, node) ?? '');
	}
	const profiles = top.get('profiles');
	if (profiles) {
		const list = src.items(profiles.value).map((n) => shown(src, n)?.trim() ?? '').filter((p) => p !== '');
		if (list.length === 0 && !src.isNull(profiles.value)) src.report(profiles.valuePos, 'invalid-value', '`profiles` lists the active Compose profiles, e.g. `profiles: [debug]` (`*` for all)');
		model.activeProfiles = list;
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

	/** Keys each service tags `!override` / `!reset`, for `extends`. */
	const replaced = new Map<Service, ReadonlyMap<string, string>>();
	const sections = [top.get('services'), top.get('containers')].filter((e): e is Entry => !!e);
	// A file that only `include`s others is a whole Compose project.
	if (sections.length === 0 && !top.has('include')) src.report(src.start, 'missing-field', 'a containers block needs `services:` (or `containers:`)');
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
			const service = parseService(src, item);
			model.services.set(item.key, service);
			replaced.set(service, src.replacingKeys(item.value));
		}
	}
	applyExtends(src, model, replaced);
	for (const service of model.services.values()) {
		if (service.image || service.build || service.provider || service.extends?.file) continue;
		// A service extending a missing one was reported already; a second error would say the same.
		if (service.extends && !model.services.has(service.extends.service)) continue;
		if (model.includes.length > 0) {
			src.report(service.pos, 'outside-reference', `service \`${service.name}\` has no \`image\` or \`build\` here: it may add to a service of the included ${model.includes.slice(0, 3).join(', ')}, which Cloudnotes does not read`);
			continue;
		}
		src.report(service.pos, 'missing-field', `service \`${service.name}\` needs \`image\` (e.g. nginx:1.27), \`build\`, \`provider\` or \`extends\``);
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
	const listOf = (entry: Entry | undefined): string[] => (entry ? src.items(entry.value).map((n) => shown(src, n)?.trim() ?? '').filter((t) => t !== '') : []);
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
		profiles: listOf(f.get('profiles')),
		provider: null,
		extends: null,
		links: listOf(f.get('links')).map((l) => l.split(':')[0] ?? l),
		unresolvedPorts: [],
	};
	const image = f.get('image');
	if (image) {
		service.image = shown(src, image.value)?.trim() || null;
		service.imagePos = image.valuePos;
		if (!src.isNull(image.value) && src.text(image.value) === null) {
			src.report(image.valuePos, 'invalid-value', `\`image\` of \`${item.key}\` is one image name such as nginx:1.27, not a list or mapping`);
			service.image = '(invalid)';
		}
	}
	const provider = f.get('provider');
	if (provider) {
		const type = src.isMap(provider.value) ? src.entries(provider.value, '`provider`').find((e) => e.key === 'type') : undefined;
		service.provider = (type && shown(src, type.value)) || 'provider';
	}
	const ext = f.get('extends');
	if (ext) {
		if (src.isMap(ext.value)) {
			const e = src.fields(ext.value, '`extends`', ['service', 'file']);
			const base = e.get('service');
			service.extends = { service: shown(src, base?.value ?? null)?.trim() ?? '', file: shown(src, e.get('file')?.value ?? null)?.trim() || null, pos: base?.valuePos ?? ext.valuePos };
		} else service.extends = { service: shown(src, ext.value)?.trim() ?? '', file: null, pos: ext.valuePos };
	}
	const ports = f.get('ports');
	if (ports) for (const node of src.items(ports.value)) {
		const mapping = readPort(src, node);
		if (mapping === null) continue;
		if ('unresolved' in mapping) service.unresolvedPorts.push(mapping.unresolved);
		else service.ports.push(mapping);
	}
	const expose = f.get('expose');
	if (expose) for (const node of src.items(expose.value)) {
		const text = src.text(node)?.trim() ?? '';
		const parsed = parsePortText(text, src.posOf(node));
		if (typeof parsed === 'string') src.report(src.posOf(node), 'invalid-port', parsed);
		else if ('unresolved' in parsed) continue;
		else if (parsed.hostPorts) src.report(src.posOf(node), 'invalid-port', '`expose` takes container ports only; publish with `ports`');
		else service.expose.push(text);
	}
	const mode = f.get('network_mode');
	if (mode) service.networkMode = value(src, mode.value)?.trim() || null;
	const networks = f.get('networks');
	if (networks) {
		service.networks = [];
		const list: Attachment[] = src.isMap(networks.value)
			? src.entries(networks.value, `\`${item.key}\` networks`).map((e) => ({ name: e.key, pos: e.keyPos }))
			: src.items(networks.value).map((n) => ({ name: shown(src, n)?.trim() ?? '', pos: src.posOf(n) }));
		for (const a of list) if (a.name !== '') service.networks.push(a);
	}
	const volumes = f.get('volumes');
	if (volumes) for (const node of src.items(volumes.value)) {
		const mount = readMount(src, node);
		if (!mount) continue;
		// One mount per target, the later one winning, as compose-go keeps them after merging documents.
		const same = service.mounts.findIndex((m) => m.target === mount.target && m.target !== '');
		if (same === -1) service.mounts.push(mount);
		else service.mounts[same] = mount;
	}
	const depends = f.get('depends_on');
	if (depends) {
		service.dependsOn = src.isMap(depends.value)
			? src.entries(depends.value, `\`${item.key}\` depends_on`).map((e) => ({ name: e.key, pos: e.keyPos }))
			: src.items(depends.value).map((n) => ({ name: shown(src, n)?.trim() ?? '', pos: src.posOf(n) })).filter((a) => a.name !== '');
	}
	const env = f.get('environment');
	if (env) {
		service.environment = src.isMap(env.value)
			? src.entries(env.value, `\`${item.key}\` environment`).map((e) => e.key)
			: src.items(env.value).map((n) => (src.text(n) ?? '').split('=')[0] ?? '').filter((k) => k !== '');
	}
	// `deploy.replicas` wins over `scale` when both are set (compose-go checks they agree).
	const deploy = f.get('deploy');
	const deployReplicas = deploy && src.isMap(deploy.value) ? src.entries(deploy.value, '`deploy`').find((e) => e.key === 'replicas') : undefined;
	const replicas = deployReplicas ?? f.get('scale');
	if (replicas && !src.isNull(replicas.value)) {
		const key = deployReplicas ? '`deploy.replicas`' : '`scale`';
		const text = src.text(replicas.value);
		const known = text === null ? null : knownValue(text.trim());
		const n = Number(known);
		if (text !== null && known === null) service.replicas = null;
		else if (known !== null && known !== '' && Number.isInteger(n) && n >= 0) service.replicas = n;
		else src.report(replicas.valuePos, 'invalid-value', `${key} is a whole number of containers (or a variable such as \${REPLICAS:-2})`);
	}
	return service;
}

/**
 * `extends` in the same block: the base service's settings are the derived one's defaults, as
 * compose-go merges them (the derived service's own values win; lists such as ports add up).
 * A key the derived service tags `!override` or `!reset` replaces the base's value instead
 * (compose-go applies the tags to the merged service): `ports: !override ["8081:80"]` publishes
 * only 8081, `ports: !reset []` nothing. A base in another file cannot be read here: the service
 * is taken as it is, never an error.
 */
function applyExtends(src: YamlSource, model: ContainersModel, replaced: ReadonlyMap<Service, ReadonlyMap<string, string>>): void {
	const done = new Set<Service>();
	const visiting = new Set<Service>();
	const resolve = (service: Service): void => {
		if (done.has(service) || !service.extends || service.extends.file) return;
		const base = model.services.get(service.extends.service);
		if (!base) {
			src.report(service.extends.pos, 'unknown-reference', `\`${service.name}\` extends \`${service.extends.service}\`, which is not a service here (services: ${[...model.services.keys()].slice(0, 6).join(', ')}); add \`file:\` when it is in another file`);
			done.add(service);
			return;
		}
		if (visiting.has(base) || base === service) {
			src.report(service.extends.pos, 'invalid-value', `\`${service.name}\` extends \`${base.name}\`, which extends it back; Compose refuses the loop`);
			done.add(service);
			return;
		}
		visiting.add(service);
		resolve(base);
		visiting.delete(service);
		done.add(service);
		const own = replaced.get(service);
		/** Whether the base's value of this key reaches the merged service. */
		const merges = (key: string): boolean => !own?.has(key);
		if (!service.image && !service.build) {
			if (merges('image')) {
				service.image = base.image;
				service.imagePos = base.imagePos;
			}
			if (merges('build')) service.build = base.build;
		}
		if (merges('provider')) service.provider ??= base.provider;
		if (base.extends?.file && !service.image && !service.build) service.extends = { ...service.extends, file: base.extends.file };
		if (merges('ports')) {
			service.ports = [...base.ports, ...service.ports];
			service.unresolvedPorts = [...base.unresolvedPorts, ...service.unresolvedPorts];
		}
		if (merges('expose')) service.expose = [...new Set([...base.expose, ...service.expose])];
		if (service.networks === null && service.networkMode === null) {
			if (merges('networks')) service.networks = base.networks;
			if (merges('network_mode')) service.networkMode = base.networkMode;
		}
		if (merges('volumes')) {
			const targets = new Set(service.mounts.map((m) => m.target));
			service.mounts = [...base.mounts.filter((m) => !targets.has(m.target)), ...service.mounts];
		}
		if (merges('depends_on')) {
			const deps = new Set(service.dependsOn.map((d) => d.name));
			service.dependsOn = [...base.dependsOn.filter((d) => !deps.has(d.name)), ...service.dependsOn];
		}
		if (merges('environment')) service.environment = [...new Set([...base.environment, ...service.environment])];
		if (merges('deploy') && merges('scale')) service.replicas ??= base.replicas;
		if (merges('profiles') && service.profiles.length === 0) service.profiles = base.profiles;
		if (merges('links')) service.links = [...new Set([...base.links, ...service.links])];
	};
	for (const service of model.services.values()) resolve(service);
}

function readPort(src: YamlSource, node: YamlNode): PortMapping | UnresolvedPort | null {
	const pos = src.posOf(node);
	let parsed: PortMapping | UnresolvedPort | string;
	if (src.isMap(node)) {
		const f = src.fields(node, 'port', ['target', 'published', 'host_ip', 'protocol'], PORT_COMPOSE);
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
	if ('unresolved' in parsed) return parsed;
	if (parsed.text === '') parsed.text = describeMapping(parsed);
	return parsed;
}

function readMount(src: YamlSource, node: YamlNode): Mount | null {
	const pos: Pos = src.posOf(node);
	if (src.isMap(node)) {
		const f = src.fields(node, 'volume mount', ['type', 'source', 'target', 'read_only'], MOUNT_COMPOSE);
		const written = src.text(f.get('type')?.value ?? null);
		const type = written === null ? 'volume' : knownValue(written);
		const target = shown(src, f.get('target')?.value ?? null);
		if (!target) {
			src.report(pos, 'missing-field', 'a volume mount needs `target`: the path inside the container');
			return null;
		}
		const kind = MOUNT_TYPES.find((t) => t === type);
		if (type !== null && !kind) src.report(f.get('type')?.valuePos ?? pos, 'invalid-value', `\`${type}\` is not a mount type; use ${MOUNT_TYPES.join(', ')}`);
		// A source that is a variable without a default is unknown until run: not checked as a volume name.
		const source = value(src, f.get('source')?.value ?? null) ?? '';
		return { type: kind ?? 'bind', source, target, readOnly: src.bool(f.get('read_only')?.value ?? null) ?? false, pos };
	}
	const raw = src.text(node)?.trim();
	if (!raw) return null;
	const text = knownValue(raw) ?? raw;
	if (/^\\\\[.?]\\pipe\\/i.test(text)) {
		const [source, target] = text.split(':');
		return { type: 'npipe', source: source ?? '', target: target ?? '', readOnly: false, pos };
	}
	// A Windows drive letter (`C:\data:/data`) is part of the source, not a separator.
	const parts = text.replace(/^([A-Za-z]):\\/, '$1\u0000\\').split(':').map((p) => p.replace('\u0000', ':'));
	if (parts.length === 1) return { type: 'volume', source: '', target: parts[0] ?? '', readOnly: false, pos };
	const source = parts[0] ?? '';
	const bind = /^[/.~$\\]/.test(source) || /^[A-Za-z]:/.test(source) || knownValue(raw.split(':')[0] ?? '') === null;
	return { type: bind ? 'bind' : 'volume', source, target: parts[1] ?? '', readOnly: (parts[2] ?? '').split(',').includes('ro'), pos };
}
