// React hooks for live updates on the proposal list and on one proposal, over socket.io.
import { useRevalidator } from "@remix-run/react";
import { useEffect, useState } from "react";
import type { SupportChanged } from "../../../realtime/contract.ts";
import type { ProposalStatus } from "../../domain/proposals/proposal.types.ts";
import { useWatchedRoom } from "./room.ts";
import { getSocket } from "./socket.client.ts";

type LiveState = Record<number, { supportCount: number; status: ProposalStatus }>;

/**
 * Follows the whole list (`target: "list"`) or one proposal and returns the latest
 * 공감 counts pushed by the server. `version` (the loader data) resets the overrides when
 * fresh data arrives. If the connection drops and cannot be recovered, the page's data
 * is reloaded so nothing missed stays wrong.
 */
export function useLiveSupport(target: "list" | number, version: unknown) {
  const [live, setLive] = useState<LiveState>({});
  const [present, setPresent] = useState<number | null>(null);
  const revalidator = useRevalidator();

  useEffect(() => setLive({}), [version]);

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
    const onChange = (e: SupportChanged) => {
      if (target !== "list" && e.proposalId !== target) return;
      setLive((prev) => ({ ...prev, [e.proposalId]: { supportCount: e.supportCount, status: e.status } }));
    };
    // On a proposal page, a new stage (answer, milestone, status) or a debate change reloads the page's data.
    const onProgress = (e: { proposalId: number | null }) => {
      if (target !== "list" && e.proposalId === target) revalidator.revalidate();
    };
    const onPresence = (e: { proposalId: number; count: number }) => {
      if (e.proposalId === target) setPresent(e.count);
    };
    socket.on("proposal:progressed", onProgress);
    socket.on("proposal:status-changed", onProgress);
    socket.on("comment:changed", onProgress);
    socket.on("proposal:presence", onPresence);
    socket.on("proposal:support-changed", onChange);
    return () => {
      socket.off("proposal:support-changed", onChange);
      socket.off("proposal:progressed", onProgress);
      socket.off("proposal:status-changed", onProgress);
      socket.off("comment:changed", onProgress);
      socket.off("proposal:presence", onPresence);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `revalidator` is a new object on every render; listing it would resubscribe (and miss events) each time
  }, [target]);

  return { live, connected, present };
}
