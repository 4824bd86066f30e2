// Preloaded (`node --require`) into each spawned `cloudnotes` run by the cli scenario: at exit it
// writes the main thread's own CPU time (user + system, from /proc; Linux) to stderr, beside GNU
// time's figure for the whole process, which also counts worker, GC and compiler threads. The
// clock ticks of /proc are USER_HZ, 100 a second on Linux.
const fs = require("node:fs");

process.on("exit", () => {
	try {
		const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
		const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
		const ticks = Number(fields[11]) + Number(fields[12]);
		fs.writeSync(2, `main-thread-cpu-ms ${(ticks * 1000) / 100}\n`);
	} catch {
		// No /proc: the row is left out.
	}
});
