import { z } from "zod";
import type { Domain } from "../../app/domain/index.server.ts";
import { zId } from "../../app/domain/ids.ts";
import { handle } from "../ack.ts";
import type { Presence } from "../presence.ts";
import { rooms } from "../rooms.ts";
import type { RealtimeServer, RealtimeSocket } from "../server.ts";

const ZRoundPayload = z.object({ roundId: zId });

export function registerRoundHandlers(io: RealtimeServer, socket: RealtimeSocket, domain: Domain, presence: Presence) {
  const viewer = () => domain.sessions.viewerForSession(socket.data.sessionId);
  /** Tells everyone in a round's room how many are there ("N명 참여 중"), across nodes. */
  const announcePresence = (roundId: number) =>
    presence.announce(rooms.round(roundId), (count) => io.to(rooms.round(roundId)).emit("round:presence", { roundId, count }));
  // Read from the socket's rooms (not a local set), so a connection restored by recovery,
  // which gets its rooms back, still updates presence when it leaves.
  const watchedRooms = () => [...socket.rooms].filter((r) => r.startsWith("round:")).map((r) => Number(r.slice(6)));
  socket.on("disconnecting", () => {
    const left = watchedRooms();
    // After the socket has left its rooms, the count no longer includes it.
    setImmediate(() => {
      for (const roundId of left) void announcePresence(roundId);
    });
  });

  handle(socket, "round:watch", ZRoundPayload, async ({ roundId }) => {
    // Already here (a page watching again, a reconnect): nothing to read, nobody to tell.
    if (socket.rooms.has(rooms.round(roundId))) return null;
    // Published rounds are public; drafts only get a room for moderators.
    const round = await domain.rounds.get(await viewer(), roundId);
    await socket.join(rooms.round(round.id));
    await announcePresence(round.id);
    return null;
  });
  handle(socket, "round:unwatch", ZRoundPayload, async ({ roundId }) => {
    if (socket.rooms.has(rooms.round(roundId))) {
      await socket.leave(rooms.round(roundId));
      await announcePresence(roundId);
    }
    return null;
  });
}
