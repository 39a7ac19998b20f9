// The bench's handle on the watcher process (watchers-process.ts): requests and replies over IPC.
import type { Percentiles } from "./stats.ts";
import { spawnTs } from "./app-process.ts";

export type WatcherRequest =
  | { type: "join"; url: string; count: number; mode: "app" | "raw"; proposalId: number; concurrency: number; addressBlock: number }
  | { type: "state" }
  | { type: "analyze"; sendTimes: Float64Array; counts: Int32Array; final: number }
  | { type: "rawSummary" }
  | { type: "close" };

export type WatcherReply =
  | { type: "ready" }
  | { type: "joined"; ms: number; joined: number; failures: number; firstError?: string }
  | { type: "state"; minHeld: number; minDisplayed: number; pushes: number; rawReceived: number }
  | {
      type: "analyzed";
      latency: Percentiles;
      missing: number;
      heldFinal: number;
      displayedFinal: number;
      displayedSamples: number[];
      pushes: number;
      presence: number;
      watchers: number;
    }
  | { type: "rawSummary"; latency: Percentiles; received: number }
  | { type: "closed" };

type ReplyOf<T extends WatcherReply["type"]> = Extract<WatcherReply, { type: T }>;

export async function startWatcherProcess() {
  const { child, output, exited } = spawnTs("bench/load/watchers-process.ts", { ...process.env }, true);
  const waiting = new Map<string, (reply: WatcherReply) => void>();
  child.on("message", (reply: WatcherReply) => {
    const resolve = waiting.get(reply.type);
    waiting.delete(reply.type);
    resolve?.(reply);
  });
  const expect = <T extends WatcherReply["type"]>(type: T) =>
    new Promise<ReplyOf<T>>((resolve, reject) => {
      waiting.set(type, resolve as (reply: WatcherReply) => void);
      void exited.then((code) => reject(new Error(`the watcher process exited (code ${code}):\n${output()}`)));
    });
  await expect("ready");
  const ask = <T extends WatcherReply["type"]>(request: WatcherRequest, replyType: T) => {
    const reply = expect(replyType);
    child.send(request);
    return reply;
  };
  return {
    pid: child.pid!,
    join: (request: Omit<Extract<WatcherRequest, { type: "join" }>, "type">) => ask({ type: "join", ...request }, "joined"),
    state: () => ask({ type: "state" }, "state"),
    analyze: (sendTimes: Float64Array, counts: Int32Array, final: number) => ask({ type: "analyze", sendTimes, counts, final }, "analyzed"),
    rawSummary: () => ask({ type: "rawSummary" }, "rawSummary"),
    async close() {
      if (child.exitCode !== null) return;
      await ask({ type: "close" }, "closed").catch(() => undefined);
      await exited;
    },
  };
}

export type WatcherProcess = Awaited<ReturnType<typeof startWatcherProcess>>;
