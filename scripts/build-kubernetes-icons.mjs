// Compacts the Kubernetes community icons (kubernetes/community `icons/svg/resources/unlabeled/`,
// Apache-2.0 or CC-BY-4.0 at the user's choice; we take CC-BY-4.0 and credit them in docs/diagrams.md)
// into src/core/topology/shared/icons/kubernetes.generated.ts, in the same table shape as the
// bundled logos. The upstream files are Inkscape SVGs of 5-8 KB each; this keeps only what draws:
// absolute path data rounded to 0.01 mm, styles as presentation attributes without their
// defaults, the heptagon every icon stands on written once. The icons are not an npm package, so
// this runs by hand against a checkout of that folder; the generated file is committed.
// Usage: node scripts/build-kubernetes-icons.mjs --from <dir with pod.svg, deploy.svg, ...> [--commit <hash>]
import { promises as fs } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { deflateRawSync } from "node:zlib";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outPath = path.join(root, "src/core/topology/shared/icons/kubernetes.generated.ts");

/** Upstream file -> our icon id (ids are part of exported Mermaid text: never rename one). */
const ICONS = {
	pod: "k8s-pod",
	deploy: "k8s-deployment",
	sts: "k8s-statefulset",
	ds: "k8s-daemonset",
	rs: "k8s-replicaset",
	job: "k8s-job",
	cronjob: "k8s-cronjob",
	svc: "k8s-service",
	ing: "k8s-ingress",
	ns: "k8s-namespace",
	netpol: "k8s-network-policy",
};

const num = (v, digits = 2) => {
	const s = String(Math.round(Number(v) * 10 ** digits) / 10 ** digits);
	return s.replace(/^(-?)0\./, "$1.");
};

/** Numbers joined as SVG path data does: a separator only where the next number needs one. */
function joinNumbers(values) {
	let out = "";
	for (const v of values) {
		if (out === "" || v.startsWith("-") || (v.startsWith(".") && /\.\d*$/.test(out.split(/[^\d.]/).pop() ?? ""))) out += v;
		else out += " " + v;
	}
	return out;
}

const ARITY = { M: 2, L: 2, H: 1, V: 1, C: 6, S: 4, Q: 4, T: 2, A: 7, Z: 0 };

/** Digits kept in path data: 0.1 mm is 0.3 px on a 48 px icon. */
const PATH_DIGITS = 1;
const snap = (v) => Math.round(v * 10 ** PATH_DIGITS) / 10 ** PATH_DIGITS;

/**
 * Path data -> the shorter of absolute or relative commands, numbers rounded. Every point is
 * rounded in absolute terms first and relative steps are taken between rounded points, so
 * rounding never accumulates along a path.
 */
