/**
 * Model -> Mermaid flowchart text. Only classic syntax (quoted labels, `[( )]`, `(( ))`, `[/ /]`,
 * `{{ }}`) so Mermaid 11.4 and 11.17 both read it. Every drawn resource is exactly one node or
 * subgraph whose id is mermaidIdFor(name); helper subgraphs (zones) use `z_` ids, which can never
 * collide with the `r_` ids of resources. A diagram too big for Mermaid's text cap with those ids
 * is written with short ones, hashes of the same names (`h1k2z9c`); `nodes` always says which id is which.
 */

import { isLoopback } from './containers/ports';
import { hostName, networkResourceName, networksOf, volumeResourceName, type ContainersModel, type Service } from './containers/model';
import { cidrContains } from './shared/cidr';
import { escapeLabel, labelLines, mermaidIdFor, safeColor, shortIds } from './shared/mermaid-text';
import type { SecurityGroup } from './vpc/security-group';
import { formatPorts } from './shared/traffic';
import { groupsOf, isInternetFacing, isPublicSubnet, routeTableOf, type Instance, type LoadBalancer, type Subnet, type VpcModel } from './vpc/model';

export interface DiagramColors {
	publicSubnet?: string;
	privateSubnet?: string;
	vpc?: string;
	zone?: string;
	gateway?: string;
	node?: string;
	text?: string;
	line?: string;
	database?: string;
	internet?: string;
	host?: string;
	network?: string;
	volume?: string;
}

export interface MermaidDiagram {
	text: string;
	nodes: { mermaidId: string; resource: string; shape: 'node' | 'cluster' }[];
	/** In the order they appear in the text (Mermaid numbers edges in order). */
	edges: { from: string; to: string; label: string }[];
	/** Why no text was produced (too large), for the plugin to show instead of a diagram. */
	refusal?: string;
}

type Model = VpcModel | ContainersModel;

/** Mermaid's own defaults (maxTextSize, maxEdges); we stay under them or refuse. */
export const MERMAID_CAPS = { maxTextSize: 50_000, maxEdges: 500 } as const;
/** Edges beyond the structural ones (security group references) stop here, to stay readable. */
const OPTIONAL_EDGE_BUDGET = 300;

const DEFAULT_COLORS: Required<DiagramColors> = {
	publicSubnet: '#e6f4ea',
	privateSubnet: '#e8eef8',
	vpc: '#fafafa',
	zone: '#ffffff',
	gateway: '#fff3d6',
	node: '#ffffff',
	text: '#1f2328',
	line: '#6b7280',
	database: '#f1e8fb',
	internet: '#e0f2fe',
	host: '#fafafa',
	network: '#fff3d6',
	volume: '#f1e8fb',
};

type Shape = 'box' | 'cylinder' | 'circle' | 'hexagon' | 'parallelogram';
const SHAPES: Record<Shape, [string, string]> = {
	box: ['[', ']'],
	cylinder: ['[(', ')]'],
	circle: ['((', '))'],
	hexagon: ['{{', '}}'],
	parallelogram: ['[/', '/]'],
};

/** Where an id goes in the text while a diagram is built: NUL, its number, SOH (no label or colour can hold these). */
// eslint-disable-next-line no-control-regex -- the control characters are the point: no text can hold them
const ID_TOKEN = /\u0000(\d+)\u0001/g;

class Builder {
	readonly lines: string[];
	/** Drawn resources, with the number of their id token. */
	private readonly drawn: { token: number; resource: string; shape: 'node' | 'cluster' }[] = [];
	private readonly edgeList: { from: string; to: string; fromId: string; toId: string; label: string; arrow: string }[] = [];
	private readonly edgeIndex = new Map<string, number>();
	private readonly classes = new Map<string, string[]>();
	private readonly styles: string[] = [];
	private depth = 1;
	private readonly colors: Required<DiagramColors>;
	/** Readable ids in order of first use; the text holds tokens until finish() picks the ids. */
	private readonly readableIds: string[] = [];
	private readonly tokens = new Map<string, number>();

