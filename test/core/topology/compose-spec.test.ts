/**
 * Issue 13: Compose files as Docker (compose-go) reads them. Each block here is a small case
 * written for this test, modelled on what the Compose specification and compose-go accept.
 */
import { toMermaid, trace } from '../../../src/core/topology';
import type { ContainersModel } from '../../../src/core/topology/containers/model';
import { interpolate, knownValue } from '../../../src/core/topology/containers/interpolate';
import { codes, containers, vpc } from './fixtures';

function model(yaml: string): ContainersModel {
	const a = containers(yaml);
	if (!a.model) throw new Error('no model');
	return a.model as ContainersModel;
}

function errors(yaml: string): string[] {
	return containers(yaml).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`);
}

describe('Compose interpolation', () => {
	it('reads $VAR, ${VAR}, ${VAR:-d}, ${VAR-d}, ${VAR:?e}, ${VAR:+a} and $$ as compose-go does', () => {
		expect(knownValue('${PORT:-8080}')).toBe('8080');
		expect(knownValue('${PORT-8080}')).toBe('8080');
		expect(knownValue('${A:-${B:-nested}}')).toBe('nested');
		expect(knownValue('cost $$5')).toBe('cost $5');
		expect(knownValue('$PORT')).toBeNull();
		expect(knownValue('${PORT}')).toBeNull();
		expect(knownValue('${PORT:?set PORT}')).toBeNull();
		expect(knownValue('${PORT:+1}')).toBeNull();
		expect(interpolate('${PORT:-8080}:80').defaults).toEqual(['PORT=8080']);
	});

	it('item 4: a port with a default is read with it, and the diagram says it is a default', () => {
		const a = containers(`
			services:
			  web:
			    image: nginx:1.27
			    ports: ["\${PORT:-8080}:80", { target: 443, published: "\${TLS:-8443}" }]
		`);
		expect(codes(a)).toEqual([]);
		const web = (a.model as ContainersModel).services.get('web');
		expect(web?.ports.map((p) => [p.hostPorts?.from, p.containerPorts.from, p.defaults])).toEqual([[8080, 80, ['PORT=8080']], [8443, 443, ['TLS=8443']]]);
		const text = toMermaid(a.model as ContainersModel).text;
		expect(text).toContain('8080→80/tcp');
		expect(text).toMatch(/8080→80\/tcp[^"]*PORT/);
	});

	it('item 4: a port variable without a default is unknown until run, never an error, and still drawn', () => {
		const a = containers(`
			services:
			  web:
			    image: nginx:1.27
			    ports: ["\${PUBLIC_PORT}:80", "\${BIND:-127.0.0.1}:\${P2}:81", "9000:\${TARGET}"]
		`);
		expect(codes(a)).toEqual([]);
		const web = (a.model as ContainersModel).services.get('web');
		expect(web?.ports.map((p) => p.hostVariable)).toEqual(['${PUBLIC_PORT}', '${P2}']);
		expect(web?.ports[1]?.hostIp).toBe('127.0.0.1');
		expect(web?.unresolvedPorts).toEqual(['9000:${TARGET}']);
		expect(toMermaid(a.model as ContainersModel).text).toContain('PUBLIC_PORT');
		const r = trace(a.model as ContainersModel, { from: 'internet', to: 'web', port: 5000 });
		expect(r.allowed).toBe(false);
		expect(r.hops.at(-1)?.reason).toMatch(/host port \$\{PUBLIC_PORT\} and \$\{P2\} are unknown until run/);
	});

	it('item 7: replicas and scale take variables; a bad value names the key that holds it', () => {
		expect(model('services:\n  a: { image: "x:1", deploy: { replicas: "${N:-3}" } }').services.get('a')?.replicas).toBe(3);
		expect(errors('services:\n  a: { image: "x:1", scale: "${N}" }')).toEqual([]);
		expect(errors('services:\n  a: { image: "x:1", scale: many }')).toEqual([expect.stringMatching(/^invalid-value: `scale` is a whole number/)]);
		expect(errors('services:\n  a: { image: "x:1", deploy: { replicas: lots } }')).toEqual([expect.stringMatching(/`deploy.replicas` is a whole number/)]);
	});

	it('image, network_mode, mount sources and names take variables too', () => {
		const m = model(`
			services:
			  a: { image: "\${IMG:-nginx:1.27}", network_mode: "\${MODE:-host}", volumes: ["\${DATA}:/data", "\${VOL:-cache}:/cache"] }
			volumes: { cache: {} }
		`);
		const a = m.services.get('a');
		expect(a?.image).toBe('nginx:1.27');
		expect(a?.networkMode).toBe('host');
		expect(a?.mounts.map((x) => [x.type, x.source])).toEqual([['bind', '${DATA}'], ['volume', 'cache']]);
		expect(errors('services:\n  a: { image: "x:1", volumes: ["${DATA}:/data"] }')).toEqual([]);
	});
});

describe('Compose services the specification allows', () => {
	it('item 1: pre_start / post_start hooks and every key of compose-go\'s schema are known', () => {
		const a = containers(`
			services:
			  web:
			    image: nginx:1.27
			    pre_start: [{ command: ./migrate.sh, image: migrate:1 }]
			    post_start: [{ command: ./warm.sh }]
			    pre_stop: [{ command: ./drain.sh }]
			    pull_refresh_after: 24h
			    use_api_socket: true
			    models: [llm]
			    configs: [app]
			    secrets: [token]
			    label_file: ./labels
			    x-anything: 1
			models: { llm: { model: ai/smollm2 } }
			configs: { app: { content: "hello" } }
			secrets: { token: { environment: TOKEN } }
		`);
		expect(codes(a)).toEqual([]);
	});

	it('did-you-mean only for a likely typo of a schema key; other unknown keys pass silently', () => {
		expect(errors('services:\n  a: { image: "x:1", restrat: always }')).toEqual([expect.stringContaining('did you mean `restart`')]);
		expect(errors('services:\n  a: { image: "x:1", pre_start: [] }')).toEqual([]);
	});

	it('item 2: extends in the same block brings the base image, ports and networks', () => {
		const a = containers(`
			services:
			  base: { image: "app:1", networks: [back], expose: ["80"] }
			  cli: { extends: base, command: ["run"], ports: ["9090:90"], profiles: [tools] }
			  worker: { extends: { service: cli }, profiles: [jobs] }
			networks: { back: {} }
		`);
		expect(codes(a)).toEqual(['profile-port-conflict']);
		const m = a.model as ContainersModel;
		expect(m.services.get('worker')?.image).toBe('app:1');
		expect(m.services.get('worker')?.networks?.map((n) => n.name)).toEqual(['back']);
		expect(m.services.get('cli')?.expose).toEqual(['80']);
		// The derived service's own ports are added to the base's, as compose-go merges them.
		expect(m.services.get('worker')?.ports.map((p) => p.text)).toEqual(['9090:90']);
	});

	it('item 2: extends from another file is unknown, noted, never an error; a missing base is an error', () => {
		const a = containers('services:\n  cli:\n    extends: { file: common.yaml, service: base }\n');
		expect(a.diagnostics.map((d) => [d.severity, d.code])).toEqual([['info', 'outside-reference']]);
		expect(errors('services:\n  cli: { extends: nope }')).toEqual([expect.stringMatching(/^unknown-reference: `cli` extends `nope`/)]);
	});

	// Issue 28: compose-go applies `!override` and `!reset` to the merged service (loader/extends.go
	// merges the base into the derived service with override.ExtendService). Cases written from its
	// extends tests: TestLoadExtendsDependsOn, TestExtendsReset, and docker/compose#13348's chain.
	describe('extends with !override and !reset (issue 28)', () => {
		it('ports: !override replaces the base ports: no conflict with the base 8080', () => {
			const a = containers(`
				services:
				  web: { image: "nginx:1.27", ports: ["8080:80"] }
				  web-canary:
				    extends: web
				    ports: !override ["8081:80"]
			`);
			expect(codes(a)).toEqual([]);
			const m = a.model as ContainersModel;
			expect(m.services.get('web-canary')?.ports.map((p) => p.text)).toEqual(['8081:80']);
			expect(m.services.get('web-canary')?.image).toBe('nginx:1.27');
			expect(m.services.get('web')?.ports.map((p) => p.text)).toEqual(['8080:80']);
		});

		it('without the tag the lists add up, as before: the same host port twice is a conflict', () => {
			const a = containers(`
				services:
				  web: { image: "nginx:1.27", ports: ["8080:80"] }
				  web-canary: { extends: web, ports: ["8081:80"] }
			`);
			expect(codes(a)).toEqual(['port-conflict']);
		});

		it('ports: !reset [] publishes nothing of the base', () => {
			const a = containers(`
				services:
				  web: { image: "nginx:1.27", ports: ["8080:80", "8443:443"] }
				  worker:
				    extends: { service: web }
				    ports: !reset []
			`);
			expect(codes(a)).toEqual([]);
			expect((a.model as ContainersModel).services.get('worker')?.ports).toEqual([]);
		});

		it('depends_on: !override keeps only the derived list (TestLoadExtendsDependsOn)', () => {
			const a = containers(`
				services:
				  service_a:
				    image: "a:1"
				    depends_on: [service_c]
				  service_b:
				    extends: service_a
				    depends_on: !override
				      - service_a
				  service_c:
				    image: "c:1"
			`);
			expect(codes(a)).toEqual([]);
			expect((a.model as ContainersModel).services.get('service_b')?.dependsOn.map((d) => d.name)).toEqual(['service_a']);
		});

		it('a chain: !override then !reset of networks, without changing the service in the middle (docker/compose#13348)', () => {
			const a = containers(`
				services:
				  service_a:
				    image: "php:8"
				    networks: { front: { aliases: [oss-a.xyz] } }
				  service_b:
				    extends: { service: service_a }
				    networks: !override
				      back: { aliases: [oss-b.xyz] }
				  service_c:
				    extends: { service: service_b }
				    networks: !reset []
				networks: { front: {}, back: {} }
			`);
			expect(codes(a)).toEqual([]);
			const m = a.model as ContainersModel;
			expect(m.services.get('service_a')?.networks?.map((n) => n.name)).toEqual(['front']);
			expect(m.services.get('service_b')?.networks?.map((n) => n.name)).toEqual(['back']);
			// Reset: no networks of its own, so the project's default network, as Compose gives it.
			expect(m.services.get('service_c')?.networks).toBeNull();
			expect(m.services.get('service_c')?.image).toBe('php:8');
		});

		it('the merged service is what is traced: the override port is reachable, the base one is not', () => {
			const m = model(`
				services:
				  web: { image: "nginx:1.27", ports: ["8080:80"] }
				  web-canary:
				    extends: web
				    ports: !override ["8081:80"]
			`);
			expect(trace(m, { from: 'internet', to: 'web-canary', port: 8081 }).allowed).toBe(true);
			expect(trace(m, { from: 'internet', to: 'web-canary', port: 8080 }).allowed).toBe(false);
		});
	});

	it('item 3: a provider service needs no image', () => {
		const a = containers('services:\n  db:\n    provider: { type: awesomecloud, options: { size: 1 } }\n  app: { image: "app:1", depends_on: [db] }');
		expect(codes(a)).toEqual([]);
		expect((a.model as ContainersModel).services.get('db')?.provider).toBe('awesomecloud');
	});

	it('item 5: long-form image, npipe and cluster mounts are not named volumes', () => {
		const a = containers(`
			services:
			  a:
			    image: app:1
			    volumes:
			      - { type: image, source: "alpine:3.20", target: /tools }
			      - { type: npipe, source: '\\\\.\\pipe\\docker_engine', target: '\\\\.\\pipe\\docker_engine' }
			      - { type: cluster, source: shared, target: /shared }
			      - '\\\\.\\pipe\\docker_engine:\\\\.\\pipe\\engine2'
		`);
		expect(codes(a)).toEqual([]);
		expect((a.model as ContainersModel).services.get('a')?.mounts.map((m) => m.type)).toEqual(['image', 'npipe', 'cluster', 'npipe']);
		expect(errors('services:\n  a: { image: "x:1", volumes: [{ type: disk, source: x, target: /x }] }')).toEqual([expect.stringMatching(/`disk` is not a mount type/)]);
	});

	it('item 6: include brings names this block does not declare: noted, not errors', () => {
		const a = containers(`
			include:
			  - other.yaml
			  - path: [a.yaml, b.yaml]
			services:
			  web: { image: "web:1", depends_on: [imported], networks: [shared] }
			  tweak: { environment: { X: 1 } }
		`);
		expect(a.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
		expect(a.diagnostics.map((d) => d.code)).toEqual(['outside-reference', 'outside-reference', 'outside-reference']);
		expect(a.diagnostics.find((d) => d.message.includes('depends on'))?.message).toMatch(/`web` depends on `imported`, which is not in this block: it may come from the included other.yaml, a.yaml, b.yaml/);
		expect(codes(containers('include:\n  - other.yaml\n'))).toEqual([]);
		// Without include the same reference is an error.
		expect(errors('services:\n  web: { image: "web:1", depends_on: [imported] }')).toEqual([expect.stringMatching(/^unknown-reference/)]);
	});

	it('item 9: unbracketed IPv6 host addresses as the specification lists them', () => {
		const a = containers('services:\n  x: { image: "x:1", ports: ["::1:6000:6000", "[::1]:6001:6001", "fe80::1:7000-7001:7000-7001/udp"] }');
		expect(codes(a)).toEqual([]);
		expect((a.model as ContainersModel).services.get('x')?.ports.map((p) => [p.hostIp, p.hostPorts?.from, p.proto])).toEqual([['::1', 6000, 'tcp'], ['::1', 6001, 'tcp'], ['fe80::1', 7000, 'udp']]);
	});
});

describe('Compose profiles', () => {
	const DISJOINT = `
		services:
		  debug: { image: "a:1", ports: ["8080:80"], profiles: [debug] }
		  prod: { image: "b:1", ports: ["8080:80"], profiles: [prod] }
	`;

	it('item 10: disjoint profiles publishing one port: a warning naming the profiles, not an error', () => {
		const a = containers(DISJOINT);
		expect(a.diagnostics.map((d) => [d.severity, d.code])).toEqual([['warning', 'profile-port-conflict']]);
		expect(a.diagnostics[0]?.message).toMatch(/`debug`, `prod`/);
		// Shared profile, or one without profiles: they do run together.
		expect(codes(containers('services:\n  a: { image: "a:1", ports: ["80:80"], profiles: [x] }\n  b: { image: "b:1", ports: ["80:80"] }'))).toEqual(['port-conflict']);
	});

	it('a top-level profiles: key chooses the active profiles; inactive services do not start', () => {
		expect(codes(containers(`profiles: [debug]\n${DISJOINT.replace(/^\n/, '').replace(/^\t\t/gm, '')}`))).toEqual([]);
		expect(codes(containers(`profiles: [debug, prod]\n${DISJOINT.replace(/^\n/, '').replace(/^\t\t/gm, '')}`))).toEqual(['port-conflict']);
		const m = model('profiles: [prod]\nservices:\n  debug: { image: "a:1", ports: ["80:80"], profiles: [debug] }');
		const r = trace(m, { from: 'internet', to: 'debug', port: 80 });
		expect(r.allowed).toBe(false);
		expect(r.hops.at(-1)?.reason).toMatch(/does not start: its profiles `debug` are not active/);
	});
});

describe('Compose YAML', () => {
	it('item 8: several documents are merged as compose-go merges them', () => {
		const a = containers(`
			services:
			  web: { image: "web:1", ports: ["80:80"] }
			---
			services:
			  web: { ports: ["443:443"], networks: [front] }
			  db: { image: "postgres:16" }
			networks: { front: {} }
		`);
		expect(codes(a)).toEqual([]);
		const m = a.model as ContainersModel;
		expect([...m.services.keys()]).toEqual(['web', 'db']);
		expect(m.services.get('web')?.ports.map((p) => p.text)).toEqual(['80:80', '443:443']);
		expect(m.services.get('web')?.networks?.map((n) => n.name)).toEqual(['front']);
		expect(model('services:\n  a: { image: "a:1", volumes: ["old:/data"] }\nvolumes: { old: {}, new: {} }\n---\nservices:\n  a: { volumes: ["new:/data"] }\n').services.get('a')?.mounts.map((v) => v.source)).toEqual(['new']);
		// Positions still point at the document each value came from.
		expect(m.services.get('db')?.pos.line).toBe(6);
	});

	it('!reset removes a key (also one a merge key brings); !override replaces a list whole', () => {
		const a = containers(`
			x-base: &base
			  image: web:1
			  ports: ["80:80"]
			services:
			  web:
			    <<: *base
			    ports: !reset []
			---
			services:
			  api: { image: "api:1", ports: ["81:81"] }
			---
			services:
			  api: { ports: !override ["82:82"] }
		`);
		expect(codes(a)).toEqual([]);
		const m = a.model as ContainersModel;
		expect(m.services.get('web')?.ports).toEqual([]);
		expect(m.services.get('api')?.ports.map((p) => p.text)).toEqual(['82:82']);
	});

	it('a vpc block still holds one document', () => {
		const a = vpc('name: a\ncidr: 10.0.0.0/16\n---\nname: b\n');
		expect(a.diagnostics.map((d) => [d.code, d.line])).toEqual([['yaml-syntax', 3]]);
	});

	it('item 12: one shared <<: *anchor reports its problem once', () => {
		const a = containers(`
			x-common: &common
			  restrat: always
			services:
			  a: { <<: *common, image: "a:1" }
			  b: { <<: *common, image: "b:1" }
			  c: { <<: *common, image: "c:1" }
		`);
		expect(a.diagnostics.map((d) => [d.line, d.code])).toEqual([[2, 'unknown-field']]);
	});
});

describe('network_mode in trace and diagram (item 11)', () => {
	const MODES = `
		services:
		  web: { image: "web:1", network_mode: bridge, ports: ["80-82:8080-8082"], links: [api] }
		  api: { image: "api:1", network_mode: bridge }
		  db: { image: "postgres:16", networks: [back], ports: ["5432:5432"] }
		  sidecar: { image: "envoy:1", network_mode: "service:db" }
		  agent: { image: "agent:1", network_mode: host, ports: ["9100:9100"] }
		  jail: { image: "jail:1", network_mode: none }
		  borrowed: { image: "b:1", network_mode: "container:legacy" }
		networks: { back: {} }
	`;
	const m = model(MODES);

	it('bridge: the default bridge is not internal; a published port reaches it from the internet', () => {
		const r = trace(m, { from: 'internet', to: 'web', port: 80 });
		expect(r.allowed).toBe(true);
	});

	it('bridge: two bridge services reach each other by IP, by name only through links', () => {
		const r = trace(m, { from: 'web', to: 'api', port: 8080 });
		expect(r.allowed).toBe(true);
		expect(r.hops.find((h) => h.step === 'network')?.reason).toMatch(/default bridge.*`links` makes api resolve by name/);
		expect(trace(m, { from: 'api', to: 'web' }).hops.find((h) => h.step === 'network')?.reason).toMatch(/by name only through `links`/);
	});

	it('range mappings map port to port: host 82 goes to container 8082', () => {
		const r = trace(m, { from: 'internet', to: 'web', port: 82 });
		expect(r.allowed).toBe(true);
		expect(r.hops.at(-1)?.reason).toBe('reaches web on container port 8082');
		expect(r.hops.find((h) => h.step === 'published port')?.reason).toMatch(/range port by port, so host port 82 goes to container port 8082/);
		const one = model('services:\n  w: { image: "w:1", ports: ["8000-8010:80"] }');
		expect(trace(one, { from: 'internet', to: 'w', port: 8005 }).hops.at(-1)?.reason).toBe('reaches w on container port 80');
	});

	it('service:x shares x\'s namespace: localhost between them, x\'s networks and published ports', () => {
		const inside = trace(m, { from: 'sidecar', to: 'db', port: 5432 });
		expect(inside.allowed).toBe(true);
		expect(inside.hops.find((h) => h.step === 'network namespace')?.reason).toMatch(/share db's network namespace.*`localhost`/);
		expect(trace(m, { from: 'internet', to: 'sidecar', port: 5432 }).allowed).toBe(true);
		expect(trace(m, { from: 'sidecar', to: 'internet' }).allowed).toBe(true);
		expect(trace(m, { from: 'sidecar', to: 'web' }).allowed).toBe(false);
	});

	it('host: a host-network service reaches a bridge-network service by its container IP, with that reason', () => {
		const r = trace(m, { from: 'agent', to: 'db', port: 5432 });
		expect(r.allowed).toBe(true);
		expect(r.hops.find((h) => h.step === 'host network')?.reason).toMatch(/host's network stack.*route into `back`.*container IP.*not by service name/);
		const back = trace(m, { from: 'db', to: 'agent', port: 9100 });
		expect(back.allowed).toBe(true);
		expect(back.hops.find((h) => h.step === 'host network')?.reason).toMatch(/listens on the host's own addresses/);
		expect(trace(m, { from: 'internet', to: 'agent', port: 9100 }).hops[0]?.reason).toMatch(/`ports` are ignored/);
	});

	it('none and container:x are cut off, with the Docker rule in words', () => {
		const jail = trace(m, { from: 'jail', to: 'internet' });
		expect(jail.allowed).toBe(false);
		expect(jail.hops.at(-1)?.reason).toMatch(/only a loopback interface/);
		expect(trace(m, { from: 'internet', to: 'jail', port: 80 }).allowed).toBe(false);
		expect(trace(m, { from: 'borrowed', to: 'db' }).hops.at(-1)?.reason).toMatch(/container `legacy`.*unknown until run/);
	});

	it('ports on a service in another one\'s namespace are refused, as Docker refuses them', () => {
		expect(errors('services:\n  db: { image: "db:1" }\n  side: { image: "s:1", network_mode: "service:db", ports: ["80:80"] }')).toEqual([expect.stringMatching(/^invalid-value: `side` uses the network namespace of db.*publish them on db/)]);
		expect(errors('services:\n  agent: { image: "a:1", network_mode: host, ports: ["9100:9100"] }')).toEqual([]);
	});

	it('the diagram shows each service\'s network mode', () => {
		const text = toMermaid(m).text;
		expect(text).toMatch(/agent[^\n]*host network/);
		expect(text).toMatch(/sidecar[^\n]*-\.-[^\n]*db|db[^\n]*-\.-[^\n]*sidecar/);
		expect(text).toMatch(/jail[^\n]*no network/);
	});
});
