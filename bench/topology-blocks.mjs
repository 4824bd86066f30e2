// Generated `vpc` and `containers` blocks for the topology benchmarks: what a person studying
// cloud networks writes, at any size. A VPC has zones, public, per-service and data subnets with
// their route tables and NACLs, NAT gateways, an internet-facing ALB per service, instances whose
// security groups refer to each other, a bastion and databases. Deterministic, and lint-clean
// (no errors; warnings such as "open to the world" on the ALBs are part of a real block).

const ZONES = ["a", "b", "c"];

/** Fixed structure per size, then web instances fill up to exactly `resources` (vpc and igw count). */
function vpcShape(resources) {
	if (resources <= 30) return { zones: 2, services: 1, natPerZone: false, nacls: ["data"], bastion: false, dataZones: 1 };
	if (resources <= 150) return { zones: 3, services: 4, natPerZone: true, nacls: ["public", "app", "data"], bastion: true, dataZones: 3 };
	return { zones: 3, services: 20, natPerZone: true, nacls: ["public", "app", "data"], bastion: true, dataZones: 3 };
}

export function generateVpc(resources) {
	const shape = vpcShape(resources);
	const zones = ZONES.slice(0, shape.zones);
	const dataZones = zones.slice(0, shape.dataZones);
	const services = Array.from({ length: shape.services }, (_, s) => `svc${s}`);
	const natFor = (z) => (shape.natPerZone ? `nat-${z}` : `nat-${zones[0]}`);
	const privateRt = (z) => (shape.natPerZone ? `private-rt-${z}` : "private-rt");
	const nacl = (tier) => (shape.nacls.includes(tier) ? `, nacl: ${tier}-nacl` : "");

	const subnets = [];
	let third = 0;
	const subnet = (name, z, rt, naclText) => subnets.push(`  ${name}: { cidr: 10.0.${third++}.0/24, zone: az-${z}, route-table: ${rt}${naclText} }`);
	for (const z of zones) subnet(`public-${z}`, z, "public-rt", nacl("public"));
	for (const s of services) for (const z of zones) subnet(`${s}-${z}`, z, privateRt(z), nacl("app"));
	for (const z of dataZones) subnet(`data-${z}`, z, "data-rt", nacl("data"));

	const routeTables = ["  public-rt: { 0.0.0.0/0: igw }"];
	if (shape.natPerZone) for (const z of zones) routeTables.push(`  private-rt-${z}: { 0.0.0.0/0: nat-${z} }`);
	else routeTables.push(`  private-rt: { 0.0.0.0/0: ${natFor(zones[0])} }`);
	routeTables.push("  data-rt: {}");
	const nats = (shape.natPerZone ? zones : [zones[0]]).map((z) => `  nat-${z}: { subnet: public-${z} }`);

	const sgs = [];
	const lbs = [];
	for (const [i, s] of services.entries()) {
		sgs.push(`  ${s}-alb-sg: { inbound: ["tcp 443 from 0.0.0.0/0"] }`);
		const inbound = [`"tcp 8080 from ${s}-alb-sg"`];
		if (services.length > 1) inbound.push(`"tcp 8080 from ${services[(i + 1) % services.length]}-web-sg"`);
		if (shape.bastion) inbound.push('"tcp 22 from bastion-sg"');
		sgs.push(`  ${s}-web-sg: { inbound: [${inbound.join(", ")}] }`);
	}
	sgs.push(`  db-sg: { inbound: [${services.slice(0, 8).map((s) => `"tcp 5432 from ${s}-web-sg"`).join(", ")}] }`);
	if (shape.bastion) sgs.push('  bastion-sg: { inbound: ["tcp 22 from 203.0.113.0/24"] }');

	const nacls = [];
	if (shape.nacls.includes("public")) {
		nacls.push("  public-nacl:", '    inbound: ["100 allow tcp 443 from 0.0.0.0/0", "110 allow tcp 22 from 203.0.113.0/24", "120 allow tcp 1024-65535 from 0.0.0.0/0", "130 allow all from 10.0.0.0/16"]', '    outbound: ["100 allow all to 0.0.0.0/0"]');
	}
	if (shape.nacls.includes("app")) {
		nacls.push("  app-nacl:", '    inbound: ["100 allow tcp 8080 from 10.0.0.0/16", "110 allow tcp 22 from 10.0.0.0/16", "120 allow tcp 1024-65535 from 0.0.0.0/0"]', '    outbound: ["100 allow all to 0.0.0.0/0"]');
	}
	nacls.push("  data-nacl:", '    inbound: ["100 allow tcp 5432 from 10.0.0.0/16"]', '    outbound: ["100 allow tcp 1024-65535 to 10.0.0.0/16"]');

	const fixed = [];
	for (const z of dataZones) fixed.push(`  db-${z}: { subnet: data-${z}, security-groups: [db-sg], role: database, type: db.r6g.large }`);
	if (shape.bastion) fixed.push(`  bastion: { subnet: public-${zones[0]}, public-ip: true, security-groups: [bastion-sg], type: t3.micro }`);

	const count = 2 + subnets.length + routeTables.length + nats.length + nacls.filter((l) => /^ {2}\S/.test(l)).length + sgs.length + services.length + fixed.length;
	const webCount = resources - count;
	if (webCount < services.length * zones.length) throw new Error(`a vpc of ${resources} resources is too small for its shape (${count} fixed)`);
	const web = [];
	const targets = new Map(services.map((s) => [s, []]));
	for (let k = 0; k < webCount; k++) {
		const s = services[k % services.length];
		const z = zones[Math.floor(k / services.length) % zones.length];
		const name = `${s}-web-${k}`;
		web.push(`  ${name}: { subnet: ${s}-${z}, security-groups: [${s}-web-sg], type: t3.small }`);
		targets.get(s).push(name);
	}
	for (const s of services) {
		const publicSubnets = zones.map((z) => `public-${z}`).join(", ");
		lbs.push(`  ${s}-alb: { subnets: [${publicSubnets}], security-groups: [${s}-alb-sg], targets: [${targets.get(s).join(", ")}], listeners: [443], target-port: 8080 }`);
	}

	const firstWeb = targets.get(services[0])[0];
	const flows = [`  - internet -> ${services[0]}-alb tcp/443`, `  - ${firstWeb} -> db-${dataZones[0]} tcp/5432`];
	if (shape.bastion) flows.push(`  - bastion -> ${firstWeb} tcp/22`);

	return [
		`name: bench-${resources}`,
		"cidr: 10.0.0.0/16",
		"internet-gateway: igw",
		"subnets:", ...subnets,
		"route-tables:", ...routeTables,
		"nat-gateways:", ...nats,
		"load-balancers:", ...lbs,
		"instances:", ...fixed, ...web,
		"security-groups:", ...sgs,
		"nacls:", ...nacls,
		"flows:", ...flows,
	].join("\n");
}

