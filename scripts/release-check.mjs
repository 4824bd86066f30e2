// What Obsidian's community review and automated release scan would reject, checked before a tag
// is pushed (and by `npm test`): the tag equals manifest.json's version (no "v"), package.json and
// versions.json agree with it, the manifest follows the submission rules, a LICENSE is there, and
// eslint-plugin-obsidianmd's validate-manifest / validate-license rules pass on manifest.json and
// LICENSE (eslint.config.mjs applies them; this script also checks that it does).
//
// Usage: node scripts/release-check.mjs [--tag <tag>] [--root <folder>]
//   The tag defaults to $GITHUB_REF_NAME when $GITHUB_REF_TYPE is "tag" (a tag push in GitHub
//   Actions); without a tag the tag check is skipped and everything else is checked.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ESLint } from "eslint";

const REQUIRED = { id: "string", name: "string", version: "string", minAppVersion: "string", description: "string", author: "string", isDesktopOnly: "boolean" };
const OPTIONAL = { authorUrl: "string", fundingUrl: "string|object", helpUrl: "string" };
const SEMVER = /^\d+\.\d+\.\d+$/;

function readJson(root, name, problems) {
	const file = path.join(root, name);
	if (!existsSync(file)) {
		problems.push(`${name} is missing.`);
		return null;
	}
	try {
		return JSON.parse(readFileSync(file, "utf8"));
	} catch (e) {
		problems.push(`${name} is not valid JSON: ${e.message}`);
		return null;
	}
}

/** The manifest rules of Obsidian's submission guidelines, as sentences saying what to change. */
export function manifestProblems(manifest) {
	const problems = [];
	if (!manifest || typeof manifest !== "object" || Array.isArray(manifest)) return ["manifest.json must hold one JSON object."];
	for (const [key, type] of Object.entries(REQUIRED)) {
		if (!(key in manifest)) problems.push(`manifest.json: "${key}" is required.`);
		else if (typeof manifest[key] !== type) problems.push(`manifest.json: "${key}" must be a ${type}.`);
	}
	for (const key of Object.keys(manifest)) {
		if (!(key in REQUIRED) && !(key in OPTIONAL)) problems.push(`manifest.json: "${key}" is not a manifest field; only ${[...Object.keys(REQUIRED), ...Object.keys(OPTIONAL)].join(", ")} are allowed.`);
	}
	const { id, name, description, version, minAppVersion, fundingUrl } = manifest;
	if (typeof id === "string") {
		if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) problems.push(`manifest.json: id "${id}" may only hold lowercase letters, digits and single hyphens.`);
		if (/obsidian/i.test(id)) problems.push(`manifest.json: id "${id}" may not contain "obsidian".`);
		if (/plugin$/i.test(id)) problems.push(`manifest.json: id "${id}" may not end with "plugin".`);
	}
	if (typeof name === "string") {
		if (/obsidian/i.test(name)) problems.push(`manifest.json: name "${name}" may not contain "Obsidian".`);
		if (/plugin$/i.test(name.trim())) problems.push(`manifest.json: name "${name}" may not end with "Plugin".`);
		if (name.trim() === "") problems.push("manifest.json: name may not be empty.");
	}
	if (typeof description === "string") {
		if (description.length < 10 || description.length > 250) problems.push(`manifest.json: the description must be 10 to 250 characters (it has ${description.length}).`);
		if (!/^[A-Z]/.test(description)) problems.push("manifest.json: the description must start with a capital letter.");
		if (!description.endsWith(".")) problems.push("manifest.json: the description must end with a period.");
		if (/obsidian|plugin/i.test(description)) problems.push('manifest.json: the description may not say "Obsidian" or "plugin" (say what it does instead).');
		if (/\p{Extended_Pictographic}/u.test(description)) problems.push("manifest.json: the description may not contain emoji.");
	}
	if (typeof version === "string" && !SEMVER.test(version)) problems.push(`manifest.json: version "${version}" must be x.y.z (no "v").`);
	if (typeof minAppVersion === "string" && !SEMVER.test(minAppVersion)) problems.push(`manifest.json: minAppVersion "${minAppVersion}" must be x.y.z.`);
	if (fundingUrl !== undefined && typeof fundingUrl === "object" && (fundingUrl === null || Object.keys(fundingUrl).length === 0)) problems.push("manifest.json: fundingUrl may not be empty.");
	for (const key of ["authorUrl", "helpUrl"]) {
		if (typeof manifest[key] === "string" && !/^https?:\/\//.test(manifest[key])) problems.push(`manifest.json: ${key} must be an http(s) address.`);
	}
	return problems;
}

