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
  const watched = new Set<number>();
  socket.on("disconnect", () => {
    for (const roundId of watched) void announcePresence(io, roundId).catch(() => undefined);
  });

  socket.on("round:watch", (payload, ack) =>
    respond(lng, ack, async () => {
      // Published rounds are public; drafts only get a room for moderators.
      const round = await domain.rounds.get(await viewer(), roundIdOf(payload));
      await socket.join(rooms.round(round.id));
      watched.add(round.id);
      await announcePresence(io, round.id);
      return null;
    }),
  );
  socket.on("round:unwatch", (payload, ack) =>
    respond(lng, ack, async () => {
      const id = Number(roundIdOf(payload));
      if (Number.isInteger(id) && watched.delete(id)) {
        await socket.leave(rooms.round(id));
        await announcePresence(io, id);
      }
      return null;
    }),
  );
}