	constructor(direction: 'TB' | 'LR', colors: DiagramColors | undefined) {
		this.lines = [`flowchart ${direction}`];
		const merged = { ...DEFAULT_COLORS };
		for (const key of Object.keys(DEFAULT_COLORS) as (keyof DiagramColors)[]) {
			const safe = safeColor(colors?.[key]);
			if (safe) merged[key] = safe;
		}
		this.colors = merged;
	}

	private tokenNumber(readableId: string): number {
		let k = this.tokens.get(readableId);
		if (k === undefined) {
			k = this.readableIds.length;
			this.tokens.set(readableId, k);
			this.readableIds.push(readableId);
		}
		return k;
	}

	private idToken(readableId: string): string {
		return `\u0000${this.tokenNumber(readableId)}\u0001`;
	}

	private push(line: string): void {
		this.lines.push('\t'.repeat(this.depth) + line);
	}

	node(resource: string | null, readableId: string, shape: Shape, label: string, cls: string): void {
		const id = this.idToken(readableId);
		const [open, close] = SHAPES[shape];
		this.push(`${id}${open}"${label}"${close}`);
		if (resource !== null) this.drawn.push({ token: this.tokenNumber(readableId), resource, shape: 'node' });
		const list = this.classes.get(cls) ?? [];
		list.push(id);
		this.classes.set(cls, list);
	}

	open(resource: string | null, readableId: string, label: string, style: string): void {
		const id = this.idToken(readableId);
		this.push(`subgraph ${id}["${label}"]`);
		this.depth++;
		if (resource !== null) this.drawn.push({ token: this.tokenNumber(readableId), resource, shape: 'cluster' });
		this.styles.push(`style ${id} ${style}`);
	}

	close(): void {
		this.depth--;
		this.push('end');
	}

	/** Adds an edge; the same pair again merges its label instead of drawing twice. */
	edge(from: string, to: string, label: string, arrow = '-->', readableFrom = mermaidIdFor(from), readableTo = mermaidIdFor(to)): void {
		const fromId = this.idToken(readableFrom);
		const toId = this.idToken(readableTo);
		const key = `${fromId} ${toId}`;
		const existing = this.edgeIndex.get(key);
		if (existing !== undefined) {
			const edge = this.edgeList[existing];
			if (edge && label && !edge.label.split(', ').includes(label)) edge.label = edge.label ? `${edge.label}, ${label}` : label;
			return;
		}
		this.edgeIndex.set(key, this.edgeList.length);
		this.edgeList.push({ from, to, fromId, toId, label, arrow });
	}

	get edgeCount(): number {
		return this.edgeList.length;
	}

	color(key: keyof DiagramColors): string {
		return this.colors[key];
	}

	fill(key: keyof DiagramColors, extra = ''): string {
		return `fill:${this.colors[key]},stroke:${this.colors.line},color:${this.colors.text}${extra}`;
	}

	finish(classDefs: Record<string, keyof DiagramColors>): MermaidDiagram {
		const edges: MermaidDiagram['edges'] = [];
		for (const e of this.edgeList) {
			const label = e.label ? `|"${escapeLabel(e.label, 60)}"|` : '';
			this.lines.push(`\t${e.fromId} ${e.arrow}${label} ${e.toId}`);
			edges.push({ from: e.from, to: e.to, label: e.label });
		}
		for (const [cls, key] of Object.entries(classDefs)) {
			const ids = this.classes.get(cls);
			if (!ids?.length) continue;
			this.lines.push(`\tclassDef ${cls} ${this.fill(key)}`);
			this.lines.push(`\tclass ${ids.join(',')} ${cls}`);
		}
		for (const style of this.styles) this.lines.push(`\t${style}`);
		if (edges.length > 0) this.lines.push(`\tlinkStyle default stroke:${this.colors.line}`);
		const withTokens = this.lines.join('\n') + '\n';
		let ids = this.readableIds;
		let text = withTokens.replace(ID_TOKEN, (_, k: string) => ids[Number(k)]);
		if (text.length > MERMAID_CAPS.maxTextSize) {
			// Readable ids (`r_web_2d_a`) make most of a big diagram's text; short ones, still
			// derived from the names, let Mermaid draw blocks of a few hundred resources.
			ids = shortIds(this.readableIds);
			text = withTokens.replace(ID_TOKEN, (_, k: string) => ids[Number(k)]);
		}
		const nodes = this.drawn.map((d) => ({ mermaidId: ids[d.token], resource: d.resource, shape: d.shape }));
		return { text, nodes, edges };
	}
}

