import { z } from "zod";
import type { Domain } from "../../app/domain/index.server.ts";
import { zId } from "../../app/domain/ids.ts";
import { handle } from "../ack.ts";
import { rooms } from "../rooms.ts";
import type { RealtimeSocket } from "../server.ts";

const ZRoundPayload = z.object({ roundId: zId });

// Presence follows the rooms themselves (realtime/presence.ts): joining and leaving is all a handler does.
export function registerRoundHandlers(socket: RealtimeSocket, domain: Domain) {
  const viewer = () => domain.sessions.viewerForSession(socket.data.sessionId);

  handle(socket, "round:watch", ZRoundPayload, async ({ roundId }) => {
    // Already here (a page watching again, a reconnect): nothing to read, nobody to tell.
    if (socket.rooms.has(rooms.round(roundId))) return null;
    // Published rounds are public; drafts only get a room for moderators (answered from a cache).
    await socket.join(rooms.round(await domain.roundRooms.admit(await viewer(), roundId)));
    return null;
  });
  handle(socket, "round:unwatch", ZRoundPayload, async ({ roundId }) => {
    await socket.leave(rooms.round(roundId));
    return null;
  });
}
