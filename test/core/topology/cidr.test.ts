import { cidrContains, cidrOverlaps, parseCidr, parseIpv4 } from '../../../src/core/topology/shared/cidr';
import { parsePorts } from '../../../src/core/topology/shared/traffic';

function cidr(text: string) {
	const r = parseCidr(text);
	if (!r.ok) throw new Error(r.message);
	return r.cidr;
}

describe('CIDR arithmetic', () => {
	it('parses addresses and rejects out-of-range octets and leading zeros', () => {
		expect(parseIpv4('10.0.1.5')).toBe(10 * 2 ** 24 + 261);
		expect(parseIpv4('255.255.255.255')).toBe(2 ** 32 - 1);
		expect(parseIpv4('256.0.0.1')).toBeNull();
		expect(parseIpv4('10.0.01.1')).toBeNull();
		expect(parseIpv4('10.0.1')).toBeNull();
	});

	it('requires the prefix and zero host bits, naming the block it meant', () => {
		expect(parseCidr('10.0.1.0/24').ok).toBe(true);
		const host = parseCidr('10.0.1.5/24');
		expect(host.ok ? '' : host.message).toContain('10.0.1.0/24');
		const bare = parseCidr('10.0.1.5');
		expect(bare.ok ? '' : bare.message).toContain('10.0.1.5/32');
		expect(parseCidr('10.0.1.5', { allowBareAddress: true }).ok).toBe(true);
		expect(parseCidr('10.0.0.0/33').ok).toBe(false);
		const v6 = parseCidr('::/0');
		expect(v6.ok ? '' : v6.message).toContain('IPv6');
	});

	it('contains and overlaps by range', () => {
		expect(cidrContains(cidr('10.0.0.0/16'), cidr('10.0.11.0/24'))).toBe(true);
		expect(cidrContains(cidr('10.0.11.0/24'), cidr('10.0.0.0/16'))).toBe(false);
		expect(cidrContains(cidr('0.0.0.0/0'), cidr('203.0.113.0/24'))).toBe(true);
		expect(cidrOverlaps(cidr('10.0.1.0/24'), cidr('10.0.1.128/25'))).toBe(true);
		expect(cidrOverlaps(cidr('10.0.1.0/24'), cidr('10.0.2.0/24'))).toBe(false);
	});

	it('parses port lists and ranges', () => {
		expect(parsePorts('80,443')).toEqual({ ok: true, ports: [{ from: 80, to: 80 }, { from: 443, to: 443 }] });
		expect(parsePorts('1024-65535')).toEqual({ ok: true, ports: [{ from: 1024, to: 65535 }] });
		expect(parsePorts(22)).toEqual({ ok: true, ports: [{ from: 22, to: 22 }] });
		expect(parsePorts('70000').ok).toBe(false);
		expect(parsePorts('443-80').ok).toBe(false);
		expect(parsePorts('http').ok).toBe(false);
	});
});
