// Boots the benchmark page (written next to the demo's files by bench/browser.mjs): the same
// Mermaid, stand-in and built main.js as the demo, but the plugin's data in memory (a 10,000-note
// vault is far over localStorage's quota) and, with ?render=0, the notes kept in the vault only.
// ?vault=big loads vault-big.js (the generated vault) instead of the example vault.
(function () {
	const params = new URLSearchParams(location.search);
	// ?mermaid=11.4: the oldest Mermaid we support (Obsidian 1.8.5's) instead of the newest.
	const oldest = params.get("mermaid") === "11.4";
	// ?eval=1: main.js evaluated as a script of its own (main-eval.js), timed from the moment the
	// script is added until its last statement ran: what Obsidian pays before it calls onload.
	// ?eval=<name>: another build of main.js the same way (main-eval-<name>.js, a paired run).
	const evalName = params.get("eval");
	const timeEval = evalName !== null;
	const evalScript = evalName === "1" ? "main-eval.js" : "main-eval-" + evalName + ".js";
	const scripts = [oldest ? "mermaid-11.4.min.js" : "mermaid.min.js", "obsidian-stand-in.js", timeEval ? evalScript : "plugin.js", "vault.js"];
	if (params.get("vault") === "big") scripts.push("vault-big.js");
	window.__processorErrors = [];
	window.__demoErrors = [];
	window.addEventListener("error", (e) => window.__demoErrors.push(String(e.message)));
	window.addEventListener("unhandledrejection", (e) => window.__demoErrors.push(String(e.reason && e.reason.stack ? e.reason.stack : e.reason)));

	function load(i) {
		if (i === scripts.length) return void start();
		const s = document.createElement("script");
		s.src = scripts[i];
		if (scripts[i] === evalScript) window.__evalStart = performance.now();
		s.onload = () => load(i + 1);
		s.onerror = () => window.__demoErrors.push("failed to load " + scripts[i]);
		document.head.appendChild(s);
	}

	async function start() {
		// Obsidian has read localStorage long before plugins load (getLanguage() reads it); a page
		// that never touched it pays for opening it inside the plugin's onload instead.
		void window.localStorage.getItem("cloudnotes-bench");
		const { Harness, requireShim, obsidian } = window.CloudnotesStandIn;
		const harness = new Harness({
			root: document.getElementById("demo-root"),
			notes: window.__vault.notes,
			manifest: window.__manifest,
			storage: obsidian.mapStorage(),
			renderNotes: params.get("render") !== "0",
			title: "Cloudnotes benchmark: " + window.__vault.name,
			mermaidVersion: oldest ? window.__mermaidVersions.oldest : window.__mermaidVersions.latest,
			loadMain: () => {
				if (timeEval) return window.__cloudnotesModule.exports;
				const module = { exports: {} };
				window.__cloudnotesMain(requireShim, module, module.exports);
				return module.exports;
			},
		});
		window.__demo = harness;
		window.__enabledAt = performance.now();
		try {
			await harness.enable();
		} catch (e) {
			window.__demoErrors.push("enable: " + (e && e.stack ? e.stack : e));
		}
		window.__demoReady = true;
	}

	load(0);
})();
