// The watcher sockets, in a process of their own (spawned by watchers.ts), so thousands of
// incoming pushes never delay the senders' clocks and the senders never delay these. Talks to
// the bench over IPC: join, state, analyze (app mode) or summary (raw mode), close.
// Every watcher keeps, for the hot proposal, the times at which the highest count it holds rose
// (counts only grow in the bench), and the value a page would display: the latest by `version`
// when pushes carry one, else the last one received (app/lib/live/proposals.ts shows the last).
import { io, type Socket } from "socket.io-client";
import { Histogram, clientAddress, inBatches, now } from "./stats.ts";
import type { WatcherReply, WatcherRequest } from "./watchers.ts";

type Watcher = {
  socket: Socket;
  times: number[];
  counts: number[];
  held: number;
  displayed: number;
  displayedVersion: number;
  received: number;
};

const watchers: Watcher[] = [];
let presence = 0;
let rawLatency = new Histogram();
let rawReceived = 0;

function reply(message: WatcherReply) {
  process.send!(message);
}

function connect(url: string, index: number, block: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, {
      transports: ["websocket"],
      forceNew: true,
      reconnection: false,
      timeout: 60_000,
      extraHeaders: { "x-forwarded-for": clientAddress(index, block) },
    });
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => {
      socket.close();
      reject(error);
    });
  });
}

async function join(request: Extract<WatcherRequest, { type: "join" }>) {
  const startedAt = now();
  let failures = 0;
  let firstError: string | undefined;
  const indexes = Array.from({ length: request.count }, (_, i) => i);
  await inBatches(indexes, request.concurrency, async (i) => {
    try {
      const socket = await connect(request.url, i, request.addressBlock);
      const watcher: Watcher = { socket, times: [], counts: [], held: 0, displayed: 0, displayedVersion: -Infinity, received: 0 };
      if (request.mode === "app") {
        socket.on("proposal:support-changed", (e: { proposalId: number; supportCount: number; version?: number }) => {
          if (e.proposalId !== request.proposalId) return;
          const t = now();
          watcher.received++;
          if (e.supportCount > watcher.held) {
            watcher.held = e.supportCount;
            watcher.times.push(t);
            watcher.counts.push(e.supportCount);
          }
          if (typeof e.version === "number") {
            if (e.version > watcher.displayedVersion) {
              watcher.displayedVersion = e.version;
              watcher.displayed = e.supportCount;
            }
          } else watcher.displayed = e.supportCount;
        });
        socket.on("proposal:presence", () => void presence++);
        const ack = (await socket.timeout(120_000).emitWithAck("proposal:watch", { proposalId: request.proposalId })) as { ok: boolean };
        if (!ack.ok) throw new Error(`proposal:watch refused: ${JSON.stringify(ack)}`);
      } else {
        socket.on("tick", (e: { t: number }) => {
          rawLatency.add(now() - e.t);
          rawReceived++;
          watcher.received++;
        });
        await socket.timeout(120_000).emitWithAck("join");
      }
      watchers.push(watcher);
    } catch (error) {
      failures++;
      firstError ??= error instanceof Error ? error.message : String(error);
    }
  });
  reply({ type: "joined", ms: now() - startedAt, joined: watchers.length, failures, firstError });
}

/** Latency of every (command, watcher) pair: first time the watcher held a count ≥ the command's acked count, minus its send time. */
function analyze(request: Extract<WatcherRequest, { type: "analyze" }>) {
  const histogram = new Histogram();
  let missing = 0;
  for (const w of watchers) {
    for (let k = 0; k < request.counts.length; k++) {
      const c = request.counts[k]!;
      // First index whose count ≥ c (counts rise strictly).
      let lo = 0;
      let hi = w.counts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (w.counts[mid]! >= c) hi = mid;
        else lo = mid + 1;
      }
      if (lo === w.counts.length) missing++;
      else histogram.add(w.times[lo]! - request.sendTimes[k]!);
    }
  }
  const final = request.final;
  reply({
    type: "analyzed",
    latency: histogram.summary(),
    missing,
    heldFinal: watchers.filter((w) => w.held === final).length,
    displayedFinal: watchers.filter((w) => w.displayed === final).length,
    displayedSamples: [...new Set(watchers.filter((w) => w.displayed !== final).map((w) => w.displayed))].slice(0, 5),
    pushes: watchers.reduce((sum, w) => sum + w.received, 0),
    presence,
    watchers: watchers.length,
  });
}

process.on("message", (message: WatcherRequest) => {
  switch (message.type) {
    case "join":
      void join(message);
      break;
    case "state": {
      let minHeld = Infinity;
      let minDisplayed = Infinity;
      for (const w of watchers) {
        minHeld = Math.min(minHeld, w.held);
        minDisplayed = Math.min(minDisplayed, w.displayed);
      }
      reply({ type: "state", minHeld, minDisplayed, pushes: watchers.reduce((sum, w) => sum + w.received, 0), rawReceived });
      break;
    }
    case "analyze":
      analyze(message);
      break;
    case "rawSummary":
      reply({ type: "rawSummary", latency: rawLatency.summary(), received: rawReceived });
      rawLatency = new Histogram();
      rawReceived = 0;
      break;
    case "close":
      for (const w of watchers) w.socket.close();
      reply({ type: "closed" });
      setTimeout(() => process.exit(0), 50);
      break;
  }
});
reply({ type: "ready" });