/** A Compose-style block of `count` services in stacks of five (proxy, api, worker, cache, db). */
export function generateContainers(count) {
	if (count % 5 !== 0) throw new Error("containers blocks come in stacks of five services");
	const services = [];
	const networks = ["  edge: {}"];
	const volumes = [];
	const stacks = Math.ceil(count / 5);
	let made = 0;
	for (let st = 0; st < stacks && made < count; st++) {
		networks.push(`  s${st}-front: {}`, `  s${st}-back: { internal: true }`);
		const stack = [
			[`s${st}-proxy`, `    image: nginx:1.27\n    ports: ["${8000 + st}:80"]\n    networks: [edge, s${st}-front]\n    depends_on: [s${st}-api]`],
			[`s${st}-api`, `    image: example/api:2.${st}\n    expose: ["8080"]\n    networks: [s${st}-front, s${st}-back]\n    depends_on: [s${st}-db, s${st}-cache]\n    environment:\n      DATABASE_URL: postgres://s${st}-db:5432/app`],
			[`s${st}-worker`, `    image: example/worker:2.${st}\n    networks: [s${st}-back]\n    depends_on: [s${st}-db]`],
			[`s${st}-cache`, `    image: redis:7.4\n    networks: [s${st}-back]`],
			[`s${st}-db`, `    image: postgres:16\n    networks: [s${st}-back]\n    volumes: ["s${st}-data:/var/lib/postgresql/data"]`],
		];
		volumes.push(`  s${st}-data: {}`);
		for (const [name, body] of stack) {
			if (made++ >= count) break;
			services.push(`  ${name}:\n${body}`);
		}
	}
	return ["services:", ...services, "networks:", ...networks, "volumes:", ...volumes, "flows:", "  - internet -> s0-proxy tcp/8000", "  - s0-api -> s0-db tcp/5432"].join("\n");
}

