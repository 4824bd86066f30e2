import { trace, type TraceResult } from '../../../src/core/topology';
import { codes, dedent, modelOf, SHOP, vpc } from './fixtures';

const shop = modelOf(vpc(SHOP));

function refusedHop(result: TraceResult) {
	return result.blockedAt === undefined ? undefined : result.hops[result.blockedAt];
}

/** One public subnet, one private subnet behind a NAT, and whatever NACLs/instances a test adds. */
function net(extra: string) {
	return modelOf(
		vpc(
			dedent(`
			name: lab
			cidr: 10.0.0.0/16
			internet-gateway: igw
			subnets:
			  pub:  { cidr: 10.0.1.0/24, zone: z1, route-table: public }
			  priv: { cidr: 10.0.2.0/24, zone: z1, route-table: private, nacl: priv-nacl }
			route-tables:
			  public:  { 0.0.0.0/0: igw }
			  private: { 0.0.0.0/0: nat }
			nat-gateways:
			  nat: { subnet: pub }
			`) +
				'\n' +
				dedent(extra),
		),
	);
}

describe('trace in a VPC', () => {
	it('internet -> public instance with a public IP: allowed, through the gateway, NACL and group', () => {
		const m = net(`
		nacls:
		  priv-nacl: { inbound: ["100 allow all from 0.0.0.0/0"], outbound: ["100 allow all to 0.0.0.0/0"] }
		instances:
		  web: { subnet: pub, public-ip: true, security-groups: [web-sg] }
		security-groups:
		  web-sg: { inbound: ["tcp 443 from 0.0.0.0/0"] }
		`);
		const r = trace(m, { from: 'internet', to: 'web', port: 443 });
		expect(r.allowed).toBe(true);
		expect(r.hops.map((h) => h.step)).toEqual(['internet gateway', 'nacl inbound', 'security group inbound', 'nacl outbound (reply)', 'route table (reply)', 'destination']);
		expect(r.hops.find((h) => h.step === 'security group inbound')?.rule).toBe('tcp 443 from 0.0.0.0/0');
		expect(r.path).toEqual(['igw', 'pub', 'web-sg', 'public', 'web']);
		expect(trace(m, { from: 'internet', to: 'web', port: 22 }).summary).toMatch(/^Refused at web-sg inbound: no inbound rule/);
	});

	it('internet -> private instance: refused, saying it is private, has no public IP and no load balancer', () => {
		const r = trace(shop, { from: 'internet', to: 'db', port: 3306 });
		expect(r.allowed).toBe(false);
		expect(r.summary).toMatch(/private subnet app-a/);
		expect(r.summary).toMatch(/no public IP/);
		expect(r.summary).toMatch(/load balancer/);
	});

	it('internet -> instance behind an internet-facing load balancer: allowed via the load balancer', () => {
		const r = trace(shop, { from: 'internet', to: 'web', port: 8080 });
		expect(r.allowed).toBe(true);
		expect(r.summary).toBe('Allowed: internet -> web on tcp 8080 via alb');
		expect(r.path).toEqual(expect.arrayContaining(['igw', 'alb', 'alb-sg', 'app-nacl', 'web-sg', 'web']));
		// The target's group must admit the load balancer: db-sg does not.
	});

	it('an internal load balancer is not reachable from the internet', () => {
		const m = modelOf(vpc(SHOP.replace('targets: [web] }', 'targets: [web], scheme: internal }')));
		const r = trace(m, { from: 'internet', to: 'alb', port: 443 });
		expect(r.allowed).toBe(false);
		expect(r.summary).toMatch(/not internet-facing: it is `scheme: internal`/);
	});

	it('private instance -> internet through a NAT gateway: allowed, hops through the NAT and the gateway', () => {
		const r = trace(shop, { from: 'web', to: 'internet', port: 443 });
		expect(r.allowed).toBe(true);
		expect(r.summary).toBe('Allowed: web -> internet on tcp 443 via nat-a');
		const steps = r.hops.map((h) => `${h.resource}:${h.step}`);
		expect(steps.indexOf('nat-a:nat gateway')).toBeLessThan(steps.indexOf('igw:internet gateway'));
		expect(steps).toContain('app-nacl:nacl inbound (reply)');
	});

	it('a private instance without a NAT route cannot get out', () => {
		const m = modelOf(vpc(SHOP.replace('private-a: { 0.0.0.0/0: nat-a }', 'private-a: {}')));
		const r = trace(m, { from: 'web', to: 'internet', port: 443 });
		expect(r.allowed).toBe(false);
		expect(refusedHop(r)?.step).toBe('route table');
	});

	it('a private instance routed straight at the gateway is dropped there: it has no public IP', () => {
		const m = modelOf(vpc(SHOP.replace('private-a: { 0.0.0.0/0: nat-a }', 'private-a: { 0.0.0.0/0: igw }')));
		const r = trace(m, { from: 'web', to: 'internet', port: 443 });
		expect(refusedHop(r)).toMatchObject({ resource: 'igw', step: 'internet gateway' });
		expect(r.summary).toMatch(/no public IP/);
	});

	it('NACL without ephemeral return: the request gets in, the reply is refused', () => {
		const m = net(`
		nacls:
		  priv-nacl:
		    inbound: ["100 allow tcp 8080 from 10.0.0.0/16"]
		    outbound: ["100 allow tcp 8080 to 10.0.0.0/16"]
		instances:
		  app: { subnet: priv, security-groups: [app-sg] }
		  client: { subnet: pub }
		security-groups:
		  app-sg: { inbound: ["tcp 8080 from 10.0.1.0/24"] }
		`);
		const r = trace(m, { from: 'client', to: 'app', port: 8080 });
		expect(r.allowed).toBe(false);
		expect(refusedHop(r)).toMatchObject({ resource: 'priv-nacl', step: 'nacl outbound (reply)', rule: '*' });
		expect(r.hops.filter((h) => h.step === 'nacl inbound')[0]?.allowed).toBe(true);
		expect(r.summary).toMatch(/^Refused at priv-nacl outbound \(reply\): no rule allows tcp 1024 to 10\.0\.1\.0\/24; rule \* denies/);
	});

	it('NACL rules: lowest number first, first match wins, a deny before an allow blocks', () => {
		const m = net(`
		nacls:
		  priv-nacl:
		    inbound: ["200 allow tcp 8080 from 10.0.0.0/16", "100 deny tcp 8080 from 10.0.1.0/24", "300 allow tcp 1024-65535 from 0.0.0.0/0"]
		    outbound: ["100 allow tcp 1024-65535 to 0.0.0.0/0"]
		instances:
		  app: { subnet: priv, security-groups: [app-sg] }
		  client: { subnet: pub }
		security-groups:
		  app-sg: { inbound: ["tcp 8080 from 10.0.0.0/16"] }
		`);
		const r = trace(m, { from: 'client', to: 'app', port: 8080 });
		expect(refusedHop(r)).toMatchObject({ resource: 'priv-nacl', step: 'nacl inbound', rule: '100 deny tcp 8080 from 10.0.1.0/24' });
	});

	it('a subnet without a NACL uses the default NACL, which allows everything', () => {
		// web's traffic enters public-a (the NAT gateway's subnet), which names no NACL.
		const r = trace(shop, { from: 'web', to: 'internet', port: 443 });
		const hop = r.hops.find((h) => h.step === 'nacl inbound');
		expect(hop).toMatchObject({ resource: 'public-a', allowed: true });
		expect(hop?.reason).toMatch(/default NACL/);
	});

	it('security group referencing another group: members of the referenced group get in, others do not', () => {
		const allowed = trace(shop, { from: 'web', to: 'db', port: 3306 });
		expect(allowed.allowed).toBe(true);
		expect(allowed.hops.find((h) => h.step === 'security group inbound')).toMatchObject({ resource: 'db-sg', rule: 'tcp 3306 from web-sg' });
		const refused = trace(shop, { from: 'bastion', to: 'db', port: 3306 });
		expect(refused.allowed).toBe(false);
	});

	it('security groups are stateful: replies pass even when outbound is locked down', () => {
		// db-sg allows outbound only to the VPC; web -> db works and no SG reply hop is needed.
		const r = trace(shop, { from: 'web', to: 'db', port: 3306 });
		expect(r.hops.some((h) => h.step.startsWith('security group') && h.step.includes('reply'))).toBe(false);
		// ...but db cannot start a connection to the internet: db-sg outbound only reaches 10.0.0.0/16.
		const out = trace(shop, { from: 'db', to: 'internet', port: 443 });
		expect(refusedHop(out)).toMatchObject({ resource: 'db-sg', step: 'security group outbound' });
	});

	it('an omitted outbound list allows everything; an empty one allows nothing', () => {
		expect(trace(shop, { from: 'web', to: 'internet', port: 443 }).hops[0]?.rule).toBe('all to 0.0.0.0/0 (default)');
		const m = modelOf(vpc(SHOP.replace('web-sg:     { inbound:', 'web-sg:     { outbound: [], inbound:')));
		expect(refusedHop(trace(m, { from: 'web', to: 'internet', port: 443 }))?.step).toBe('security group outbound');
	});

	it('instances without security groups use the default group (members reach each other)', () => {
		const m = net(`
		nacls:
		  priv-nacl: { inbound: ["100 allow all from 0.0.0.0/0"], outbound: ["100 allow all to 0.0.0.0/0"] }
		instances:
		  a: { subnet: priv }
		  b: { subnet: priv }
		  c: { subnet: priv, security-groups: [c-sg] }
		security-groups:
		  c-sg: {}
		`);
		expect(trace(m, { from: 'a', to: 'b', port: 5432 }).allowed).toBe(true);
		expect(trace(m, { from: 'c', to: 'b', port: 5432 }).allowed).toBe(false);
	});

	it('rules written as maps behave like the one-line form', () => {
		const m = modelOf(vpc(SHOP.replace('db-sg:      { inbound: ["tcp 3306 from web-sg"]', 'db-sg:      { inbound: [{ proto: tcp, ports: 3306, from: web-sg }]')));
		expect(trace(m, { from: 'web', to: 'db', port: 3306 }).allowed).toBe(true);
		expect(trace(m, { from: 'web', to: 'db', port: 3307 }).allowed).toBe(false);
	});

	it('picks the port the destination admits when none is given', () => {
		expect(trace(shop, { from: 'web', to: 'db' }).summary).toBe('Allowed: web -> db on tcp 3306');
	});

	it('traces from an outside address, matched against the rule CIDR', () => {
		expect(trace(shop, { from: '203.0.113.7', to: 'bastion', port: 22 }).allowed).toBe(true);
		expect(trace(shop, { from: '198.51.100.7', to: 'bastion', port: 22 }).allowed).toBe(false);
		// The internet as a whole is not inside 203.0.113.0/24.
		expect(trace(shop, { from: 'internet', to: 'bastion', port: 22 }).allowed).toBe(false);
	});

	it('unknown names and non-endpoints give a clear refusal, never an exception', () => {
		expect(trace(shop, { from: 'ghost', to: 'db' })).toMatchObject({ allowed: false, summary: 'No resource named `ghost` in this block', blockedAt: 0 });
		expect(trace(shop, { from: 'web', to: 'web-sg' }).summary).toMatch(/is a security group/);
		expect(trace(shop, { from: 'internet', to: '8.8.8.8' }).summary).toMatch(/outside the VPC/);
		expect(trace(shop, { from: 'web', to: 'db', port: 70000 }).allowed).toBe(false);
	});

	it('a NAT gateway cannot be reached from the internet', () => {
		expect(trace(shop, { from: 'internet', to: 'nat-a', port: 443 }).summary).toMatch(/only lets connections out/);
	});

	it('longest prefix wins: a more specific route overrides the default route', () => {
		const m = modelOf(vpc(SHOP.replace('private-a: { 0.0.0.0/0: nat-a }', 'private-a: { 0.0.0.0/0: nat-a, 198.51.100.0/24: igw }')));
		expect(trace(m, { from: 'web', to: '8.8.8.8', port: 443 }).allowed).toBe(true);
		const r = trace(m, { from: 'web', to: '198.51.100.9', port: 443 });
		expect(refusedHop(r)?.resource).toBe('igw');
	});

	it('a subnet without route-table uses `main` when declared, else only the local route', () => {
		const withMain = vpc(SHOP.replace('app-a:     { cidr: 10.0.11.0/24, zone: ap-northeast-2a, route-table: private-a, nacl: app-nacl }', 'app-a:     { cidr: 10.0.11.0/24, zone: ap-northeast-2a, nacl: app-nacl }').replace('private-a: {', 'main: {'));
		expect(codes(withMain)).toEqual([]);
		expect(trace(modelOf(withMain), { from: 'web', to: 'internet', port: 443 }).allowed).toBe(true);
		const localOnly = modelOf(vpc(SHOP.replace('route-table: private-a, nacl', 'nacl')));
		expect(trace(localOnly, { from: 'web', to: 'internet', port: 443 }).allowed).toBe(false);
	});

	it('a subnet is public exactly when its route table sends something to the gateway', () => {
		const m = modelOf(vpc(SHOP.replace('public:    { 0.0.0.0/0: igw }', 'public:    { 0.0.0.0/0: nat-a }')));
		const res = vpc(SHOP).resources.find((r) => r.name === 'public-a');
		expect(res?.details.find((d) => d.label === 'Access')?.value).toBe('Public: 0.0.0.0/0 -> igw (internet gateway)');
		expect(trace(m, { from: 'internet', to: 'alb', port: 443 }).allowed).toBe(false);
	});
});

describe('trace through a load balancer', () => {
	it('names the refusing hop on the target leg, not a hop of the client leg', () => {
		const m = modelOf(vpc(SHOP.replace('"tcp 8080 from alb-sg", ', '')));
		const r = trace(m, { from: 'internet', to: 'web', port: 8080 });
		expect(r.allowed).toBe(false);
		expect(r.summary).toMatch(/^Refused at web-sg inbound: no inbound rule of web-sg admits tcp 8080 from alb/);
		expect(r.hops.some((h) => h.resource === 'alb' && h.step === 'load balancer' && h.allowed)).toBe(true);
	});

	it('respects declared listeners and target port', () => {
		const m = modelOf(vpc(SHOP.replace('targets: [web] }', 'targets: [web], listeners: [443], target-port: 8080 }')));
		expect(trace(m, { from: 'internet', to: 'alb', port: 80 }).summary).toMatch(/listens on 443, not 80/);
		expect(trace(m, { from: 'internet', to: 'web', port: 8080 }).allowed).toBe(true);
		expect(trace(m, { from: 'internet', to: 'web', port: 22 }).summary).toMatch(/forwards to web on port 8080, not 22/);
	});
});
