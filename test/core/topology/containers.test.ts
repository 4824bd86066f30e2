import { trace } from '../../../src/core/topology';
import { codes, containers, modelOf } from './fixtures';

const COMPOSE = `
services:
  proxy:
    image: nginx:1.27-alpine
    ports: ["80:80", "443:443"]
    networks: [frontend]
    depends_on: [app]
  app:
    build: ./app
    networks: [frontend, backend]
    depends_on:
      db: { condition: service_healthy }
    healthcheck: { test: ["CMD", "true"] }
    restart: unless-stopped
  db:
    image: postgres:16.4
    volumes: ["db-data:/var/lib/postgresql/data", "./init:/docker-entrypoint-initdb.d:ro"]
    networks: [backend]
    environment: { POSTGRES_DB: app }
  admin:
    image: adminer:4.8.1
    ports: ["127.0.0.1:8081:8080"]
    networks: [backend, frontend]
networks:
  frontend: {}
  backend: { internal: true }
volumes:
  db-data: {}
x-common: &common
  restart: always
`;

describe('containers blocks', () => {
	it('accepts a pasted Compose file with keys we do not draw, silently', () => {
		expect(containers(COMPOSE).diagnostics).toEqual([]);
	});

	it('accepts `containers:` as an alias of `services:` and a `host:` with name and OS', () => {
		const a = containers('host: { name: 서버-1, os: Ubuntu 24.04 }\ncontainers:\n  web: { image: "nginx:1.27" }');
		expect(a.diagnostics).toEqual([]);
		expect(a.resources.map((r) => `${r.type}:${r.name}`)).toEqual(['host:서버-1', 'service:web', 'network:default']);
	});

	it('expands YAML merge keys the way Compose files use them', () => {
		const a = containers('x-base: &base\n  image: nginx:1.27\n  networks: [front]\nservices:\n  web:\n    <<: *base\n    ports: ["8080:80"]\nnetworks:\n  front: {}');
		expect(a.diagnostics).toEqual([]);
		const m = modelOf(a);
		expect(m.kind === 'containers' && m.services.get('web')?.image).toBe('nginx:1.27');
	});

	describe('diagnostics', () => {
		it('unknown-field: a typo of a Compose key gets a suggestion; unknown non-typos pass', () => {
			const a = containers('services:\n  web:\n    image: nginx:1.27\n    prots: ["80:80"]\n    enviroment: { A: 1 }\n    some_new_key: 1');
			expect(a.diagnostics.map((d) => d.message)).toEqual(['unknown service field `prots`; did you mean `ports`?', 'unknown service field `enviroment`; did you mean `environment`?']);
			expect(a.diagnostics[0]).toMatchObject({ line: 4, column: 5, code: 'unknown-field' });
		});

		it('missing-field: a service needs an image or a build', () => {
			expect(codes(containers('services:\n  web: { ports: ["80:80"] }'))).toEqual(['missing-field']);
			expect(codes(containers('version: "3.9"'))).toEqual(['missing-field']);
		});

		it('unknown-reference: undeclared networks, volumes and dependencies', () => {
			const a = containers('services:\n  web:\n    image: nginx:1.27\n    networks: [front]\n    volumes: ["data:/data", "./site:/usr/share/nginx/html"]\n    depends_on: [api]');
			expect(codes(a)).toEqual(['unknown-reference', 'unknown-reference', 'unknown-reference']);
		});

		it('duplicate-name: the same service under services and containers; reserved `internet`', () => {
			expect(codes(containers('services:\n  web: { image: "a:1" }\ncontainers:\n  web: { image: "b:1" }'))).toEqual(['duplicate-name']);
			expect(codes(containers('services:\n  internet: { image: "a:1" }'))).toEqual(['reserved-name']);
		});

		it('invalid-port: bad numbers, protocols and mismatched ranges', () => {
			const a = containers('services:\n  web:\n    image: nginx:1.27\n    ports: ["80:99999", "53:53/icmp", "9000-9002:80-81", "http:80", "8080:80"]');
			expect(codes(a)).toEqual(['invalid-port', 'invalid-port', 'invalid-port', 'invalid-port']);
		});

		it('port-conflict: two services on the same host port and protocol', () => {
			const a = containers('services:\n  a: { image: "x:1", ports: ["8080:80"] }\n  b: { image: "y:1", ports: ["8080:8080"] }');
			expect(a.diagnostics).toMatchObject([{ code: 'port-conflict', line: 3, message: expect.stringContaining('`a` (line 2)') as string }]);
		});

		it('port-conflict: not across protocols or distinct host addresses', () => {
			expect(codes(containers('services:\n  a: { image: "x:1", ports: ["53:53/udp"] }\n  b: { image: "y:1", ports: ["53:53"] }'))).toEqual([]);
			expect(codes(containers('services:\n  a: { image: "x:1", ports: ["127.0.0.1:80:80"] }\n  b: { image: "y:1", ports: ["127.0.0.2:80:80"] }'))).toEqual([]);
			expect(codes(containers('services:\n  a: { image: "x:1", ports: ["127.0.0.1:80:80"] }\n  b: { image: "y:1", ports: ["80:80"] }'))).toEqual(['port-conflict']);
			expect(codes(containers('services:\n  a: { image: "x:1", ports: ["8000-8010:8000-8010"] }\n  b: { image: "y:1", ports: ["8005:80"] }'))).toEqual(['port-conflict']);
			// A range onto one container port takes one free port of the range (issue 13): no conflict.
			expect(codes(containers('services:\n  a: { image: "x:1", ports: ["8000-8010:80"] }\n  b: { image: "y:1", ports: ["8005:80"] }'))).toEqual([]);
		});

		it('port-conflict: replicas cannot share one fixed host port', () => {
			expect(codes(containers('services:\n  a: { image: "x:1", ports: ["8080:80"], deploy: { replicas: 3 } }'))).toEqual(['port-conflict']);
			expect(codes(containers('services:\n  a: { image: "x:1", ports: ["80"], deploy: { replicas: 3 } }'))).toEqual([]);
		});

		it('depends-on-cycle: names the loop', () => {
			const a = containers('services:\n  a: { image: "x:1", depends_on: [b] }\n  b: { image: "x:1", depends_on: [c] }\n  c: { image: "x:1", depends_on: [a] }');
			expect(a.diagnostics).toMatchObject([{ code: 'depends-on-cycle', line: 4, message: expect.stringContaining('a -> b -> c -> a') as string }]);
			expect(codes(containers('services:\n  a: { image: "x:1", depends_on: [b] }\n  b: { image: "x:1" }'))).toEqual([]);
		});

		it('internal-network-published-port: ports on a service with no way out', () => {
			const a = containers('services:\n  db: { image: "postgres:16", ports: ["5432:5432"], networks: [back] }\nnetworks:\n  back: { internal: true }');
			expect(codes(a)).toEqual(['internal-network-published-port']);
			expect(codes(containers('services:\n  db: { image: "postgres:16", ports: ["5432:5432"], networks: [back, front] }\nnetworks:\n  back: { internal: true }\n  front: {}'))).toEqual([]);
		});

		it('image-latest-tag: no tag or :latest, but not digests, registries with ports or built images', () => {
			expect(codes(containers('services:\n  a: { image: nginx }'))).toEqual(['image-latest-tag']);
			expect(codes(containers('services:\n  a: { image: "nginx:latest" }'))).toEqual(['image-latest-tag']);
			expect(codes(containers('services:\n  a: { image: "localhost:5000/app" }'))).toEqual(['image-latest-tag']);
			expect(codes(containers('services:\n  a: { image: "localhost:5000/app:2.1" }'))).toEqual([]);
			expect(codes(containers('services:\n  a: { image: "nginx@sha256:0123abcd" }'))).toEqual([]);
			expect(codes(containers('services:\n  a: { image: app, build: . }'))).toEqual([]);
		});

		it('unused-resource: declared networks and volumes nothing uses', () => {
			const a = containers('services:\n  a: { image: "x:1" }\nnetworks:\n  spare: {}\nvolumes:\n  old: {}');
			expect(a.diagnostics.map((d) => `${d.code}:${d.severity}`)).toEqual(['unused-resource:info', 'unused-resource:info']);
		});

		it('flow-blocked: a declared flow between services without a shared network', () => {
			const a = containers(`${COMPOSE}flows:\n  - proxy -> db tcp/5432\n  - proxy -> app\n`);
			expect(codes(a)).toEqual(['flow-blocked']);
		});
	});

	describe('trace', () => {
		const m = modelOf(containers(COMPOSE));

		it('services on a shared network reach each other by name on any port', () => {
			const r = trace(m, { from: 'app', to: 'db', port: 5432 });
			expect(r.allowed).toBe(true);
			expect(r.summary).toBe('Allowed: app -> db on tcp 5432 over backend');
			expect(r.path).toEqual(['app', 'backend', 'db']);
			expect(trace(m, { from: 'app', to: 'db', port: 9999 }).allowed).toBe(true);
		});

		it('services with no networks share the default network', () => {
			const d = modelOf(containers('services:\n  a: { image: "x:1" }\n  b: { image: "y:1" }'));
			expect(trace(d, { from: 'a', to: 'b', port: 80 }).summary).toMatch(/over default/);
		});

		it('a service on an unshared network is refused, naming both sides', () => {
			const r = trace(m, { from: 'proxy', to: 'db', port: 5432 });
			expect(r.allowed).toBe(false);
			expect(r.hops[r.blockedAt ?? -1]?.reason).toBe('proxy is on network `frontend` and db on network `backend`: no shared network; add one to both services');
		});

		it('from the internet only published ports; loopback-bound ports only from the host', () => {
			expect(trace(m, { from: 'internet', to: 'proxy', port: 443 }).allowed).toBe(true);
			expect(trace(m, { from: 'internet', to: 'proxy', port: 8443 }).summary).toMatch(/does not publish tcp 8443/);
			expect(trace(m, { from: 'internet', to: 'app', port: 80 }).allowed).toBe(false);
			expect(trace(m, { from: 'internet', to: 'admin', port: 8081 }).summary).toMatch(/loopback only/);
			expect(trace(m, { from: 'host', to: 'admin', port: 8081 }).allowed).toBe(true);
			expect(trace(m, { from: 'internet', to: 'proxy', port: 443, proto: 'udp' }).allowed).toBe(false);
		});

		it('an internal network has no way out', () => {
			expect(trace(m, { from: 'db', to: 'internet' }).allowed).toBe(false);
			expect(trace(m, { from: 'app', to: 'internet' }).allowed).toBe(true);
		});

		it('unknown names are refused with a clear summary', () => {
			expect(trace(m, { from: 'ghost', to: 'db' }).summary).toBe('No service named `ghost` in this block');
			expect(trace(m, { from: 'app', to: 'backend' }).summary).toMatch(/is a network/);
		});
	});
});
