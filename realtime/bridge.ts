// The only place that pushes to browsers: domain events in, room broadcasts out. With the
// Redis adapter the broadcast reaches every node's clients.
import type { EventBus } from "../app/domain/events.ts";
import type { NotificationService } from "../app/domain/notifications/notification.service.server.ts";
import type { RealtimeServer } from "./server.ts";
import { rooms } from "./rooms.ts";

export function bridgeDomainEvents(
  io: RealtimeServer,
  events: EventBus,
  notifications: Pick<NotificationService, "unreadCountFor">,
): () => void {
  const offs = [
    events.subscribe("comment.changed", (e) => {
      const room = e.roundId ? rooms.round(e.roundId) : rooms.proposal(e.proposalId!);
      io.to(room).emit("comment:changed", { proposalId: e.proposalId, roundId: e.roundId, commentId: e.commentId, change: e.change });
    }),
    events.subscribe("round.phaseChanged", (e) => {
      io.to(rooms.round(e.roundId)).emit("round:phase-changed", e);
    }),
    events.subscribe("round.changed", (e) => {
      io.to(rooms.round(e.roundId)).emit("round:changed", { roundId: e.roundId, change: e.change });
    }),
    events.subscribe("proposal.progressed", (e) => {
      io.to(rooms.proposal(e.proposalId)).emit("proposal:progressed", { proposalId: e.proposalId });
    }),
    events.subscribe("notifications.changed", (e) => {
      for (const userId of e.userIds) {
        void notifications
          .unreadCountFor(userId)
          .then((unread) => io.to(rooms.user(userId)).emit("notifications:changed", { unread }))
          .catch((error) => console.error("notification count failed", error));
      }
    }),
    events.subscribe("proposal.supportChanged", (e) => {
      io.to([rooms.proposalList(), rooms.proposal(e.proposalId)]).emit("proposal:support-changed", {
        proposalId: e.proposalId,
        supportCount: e.supportCount,
        status: e.status,
      });
    }),
    events.subscribe("proposal.statusChanged", (e) => {
      io.to([rooms.proposalList(), rooms.proposal(e.proposalId)]).emit("proposal:status-changed", {
        proposalId: e.proposalId,
        status: e.status,
      });
    }),
    // Logout, revocation, password change and deletion end the session's live connections too.
    events.subscribe("session.revoked", (e) => {
      for (const id of e.sessionIds) io.in(rooms.session(id)).disconnectSockets(true);
    }),
    events.subscribe("proposal.created", (e) => {
      io.to(rooms.proposalList()).emit("proposal:created", { proposalId: e.proposalId, title: e.title });
    }),
  ];
  return () => offs.forEach((off) => off());
}