/** Options of toMermaid: colours from the theme, and the flowchart direction (default: top to bottom for a VPC, left to right for containers). */
export interface MermaidOptions {
	colors?: DiagramColors;
	direction?: 'TB' | 'LR';
}

export function toMermaid(model: Model, options: MermaidOptions = {}): MermaidDiagram {
	if (model.tooLarge) {
		return { text: '', nodes: [], edges: [], refusal: 'This block is too large to draw; split it into smaller blocks.' };
	}
	const diagram = model.kind === 'vpc' ? vpcDiagram(model, options.colors, options.direction ?? 'TB') : containersDiagram(model, options.colors, options.direction ?? 'LR');
	if (diagram.text.length > MERMAID_CAPS.maxTextSize || diagram.edges.length > MERMAID_CAPS.maxEdges) {
		return {
			text: '',
			nodes: [],
			edges: [],
			refusal: `The diagram would be ${diagram.text.length} characters and ${diagram.edges.length} edges, over Mermaid's limits; split the block.`,
		};
	}
	return diagram;
}

// ---------------------------------------------------------------- VPC

export function vpcDrawsInternet(model: VpcModel): boolean {
	return model.internetGateway !== null;
}

const DATABASE_ROLES = new Set(['database', 'db', 'rds', 'cache', 'storage']);

function instanceShape(instance: Instance): Shape {
	return instance.role && DATABASE_ROLES.has(instance.role.toLowerCase()) ? 'cylinder' : 'box';
}

function isOutsideVpc(model: VpcModel, peer: SecurityGroup['inbound'][number]['peer']): boolean {
	return peer.kind === 'cidr' && !(model.cidr && cidrContains(model.cidr, peer.cidr));
}

/** What the outside world may send a holder of these groups, as a short label. */
function outsideLabel(model: VpcModel, groups: readonly SecurityGroup[]): string {
	const parts: string[] = [];
	for (const group of groups) {
		for (const rule of group.inbound) {
			if (!isOutsideVpc(model, rule.peer)) continue;
			const what = rule.proto === 'all' || rule.proto === 'icmp' ? rule.proto : `${rule.proto} ${formatPorts(rule.ports)}`;
			const text = rule.peer.kind === 'cidr' && rule.peer.cidr.prefix > 0 ? `${what} from ${rule.peer.cidr.text}` : what;
			if (!parts.includes(text)) parts.push(text);
		}
	}
	return parts.join(', ');
}

