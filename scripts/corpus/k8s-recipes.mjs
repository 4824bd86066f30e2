// Corpus run (not a repository test): the 13 network-policy recipes of
// ahmetb/kubernetes-network-policy-recipes, as notes in /work/shared/corpora/k8s-recipes/, linted
// and traced with the built CLI. Each recipe's stated outcomes (the README of each recipe: who can
// and cannot connect) are listed below; the run prints every verdict and fails when one differs.
//
//   npm run build && node scripts/corpus/k8s-recipes.mjs [corpus-dir]
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2] ?? "/work/shared/corpora/k8s-recipes";
const cli = join(import.meta.dirname, "..", "..", "bin", "cloudnotes.js");

/** [from, to, port, proto, allowed] as each recipe states it. */
const OUTCOMES = {
	"01-deny-all-traffic-to-an-application.md": [["test-plain", "web", 80, "tcp", false]],
	"02-limit-traffic-to-an-application.md": [
		["test-bookstore-frontend", "apiserver", 80, "tcp", true],
		["test-plain", "apiserver", 80, "tcp", false],
	],
	"02a-allow-all-traffic-to-an-application.md": [["test-plain", "web", 80, "tcp", true]],
	"03-deny-all-non-whitelisted-traffic-in-the-namespace.md": [
		["test-plain", "web", 80, "tcp", false],
		["foo/test-foo", "svc/default/web", 80, "tcp", false],
	],
	"04-deny-traffic-from-other-namespaces.md": [
		["foo/test-foo", "svc/default/web", 80, "tcp", false],
		["test-default", "web", 80, "tcp", true],
	],
	"05-allow-traffic-from-all-namespaces.md": [
		["secondary/test-secondary", "svc/default/web", 80, "tcp", true],
		["bar/test-bar", "svc/default/web", 80, "tcp", true],
	],
	"06-allow-traffic-from-a-namespace.md": [
		["prod/test-prod", "svc/default/web", 80, "tcp", true],
		["dev/test-dev", "svc/default/web", 80, "tcp", false],
	],
	"07-allow-traffic-from-some-pods-in-another-namespace.md": [
		["other/test-other-monitoring", "svc/default/web", 80, "tcp", true],
		["other/test-other-plain", "svc/default/web", 80, "tcp", false],
		["test-default-monitoring", "web", 80, "tcp", false],
		["test-default-plain", "web", 80, "tcp", false],
	],
	"09-allow-traffic-only-to-a-port.md": [
		["test-monitoring", "apiserver", 5001, "tcp", true],
		["test-monitoring", "apiserver", 8001, "tcp", false],
		["test-plain", "apiserver", 5001, "tcp", false],
	],
	"10-allowing-traffic-with-multiple-selectors.md": [
		["test-catalog", "db", 6379, "tcp", true],
		["test-other-app", "db", 6379, "tcp", false],
	],
	"11-deny-egress-traffic-from-an-application.md": [
		["test", "svc/kube-system/kube-dns", 53, "udp", true],
		["test", "web", 80, "tcp", false],
		["test", "internet", 443, "tcp", false],
	],
	"12-deny-all-non-whitelisted-traffic-from-the-namespace.md": [
		["test-plain", "web", 80, "tcp", false],
		["test-plain", "svc/kube-system/kube-dns", 53, "udp", false],
		["other/test-other", "svc/default/web", 80, "tcp", true],
	],
	"14-deny-external-egress-traffic.md": [
		["test", "svc/kube-system/kube-dns", 53, "udp", true],
		["test", "internet", 443, "tcp", false],
		["test", "web", 80, "tcp", false],
	],
};

if (!existsSync(dir)) {
	console.error(`no corpus at ${dir}`);
	process.exit(2);
}
let failures = 0;
let checked = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith(".md")).sort()) {
	const path = join(dir, file);
	let lint;
	try {
		lint = execFileSync("node", [cli, "lint", path], { encoding: "utf8" });
	} catch (e) {
		lint = String(e.stdout ?? "");
	}
	const errors = lint.split("\n").filter((l) => / error /.test(l));
	console.log(`${file}: ${lint.split("\n")[0]}`);
	for (const line of errors) {
		console.log(`  unexpected error: ${line}`);
		failures++;
	}
	const outcomes = OUTCOMES[file];
	if (!outcomes) {
		console.log("  (no stated outcomes listed for this recipe)");
		continue;
	}
	for (const [from, to, port, proto, allowed] of outcomes) {
		let out;
		try {
			out = execFileSync("node", [cli, "trace", path, "--from", from, "--to", to, "--port", String(port), "--proto", proto, "--format", "json"], { encoding: "utf8" });
		} catch (e) {
			out = String(e.stdout ?? "");
		}
		const result = JSON.parse(out);
		checked++;
		if (result.error) {
			failures++;
			console.log(`  FAIL ${from} -> ${to} ${proto}/${port}: not asked (exit 2): ${result.error}; nearest: ${result.suggestions.join(", ")}`);
			continue;
		}
		const ok = result.allowed === allowed;
		if (!ok) failures++;
		console.log(`  ${ok ? "ok  " : "FAIL"} ${from} -> ${to} ${proto}/${port}: ${result.allowed ? "allowed" : "refused"} (recipe: ${allowed ? "allowed" : "refused"}) — ${result.summary}`);
	}
}
console.log(`\n${checked} stated outcomes checked, ${failures} differences`);
process.exit(failures === 0 ? 0 : 1);
