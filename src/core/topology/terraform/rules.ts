/**
 * Security group and NACL rules as the AWS provider writes them (`protocol = "-1"`, `from_port` /
 * `to_port`, `cidr_blocks`, `security_groups`), turned into the vpc model's rules through the same
 * one-line rule text the CloudFormation reader and the importers use.
 */

import { awsPorts, awsProto, naclRuleLine, sgRuleLine } from '../cloudformation/aws-rules';
import { parseCidr } from '../shared/cidr';
import type { Pos } from '../shared/diagnostic';
import type { TextSource } from '../shared/text-source';
import type { NaclRule } from '../vpc/nacl';
import { parseTraffic, splitNaclRule, splitSgRule } from '../vpc/rule-text';
import type { SgRule } from '../vpc/security-group';

export type RulePeer = { kind: 'cidr'; text: string } | { kind: 'sg'; name: string };

export function sgRules(src: TextSource, pos: Pos, owner: string, direction: 'inbound' | 'outbound', protoRaw: string | null, from: string | null, to: string | null, peers: readonly RulePeer[]): SgRule[] {
	const proto = awsProto(protoRaw ?? '-1');
	if (!proto) {
		src.report(pos, 'unsupported-resource', `a rule of \`${owner}\` uses protocol \`${protoRaw ?? ''}\`, which is not modelled (tcp, udp, icmp, all)`);
		return [];
	}
	const out: SgRule[] = [];
	for (const peer of peers) {
		const peerText = peer.kind === 'cidr' ? peer.text : peer.name;
		const text = sgRuleLine(proto, awsPorts(proto, from, to), direction, peerText);
		const parts = splitSgRule(text);
		const traffic = parts && parseTraffic(parts, direction);
		if (!traffic) continue;
		if (!traffic.ok) {
			src.report(pos, traffic.code, `a rule of \`${owner}\`: ${traffic.message}`);
			continue;
		}
		if (peer.kind === 'sg') {
			out.push({ ...traffic.value, peer: { kind: 'sg', name: peer.name }, text, pos });
			continue;
		}
		const cidr = parseCidr(peer.text);
		if (!cidr.ok) {
			src.report(pos, 'invalid-cidr', `a rule of \`${owner}\`: ${cidr.message}`);
			continue;
		}
		out.push({ ...traffic.value, peer: { kind: 'cidr', cidr: cidr.cidr }, text, pos });
	}
	return out;
}

export function naclRule(src: TextSource, pos: Pos, owner: string, direction: 'inbound' | 'outbound', f: { number: string | null; action: string | null; proto: string | null; from: string | null; to: string | null; cidr: string | null }): NaclRule | null {
	if (f.number === null || f.action === null || f.cidr === null) {
		src.report(pos, 'missing-field', `a rule of \`${owner}\` needs a rule number, an action and an IPv4 CIDR (IPv6 rules are not modelled)`);
		return null;
	}
	const proto = awsProto(f.proto ?? '-1');
	if (!proto) {
		src.report(pos, 'unsupported-resource', `a rule of \`${owner}\` uses protocol ${f.proto ?? ''}, which is not modelled (tcp, udp, icmp, all)`);
		return null;
	}
	const n = Number(f.number);
	const action = f.action.toLowerCase();
	if (!Number.isInteger(n) || n < 1 || n > 32766 || (action !== 'allow' && action !== 'deny')) {
		src.report(pos, 'invalid-rule', `a rule of \`${owner}\`: rule numbers run from 1 to 32766 and the action is allow or deny`);
		return null;
	}
	const text = naclRuleLine(n, action, proto, awsPorts(proto, f.from, f.to), direction, f.cidr);
	const parts = splitNaclRule(text);
	const traffic = parts && parseTraffic(parts, direction);
	if (!traffic) return null;
	if (!traffic.ok) {
		src.report(pos, traffic.code, `a rule of \`${owner}\`: ${traffic.message}`);
		return null;
	}
	const cidr = parseCidr(f.cidr);
	if (!cidr.ok) {
		src.report(pos, 'invalid-cidr', `a rule of \`${owner}\`: ${cidr.message}`);
		return null;
	}
	return { number: n, action, ...traffic.value, cidr: cidr.cidr, text, pos };
}