export function compactPath(d) {
	const tokens = d.match(/[MmLlHhVvCcSsQqTtAaZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g) ?? [];
	let i = 0;
	// Exact (unrounded) position, for reading relative input; rounded position, for writing.
	let x = 0;
	let y = 0;
	let rx = 0;
	let ry = 0;
	let startX = 0;
	let startY = 0;
	let command = "";
	let out = "";
	let last = "";
	const fmt = (v) => num(Number(v.toFixed(PATH_DIGITS)), PATH_DIGITS);
	/** `points`: [kind, value] with kind 'x' / 'y' (coordinates) or 'n' (plain numbers: radii, flags). */
	const emit = (letter, values) => {
		const abs = values.map(([k, v]) => fmt(k === "n" ? v : snap(v)));
		const rel = values.map(([k, v]) => fmt(k === "x" ? snap(v) - rx : k === "y" ? snap(v) - ry : v));
		const relLetter = letter.toLowerCase();
		const candidates = [
			[letter, abs],
			[relLetter, rel],
		].map(([l, nums]) => (l === last && l.toUpperCase() !== "M" ? "" : l) + (l === last && l.toUpperCase() !== "M" && !nums[0].startsWith("-") ? " " : "") + joinNumbers(nums));
		const pick = candidates[1].length < candidates[0].length ? 1 : 0;
		out += candidates[pick];
		last = pick ? relLetter : letter;
	};
	while (i < tokens.length) {
		if (/[a-z]/i.test(tokens[i])) command = tokens[i++];
		const upper = command.toUpperCase();
		const relative = command !== upper;
		if (upper === "Z") {
			out += "z";
			last = "z";
			x = startX;
			y = startY;
			rx = snap(x);
			ry = snap(y);
			continue;
		}
		const args = tokens.slice(i, i + ARITY[upper]).map(Number);
		i += ARITY[upper];
		if (args.length < ARITY[upper]) break;
		const dx = relative ? x : 0;
		const dy = relative ? y : 0;
		let nx = x;
		let ny = y;
		switch (upper) {
			case "M":
			case "L":
			case "T":
				nx = args[0] + dx;
				ny = args[1] + dy;
				if (upper === "L" && snap(nx) === rx && snap(ny) === ry) break; // nothing to draw
				if (upper === "L" && snap(ny) === ry) emit("H", [["x", nx]]);
				else if (upper === "L" && snap(nx) === rx) emit("V", [["y", ny]]);
				else emit(upper, [["x", nx], ["y", ny]]);
				if (upper === "M") {
					startX = nx;
					startY = ny;
					command = relative ? "l" : "L";
				}
				break;
			case "H":
				nx = args[0] + dx;
				emit("H", [["x", nx]]);
				break;
			case "V":
				ny = args[0] + dy;
				emit("V", [["y", ny]]);
				break;
			case "C":
				nx = args[4] + dx;
				ny = args[5] + dy;
				emit("C", [["x", args[0] + dx], ["y", args[1] + dy], ["x", args[2] + dx], ["y", args[3] + dy], ["x", nx], ["y", ny]]);
				break;
			case "S":
			case "Q":
				nx = args[2] + dx;
				ny = args[3] + dy;
				emit(upper, [["x", args[0] + dx], ["y", args[1] + dy], ["x", nx], ["y", ny]]);
				break;
			case "A":
				nx = args[5] + dx;
				ny = args[6] + dy;
				emit("A", [["n", args[0]], ["n", args[1]], ["n", args[2]], ["n", args[3]], ["n", args[4]], ["x", nx], ["y", ny]]);
				break;
		}
		x = nx;
		y = ny;
		rx = snap(x);
		ry = snap(y);
	}
	return out;
}

/** A tiny reader for Inkscape's well-formed SVG: elements with attributes, text ignored. */
function parseSvg(text) {
	const rootNode = { name: "#root", attrs: {}, children: [] };
	const stack = [rootNode];
	const tag = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>/g;
	for (const m of text.matchAll(tag)) {
		if (!m[2]) continue;
		if (m[1]) {
			stack.pop();
			continue;
		}
		const attrs = {};
		for (const a of m[3].matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attrs[a[1]] = a[2];
		const node = { name: m[2], attrs, children: [] };
		stack[stack.length - 1].children.push(node);
		if (!m[4]) stack.push(node);
	}
	return rootNode.children.find((n) => n.name === "svg");
}

const DRAWN = new Set(["g", "path", "rect", "circle", "ellipse"]);
const PAINT = ["fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-dasharray", "stroke-dashoffset", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-opacity", "opacity"];
const DEFAULTS = { "fill-opacity": "1", "stroke-opacity": "1", opacity: "1", "fill-rule": "nonzero", "stroke-dasharray": "none", "stroke-linecap": "butt", "stroke-linejoin": "miter", "stroke-miterlimit": "4", "stroke-dashoffset": "0" };

function colour(v) {
	const c = v.trim().toLowerCase();
	return /^#([0-9a-f])\1([0-9a-f])\2([0-9a-f])\3$/.test(c) ? `#${c[1]}${c[3]}${c[5]}` : c;
}

function paintOf(node) {
	const paint = {};
	for (const key of PAINT) if (node.attrs[key] !== undefined) paint[key] = node.attrs[key];
	for (const decl of (node.attrs.style ?? "").split(";")) {
		const [k, ...rest] = decl.split(":");
		const key = (k ?? "").trim();
		if (PAINT.includes(key)) paint[key] = rest.join(":").trim();
	}
	const hasStroke = paint.stroke !== undefined && paint.stroke !== "none";
	// A miter limit only matters for mitred joins; even-odd only where a path has several parts.
	if (paint["stroke-linejoin"] === "round" || paint["stroke-linejoin"] === "bevel") delete paint["stroke-miterlimit"];
	if (node.name !== "path" || (node.attrs.d ?? "").match(/[Mm]/g)?.length === 1) delete paint["fill-rule"];
	const out = [];
	for (const key of PAINT) {
		let v = paint[key];
		if (v === undefined || DEFAULTS[key] === v) continue;
		if (key.startsWith("stroke") && key !== "stroke" && !hasStroke) continue;
		if (key === "stroke" && !hasStroke) continue;
		if (key === "fill" || key === "stroke") v = colour(v);
		else if (key === "stroke-dasharray") v = v.split(/[\s,]+/).map((n) => num(n, 3)).join(" ");
		else if (/^[-\d.]+$/.test(v)) {
			if (Number(v) === Number(DEFAULTS[key])) continue;
			v = num(v, 3);
		}
		out.push(`${key}="${v}"`);
	}
	// Invisible: no fill to see and no stroke.
	const invisible = !hasStroke && (paint.fill === "none" || Number(paint["fill-opacity"] ?? 1) === 0 || Number(paint.opacity ?? 1) === 0);
	return { attrs: out, invisible };
}

function transformOf(node) {
	const t = node.attrs.transform;
	if (!t) return [];
	return [`transform="${t.replace(/[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi, (n) => num(n, 4)).replace(/,/g, " ")}"`];
}

function serialise(node) {
	if (!DRAWN.has(node.name)) return "";
	const { attrs: paint, invisible } = paintOf(node);
	if (node.name === "g") {
		const inner = node.children.map(serialise).join("");
		const attrs = [...transformOf(node), ...paint];
		if (inner === "") return "";
		return attrs.length ? `<g ${attrs.join(" ")}>${inner}</g>` : inner;
	}
	if (invisible) return "";
	const geometry = [];
	if (node.name === "path") geometry.push(`d="${compactPath(node.attrs.d ?? "")}"`);
	for (const key of ["x", "y", "width", "height", "rx", "ry", "cx", "cy", "r"]) if (node.attrs[key] !== undefined) geometry.push(`${key}="${num(node.attrs[key])}"`);
	return `<${node.name} ${[...transformOf(node), ...paint, ...geometry].join(" ")}/>`;
}

async function main() {
	const from = process.argv[process.argv.indexOf("--from") + 1];
	const commitAt = process.argv.indexOf("--commit");
	const commit = commitAt > 0 ? process.argv[commitAt + 1] : "unknown";
	if (!from || process.argv.indexOf("--from") < 0) throw new Error("usage: node scripts/build-kubernetes-icons.mjs --from <kubernetes/community icons/svg/resources/unlabeled> [--commit <hash>]");
	const bodies = {};
	let size = null;
	for (const [file, id] of Object.entries(ICONS)) {
		const svg = parseSvg(await fs.readFile(path.join(from, `${file}.svg`), "utf8"));
		const box = (svg.attrs.viewBox ?? "").split(/[\s,]+/).map(Number);
		size ??= { width: Number(num(box[2])), height: Number(num(box[3])) };
		bodies[id] = svg.children.map(serialise).join("");
	}
	// The heptagon and its white rim, in the layer's offset: the same start of every icon (the
	// statefulset's heptagon sits 0.035 mm further right upstream; it takes the others' place).
	const start = /^<g transform="translate\([^)]*\)"><g transform="matrix\(([\d.]+ 0 0 [\d.]+) ([-\d.]+) ([-\d.]+)\)"><path fill="#326ce5" d="[^"]*"\/><path fill="#fff" d="[^"]*"\/><\/g>/;
	const heptagon = start.exec(bodies["k8s-pod"])?.[0];
	if (!heptagon) throw new Error("pod.svg: the heptagon was not found");
	for (const [id, body] of Object.entries(bodies)) bodies[id] = body.replace(start, (whole, _scale, x, y) => (Math.abs(Number(x) - Number(start.exec(heptagon)[2])) < 0.05 && y === start.exec(heptagon)[3] ? heptagon : whole));
	// Packed as the logos are (deflated JSON in base64, read by icons/index.ts on first use):
	// the eleven bodies share most of their text, so 7.7 KB of SVG become about 3 KB.
	const table = Object.fromEntries(Object.entries(bodies).map(([id, body]) => [id, [size.width, size.height, `<g class="cloudnotes-icon cloudnotes-icon-${id}">${body}</g>`]]));
	const packed = deflateRawSync(Buffer.from(JSON.stringify(table), "utf8"), { level: 9 }).toString("base64");
	const text = `// Generated by scripts/build-kubernetes-icons.mjs; do not edit.
// From the Kubernetes Icons Set, kubernetes/community icons/svg/resources/unlabeled/ (commit ${commit}),
// by The Kubernetes Authors, licensed CC-BY-4.0 (https://creativecommons.org/licenses/by/4.0/; the
// set is also offered under Apache-2.0). Changed: path data rounded and made absolute or relative,
// styles written as attributes, editor metadata removed. Credited in docs/diagrams.md.
// Icons: ${Object.keys(table).join(", ")}.

/** Icon id -> [width, height, SVG body], as deflated JSON in base64 (read by index.ts). */
export const PACKED_KUBERNETES_ICONS =
\t'${packed}';
`;
	await fs.writeFile(outPath, text);
	console.log(`wrote ${path.relative(root, outPath)} (${text.length} bytes; SVG ${JSON.stringify(table).length} bytes before packing)`);
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) await main();
