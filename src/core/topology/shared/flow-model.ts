import type { DiagnosticCode, Pos } from './diagnostic';
import { parseProto, type Proto } from './traffic';
import type { Entry, YamlSource } from '../yaml/yaml-source';

/** One entry of a block's `flows:` list, as declared. */
export interface FlowSpec {
	from: string;
	to: string;
	/** Undefined when the flow names no protocol: trace then tries what the destination admits. */
	proto?: Proto;
	port?: number;
	pos: Pos;
	text: string;
}

type TrafficPart = { proto?: Proto; port?: number };

/** `tcp/443`, `443/tcp`, `tcp 443`, `udp`, `443` (tcp). Null when the words are not traffic. */
function parseTrafficWords(words: string[]): TrafficPart | null {
	const joined = words.join(' ').toLowerCase();
	let m = /^([a-z0-9-]+)(?:[/ ]([0-9]{1,5}))?$/.exec(joined);
	if (m && parseProto(m[1] ?? '') && !/^[0-9]+$/.test(m[1] ?? '')) {
		const proto = parseProto(m[1] ?? '') as Proto;
		return m[2] === undefined ? { proto } : { proto, port: Number(m[2]) };
	}
	m = /^([0-9]{1,5})(?:\/([a-z]+))?$/.exec(joined);
	if (m) {
		const proto = m[2] === undefined ? 'tcp' : parseProto(m[2]);
		return proto ? { proto, port: Number(m[1]) } : null;
	}
	return null;
}

export function parseFlowText(text: string): { from: string; to: string; traffic: TrafficPart } | string {
	const arrow = text.indexOf('->');
	if (arrow === -1) return 'write a flow as `from -> to [proto/port]`, e.g. `internet -> alb tcp/443`';
	const from = text.slice(0, arrow).trim();
	const words = text.slice(arrow + 2).trim().split(/\s+/).filter((w) => w !== '');
	let traffic: TrafficPart = {};
	for (const take of [2, 1]) {
		if (words.length > take) {
			const parsed = parseTrafficWords(words.slice(-take));
			if (parsed) {
				traffic = parsed;
				words.splice(words.length - take, take);
				break;
			}
		}
	}
	const to = words.join(' ');
	if (from === '' || to === '') return 'a flow needs both ends: `from -> to [proto/port]`';
	if (traffic.port !== undefined && (traffic.port < 0 || traffic.port > 65535)) return `port ${traffic.port} is above 65535`;
	return { from, to, traffic };
}

/** Reads a block's `flows:` list (strings, or `{from, to, proto, port}` maps). */
export function parseFlows(src: YamlSource, entry: Entry): FlowSpec[] {
	const flows: FlowSpec[] = [];
	if (!src.isNull(entry.value) && !src.isSeq(entry.value)) {
		src.report(entry.valuePos, 'invalid-flow', '`flows` is a list: one `- from -> to proto/port` per line');
		return flows;
	}
	for (const item of src.items(entry.value)) {
		const pos = src.posOf(item);
		if (src.isMap(item)) {
			const fields = src.fields(item, 'flow', ['from', 'to', 'proto', 'port']);
			const from = src.requireText(fields, 'from', 'flow', pos);
			const to = src.requireText(fields, 'to', 'flow', pos);
			if (!from || !to) continue;
			const protoText = fields.has('proto') ? src.text(fields.get('proto')?.value ?? null) : null;
			const portText = fields.has('port') ? src.text(fields.get('port')?.value ?? null) : null;
			const proto = protoText === null ? undefined : parseProto(protoText);
			if (proto === null) {
				src.report(fields.get('proto')?.valuePos ?? pos, 'invalid-flow', `\`${protoText}\` is not a protocol; use tcp, udp, icmp or all`);
				continue;
			}
			if (portText !== null && (!/^[0-9]{1,5}$/.test(portText) || Number(portText) > 65535)) {
				src.report(fields.get('port')?.valuePos ?? pos, 'invalid-flow', `\`${portText}\` is not a port (0-65535)`);
				continue;
			}
			const port = portText === null ? undefined : Number(portText);
			const flow: FlowSpec = { from: from.value, to: to.value, pos, text: `${from.value} -> ${to.value}` };
			if (proto !== undefined || port !== undefined) flow.proto = proto ?? 'tcp';
			if (port !== undefined) flow.port = port;
			if (flow.proto) flow.text += ` ${flow.proto}${port === undefined ? '' : `/${port}`}`;
			flows.push(flow);
			continue;
		}
		const text = src.text(item);
		if (text === null) {
			src.report(pos, 'invalid-flow', 'a flow is `from -> to proto/port` or a `{from, to, proto, port}` map');
			continue;
		}
		const parsed = parseFlowText(text);
		if (typeof parsed === 'string') {
			src.report(pos, 'invalid-flow', parsed);
			continue;
		}
		const flow: FlowSpec = { from: parsed.from, to: parsed.to, pos, text: text.trim() };
		if (parsed.traffic.proto) flow.proto = parsed.traffic.proto;
		if (parsed.traffic.port !== undefined) flow.port = parsed.traffic.port;
		flows.push(flow);
	}
	return flows;
}

/**
 * A `# cloudnotes flow: a -> b tcp 443` comment option (CloudFormation, Terraform) as a flow; an
 * unreadable one is reported as `invalid-flow` at the option and gives null.
 */
export function flowFromOption(src: { report(pos: Pos, code: DiagnosticCode, message: string): void }, option: { value: string; pos: Pos }): FlowSpec | null {
	const parsed = parseFlowText(option.value);
	if (typeof parsed === 'string') {
		src.report(option.pos, 'invalid-flow', parsed);
		return null;
	}
	const flow: FlowSpec = { from: parsed.from, to: parsed.to, pos: option.pos, text: option.value.trim() };
	if (parsed.traffic.proto) flow.proto = parsed.traffic.proto;
	if (parsed.traffic.port !== undefined) flow.port = parsed.traffic.port;
	return flow;
}
