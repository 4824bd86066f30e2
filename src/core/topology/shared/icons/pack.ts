/**
 * Cloudnotes' own icon pack: one glyph per kind of resource a topology diagram draws, drawn for
 * this project (simple strokes on a 48 × 48 grid, in the spirit of AWS's architecture icons, not
 * copied from them). Every glyph paints with `currentColor`: Mermaid's icon shapes colour the icon
 * with the node's `stroke` and its tile with the node's `fill`, so the theme's colours reach the
 * icons through the classDef lines the generator writes, and a theme switch redraws them.
 *
 * The pack is data in the core (no Obsidian, no DOM) because three places need the very same
 * icons: the plugin registers it on Obsidian's Mermaid, exported Mermaid text names it
 * (`cloudnotes:<id>`), and a publisher (Digital Garden's garden plugin, the CLI) can ship it
 * beside the text so a site renders the diagram the same way.
 *
 * Each body is wrapped in `<g class="cloudnotes-icon cloudnotes-icon-<id>">`: the icon's own
 * class, which survives Mermaid's sanitiser, is how tests and styles find it in the SVG.
 */

/** The pack name and icon prefix registered on Mermaid: `cloudnotes:ec2-instance`. */
export const ICON_PACK_PREFIX = 'cloudnotes';

/** One icon in Iconify's JSON shape (what `mermaid.registerIconPacks` takes). */
export interface IconData {
	body: string;
	width?: number;
	height?: number;
}

/** An Iconify icon set: what one entry of `registerIconPacks([{ name, icons }])` holds. */
export interface IconifySet {
	prefix: string;
	icons: Record<string, IconData>;
	width: number;
	height: number;
}

const STROKE = 'fill="none" stroke="currentColor" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"';

function glyph(id: string, inner: string): string {
	return `<g class="cloudnotes-icon cloudnotes-icon-${id}" ${STROKE}>${inner}</g>`;
}

/** Arrow head at (x, y) pointing along (dx, dy), as a filled triangle. */
function head(x: number, y: number, dx: number, dy: number, size = 5): string {
	const len = Math.hypot(dx, dy) || 1;
	const ux = dx / len;
	const uy = dy / len;
	const bx = x - ux * size;
	const by = y - uy * size;
	const px = -uy * size * 0.6;
	const py = ux * size * 0.6;
	const r = (n: number): string => String(Math.round(n * 10) / 10);
	return `<path d="M${r(x)} ${r(y)}L${r(bx + px)} ${r(by + py)}L${r(bx - px)} ${r(by - py)}Z" fill="currentColor" stroke="none"/>`;
}

