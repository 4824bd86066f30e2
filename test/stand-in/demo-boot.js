// Boots the demo page: loads the chosen Mermaid, the stand-in and main.js in order (file:// pages
// cannot fetch, so scripts are chained), then enables the plugin in the harness.
(function () {
	const params = new URLSearchParams(location.search);
	const oldest = params.get("mermaid") === "11.4";
	const scripts = [oldest ? "mermaid-11.4.min.js" : "mermaid.min.js", "obsidian-stand-in.js", "plugin.js"];
	window.__processorErrors = [];
	window.__demoErrors = [];
	window.addEventListener("error", (e) => window.__demoErrors.push(String(e.message)));
	window.addEventListener("unhandledrejection", (e) => window.__demoErrors.push(String(e.reason && e.reason.stack ? e.reason.stack : e.reason)));
	if (params.get("lang")) localStorage.setItem("language", params.get("lang"));
	if (params.get("theme") === "dark") {
		document.body.classList.remove("theme-light");
		document.body.classList.add("theme-dark");
	}

	function load(i) {
		if (i === scripts.length) return start();
		const s = document.createElement("script");
		s.src = scripts[i];
		s.onload = () => load(i + 1);
		s.onerror = () => window.__demoErrors.push("failed to load " + scripts[i]);
		document.head.appendChild(s);
	}

	const storage = {
		get: (k) => localStorage.getItem("cloudnotes-demo:" + k),
		set: (k, v) => localStorage.setItem("cloudnotes-demo:" + k, v),
		delete: (k) => localStorage.removeItem("cloudnotes-demo:" + k),
		keys: () => Object.keys(localStorage).filter((k) => k.startsWith("cloudnotes-demo:")).map((k) => k.slice("cloudnotes-demo:".length)),
	};

	async function start() {
		const { Harness, requireShim, obsidian } = window.CloudnotesStandIn;
		// ?api=1.13.0 plays Obsidian 1.13 (declarative settings tab).
		if (params.get("api")) obsidian.setStandInApiVersion(params.get("api"));
		const versions = window.__mermaidVersions;
		const harness = new Harness({
			root: document.getElementById("demo-root"),
			notes: window.__vault.notes,
			manifest: window.__manifest,
			storage,
			title: "Cloudnotes demo: " + window.__vault.name,
			mermaidVersion: oldest ? versions.oldest : versions.latest,
			loadMain: () => {
				const module = { exports: {} };
				window.__cloudnotesMain(requireShim, module, module.exports);
				return module.exports;
			},
		});
		window.__demo = harness;
		try {
			await harness.enable();
		} catch (e) {
			window.__demoErrors.push("enable: " + (e && e.stack ? e.stack : e));
		}
		window.__demoReady = true;
		document.body.setAttribute("data-demo-ready", "true");
	}

	load(0);
})();
