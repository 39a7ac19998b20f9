// `npm run bench:load`: the 공감 load benchmark of issue #12 (docs/performance.md). Figures and
// targets are printed, never enforced; the exit code is non-zero only when the integrity
// check fails or the run crashes.
//   npm run bench:load -- --engine=postgres --voters=2000 --senders=100 --watchers=1000,5000 --proposals=5
import { postgresReachable } from "./database.ts";
import { parseOptions, type Engine } from "./options.ts";
import { printMachine, printRun } from "./report.ts";
import { machine, runLoad } from "./run-load.ts";

const options = parseOptions(process.argv.slice(2));
let engines: Engine[];
if (options.engines === "auto") {
  engines = (await postgresReachable(options.adminUrl)) ? ["postgres", "pglite"] : ["pglite"];
  if (engines.length === 1) console.log(`PostgreSQL at ${options.adminUrl} is not reachable: PGlite only.`);
} else engines = options.engines;

printMachine(await machine(options.adminUrl, engines));
let failures = 0;
const summary: string[] = [];
for (const engine of engines) {
  for (const watchers of options.watchers) {
    const result = await runLoad(engine, watchers, options);
    const targets = printRun(result);
    const integrityOk = result.integrity.every((c) => c.ok);
    if (!integrityOk) failures++;
    summary.push(
      `${engine} W=${watchers}: ${result.ackPerSecond.toFixed(0)} ack/s, ack p99 ${result.ack.p99.toFixed(0)} ms, push p99 ${result.push.p99.toFixed(0)} ms; ` +
        `targets met ${targets.filter((t) => t.met).length}/${targets.filter((t) => t.met !== null).length}; integrity ${integrityOk ? "ok" : "FAILED"}`,
    );
  }
}
console.log("\nSummary");
for (const line of summary) console.log(`  ${line}`);
process.exit(failures ? 1 : 0);
