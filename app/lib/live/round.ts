// Live updates on a round's page over socket.io: phase changes, entries and reviews, the
// round's own debate, and how many people have the round open.
import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { RoundPhaseChanged } from "../../../realtime/contract.ts";
import { useWatchedRoom } from "./room.ts";
import { getSocket } from "./socket.client.ts";

const REVALIDATE_DELAY_MS = 150;

/**
 * Joins the round's room while mounted. Any change to the round reloads the page's data;
 * a reconnect that could not recover what was missed reloads it too (the fallback for
 * connection-state recovery). Returns the connection state, the number of people present,
 * and a polite announcement for screen readers. `phaseLabel` names a phase by id.
 */
export function useLiveRound(roundId: number, phaseLabel: (phaseId: number) => string | null) {
  const { t } = useTranslation();
  const revalidator = useRevalidator();
  const [present, setPresent] = useState<number | null>(null);
  // A counter makes a repeated message differ from the last one, so it is announced again.
  const [announcement, setAnnouncement] = useState({ text: "", n: 0 });
  const latest = useRef({ revalidator, phaseLabel, t });
  latest.current = { revalidator, phaseLabel, t };

  // Bursts of events (a reaction storm, a review batch) cause one reload.
  const pending = useRef<ReturnType<typeof setTimeout>>();
  const reload = () => {
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = undefined;
      latest.current.revalidator.revalidate();
    }, REVALIDATE_DELAY_MS);
  };
  const connected = useWatchedRoom(`round:${roundId}`, {
    watch: () => getSocket().emit("round:watch", { roundId }, () => undefined),
    unwatch: () => getSocket().emit("round:unwatch", { roundId }, () => undefined),
    onMissed: reload,
  });

  useEffect(() => {
    const socket = getSocket();
    const announce = (text: string) => setAnnouncement((prev) => ({ text, n: prev.n + 1 }));
    const onPhase = (e: RoundPhaseChanged) => {
      if (e.roundId !== roundId) return;
      const { t: tr, phaseLabel: label } = latest.current;
      const name = e.phaseId === null ? null : label(e.phaseId);
      announce(e.finished ? tr("roundPage.live.finished") : tr("roundPage.live.phaseChanged", { phase: name ?? tr("rounds.noPhase") }));
      reload();
    };
    const onRound = (e: { roundId: number }) => {
      if (e.roundId === roundId) reload();
    };
    const onComment = (e: { roundId: number | null }) => {
      // The thread itself announces new comments (CommentThread's live region); only reload here.
      if (e.roundId === roundId) reload();
    };
    const onPresence = (e: { roundId: number; count: number }) => {
      if (e.roundId === roundId) setPresent(e.count);
    };
    socket.on("round:phase-changed", onPhase);
    socket.on("round:changed", onRound);
    socket.on("comment:changed", onComment);
    socket.on("round:presence", onPresence);
    return () => {
      if (pending.current) clearTimeout(pending.current);
      pending.current = undefined;
      socket.off("round:phase-changed", onPhase);
      socket.off("round:changed", onRound);
      socket.off("comment:changed", onComment);
      socket.off("round:presence", onPresence);
    };
  }, [roundId]);

  return { connected, present, announcement: announcement.text + (announcement.n % 2 ? "\u200b" : "") };
}
