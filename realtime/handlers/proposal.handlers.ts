import type { Domain } from "../../app/domain/index.server.ts";
import { proposalIdOf, respond } from "../ack.ts";
import { rooms } from "../rooms.ts";
import type { RealtimeServer, RealtimeSocket } from "../server.ts";

export function registerProposalHandlers(_io: RealtimeServer, socket: RealtimeSocket, domain: Domain) {
  const { lng } = socket.data;
  const viewer = () => domain.sessions.viewerForSession(socket.data.sessionId);

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
      return null;
    }),
  );
  socket.on("proposal:unwatch", (payload, ack) =>
    respond(lng, ack, async () => {
      const id = Number(proposalIdOf(payload));
      if (Number.isInteger(id)) await socket.leave(rooms.proposal(id));
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