/** Every check but the lint; returns sentences saying what is wrong and what to do. */
export function releaseProblems(root, tag) {
	const problems = [];
	const manifest = readJson(root, "manifest.json", problems);
	const pkg = readJson(root, "package.json", problems);
	const versions = readJson(root, "versions.json", problems);
	if (manifest) problems.push(...manifestProblems(manifest));
	const version = manifest?.version;
	if (tag !== undefined && tag !== "") {
		if (tag.startsWith("v")) problems.push(`The tag "${tag}" starts with "v": Obsidian looks for a release tagged exactly "${version}".`);
		else if (tag !== version) problems.push(`The tag "${tag}" is not manifest.json's version "${version}": tag the version the manifest declares (or run npm version).`);
	}
	if (pkg && version !== undefined && pkg.version !== version) problems.push(`package.json's version "${pkg.version}" differs from manifest.json's "${version}": run npm version <x.y.z>, which updates both.`);
	if (versions && manifest) {
		if (!(version in versions)) problems.push(`versions.json has no entry for ${version}: add "${version}": "${manifest.minAppVersion}".`);
		else if (versions[version] !== manifest.minAppVersion) problems.push(`versions.json says ${version} needs Obsidian ${versions[version]}, manifest.json says ${manifest.minAppVersion}: make them agree.`);
		for (const [v, app] of Object.entries(versions)) {
			if (!SEMVER.test(v) || !SEMVER.test(String(app))) problems.push(`versions.json: "${v}": "${app}" must map x.y.z to x.y.z.`);
		}
	}
	const license = path.join(root, "LICENSE");
	if (!existsSync(license) || readFileSync(license, "utf8").trim() === "") problems.push("LICENSE is missing or empty: the review requires a license file at the repository root.");
	for (const asset of ["styles.css"]) {
		if (!existsSync(path.join(root, asset))) problems.push(`${asset} is missing: every release attaches main.js, manifest.json and styles.css.`);
	}
	return problems;
}

/** Lints manifest.json and LICENSE with the project's ESLint config; fails if the rules are not applied to them. */
export async function lintProblems(root) {
	const problems = [];
	const eslint = new ESLint({ cwd: root });
	for (const [file, rule] of [["manifest.json", "obsidianmd/validate-manifest"], ["LICENSE", "obsidianmd/validate-license"]]) {
		if (!existsSync(path.join(root, file))) continue;
		const config = await eslint.calculateConfigForFile(path.join(root, file));
		const level = config?.rules?.[rule];
		const severity = Array.isArray(level) ? level[0] : level;
		if (severity !== 2 && severity !== "error") problems.push(`eslint.config.mjs does not apply ${rule} to ${file} as an error: the release scan does.`);
	}
	const results = await eslint.lintFiles(["manifest.json", "LICENSE"].filter((f) => existsSync(path.join(root, f))));
	for (const result of results) {
		for (const m of result.messages) problems.push(`${path.relative(root, result.filePath)}:${m.line}:${m.column} ${m.message} (${m.ruleId ?? "eslint"})`);
	}
	return problems;
}

function argument(name) {
	const i = process.argv.indexOf(name);
	return i > 0 ? process.argv[i + 1] : undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
	const root = path.resolve(argument("--root") ?? path.join(path.dirname(fileURLToPath(import.meta.url)), ".."));
	const tag = argument("--tag") ?? (process.env.GITHUB_REF_TYPE === "tag" ? process.env.GITHUB_REF_NAME : undefined);
	const problems = [...releaseProblems(root, tag), ...(await lintProblems(root))];
	if (problems.length > 0) {
		console.error(`release-check: ${problems.length} problem(s) the community review would reject:`);
		for (const p of problems) console.error(`  - ${p}`);
		process.exit(1);
	}
	const manifest = JSON.parse(readFileSync(path.join(root, "manifest.json"), "utf8"));
	console.log(`release-check: ${manifest.id} ${manifest.version} is ready to release${tag ? ` as tag ${tag}` : " (no tag given: tag it exactly " + manifest.version + ")"}.`);
}
