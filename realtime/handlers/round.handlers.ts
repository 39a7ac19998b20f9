import type { Domain } from "../../app/domain/index.server.ts";
import { respond, roundIdOf } from "../ack.ts";
import { rooms } from "../rooms.ts";
import type { RealtimeServer, RealtimeSocket } from "../server.ts";

/** Tells everyone in a round's room how many are there ("N명 참여 중"), across nodes. */
async function announcePresence(io: RealtimeServer, roundId: number) {
  const count = (await io.in(rooms.round(roundId)).fetchSockets()).length;
  io.to(rooms.round(roundId)).emit("round:presence", { roundId, count });
}

export function registerRoundHandlers(io: RealtimeServer, socket: RealtimeSocket, domain: Domain) {
  const { lng } = socket.data;
  const viewer = () => domain.sessions.viewerForSession(socket.data.sessionId);
  // Read from the socket's rooms (not a local set), so a connection restored by recovery,
  // which gets its rooms back, still updates presence when it leaves.
  const watchedRooms = () => [...socket.rooms].filter((r) => r.startsWith("round:")).map((r) => Number(r.slice(6)));
  socket.on("disconnecting", () => {
    const left = watchedRooms();
    // After the socket has left its rooms, the count no longer includes it.
    setImmediate(() => {
      for (const roundId of left) void announcePresence(io, roundId).catch(() => undefined);
    });
  });

  socket.on("round:watch", (payload, ack) =>
    respond(lng, ack, async () => {
      // Published rounds are public; drafts only get a room for moderators.
      const round = await domain.rounds.get(await viewer(), roundIdOf(payload));
      await socket.join(rooms.round(round.id));
      await announcePresence(io, round.id);
      return null;
    }),
  );
  socket.on("round:unwatch", (payload, ack) =>
    respond(lng, ack, async () => {
      const id = Number(roundIdOf(payload));
      if (Number.isInteger(id) && watchedRooms().includes(id)) {
        await socket.leave(rooms.round(id));
        await announcePresence(io, id);
      }
      return null;
    }),
  );
}
