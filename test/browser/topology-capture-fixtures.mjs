// Captures what real Mermaid renders for a small VPC-like flowchart, with both versions we
// support, as fixtures for the svg-map unit test (jsdom cannot lay out a diagram).
// Usage: npm run demo && node test/browser/topology-capture-fixtures.mjs
import { chromium } from "playwright-core";
import { promises as fs } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const out = path.join(root, "test/plugin/topology/fixtures");
const text = `flowchart LR
  internet(("internet"))
  subgraph n_main_2d_vpc["main-vpc"]
    subgraph n_public_2d_a["public-a"]
      n_web["web"]
    end
    subgraph n_private_2d_a["private-a"]
      n_db[("db")]
    end
    subgraph n_empty["empty-c"]
    end
  end
  internet -->|"tcp 443"| n_web
  n_web --> n_db
  n_web -.-> n_db
`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
for (const [file, name, pkg] of [["mermaid.min.js", "flowchart-latest.svg", "mermaid"], ["mermaid-11.4.min.js", "flowchart-11.4.svg", "mermaid-11-4"]]) {
	const page = await browser.newPage();
	await page.setContent("<html><body></body></html>");
	await page.addScriptTag({ path: path.join(root, "demo", file) });
	const svg = await page.evaluate(async (t) => (await window.mermaid.render("g1", t)).svg, text);
	const version = JSON.parse(await fs.readFile(path.join(root, "node_modules", pkg, "package.json"), "utf8")).version;
	await fs.writeFile(path.join(out, name), `<!-- mermaid ${version} render('g1') -->\n${svg}\n`);
	console.log(`wrote ${name}`);
	await page.close();
}
await browser.close();
