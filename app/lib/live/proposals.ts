// React hooks for live updates on the proposal list and on one proposal, over socket.io. Every
// push carries the new state and a version; the page patches what it shows, never reloading
// its data for a push.
import { useRevalidator } from "@remix-run/react";
import { useEffect, useState } from "react";
import type { ProposalProgressed, SupportChanged } from "../../../realtime/contract.ts";
import { useWatchedRoom } from "./room.ts";
import { getSocket } from "./socket.client.ts";
import { useVersions } from "./versions.ts";

type Core = Omit<SupportChanged, "proposalId" | "version">;

/**
 * Follows the whole list (`target: "list"`) or one proposal. Returns the newest count, status
 * and stage message per proposal (`live`), and on a proposal page its newest public state
 * (`state`: timeline, answers, milestones). `reset` (the loader data) drops the overrides when
 * fresh data arrives. If the connection drops and cannot be recovered, the page's data is
 * reloaded so nothing missed stays wrong — the one reload, and not on a push.
 */
export function useLiveSupport(target: "list" | number, reset: unknown) {
  const [live, setLive] = useState<Record<number, Core>>({});
  const [state, setState] = useState<ProposalProgressed | null>(null);
  const [present, setPresent] = useState<number | null>(null);
  const revalidator = useRevalidator();
  const versions = useVersions();

  useEffect(() => {
    setLive({});
    setState(null);
  }, [reset]);

  const connected = useWatchedRoom(target, {
    watch: () =>
      target === "list"
        ? getSocket().emit("proposals:watch", () => undefined)
        : getSocket().emit("proposal:watch", { proposalId: target }, () => undefined),
    unwatch: () =>
      target === "list"
        ? getSocket().emit("proposals:unwatch", () => undefined)
        : getSocket().emit("proposal:unwatch", { proposalId: target }, () => undefined),
    onMissed: () => revalidator.revalidate(),
  });

  useEffect(() => {
    const socket = getSocket();
    const mine = (proposalId: number) => target === "list" || proposalId === target;
    // Counts, statuses and the page's state share the proposal's version: the newest wins whichever event brought it.
    const accept = (e: SupportChanged) => mine(e.proposalId) && versions.accept(`proposal:${e.proposalId}`, e.version);
    const patch = ({ proposalId, supportCount, status, stage }: SupportChanged) =>
      setLive((prev) => ({ ...prev, [proposalId]: { supportCount, status, stage } }));
    const onChange = (e: SupportChanged) => {
      if (accept(e)) patch(e);
    };
    const onProgress = (e: ProposalProgressed) => {
      if (!accept(e)) return;
      patch(e);
      setState(e);
    };
    const onPresence = (e: { proposalId: number; count: number }) => {
      if (e.proposalId === target) setPresent(e.count);
    };
    socket.on("proposal:support-changed", onChange);
    socket.on("proposal:status-changed", onChange);
    socket.on("proposal:progressed", onProgress);
    socket.on("proposal:presence", onPresence);
    return () => {
      socket.off("proposal:support-changed", onChange);
      socket.off("proposal:status-changed", onChange);
      socket.off("proposal:progressed", onProgress);
      socket.off("proposal:presence", onPresence);
    };
  }, [target, versions]);

  return { live, state, connected, present };
}
