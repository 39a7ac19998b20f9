import type { Domain } from "../../app/domain/index.server.ts";
import { proposalIdOf, respond } from "../ack.ts";
import { rooms } from "../rooms.ts";
import type { RealtimeServer, RealtimeSocket } from "../server.ts";

/** Tells everyone in a proposal's room how many are there (across nodes, through the adapter). */
async function announcePresence(io: RealtimeServer, proposalId: number) {
  const count = (await io.in(rooms.proposal(proposalId)).fetchSockets()).length;
  io.to(rooms.proposal(proposalId)).emit("proposal:presence", { proposalId, count });
}

export function registerProposalHandlers(io: RealtimeServer, socket: RealtimeSocket, domain: Domain) {
  const { lng } = socket.data;
  const viewer = () => domain.sessions.viewerForSession(socket.data.sessionId);
  const watched = new Set<number>();
  socket.on("disconnect", () => {
    for (const proposalId of watched) void announcePresence(io, proposalId).catch(() => undefined);
  });

  socket.on("proposals:watch", (ack) =>
    respond(lng, ack, async () => {
      await socket.join(rooms.proposalList());
      return null;
    }),
  );
  socket.on("proposals:unwatch", (ack) =>
    respond(lng, ack, async () => {
      await socket.leave(rooms.proposalList());
      return null;
    }),
  );
  socket.on("proposal:watch", (payload, ack) =>
    respond(lng, ack, async () => {
      // Reading is public, but only proposals that exist get a room.
      const proposal = await domain.proposals.get(await viewer(), proposalIdOf(payload));
      await socket.join(rooms.proposal(proposal.id));
      watched.add(proposal.id);
      await announcePresence(io, proposal.id);
      return null;
    }),
  );
  socket.on("proposal:unwatch", (payload, ack) =>
    respond(lng, ack, async () => {
      const id = Number(proposalIdOf(payload));
      if (Number.isInteger(id) && watched.delete(id)) {
        await socket.leave(rooms.proposal(id));
        await announcePresence(io, id);
      }
      return null;
    }),
  );
  socket.on("proposal:support", (payload, ack) =>
    respond(lng, ack, async () => domain.proposals.support(await viewer(), proposalIdOf(payload))),
  );
  socket.on("proposal:withdraw-support", (payload, ack) =>
    respond(lng, ack, async () => domain.proposals.withdrawSupport(await viewer(), proposalIdOf(payload))),
  );
}