/**
 * A `kubernetes` block of exactly `objects` manifests: namespaces of apps (a Deployment, its
 * Service and a NetworkPolicy admitting the previous app of the chain), each namespace with a
 * default-deny policy that keeps DNS open and an Ingress to its first app; pods fill up the rest.
 * Pasted as people paste them: block-style YAML, one manifest per `---` document.
 */
export function generateKubernetes(objects) {
	const namespaces = Math.max(1, Math.round(objects / 40));
	const docs = [];
	const fixedPerNs = 3; // Namespace, default-deny, Ingress
	const perApp = 3;
	const apps = Math.floor((objects - namespaces * fixedPerNs) / perApp);
	if (apps < namespaces) throw new Error(`a kubernetes block of ${objects} objects is too small`);
	const pods = objects - namespaces * fixedPerNs - apps * perApp;
	const nsOf = (i) => `team-${i % namespaces}`;
	for (let n = 0; n < namespaces; n++) {
		const ns = `team-${n}`;
		docs.push(`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n  labels:\n    team: t${n}`);
		docs.push(
			`apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny\n  namespace: ${ns}\nspec:\n  podSelector: {}\n  policyTypes:\n  - Ingress\n  - Egress\n  egress:\n  - to:\n    - namespaceSelector:\n        matchLabels:\n          kubernetes.io/metadata.name: kube-system\n      podSelector:\n        matchLabels:\n          k8s-app: kube-dns\n    ports:\n    - protocol: UDP\n      port: 53\n  - to:\n    - podSelector: {}`,
		);
		docs.push(
			`apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  namespace: ${ns}\nspec:\n  rules:\n  - host: t${n}.example.com\n    http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: app-${n}\n            port:\n              number: 80`,
		);
	}
	for (let a = 0; a < apps; a++) {
		const ns = nsOf(a);
		const previous = a - namespaces;
		docs.push(
			`apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${a}\n  namespace: ${ns}\nspec:\n  replicas: ${1 + (a % 3)}\n  selector:\n    matchLabels:\n      app: app-${a}\n  template:\n    metadata:\n      labels:\n        app: app-${a}\n        tier: ${a % 2 ? "back" : "front"}\n    spec:\n      containers:\n      - name: app\n        image: example/app-${a}:1.${a}\n        ports:\n        - name: http\n          containerPort: 8080`,
		);
		docs.push(`apiVersion: v1\nkind: Service\nmetadata:\n  name: app-${a}\n  namespace: ${ns}\nspec:\n  selector:\n    app: app-${a}\n  ports:\n  - port: 80\n    targetPort: http`);
		const from = previous >= 0 ? `    - podSelector:\n        matchLabels:\n          app: app-${previous}\n` : `    - namespaceSelector:\n        matchLabels:\n          kubernetes.io/metadata.name: ingress-nginx\n`;
		docs.push(`apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: app-${a}-ingress\n  namespace: ${ns}\nspec:\n  podSelector:\n    matchLabels:\n      app: app-${a}\n  ingress:\n  - from:\n${from}    ports:\n    - port: http`);
	}
	for (let p = 0; p < pods; p++) {
		docs.push(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug-${p}\n  namespace: ${nsOf(p)}\n  labels:\n    run: debug-${p}\nspec:\n  containers:\n  - name: shell\n    image: busybox:1.36`);
	}
	const last = apps - 1;
	docs.push(`kind: Flows\nflows:\n- internet -> t0.example.com/ tcp/443\n- ${nsOf(last - namespaces)}/app-${last - namespaces} -> ${nsOf(last)}/app-${last} tcp/8080`);
	return docs.join("\n---\n");
}
