import { codes, dedent, SHOP, vpc } from './fixtures';

/** A block with `name`/`cidr` and whatever the test adds (lines at column 0). */
function block(rest: string): string {
	return `name: v\ncidr: 10.0.0.0/16\n${dedent(rest)}`;
}

function only(analysis: ReturnType<typeof vpc>, code: string) {
	return analysis.diagnostics.filter((d) => d.code === code);
}

describe('vpc lint', () => {
	it('finds nothing wrong with the example from the issue', () => {
		expect(vpc(SHOP).diagnostics).toEqual([]);
	});

	it('reports diagnostics at note positions: a bad CIDR on the 3rd line of a block starting at line 20 is line 22', () => {
		const a = vpc('name: v\nregion: ap-northeast-2\ncidr: 10.0.0.300/16\n', 20);
		expect(a.diagnostics).toEqual([{ line: 22, column: 7, severity: 'error', code: 'invalid-cidr', message: expect.stringContaining('10.0.0.300/16') as string }]);
	});

	describe('yaml-syntax', () => {
		it('reports broken YAML at its line and keeps going without noise after it', () => {
			const a = vpc('name: v\ncidr: 10.0.0.0/16\nsubnets: [a, b\nbogus: 1\n', 5);
			expect(codes(a)).toContain('yaml-syntax');
			expect(codes(a)).not.toContain('unknown-field');
			expect(a.diagnostics[0]?.line).toBeGreaterThanOrEqual(7);
		});
		it('explains tab indentation, which Obsidian users type by habit', () => {
			const a = vpc('name: v\ncidr: 10.0.0.0/16\nsubnets:\n\ta: { cidr: 10.0.1.0/24 }\n');
			expect(a.diagnostics.find((d) => d.code === 'yaml-syntax')?.message).toMatch(/tabs/);
		});
	});

	describe('unknown-field', () => {
		it('suggests the field that was meant', () => {
			const a = vpc(block('subnets:\n  a: { cird: 10.0.1.0/24 }'));
			const d = only(a, 'unknown-field')[0];
			expect(d?.message).toContain('did you mean `cidr`');
			expect(d).toMatchObject({ line: 4, column: 8, severity: 'error' });
		});
		it('suggests at the top level too, and lists the fields when nothing is close', () => {
			expect(only(vpc(block('subnet:\n  a: { cidr: 10.0.1.0/24 }')), 'unknown-field')[0]?.message).toContain('`subnets`');
			expect(only(vpc(block('colour: blue')), 'unknown-field')[0]?.message).toContain('expected one of');
		});
	});

	describe('missing-field', () => {
		it('requires name and cidr of the VPC and of each subnet', () => {
			expect(codes(vpc('region: x'))).toEqual(['missing-field', 'missing-field']);
			expect(codes(vpc(block('subnets:\n  a: { zone: z }')))).toEqual(['missing-field']);
		});
		it('requires an instance subnet, a NAT subnet and load balancer subnets', () => {
			const a = vpc(block('instances:\n  web: {}\nnat-gateways:\n  n: {}\nload-balancers:\n  lb: { targets: [web] }'));
			expect(only(a, 'missing-field').map((d) => d.line)).toEqual([4, 6, 8]);
		});
	});

	describe('unknown-reference', () => {
		it('catches dangling subnets, groups, route tables, NACLs, targets and route targets', () => {
			const a = vpc(
				block(`
				subnets:
				  a: { cidr: 10.0.1.0/24, route-table: rt, nacl: nope }
				route-tables:
				  rt: { 0.0.0.0/0: igw }
				instances:
				  web: { subnet: b, security-groups: [web-sg] }
				security-groups:
				  app-sg: { inbound: ["tcp 80 from lb-sg"] }
				load-balancers:
				  lb: { subnets: [a, a2], targets: [ghost], security-groups: [app-sg] }
				`),
			);
			const messages = only(a, 'unknown-reference').map((d) => d.message);
			expect(messages).toHaveLength(7);
			expect(messages.join('\n')).toMatch(/NACL `nope`/);
			expect(messages.join('\n')).toMatch(/`igw`/);
			expect(messages.join('\n')).toMatch(/subnet `b`/);
			expect(messages.join('\n')).toMatch(/`lb-sg` is neither a CIDR nor a declared security group/);
			expect(messages.join('\n')).toMatch(/instance `ghost`/);
		});
		it('accepts local, the gateway and NAT gateways as route targets', () => {
			const a = vpc(SHOP.replace('public:    { 0.0.0.0/0: igw }', 'public:    { 0.0.0.0/0: igw, 10.1.0.0/16: local }'));
			expect(codes(a)).toEqual([]);
		});
	});

	describe('duplicate-name and reserved-name', () => {
		it('shares one namespace across kinds', () => {
			const a = vpc(block('subnets:\n  web: { cidr: 10.0.1.0/24 }\ninstances:\n  web: { subnet: web }'));
			expect(only(a, 'duplicate-name')[0]).toMatchObject({ line: 6, message: expect.stringContaining('already a subnet (line 4)') as string });
		});
		it('reports a key written twice in one mapping', () => {
			const a = vpc(block('subnets:\n  a: { cidr: 10.0.1.0/24 }\n  a: { cidr: 10.0.2.0/24 }'));
			expect(codes(a)).toEqual(['duplicate-name']);
		});
		it('reserves `internet`', () => {
			expect(codes(vpc(block('subnets:\n  a: { cidr: 10.0.1.0/24 }\ninstances:\n  internet: { subnet: a }')))).toEqual(['reserved-name']);
		});
		it('accepts Korean and other Unicode names', () => {
			const a = vpc(block('subnets:\n  퍼블릭-a: { cidr: 10.0.1.0/24 }\ninstances:\n  웹서버 🚀: { subnet: 퍼블릭-a, security-groups: [웹-sg] }\nsecurity-groups:\n  웹-sg: {}'));
			expect(a.diagnostics).toEqual([]);
			expect(a.resources.map((r) => r.name)).toEqual(expect.arrayContaining(['퍼블릭-a', '웹서버 🚀', '웹-sg']));
		});
	});

	describe('invalid-cidr', () => {
		it('rejects bad VPC, subnet, route and rule CIDRs and VPC sizes outside /16-/28', () => {
			expect(codes(vpc('name: v\ncidr: 10.0.0.0/8'))).toEqual(['invalid-cidr']);
			expect(codes(vpc(block('subnets:\n  a: { cidr: 10.0.1.0/33 }')))).toEqual(['invalid-cidr']);
			expect(codes(vpc(block('subnets:\n  a: { cidr: 10.0.1.0/24 }\nroute-tables:\n  main: { 0.0.0.0/-1: local }')))).toEqual(['invalid-cidr']);
			const rule = vpc(block('security-groups:\n  s: { inbound: ["tcp 22 from 10.0.0.5"] }'));
			expect(only(rule, 'invalid-cidr')[0]?.message).toContain('10.0.0.5/32');
		});
		it('is silent for good CIDRs', () => {
			expect(codes(vpc(block('subnets:\n  a: { cidr: 10.0.1.0/24 }')))).toEqual([]);
		});
	});

	describe('subnet-outside-vpc and subnet-overlap', () => {
		it('flags a subnet outside the VPC range', () => {
			const a = vpc(block('subnets:\n  a: { cidr: 10.1.0.0/24 }\n  b: { cidr: 10.0.0.0/24 }'));
			expect(only(a, 'subnet-outside-vpc').map((d) => d.line)).toEqual([4]);
		});
		it('flags overlapping subnets, however they are ordered, and not adjacent ones', () => {
			const a = vpc(block('subnets:\n  wide: { cidr: 10.0.0.0/22 }\n  b: { cidr: 10.0.4.0/24 }\n  inner: { cidr: 10.0.2.0/24 }'));
			expect(only(a, 'subnet-overlap')).toHaveLength(1);
			expect(only(a, 'subnet-overlap')[0]?.message).toMatch(/`inner`.*overlaps `wide`/);
			expect(codes(vpc(block('subnets:\n  a: { cidr: 10.0.0.0/24 }\n  b: { cidr: 10.0.1.0/24 }')))).toEqual([]);
		});
	});

	describe('nat-in-private-subnet and public-ip-in-private-subnet', () => {
		const net = dedent(`
		internet-gateway: igw
		subnets:
		  pub: { cidr: 10.0.1.0/24, route-table: public }
		  priv: { cidr: 10.0.2.0/24, route-table: private }
		route-tables:
		  public: { 0.0.0.0/0: igw }
		  private: { 0.0.0.0/0: nat }
		`);
		it('warns about a NAT gateway whose subnet has no internet route', () => {
			expect(only(vpc(block(`${net}\nnat-gateways:\n  nat: { subnet: priv }`)), 'nat-in-private-subnet')).toHaveLength(1);
			expect(codes(vpc(block(`${net}\nnat-gateways:\n  nat: { subnet: pub }`)))).toEqual([]);
		});
		it('warns about a public IP that nothing can reach', () => {
			const base = `${net}\nnat-gateways:\n  nat: { subnet: pub }\ninstances:\n`;
			const a = vpc(block(`${base}  web: { subnet: priv, public-ip: true }`));
			expect(only(a, 'public-ip-in-private-subnet')).toHaveLength(1);
			expect(only(a, 'public-ip-in-private-subnet')[0]?.severity).toBe('warning');
			expect(codes(vpc(block(`${base}  web: { subnet: pub, public-ip: true }`)))).toEqual([]);
		});
	});

	describe('NACL checks', () => {
		const withNacl = (inbound: string[], outbound: string[]) =>
			vpc(block(`subnets:\n  a: { cidr: 10.0.1.0/24, nacl: n }\nnacls:\n  n:\n    inbound: ${JSON.stringify(inbound)}\n    outbound: ${JSON.stringify(outbound)}`));

		it('nacl-duplicate-rule-number: same number twice in one direction', () => {
			const a = withNacl(['100 allow tcp 443 from 0.0.0.0/0', '100 deny tcp 22 from 0.0.0.0/0'], ['100 allow all to 0.0.0.0/0']);
			expect(only(a, 'nacl-duplicate-rule-number')).toHaveLength(1);
			expect(codes(withNacl(['100 allow all from 0.0.0.0/0'], ['100 allow all to 0.0.0.0/0']))).toEqual([]);
		});

		it('nacl-missing-ephemeral: requests let in whose replies cannot get out', () => {
			const a = withNacl(['100 allow tcp 443 from 0.0.0.0/0'], ['100 allow tcp 443 to 0.0.0.0/0']);
			const found = only(a, 'nacl-missing-ephemeral');
			// Both directions: inbound 443 has no outbound reply rule, outbound 443 no inbound one.
			expect(found).toHaveLength(2);
			// The suggested rule takes the next free number of the other direction.
			expect(found[0]?.message).toContain('add an outbound rule like "110 allow tcp 1024-65535 to 0.0.0.0/0"');
		});

		it('nacl-missing-ephemeral: a partial ephemeral range is still a gap', () => {
			const a = withNacl(['100 allow tcp 443 from 0.0.0.0/0', '110 allow tcp 1024-65535 from 0.0.0.0/0'], ['100 allow tcp 49152-65535 to 0.0.0.0/0']);
			expect(only(a, 'nacl-missing-ephemeral')).toHaveLength(1);
		});

		it('nacl-missing-ephemeral: silent when replies are allowed both ways', () => {
			const a = withNacl(['100 allow tcp 443 from 0.0.0.0/0', '110 allow tcp 1024-65535 from 0.0.0.0/0'], ['100 allow tcp 1024-65535 to 0.0.0.0/0', '110 allow tcp 443 to 0.0.0.0/0']);
			expect(codes(a)).toEqual([]);
		});

		it('rejects malformed rules with the expected shape in the message', () => {
			const a = withNacl(['allow tcp 443 from 0.0.0.0/0', '100 permit tcp 443 from 0.0.0.0/0', '100 allow tcp 443 from web-sg'], []);
			expect(codes(a)).toEqual(['invalid-rule', 'invalid-rule', 'invalid-cidr']);
		});
	});

	describe('sg-open-to-world', () => {
		const sg = (rule: string) => vpc(block(`security-groups:\n  s: { inbound: [${JSON.stringify(rule)}] }`)).diagnostics.filter((d) => d.code === 'sg-open-to-world');
		it('warns about SSH or RDP from anywhere, including through a range or `all`', () => {
			expect(sg('tcp 22 from 0.0.0.0/0')).toHaveLength(1);
			expect(sg('tcp 3389 from 0.0.0.0/0')[0]?.message).toContain('RDP');
			expect(sg('tcp 1-1024 from 0.0.0.0/0')).toHaveLength(1);
			expect(sg('all from 0.0.0.0/0')).toHaveLength(2);
		});
		it('is silent for web ports from anywhere and SSH from an office range', () => {
			expect(sg('tcp 80,443 from 0.0.0.0/0')).toEqual([]);
			expect(sg('tcp 22 from 203.0.113.0/24')).toEqual([]);
			expect(sg('udp 22 from 0.0.0.0/0')).toEqual([]);
		});
	});

	describe('lb-single-zone', () => {
		const lb = (zones: string[], type = 'application') =>
			vpc(
				block(
					`subnets:\n${zones.map((z, i) => `  s${i}: { cidr: 10.0.${i}.0/24, zone: ${z} }`).join('\n')}\nload-balancers:\n  lb: { type: ${type}, subnets: [${zones.map((_, i) => `s${i}`).join(', ')}] }`,
				),
			).diagnostics.filter((d) => d.code === 'lb-single-zone');
		it('flags an application load balancer in one zone as an error', () => {
			expect(lb(['az-a', 'az-a'])[0]?.severity).toBe('error');
			expect(lb(['az-a'])).toHaveLength(1);
		});
		it('only warns for a network load balancer', () => {
			expect(lb(['az-a'], 'network')[0]?.severity).toBe('warning');
		});
		it('is silent across two zones', () => {
			expect(lb(['az-a', 'az-c'])).toEqual([]);
		});
	});

	describe('unused-resource', () => {
		it('notes route tables, NACLs, groups, NAT gateways and gateways that nothing uses', () => {
			const a = vpc(
				block(`
				internet-gateway: igw
				subnets:
				  a: { cidr: 10.0.1.0/24 }
				route-tables:
				  spare: {}
				nat-gateways:
				  nat: { subnet: a }
				security-groups:
				  lonely: {}
				nacls:
				  n: {}
				`),
			);
			const unused = only(a, 'unused-resource');
			expect(unused.map((d) => d.severity)).toEqual(['info', 'info', 'info', 'info', 'info']);
			expect(unused.map((d) => d.message.split('`')[1])).toEqual(['igw', 'spare', 'nat', 'lonely', 'n']);
		});
		it('counts `main` as used by subnets without a route table', () => {
			expect(codes(vpc(block('subnets:\n  a: { cidr: 10.0.1.0/24 }\nroute-tables:\n  main: {}')))).toEqual([]);
		});
	});

	describe('flow-blocked', () => {
		it('warns when a declared flow cannot pass, with the trace summary', () => {
			const a = vpc(`${SHOP}flows:\n  - internet -> db tcp/3306\n  - web -> db tcp/3306\n`);
			const blocked = only(a, 'flow-blocked');
			expect(blocked).toHaveLength(1);
			expect(blocked[0]?.message).toMatch(/internet -> db.*private subnet app-a/);
		});
		it('reports flows naming unknown resources and bad flow syntax', () => {
			const a = vpc(`${SHOP}flows:\n  - web -> ghost\n  - web to db\n`);
			expect(codes(a)).toEqual(['unknown-reference', 'invalid-flow']);
		});
	});

	describe('too-large', () => {
		it('still checks a block with more than 1000 resources but refuses to draw it', () => {
			const subnets = Array.from({ length: 1001 }, (_, i) => `  s${i}: { cidr: 10.${Math.floor(i / 250)}.${i % 250}.0/24 }`).join('\n');
			const a = vpc(`name: big\ncidr: 10.0.0.0/16\nsubnets:\n${subnets}`);
			expect(codes(a)).toContain('too-large');
			expect(codes(a)).toContain('subnet-outside-vpc');
			expect(a.model?.tooLarge).toBe(true);
		});
	});
});