function vpcDiagram(model: VpcModel, colors: DiagramColors | undefined, direction: 'TB' | 'LR'): MermaidDiagram {
	const b = new Builder(direction, colors);
	const igw = model.internetGateway;
	if (vpcDrawsInternet(model)) b.node('internet', mermaidIdFor('internet'), 'circle', 'internet', 'cnInternet');
	const vpcId = model.name ? mermaidIdFor(model.name) : 'z_vpc';
	b.open(model.name || null, vpcId, labelLines(`VPC ${model.name}${model.cidr ? ` · ${model.cidr.text}` : ''}${model.region ? ` · ${model.region}` : ''}`), b.fill('vpc'));
	if (igw) b.node(igw.name, mermaidIdFor(igw.name), 'hexagon', labelLines(igw.name, 'internet gateway'), 'cnGateway');
	for (const lb of model.loadBalancers.values()) {
		b.node(lb.name, mermaidIdFor(lb.name), 'parallelogram', labelLines(lb.name, `${lb.scheme === 'internal' ? 'internal ' : ''}${lb.type === 'network' ? 'NLB' : 'ALB'}`), 'cnGateway');
	}

	const inSubnet = new Map<string, { nats: string[]; instances: Instance[] }>();
	const homeless: Instance[] = [];
	const homelessNats: string[] = [];
	for (const subnet of model.subnets.values()) inSubnet.set(subnet.name, { nats: [], instances: [] });
	for (const nat of model.natGateways.values()) {
		const slot = nat.subnet && inSubnet.get(nat.subnet.name);
		if (slot) slot.nats.push(nat.name);
		else homelessNats.push(nat.name);
	}
	for (const instance of model.instances.values()) {
		const slot = instance.subnet && inSubnet.get(instance.subnet.name);
		if (slot) slot.instances.push(instance);
		else homeless.push(instance);
	}
	for (const name of homelessNats) b.node(name, mermaidIdFor(name), 'hexagon', labelLines(name, 'NAT gateway'), 'cnGateway');
	for (const instance of homeless) b.node(instance.name, mermaidIdFor(instance.name), instanceShape(instance), labelLines(instance.name, instance.role), instanceShape(instance) === 'cylinder' ? 'cnDb' : 'cnNode');

	const zones = new Map<string, Subnet[]>();
	const zoneless: Subnet[] = [];
	for (const subnet of model.subnets.values()) {
		if (subnet.zone === null) zoneless.push(subnet);
		else {
			const list = zones.get(subnet.zone);
			if (list) list.push(subnet);
			else zones.set(subnet.zone, [subnet]);
		}
	}
	const drawSubnet = (subnet: Subnet): void => {
		const pub = isPublicSubnet(model, subnet);
		const title = `${subnet.name}${subnet.cidr ? ` · ${subnet.cidr.text}` : ''} · ${pub ? 'public' : 'private'}`;
		b.open(subnet.name, mermaidIdFor(subnet.name), labelLines(title), b.fill(pub ? 'publicSubnet' : 'privateSubnet', pub ? ',stroke-width:2px' : ',stroke-dasharray:5 4'));
		const slot = inSubnet.get(subnet.name);
		for (const name of slot?.nats ?? []) b.node(name, mermaidIdFor(name), 'hexagon', labelLines(name, 'NAT gateway'), 'cnGateway');
		for (const instance of slot?.instances ?? []) {
			const shape = instanceShape(instance);
			b.node(instance.name, mermaidIdFor(instance.name), shape, labelLines(instance.name, instance.role ?? (instance.publicIp ? 'public IP' : null)), shape === 'cylinder' ? 'cnDb' : 'cnNode');
		}
		b.close();
	};
	let zoneIndex = 0;
	for (const [zone, subnets] of zones) {
		b.open(null, `z_${zoneIndex++}`, labelLines(zone), b.fill('zone', ',stroke-dasharray:2 3'));
		for (const subnet of subnets) drawSubnet(subnet);
		b.close();
	}
	for (const subnet of zoneless) drawSubnet(subnet);
	b.close();

	// Structural edges first (internet, routes, load balancers), references last within a budget.
	if (igw) b.edge('internet', igw.name, '', '<-->');
	for (const subnet of model.subnets.values()) {
		for (const route of routeTableOf(model, subnet)?.routes ?? []) {
			if (route.target === 'local') continue;
			if (route.target !== igw?.name && !model.natGateways.has(route.target)) continue;
			b.edge(subnet.name, route.target, route.destination.text);
		}
	}
	const members = new Map<string, string[]>();
	const addMember = (holder: Instance | LoadBalancer): void => {
		for (const group of groupsOf(model, holder.securityGroups)) {
			const list = members.get(group.name);
			if (list) list.push(holder.name);
			else members.set(group.name, [holder.name]);
		}
	};
	for (const lb of model.loadBalancers.values()) {
		addMember(lb);
		if (igw && isInternetFacing(model, lb)) {
			const label = lb.listeners ? `tcp ${lb.listeners.join(',')}` : outsideLabel(model, groupsOf(model, lb.securityGroups));
			b.edge(igw.name, lb.name, label);
		}
		for (const target of lb.targets) {
			if (!model.instances.has(target.name)) continue;
			b.edge(lb.name, target.name, lb.targetPort ? `tcp ${lb.targetPort}` : '');
		}
	}
	for (const instance of model.instances.values()) {
		addMember(instance);
		const subnet = instance.subnet && model.subnets.get(instance.subnet.name);
		if (igw && instance.publicIp && subnet && isPublicSubnet(model, subnet)) {
			const label = outsideLabel(model, groupsOf(model, instance.securityGroups));
			if (label) b.edge(igw.name, instance.name, label);
		}
	}
	const groups = [...model.securityGroups.values(), model.defaultSecurityGroup];
	// Reference edges are the first to go: structural ones must fit under Mermaid's edge cap.
	let budget = Math.min(OPTIONAL_EDGE_BUDGET, MERMAID_CAPS.maxEdges - 50 - b.edgeCount);
	for (const group of groups) {
		for (const rule of group.inbound) {
			if (rule.peer.kind !== 'sg' || rule.peer.name === group.name) continue;
			const label = rule.proto === 'all' || rule.proto === 'icmp' ? rule.proto : `${rule.proto} ${formatPorts(rule.ports)}`;
			for (const from of members.get(rule.peer.name) ?? []) {
				for (const to of members.get(group.name) ?? []) {
					if (from === to || budget <= 0) continue;
					const before = b.edgeCount;
					b.edge(from, to, label);
					if (b.edgeCount > before) budget--;
				}
			}
		}
	}
	return b.finish({ cnInternet: 'internet', cnGateway: 'gateway', cnNode: 'node', cnDb: 'database' });
}

