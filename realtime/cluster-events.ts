// The domain's EventBus is one process's. The events that drop cached state (a viewer, the
// city's settings, a session) must reach every node's bus, so each drops its own copy: they
// are forwarded to the other nodes through the adapter, and republished there marked remote,
// which is what keeps them from being forwarded again.
import type { DomainEventName, DomainEvents, EventBus } from "../app/domain/events.ts";
import type { RealtimeServer } from "./server.ts";

export const CLUSTER_EVENTS = ["viewer.changed", "settings.changed", "session.revoked"] as const satisfies readonly DomainEventName[];

type ClusterEventName = (typeof CLUSTER_EVENTS)[number];

/** One forwarded event, as its name and payload. */
export type ClusterEvent = { [E in ClusterEventName]: [name: E, payload: DomainEvents[E]] }[ClusterEventName];

const isClusterEvent = (name: unknown): name is ClusterEventName => CLUSTER_EVENTS.includes(name as ClusterEventName);

/** Forwards the cluster events between `events` and the other nodes; alone (no adapter between nodes), does nothing. */
export function clusterDomainEvents(io: RealtimeServer, events: EventBus, { clustered }: { clustered: boolean }): () => void {
  if (!clustered) return () => undefined;
  const offs = CLUSTER_EVENTS.map((name) =>
    events.subscribe(name, (payload, meta) => {
      if (!meta.remote) io.serverSideEmit("domain:event", ...([name, payload] as ClusterEvent));
    }),
  );
  const receive = (...[name, payload]: ClusterEvent) => {
    if (isClusterEvent(name)) events.publish(name, payload as never, { remote: true });
  };
  io.on("domain:event", receive);
  return () => {
    offs.forEach((off) => off());
    io.off("domain:event", receive);
  };
}
