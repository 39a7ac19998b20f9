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
  // Read from the socket's rooms (not a local set), so a connection restored by recovery,
  // which gets its rooms back, still updates presence when it leaves.
  const watchedRooms = () => [...socket.rooms].filter((r) => r.startsWith("proposal:")).map((r) => Number(r.slice(9)));
  socket.on("disconnecting", () => {
    const left = watchedRooms();
    // After the socket has left its rooms, the count no longer includes it.
    setImmediate(() => {
      for (const proposalId of left) void announcePresence(io, proposalId).catch(() => undefined);
    });
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
      await announcePresence(io, proposal.id);
      return null;
    }),
  );
  socket.on("proposal:unwatch", (payload, ack) =>
    respond(lng, ack, async () => {
      const id = Number(proposalIdOf(payload));
      if (Number.isInteger(id) && watchedRooms().includes(id)) {
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
