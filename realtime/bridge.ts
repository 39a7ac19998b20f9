// The only place that pushes to browsers: domain events in, room broadcasts out. With the
// Redis adapter the broadcast reaches every node's clients, so an event another node forwarded
// (meta.remote) is not pushed again here. Every push carries the new state and its version;
// pushes per room are coalesced (coalesce.ts), the latest per entity winning.
import type { DomainEvents, EventBus, EventMeta } from "../app/domain/events.ts";
import type { NotificationService } from "../app/domain/notifications/notification.service.server.ts";
import type { ProposalLiveReads } from "../app/domain/proposals/proposal-live.server.ts";
import { createCoalescer } from "./coalesce.ts";
import type { ServerToClientEvents } from "./contract.ts";
import type { RealtimeServer } from "./server.ts";
import { rooms } from "./rooms.ts";

type Emit = {
  [E in keyof ServerToClientEvents]: { event: E; payload: Parameters<ServerToClientEvents[E]>[0] };
}[keyof ServerToClientEvents];
/** What waits in a room's window: a ready event, a 공감 change (its stage message is added at flush), or a proposal whose state is read at flush. */
type Push =
  | { kind: "emit"; emit: Emit }
  | { kind: "support"; change: DomainEvents["proposal.supportChanged"] }
  | { kind: "state"; proposalId: number };

export function bridgeDomainEvents(
  io: RealtimeServer,
  events: EventBus,
  notifications: Pick<NotificationService, "unreadCountsFor">,
  live: ProposalLiveReads,
): () => void {
  const failed = (what: string) => (error: unknown) => console.error(`live push failed: ${what}`, error);

  async function flush(room: string, items: Push[]) {
    const supports = items.flatMap((i) => (i.kind === "support" ? [i.change] : []));
    if (supports.length > 0) {
      const stages = await live.stages(supports.map((s) => s.supportCount));
      supports.forEach((s, i) =>
        io.to(room).emit("proposal:support-changed", {
          proposalId: s.proposalId,
          version: s.version,
          supportCount: s.supportCount,
          status: s.status,
          stage: stages[i]!,
        }),
      );
    }
    for (const item of items) {
      if (item.kind === "emit") io.to(room).emit(item.emit.event, item.emit.payload as never);
      else if (item.kind === "state") {
        // One read per coalesced push, for the page and the list alike.
        const state = await live.read(item.proposalId);
        if (!state) continue;
        io.to(room).emit("proposal:progressed", JSON.parse(JSON.stringify(state)));
        const { proposalId, version, supportCount, status, stage } = state;
        io.to(rooms.proposalList()).emit("proposal:status-changed", { proposalId, version, supportCount, status, stage });
      }
    }
  }

  const coalescer = createCoalescer<Push>((room, items) => void flush(room, items).catch(failed(room)));
  const emit = (room: string, key: string, e: Emit) => coalescer.push(room, key, { kind: "emit", emit: e });

  /** Subscribes to a domain event, for this node's events only. */
  function on<E extends keyof DomainEvents>(name: E, listener: (payload: DomainEvents[E]) => void) {
    return events.subscribe(name, (payload: DomainEvents[E], meta: EventMeta) => {
      if (!meta.remote) listener(payload);
    });
  }

  const offs = [
    on("comment.changed", (e) => {
      // Without its state the push would only tell pages to reload; the publisher logged why.
      if (!e.live) return;
      const room = e.roundId ? rooms.round(e.roundId) : rooms.proposal(e.proposalId!);
      const payload = { proposalId: e.proposalId, roundId: e.roundId, commentId: e.commentId, change: e.change, ...e.live };
      // Per comment the latest state wins; the tally rides on each, and the version orders them.
      emit(room, `comment:${e.commentId}`, { event: "comment:changed", payload: JSON.parse(JSON.stringify(payload)) });
    }),
    on("round.phaseChanged", (e) => emit(rooms.round(e.roundId), "phase", { event: "round:phase-changed", payload: e })),
    on("round.changed", (e) =>
      emit(rooms.round(e.roundId), `changed:${e.change}`, { event: "round:changed", payload: { roundId: e.roundId, change: e.change } }),
    ),
    on("proposal.progressed", (e) => coalescer.push(rooms.proposal(e.proposalId), "state", { kind: "state", proposalId: e.proposalId })),
    on("proposal.statusChanged", (e) => coalescer.push(rooms.proposal(e.proposalId), "state", { kind: "state", proposalId: e.proposalId })),
    on("notifications.changed", (e) => {
      void notifications
        .unreadCountsFor(e.userIds)
        .then((counts) => {
          for (const [userId, unread] of counts) io.to(rooms.user(userId)).emit("notifications:changed", { unread });
        })
        .catch(failed("notification counts"));
    }),
    on("proposal.supportChanged", (e) => {
      for (const room of [rooms.proposalList(), rooms.proposal(e.proposalId)]) {
        coalescer.push(room, `support:${e.proposalId}`, { kind: "support", change: e });
      }
    }),
    // Logout, revocation, password change and deletion end the session's live connections too.
    on("session.revoked", (e) => {
      for (const id of e.sessionIds) io.in(rooms.session(id)).disconnectSockets(true);
    }),
    on("proposal.created", (e) =>
      emit(rooms.proposalList(), `created:${e.proposalId}`, {
        event: "proposal:created",
        payload: { proposalId: e.proposalId, title: e.title },
      }),
    ),
  ];
  return () => {
    offs.forEach((off) => off());
    coalescer.close();
  };
}
