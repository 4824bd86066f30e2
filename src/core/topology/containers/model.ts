/**
 * The checked model of a `containers` block (a Docker Compose file, plus our `host:` key).
 * Compose semantics: services on a shared user-defined network reach each other by name on any
 * port; services that name no network share the project's `default` network; from the host or
 * the internet only published ports are reachable; an `internal: true` network has no way out.
 */

import type { Pos } from '../shared/diagnostic';
import type { FlowSpec } from '../shared/flow-model';

export type PortProto = 'tcp' | 'udp' | 'sctp';

export interface PortMapping {
	/** `127.0.0.1` etc.; null means every interface of the host. */
	hostIp: string | null;
	/** Host port range; null when Docker picks a random one, or when it is a variable without a default. */
	hostPorts: { from: number; to: number } | null;
	/** The host port as written when it is a variable without a default (`${PUBLIC_PORT}`): unknown until run. */
	hostVariable: string | null;
	/** Variables read with their default (`PORT=8080`): the mapping holds only while they are unset. */
	defaults: string[];
	containerPorts: { from: number; to: number };
	proto: PortProto;
	text: string;
	pos: Pos;
}

export interface Attachment {
	name: string;
	pos: Pos;
}

export interface Mount {
	/**
	 * Named volume, bind mount (host path), tmpfs, an image's content (`image`), a Windows named pipe
	 * (`npipe`) or a Swarm cluster volume (`cluster`): only `volume` names a top-level volume.
	 */
	type: 'volume' | 'bind' | 'tmpfs' | 'image' | 'npipe' | 'cluster';
	/** Volume name, host path, image or pipe ('' for anonymous volumes and tmpfs). */
	source: string;
	target: string;
	readOnly: boolean;
	pos: Pos;
}

export interface Service {
	name: string;
	pos: Pos;
	image: string | null;
	imagePos: Pos;
	build: boolean;
	ports: PortMapping[];
	expose: string[];
	/** Null when the service names no networks (it joins `default`). */
	networks: Attachment[] | null;
	/** `host`, `none`, `service:x`, ...; when set the service is not on Compose networks. */
	networkMode: string | null;
	mounts: Mount[];
	dependsOn: Attachment[];
	environment: string[];
	replicas: number | null;
	/** Compose profiles the service belongs to; none means it always starts. */
	profiles: string[];
	/** `provider.type` of a service run by a provider plugin (no image, no container of its own). */
	provider: string | null;
	/** `extends`: the base service, and its file when it is another file (which Cloudnotes cannot read). */
	extends: { service: string; file: string | null; pos: Pos } | null;
	/** `links`: service names this one reaches by name on Docker's default bridge. */
	links: string[];
	/** Ports whose container side is a variable without a default, as written: unknown until run. */
	unresolvedPorts: string[];
}

export interface Network {
	name: string;
	pos: Pos;
	internal: boolean;
	external: boolean;
	driver: string | null;
	/** Not declared, but used (the project's `default` network). */
	implicit: boolean;
}

export interface Volume {
	name: string;
	pos: Pos;
	external: boolean;
	driver: string | null;
}

export interface ContainersModel {
	kind: 'containers';
	pos: Pos;
	/** Our `host:` key: the Docker host's name and OS. */
	host: { name: string; os: string | null; pos: Pos } | null;
	services: Map<string, Service>;
	networks: Map<string, Network>;
	volumes: Map<string, Volume>;
	flows: FlowSpec[];
	tooLarge: boolean;
	/** Top-level `include:` paths: their services, networks and volumes are not in this block. */
	includes: string[];
	/** Our `profiles:` key: the active Compose profiles; null means every profile (the default). */
	activeProfiles: string[] | null;
}

/** `network_mode` values with a meaning of their own; any other value names a network. */
function isNamespaceMode(mode: string): boolean {
	return mode === 'host' || mode === 'none' || mode.startsWith('service:') || mode.startsWith('container:');
}

/**
 * The networks a service is attached to itself: its own list, or `default`; with `network_mode:
 * bridge` Docker's default bridge (`bridge`); with a network name, that network; none with
 * `host`, `none`, `service:x` or `container:x` (see namespaceOf).
 */
export function networksOf(service: Service): string[] {
	const mode = service.networkMode;
	if (mode) return isNamespaceMode(mode) ? [] : [mode === 'default' ? 'bridge' : mode];
	return service.networks ? service.networks.map((n) => n.name) : ['default'];
}

/** Where a service's network stack lives (Docker's network namespace). */
export type Namespace =
	| { kind: 'networks'; owner: Service; networks: string[] }
	| { kind: 'host'; owner: Service }
	| { kind: 'none'; owner: Service }
	| { kind: 'container'; owner: Service; container: string }
	| { kind: 'missing'; owner: Service; service: string };

/**
 * `network_mode: service:x` joins x's network namespace (x's networks, x's `localhost`, x's
 * published ports), so this follows the chain to the service that owns the namespace.
 */
export function namespaceOf(model: ContainersModel, service: Service): Namespace {
	let owner = service;
	const seen = new Set<Service>([service]);
	for (;;) {
		const mode = owner.networkMode ?? '';
		if (mode.startsWith('service:')) {
			const next = model.services.get(mode.slice(8));
			if (!next) return { kind: 'missing', owner, service: mode.slice(8) };
			if (seen.has(next)) return { kind: 'none', owner };
			seen.add(next);
			owner = next;
			continue;
		}
		if (mode === 'host') return { kind: 'host', owner };
		if (mode === 'none') return { kind: 'none', owner };
		if (mode.startsWith('container:')) return { kind: 'container', owner, container: mode.slice(10) };
		return { kind: 'networks', owner, networks: networksOf(owner) };
	}
}

export function isInternalNetwork(model: ContainersModel, name: string): boolean {
	return model.networks.get(name)?.internal ?? false;
}

/** Whether the service has a way out (some network that is not internal, or the host's own stack). */
export function hasOutsideAccess(model: ContainersModel, service: Service): boolean {
	const ns = namespaceOf(model, service);
	if (ns.kind === 'host') return true;
	if (ns.kind !== 'networks') return false;
	return ns.networks.some((n) => !isInternalNetwork(model, n));
}

/** Whether the service starts with the active profiles (one without profiles always does). */
export function isActive(model: ContainersModel, service: Service): boolean {
	const active = model.activeProfiles;
	if (service.profiles.length === 0 || active === null || active.includes('*')) return true;
	return service.profiles.some((p) => active.includes(p));
}

/**
 * Names address resources in traces and diagrams, but Compose keeps services, networks and volumes
 * in separate namespaces; on a clash the service keeps the plain name and the others are qualified.
 * `internet` always means the outside world, so a network or volume of that name is qualified too.
 */
export function hostName(model: ContainersModel): string {
	const name = model.host?.name ?? 'host';
	return model.services.has(name) || model.networks.has(name) || model.volumes.has(name) ? `${name} (host)` : name;
}

export function networkResourceName(model: ContainersModel, network: string): string {
	return model.services.has(network) || network === 'internet' ? `${network} (network)` : network;
}

export function volumeResourceName(model: ContainersModel, volume: string): string {
	return model.services.has(volume) || model.networks.has(volume) || volume === 'internet' ? `${volume} (volume)` : volume;
}
