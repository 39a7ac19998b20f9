// React hooks for live updates over socket.io.
import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import type { SupportChanged } from "../../realtime/contract.ts";
import type { ProposalStatus } from "../domain/proposals/proposal.types.ts";
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
  const [connected, setConnected] = useState(false);
  const [present, setPresent] = useState<number | null>(null);
  const revalidator = useRevalidator();
  const everConnected = useRef(false);

  useEffect(() => setLive({}), [version]);

  useEffect(() => {
    const socket = getSocket();
    const watch = () => {
      if (target === "list") socket.emit("proposals:watch", () => undefined);
      else socket.emit("proposal:watch", { proposalId: target }, () => undefined);
    };
    const onChange = (e: SupportChanged) => {
      if (target !== "list" && e.proposalId !== target) return;
      setLive((prev) => ({ ...prev, [e.proposalId]: { supportCount: e.supportCount, status: e.status } }));
    };
    const onConnect = () => {
      setConnected(true);
      if (!socket.recovered) {
        watch();
        // A reconnect that could not recover the missed events: reload the page's data.
        if (everConnected.current) revalidator.revalidate();
      }
      everConnected.current = true;
    };
    const onDisconnect = () => setConnected(false);
    // On a proposal page, a new stage (answer, milestone, status) reloads the page's data.
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
    socket.on("connect", onConnect);
    socket.on("disconnect", onDisconnect);
    if (socket.connected) {
      everConnected.current = true;
      setConnected(true);
      watch();
    }
    return () => {
      socket.off("proposal:support-changed", onChange);
      socket.off("proposal:progressed", onProgress);
      socket.off("proposal:status-changed", onProgress);
      socket.off("comment:changed", onProgress);
      socket.off("proposal:presence", onPresence);
      socket.off("connect", onConnect);
      socket.off("disconnect", onDisconnect);
      if (target === "list") socket.emit("proposals:unwatch", () => undefined);
      else socket.emit("proposal:unwatch", { proposalId: target }, () => undefined);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target]);

  return { live, connected, present };
}
