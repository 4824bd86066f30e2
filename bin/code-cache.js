// V8's code cache for dist/cli.js: compiling the 800 KB bundle, and then each function a command
// runs for the first time, is a fixed cost of every `cloudnotes` call (a `cards` run on the
// 7-note example vault: 400 ms of CPU without the cache, 340 ms with it, paired). Node 22 has
// module.enableCompileCache for this; Node 20 does not, so `npm run build` writes the cache
// (`<script>.cache`) after running a few commands, and the launcher compiles with it.
//
// V8 accepts a cache for any source of the same length (it checks the length, its own version and
// its flags, not the text), so the file starts with the SHA-256 of the source it was made from: a
// rebuilt script (`npm run dev`) with an old cache is compiled as if there were none.
const crypto = require("node:crypto");
const fs = require("node:fs");
const Module = require("node:module");
const path = require("node:path");
const vm = require("node:vm");

const KEY_BYTES = 64 + 1;

function keyOf(source) {
	return crypto.createHash("sha256").update(source).digest("hex") + "\n";
}

/** The script compiled (with `cachedData` when given) and run as a CommonJS module; returns the script and its exports. */
function compileAndRun(file, source, cachedData) {
	const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
	const module = new Module(file, null);
	module.filename = file;
	script.runInThisContext()(module.exports, Module.createRequire(file), module, file, path.dirname(file));
	module.loaded = true;
	return { script, exports: module.exports };
}

/** The module's exports, compiled from its code cache when the cache was made from this very source. */
function loadWithCodeCache(file) {
	const source = fs.readFileSync(file, "utf8");
	let cachedData;
	try {
		const cache = fs.readFileSync(file + ".cache");
		if (cache.subarray(0, KEY_BYTES).toString("latin1") === keyOf(source)) cachedData = cache.subarray(KEY_BYTES);
	} catch {
		// No cache (a development build): compiled as usual.
	}
	return compileAndRun(file, source, cachedData).exports;
}

/**
 * Writes `<file>.cache`: the module is compiled and run, `exercise(exports)` runs the commands
 * whose functions the cache should hold (V8 keeps the functions compiled so far), then the cache
 * is taken. Returns its size in bytes.
 */
async function writeCodeCache(file, exercise) {
	const source = fs.readFileSync(file, "utf8");
	const { script, exports } = compileAndRun(file, source, undefined);
	await exercise(exports);
	const data = script.createCachedData();
	fs.writeFileSync(file + ".cache", Buffer.concat([Buffer.from(keyOf(source), "latin1"), data]));
	return KEY_BYTES + data.length;
}

module.exports = { loadWithCodeCache, writeCodeCache };
