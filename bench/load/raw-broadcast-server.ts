// The raw limit of a push: a plain socket.io server (no app, no database) whose clients join
// one room; on request it broadcasts timestamped messages to the room. Spawned by raw-limits.ts.
import http from "node:http";
import { Server } from "socket.io";
import { now, sleep } from "./stats.ts";

type Request = { type: "broadcast"; count: number; intervalMs: number } | { type: "close" };

const httpServer = http.createServer();
const io = new Server(httpServer, { serveClient: false, transports: ["websocket"] });
io.on("connection", (socket) => {
  socket.on("join", (ack: () => void) => {
    void socket.join("room");
    ack();
  });
});

process.on("message", (message: Request) => {
  if (message.type === "close") {
    void io.close();
    setTimeout(() => process.exit(0), 50);
    return;
  }
  void (async () => {
    for (let seq = 0; seq < message.count; seq++) {
      // The shape of an app push, plus the send time.
      io.to("room").emit("tick", { proposalId: 1, supportCount: seq, status: "OPEN", t: now() });
      await sleep(message.intervalMs);
    }
    process.send!({ type: "broadcasted" });
  })();
});

httpServer.listen(0, "127.0.0.1", () => {
  const address = httpServer.address() as { port: number };
  process.send!({ type: "listening", port: address.port });
});
