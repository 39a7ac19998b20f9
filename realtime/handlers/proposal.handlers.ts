import { z } from "zod";
import type { Domain } from "../../app/domain/index.server.ts";
import { zId } from "../../app/domain/ids.ts";
import { handle } from "../ack.ts";
import type { Presence } from "../presence.ts";
import { rooms } from "../rooms.ts";
import type { RealtimeServer, RealtimeSocket } from "../server.ts";

const ZProposalPayload = z.object({ proposalId: zId });

export function registerProposalHandlers(io: RealtimeServer, socket: RealtimeSocket, domain: Domain, presence: Presence) {
  const viewer = () => domain.sessions.viewerForSession(socket.data.sessionId);
  /** Tells everyone in a proposal's room how many are there (across nodes, through the adapter). */
  const announcePresence = (proposalId: number) =>
    presence.announce(rooms.proposal(proposalId), (count) =>
      io.to(rooms.proposal(proposalId)).emit("proposal:presence", { proposalId, count }),
    );
  // Read from the socket's rooms (not a local set), so a connection restored by recovery,
  // which gets its rooms back, still updates presence when it leaves.
  const watchedRooms = () => [...socket.rooms].filter((r) => r.startsWith("proposal:")).map((r) => Number(r.slice(9)));
  socket.on("disconnecting", () => {
    const left = watchedRooms();
    // After the socket has left its rooms, the count no longer includes it.
    setImmediate(() => {
      for (const proposalId of left) void announcePresence(proposalId);
    });
  });

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
    // Reading is public, but only proposals that exist get a room.
    const proposal = await domain.proposals.get(await viewer(), proposalId);
    await socket.join(rooms.proposal(proposal.id));
    await announcePresence(proposal.id);
    return null;
  });
  handle(socket, "proposal:unwatch", ZProposalPayload, async ({ proposalId }) => {
    if (socket.rooms.has(rooms.proposal(proposalId))) {
      await socket.leave(rooms.proposal(proposalId));
      await announcePresence(proposalId);
    }
    return null;
  });
  handle(socket, "proposal:support", ZProposalPayload, async ({ proposalId }) => domain.proposals.support(await viewer(), proposalId));
  handle(socket, "proposal:withdraw-support", ZProposalPayload, async ({ proposalId }) =>
    domain.proposals.withdrawSupport(await viewer(), proposalId),
  );
}
