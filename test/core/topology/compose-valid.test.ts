/**
 * "No error on a valid file": small Compose files written for this test, each using what the
 * Compose specification and compose-go accept (the wider run over public files is
 * scripts/corpus/compose.mjs). Each must give no error; warnings and notes are allowed.
 */
import { toMermaid } from '../../../src/core/topology';
import type { ContainersModel } from '../../../src/core/topology/containers/model';
import { containers } from './fixtures';

const VALID: Record<string, string> = {
	'interpolation everywhere': `
		name: \${PROJECT:-shop}
		services:
		  web:
		    image: \${REGISTRY:-docker.io}/nginx:\${TAG:-1.27}
		    ports: ["\${PORT:-8080}:80", "\${PUBLIC}:443", { target: 9000, published: "\${METRICS:-9100}", host_ip: "\${BIND:-0.0.0.0}" }]
		    deploy: { replicas: "\${REPLICAS:-1}" }
		    environment: [PRICE=$$5, "URL=\${URL:?set URL}"]
		  worker: { image: "worker:1", scale: $WORKERS, network_mode: "\${MODE:-bridge}" }
	`,
	'hooks and newer keys': `
		services:
		  app:
		    image: app:1
		    pre_start: [{ command: ./migrate, image: tools:1, per_replica: true }]
		    post_start: [{ command: ./warm }]
		    pre_stop: [{ command: ./drain }]
		    pull_refresh_after: 12h
		    use_api_socket: true
		    gpus: all
		    develop: { watch: [{ path: ./src, action: sync, target: /src }] }
		    models: { llm: { endpoint_var: URL } }
		models:
		  llm: { model: ai/smollm2, context_size: 2048 }
	`,
	'extends and provider': `
		services:
		  base: { image: "app:1", networks: [back] }
		  api: { extends: base, ports: ["8000:8000"] }
		  job: { extends: { service: base }, command: ["job"] }
		  remote: { extends: { file: other.yaml, service: thing } }
		  db: { provider: { type: model, options: { model: ai/llama } } }
		networks: { back: {} }
	`,
	'include only': `
		include:
		  - ./billing/compose.yaml
		  - path: [./auth/compose.yaml, ./auth/override.yaml]
		    project_directory: ./auth
	`,
	'include with references': `
		include: [./db.yaml]
		services:
		  web: { image: "web:1", depends_on: [db], networks: [db-net], volumes: ["db-data:/data"] }
	`,
	'every mount type': `
		services:
		  app:
		    image: app:1
		    volumes:
		      - data:/data
		      - ./src:/src:ro
		      - /var/run/docker.sock:/var/run/docker.sock
		      - { type: tmpfs, target: /tmp, tmpfs: { size: 1000000 } }
		      - { type: image, source: "tools:1", target: /tools, image: { subpath: bin } }
		      - { type: npipe, source: '\\\\.\\pipe\\docker_engine', target: '\\\\.\\pipe\\docker_engine' }
		      - { type: cluster, source: shared, target: /shared }
		      - { type: bind, source: "\${HOME}/.config", target: /config }
		volumes: { data: {} }
	`,
	'ports the specification lists': `
		services:
		  x:
		    image: x:1
		    ports:
		      - "3000"
		      - "3001-3005"
		      - "8000:8000"
		      - "9090-9091:8080-8081"
		      - "49100:22"
		      - "8000-9000:80"
		      - "127.0.0.1:8001:8001"
		      - "127.0.0.1:5000-5010:5000-5010"
		      - "::1:6000:6000"
		      - "[::1]:6001:6001"
		      - "6060:6060/udp"
		      - { name: web, target: 80, published: "8080", protocol: tcp, app_protocol: http, mode: host }
	`,
	'several documents, reset and override': `
		x-base: &base
		  image: base:1
		  ports: ["80:80"]
		services:
		  web: { <<: *base, ports: !reset [] }
		---
		services:
		  web: { ports: ["81:80"] }
		  api: { image: "api:1", environment: !override { A: "1" } }
	`,
	'profiles apart on one port': `
		services:
		  debug: { image: "dbg:1", ports: ["9229:9229"], profiles: [debug] }
		  prof: { image: "prof:1", ports: ["9229:9229"], profiles: [profiling] }
	`,
	'every network_mode': `
		services:
		  a: { image: "a:1", network_mode: bridge, links: ["b:bee"] }
		  b: { image: "b:1", network_mode: bridge }
		  c: { image: "c:1", network_mode: host }
		  d: { image: "d:1", network_mode: none }
		  e: { image: "e:1", network_mode: "service:a" }
		  f: { image: "f:1", network_mode: "container:legacy" }
	`,
	'configs and secrets': `
		services:
		  app:
		    image: app:1
		    configs: [{ source: conf, target: /etc/app.conf, mode: 0440 }]
		    secrets: [token]
		configs:
		  conf: { content: "a=1" }
		secrets:
		  token: { environment: TOKEN }
	`,
	'shared anchor with merge keys': `
		x-defaults: &defaults
		  restart: unless-stopped
		  logging: { driver: json-file }
		services:
		  a: { <<: *defaults, image: "a:1" }
		  b: { <<: *defaults, image: "b:1" }
	`,
};

describe('no error on a valid Compose file', () => {
	it.each(Object.entries(VALID))('%s', (_, yaml) => {
		const a = containers(yaml);
		expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
		// It draws, too.
		expect(toMermaid(a.model as ContainersModel).text).toMatch(/^flowchart/);
	});
});