/** The glyphs, by icon id. Ids are part of exported Mermaid text: never rename one. */
const GLYPHS: Record<string, string> = {
	// A globe: the world outside the VPC or the host.
	internet: '<circle cx="24" cy="24" r="16"/><ellipse cx="24" cy="24" rx="7" ry="16"/><path d="M8 24h32M10.5 16h27M10.5 32h27"/>',
	// An arch (the doorway of the VPC) with traffic passing both ways through it.
	'internet-gateway': `<path d="M13 40V22a11 11 0 0 1 22 0v18"/><path d="M6 31h36"/>${head(43, 31, 1, 0)}${head(5, 31, -1, 0)}`,
	// Several private flows merging into one outgoing address.
	'nat-gateway': `<path d="M7 12c9 0 10 12 17 12M7 36c9 0 10-12 17-12M7 24h33"/><circle cx="24" cy="24" r="3" fill="currentColor"/>${head(42, 24, 1, 0)}`,
	// A route table: rows of destinations with an arrow to their targets.
	'route-table': `<rect x="7" y="9" width="34" height="30" rx="3"/><path d="M7 19h34M7 29h34M20 9v30"/>${head(37, 34, 1, 0, 4)}`,
	// A processor chip: a virtual machine (EC2 instance).
	'ec2-instance': '<rect x="14" y="14" width="20" height="20" rx="2"/><rect x="19.5" y="19.5" width="9" height="9" rx="1" fill="currentColor" stroke="none"/><path d="M19 14V8M24 14V8M29 14V8M19 40v-6M24 40v-6M29 40v-6M14 19H8M14 24H8M14 29H8M40 19h-6M40 24h-6M40 29h-6"/>',
	// A hub fanning requests out to targets: an Application Load Balancer (round hub, layer 7).
	'load-balancer': `<circle cx="13" cy="24" r="6"/><path d="M19 24h17M18 20.5L34 11M18 27.5L34 37"/>${head(40, 24, 1, 0)}${head(37.5, 9, 1, -0.6)}${head(37.5, 39, 1, 0.6)}`,
	// The same fan from a square hub: a Network Load Balancer (layer 4).
	'network-load-balancer': `<rect x="7" y="18" width="12" height="12" rx="1.5"/><path d="M19 24h17M19 20L34 11M19 28L34 37"/>${head(40, 24, 1, 0)}${head(37.5, 9, 1, -0.6)}${head(37.5, 39, 1, 0.6)}`,
	// A cylinder: a database (RDS and the other data stores).
	database: '<ellipse cx="24" cy="11" rx="14" ry="5"/><path d="M10 11v26c0 2.8 6.3 5 14 5s14-2.2 14-5V11"/><path d="M10 20c0 2.8 6.3 5 14 5s14-2.2 14-5M10 29c0 2.8 6.3 5 14 5s14-2.2 14-5"/>',
	// A watchtower: the one host people log in through (bastion).
	bastion: '<path d="M12 42V16h4v-6h4v6h8v-6h4v6h4v26z"/><path d="M20 42v-8a4 4 0 0 1 8 0v8"/><path d="M19 24h10"/>',
	// A shield with a check: a security group (stateful firewall on the instance).
	'security-group': '<path d="M24 6l14 5v11c0 9-6 16-14 20c-8-4-14-11-14-20V11z"/><path d="M17.5 24l4.5 4.5l8.5-9"/>',
	// Two stacked servers: the machine that runs the containers.
	'container-host': '<rect x="8" y="9" width="32" height="13" rx="2.5"/><rect x="8" y="26" width="32" height="13" rx="2.5"/><path d="M14 15.5h2M14 32.5h2M22 15.5h12M22 32.5h12"/>',
	// A box seen from a corner: a container / Compose service.
	container: '<path d="M24 6l16 9v18l-16 9l-16-9V15z"/><path d="M8 15l16 9l16-9M24 24v18"/>',
	// Hub and spokes: a container network.
	network: '<circle cx="24" cy="24" r="5"/><circle cx="10" cy="10" r="3.5"/><circle cx="38" cy="10" r="3.5"/><circle cx="10" cy="38" r="3.5"/><circle cx="38" cy="38" r="3.5"/><path d="M20.5 20.5l-8-8M27.5 20.5l8-8M20.5 27.5l-8 8M27.5 27.5l8 8"/>',
	// A drive: a volume (persistent storage).
	volume: '<rect x="7" y="12" width="34" height="24" rx="3"/><path d="M7 28h34"/><circle cx="34" cy="32" r="1.2" fill="currentColor"/><circle cx="29" cy="32" r="1.2" fill="currentColor"/><path d="M13 20h14"/>',
	// Two VPCs joined one to one: a VPC peering connection (no transit through it).
	'vpc-peering': '<circle cx="11" cy="24" r="7"/><circle cx="37" cy="24" r="7"/><path d="M18 24h12"/>',
	// A hub with spokes to the networks it joins: a transit gateway.
	'transit-gateway': '<circle cx="24" cy="24" r="6"/><path d="M24 18V11M24 30v7M18 24h-7M30 24h7"/><circle cx="24" cy="7" r="3.5"/><circle cx="24" cy="41" r="3.5"/><circle cx="7" cy="24" r="3.5"/><circle cx="41" cy="24" r="3.5"/>',
	// A doorway traffic enters without leaving AWS: a gateway endpoint (S3, DynamoDB).
	'gateway-endpoint': `<path d="M22 40V12h16v28"/><path d="M18 40h24"/><path d="M5 26h20"/>${head(29, 26, 1, 0)}`,
	// A network card in a subnet: an interface endpoint (an ENI for a service).
	'interface-endpoint': '<rect x="8" y="12" width="32" height="20" rx="2.5"/><circle cx="24" cy="22" r="4.5"/><path d="M15 32v6M24 32v6M33 32v6"/>',
	// A padlock on a tunnel: a virtual private gateway (the VPC's end of a VPN).
	'vpn-gateway': '<rect x="15" y="22" width="18" height="15" rx="2"/><path d="M19 22v-5a5 5 0 0 1 10 0v5"/><path d="M4 30h11M33 30h11"/>',
	// An office building: a site on premises behind a customer gateway.
	'on-premises': '<path d="M10 42V10h18v32M28 20h10v22M6 42h36"/><path d="M15 16h3M21 16h3M15 23h3M21 23h3M15 30h3M21 30h3M32 27h2M32 33h2"/>',
	// A bucket: an AWS service reached from the VPC (S3, DynamoDB).
	'aws-service': '<ellipse cx="24" cy="12" rx="14" ry="4.5"/><path d="M10 12l3.5 26c.5 2.5 5 4 10.5 4s10-1.5 10.5-4L38 12"/>',
	// Group icons (drawn in the corner of a group, as AWS diagrams do).
	// A cloud: the VPC.
	vpc: '<path d="M14 36h21a8 8 0 0 0 1-15.9A11 11 0 0 0 15 17.5A9.3 9.3 0 0 0 14 36z"/><rect x="19.5" y="25" width="9" height="7" rx="1" fill="currentColor" stroke="none"/><path d="M21 25v-2.5a3 3 0 0 1 6 0V25"/>',
	// A flag: the region.
	region: '<path d="M12 42V7"/><path d="M12 9h22l-5 7l5 7H12"/>',
	// A closed padlock: a private subnet.
	'private-subnet': '<rect x="11" y="21" width="26" height="19" rx="3"/><path d="M16 21v-5a8 8 0 0 1 16 0v5"/><path d="M24 28v5"/>',
	// An open padlock: a public subnet.
	'public-subnet': '<rect x="11" y="21" width="26" height="19" rx="3"/><path d="M16 21v-5a8 8 0 0 1 15.5-2.8"/><path d="M24 28v5"/>',
	// A pin on a dashed ring: an Availability Zone.
	'availability-zone': '<circle cx="24" cy="24" r="16" stroke-dasharray="4 4"/><circle cx="24" cy="24" r="4" fill="currentColor" stroke="none"/>',
};

/** Our pack, ready for `registerIconPacks` (logos are added by the caller: see iconPack()). */
export const OWN_ICONS: IconifySet = {
	prefix: ICON_PACK_PREFIX,
	width: 48,
	height: 48,
	icons: Object.fromEntries(Object.entries(GLYPHS).map(([id, inner]) => [id, { body: glyph(id, inner) }])),
};

/** Every icon id of the pack (our glyphs and the bundled logos' `logo-<name>` ids). */
export type IconId = string;

/** The reference Mermaid text uses for an icon of our pack. */
export function iconRef(id: IconId): string {
	return `${ICON_PACK_PREFIX}:${id}`;
}
