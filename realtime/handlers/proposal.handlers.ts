import { z } from "zod";
import type { Domain } from "../../app/domain/index.server.ts";
import { zId } from "../../app/domain/ids.ts";
import { handle } from "../ack.ts";
import { rooms } from "../rooms.ts";
import type { RealtimeSocket } from "../server.ts";

const ZProposalPayload = z.object({ proposalId: zId });

// Presence follows the rooms themselves (realtime/presence.ts): joining and leaving is all a handler does.
export function registerProposalHandlers(socket: RealtimeSocket, domain: Domain) {
  const viewer = () => domain.sessions.viewerForSession(socket.data.sessionId);

  handle(socket, "proposals:watch", null, async () => {
    await socket.join(rooms.proposalList());
    return null;
  });
  handle(socket, "proposals:unwatch", null, async () => {
    await socket.leave(rooms.proposalList());
    return null;
  });
  handle(socket, "proposal:watch", ZProposalPayload, async ({ proposalId }) => {
    // Already here (a page watching again, a reconnect): nothing to read, nobody to tell.
    if (socket.rooms.has(rooms.proposal(proposalId))) return null;
    // Reading is public, but only proposals the viewer may see get a room (answered from a cache).
    await socket.join(rooms.proposal(await domain.proposalRooms.admit(await viewer(), proposalId)));
    return null;
  });
  handle(socket, "proposal:unwatch", ZProposalPayload, async ({ proposalId }) => {
    await socket.leave(rooms.proposal(proposalId));
    return null;
  });
  handle(socket, "proposal:support", ZProposalPayload, async ({ proposalId }) => domain.proposals.support(await viewer(), proposalId));
  handle(socket, "proposal:withdraw-support", ZProposalPayload, async ({ proposalId }) =>
    domain.proposals.withdrawSupport(await viewer(), proposalId),
  );
}
