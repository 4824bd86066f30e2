#!/usr/bin/env node
// The `cloudnotes` command: a thin launcher for the bundled command line (built by `npm run build`).
const path = require("path");
const fs = require("fs");
const cli = path.join(__dirname, "..", "dist", "cli.js");
if (!fs.existsSync(cli)) {
	console.error("cloudnotes: dist/cli.js is missing. Run `npm run build` first.");
	process.exit(2);
}
require("./code-cache.js").loadWithCodeCache(cli).runFromProcess();
