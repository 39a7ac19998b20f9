// Live updates on a round's page over socket.io: phase changes, entries and reviews, and how
// many people have the round open. The round's own debate is patched by useLiveDebate.
import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { RoundPhaseChanged } from "../../../realtime/contract.ts";
import { useWatchedRoom } from "./room.ts";
import { getSocket } from "./socket.client.ts";

const REVALIDATE_DELAY_MS = 150;

/**
 * Joins the round's room while mounted. A phase change or a change to the round's entries,
 * reviews or scores reloads the page's data: what the viewer may do then (vote, submit,
 * withdraw) and the reviewed entries are the domain's per-viewer answer, not a public push;
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

  // Bursts of events (a review batch) cause one reload.
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
    const onPresence = (e: { roundId: number; count: number }) => {
      if (e.roundId === roundId) setPresent(e.count);
    };
    socket.on("round:phase-changed", onPhase);
    socket.on("round:changed", onRound);
    socket.on("round:presence", onPresence);
    return () => {
      if (pending.current) clearTimeout(pending.current);
      pending.current = undefined;
      socket.off("round:phase-changed", onPhase);
      socket.off("round:changed", onRound);
      socket.off("round:presence", onPresence);
    };
  }, [roundId]);

  return { connected, present, announcement: announcement.text + (announcement.n % 2 ? "\u200b" : "") };
}