// ---------------------------------------------------------------- containers

export function containersDrawsInternet(model: ContainersModel): boolean {
	return [...model.services.values()].some((s) => s.ports.some((p) => !isLoopback(p.hostIp)));
}

/** Networks drawn: declared ones, plus the implicit `default` when some service is on it. */
export function drawnNetworks(model: ContainersModel): string[] {
	return [...model.networks.values()].filter((n) => !n.implicit || [...model.services.values()].some((s) => networksOf(s).includes(n.name))).map((n) => n.name);
}

const DATABASE_IMAGES = /(^|\/)(postgres|postgis|mysql|mariadb|mongo|redis|valkey|memcached|cassandra|elasticsearch|opensearch|clickhouse|influxdb|couchdb|neo4j|minio)(:|$)/i;

function serviceShape(service: Service): Shape {
	return service.image && DATABASE_IMAGES.test(service.image) ? 'cylinder' : 'box';
}

function containersDiagram(model: ContainersModel, colors: DiagramColors | undefined, direction: 'TB' | 'LR'): MermaidDiagram {
	const b = new Builder(direction, colors);
	const host = hostName(model);
	if (containersDrawsInternet(model)) b.node('internet', mermaidIdFor('internet'), 'circle', 'internet', 'cnInternet');
	const hostLabel = model.host ? `${model.host.name}${model.host.os ? ` · ${model.host.os}` : ''}` : 'Docker host';
	b.open(host, mermaidIdFor(host), labelLines(hostLabel), b.fill('host'));
	const loopbackOnly = [...model.services.values()].some((s) => s.ports.some((p) => isLoopback(p.hostIp)));
	if (loopbackOnly) b.node(null, 'z_localhost', 'circle', 'localhost', 'cnInternet');
	for (const service of model.services.values()) {
		const shape = serviceShape(service);
		const detail = service.image ?? (service.build ? 'build' : null);
		const replicas = service.replicas && service.replicas > 1 ? `× ${service.replicas}` : null;
		b.node(service.name, mermaidIdFor(service.name), shape, labelLines(service.name, detail, replicas), shape === 'cylinder' ? 'cnDb' : 'cnNode');
	}
	const networks = drawnNetworks(model);
	for (const name of networks) {
		const network = model.networks.get(name);
		const resource = networkResourceName(model, name);
		b.node(resource, mermaidIdFor(resource), 'hexagon', labelLines(name, network?.internal ? 'internal network' : 'network'), 'cnNetwork');
	}
	for (const volume of model.volumes.values()) {
		const resource = volumeResourceName(model, volume.name);
		b.node(resource, mermaidIdFor(resource), 'cylinder', labelLines(volume.name, 'volume'), 'cnVolume');
	}
	b.close();

	for (const service of model.services.values()) {
		for (const mapping of service.ports) {
			const host_ = mapping.hostPorts ? (mapping.hostPorts.from === mapping.hostPorts.to ? String(mapping.hostPorts.from) : `${mapping.hostPorts.from}-${mapping.hostPorts.to}`) : 'random';
			const target = mapping.containerPorts.from === mapping.containerPorts.to ? String(mapping.containerPorts.from) : `${mapping.containerPorts.from}-${mapping.containerPorts.to}`;
			const label = `${host_}→${target}/${mapping.proto}`;
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

