// The printed report: one table per run (figure | raw limit of the same run | ratio | target |
// met?), then the integrity check. Targets are printed, never enforced: only a failed integrity
// check makes the run fail.
import type { Percentiles } from "./stats.ts";
import type { RunResult } from "./run-load.ts";

const ms = (v: number) => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v.toFixed(1)) : "–");
const pct = (p: Percentiles, keys: ("p50" | "p95" | "p99")[] = ["p50", "p99"]) => keys.map((k) => ms(p[k])).join(" / ") + " ms";
const ratio = (a: number, b: number) => (Number.isFinite(a / b) && b > 0 ? `${(a / b).toFixed(a / b >= 10 ? 0 : 2)}×` : "–");
const met = (ok: boolean | null) => (ok === null ? "–" : ok ? "met" : "NOT MET");

type Row = [figure: string, value: string, raw: string, ratio: string, target: string, met: string];

/** Columns a terminal gives the text: Hangul and other wide characters take two. */
const width = (text: string) =>
  [...text].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1), 0);

function table(rows: Row[]) {
  const header: Row = ["figure", "this app", "raw limit, same run", "ratio", "target", "met?"];
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => width(r[i]!))));
  const line = (r: Row) => "  " + r.map((c, i) => c + " ".repeat(widths[i]! - width(c))).join(" | ");
  console.log(line(header));
  console.log("  " + widths.map((w) => "-".repeat(w)).join("-|-"));
  for (const r of rows) console.log(line(r));
}

export type TargetOutcome = { name: string; met: boolean | null };

export function printRun(r: RunResult): TargetOutcome[] {
  const targets: TargetOutcome[] = [];
  const target = (name: string, ok: boolean | null) => {
    targets.push({ name, met: ok });
    return met(ok);
  };
  const pushBudget = 100 + 3 * r.rawBroadcast.latency.p99;
  const insertTarget = r.engine === "postgres" ? 0.25 * r.rawInsert.perSecond : 500;
  const sockets = r.watchers + r.voterSockets;
  console.log("");
  console.log(
    `Results — ${r.engine}, V=${r.voters} voters, C=${r.senders} senders (${r.graphqlSenders} over GraphQL), W=${r.watchers} watchers, P=${r.proposals} proposals`,
  );
  table([
    [
      "acknowledged 공감/s",
      r.ackPerSecond.toFixed(0),
      `${r.rawInsert.perSecond.toFixed(0)} INSERT/s (${r.rawInsert.clients} clients)`,
      ratio(r.ackPerSecond, r.rawInsert.perSecond),
      r.engine === "postgres" ? `≥ 0.25 × raw = ${insertTarget.toFixed(0)}/s` : "≥ 500/s (PGlite)",
      target("throughput", r.ackPerSecond >= insertTarget),
    ],
    [
      "ack p50 / p95 / p99",
      pct(r.ack, ["p50", "p95", "p99"]),
      `INSERT ${pct(r.rawInsert.latency)}`,
      ratio(r.ack.p99, r.rawInsert.latency.p99),
      "p99 ≤ 100 ms",
      target("ack p99", r.ack.p99 <= 100),
    ],
    [
      "push p50 / p99",
      pct(r.push),
      `broadcast to ${r.rawBroadcast.clients}: ${pct(r.rawBroadcast.latency)}`,
      ratio(r.push.p99, r.rawBroadcast.latency.p99),
      `p99 ≤ 100 + 3 × raw = ${pushBudget.toFixed(0)} ms`,
      target("push p99", r.push.p99 <= pushBudget),
    ],
    [
      "delivered / expected",
      `${r.displayedFinal} / ${r.watchers} watchers show the final count`,
      `${r.rawBroadcast.received} / ${r.rawBroadcast.expected} messages`,
      "–",
      "all",
      target("delivered", r.displayedFinal === r.watchers),
    ],
    [
      "watchers join",
      `${(r.joinMs / 1000).toFixed(2)} s`,
      `${(r.rawBroadcast.joinMs / 1000).toFixed(2)} s`,
      ratio(r.joinMs, r.rawBroadcast.joinMs),
      "–",
      "–",
    ],
    ["server CPU during the burst", `${r.serverCpuPercent.toFixed(0)} % of one core`, "–", "–", "–", "–"],
    [
      "server RSS (peak)",
      `${r.memory.end.rss.toFixed(0)} MB (${r.memory.end.peak.toFixed(0)} MB) with ${sockets} sockets`,
      "–",
      "–",
      "≤ 400 MB with 5,000 sockets",
      sockets >= 5000 ? target("rss", r.memory.end.peak <= 400) : "– (fewer sockets)",
    ],
  ]);
  console.log(
    `  commands ${r.commands} (${r.acknowledged} acknowledged, ${r.failed} failed${r.failureSample ? `: ${r.failureSample}` : ""}) in ${(r.burstMs / 1000).toFixed(1)} s;` +
      ` ack p50/p99 socket ${pct(r.ackSocket)}, GraphQL ${pct(r.ackGraphql)}`,
  );
  console.log(
    `  push pairs ${r.push.n} (${r.pushMissing} never reached), max ${ms(r.push.max)} ms; all watchers held the final count ${ms(r.settleMs)} ms after the last ack;` +
      ` pushes received ${r.pushesReceived}, presence events ${r.presenceReceived}`,
  );
  console.log(
    `  server RSS idle ${r.memory.idle.rss.toFixed(0)} MB, watchers joined ${r.memory.joined.rss.toFixed(0)} MB, voters connected ${r.memory.connected.rss.toFixed(0)} MB;` +
      ` voter sockets connect ${(r.votersConnectMs / 1000).toFixed(2)} s; bench clients CPU ${r.clientCpuPercent.toFixed(0)} % of one core, watcher process ${r.watcherCpuPercent.toFixed(0)} %`,
  );
  console.log("Integrity");
  for (const check of r.integrity) console.log(`  ${check.ok ? "ok  " : "FAIL"} ${check.name}: ${check.detail}`);
  return targets;
}

export function printMachine(machine: Record<string, string>) {
  console.log("Machine");
  for (const [k, v] of Object.entries(machine)) console.log(`  ${k}: ${v}`);
}
