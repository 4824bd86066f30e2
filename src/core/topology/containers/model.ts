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
	/** Host port range; null when Docker picks a random one. */
	hostPorts: { from: number; to: number } | null;
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
	/** Named volume, bind mount (host path) or tmpfs. */
	type: 'volume' | 'bind' | 'tmpfs';
	/** Volume name or host path ('' for anonymous volumes and tmpfs). */
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
}

/** The networks a service is on: its own list, or `default`; none with network_mode. */
export function networksOf(service: Service): string[] {
	if (service.networkMode) return [];
	return service.networks ? service.networks.map((n) => n.name) : ['default'];
}

export function isInternalNetwork(model: ContainersModel, name: string): boolean {
	return model.networks.get(name)?.internal ?? false;
}

/** Whether the service has a way out (some network that is not internal, or the host's own stack). */
export function hasOutsideAccess(model: ContainersModel, service: Service): boolean {
	if (service.networkMode === 'host') return true;
	return networksOf(service).some((n) => !isInternalNetwork(model, n));
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
