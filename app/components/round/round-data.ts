// The shapes the round screens receive from their loaders (dates arrive as strings).
import type { SerializeFrom } from "@remix-run/node";
import type { Language } from "../../i18n/i18n.ts";
import type { EntryService } from "../../domain/rounds/entry.service.server.ts";
import type { RoundView } from "../../domain/rounds/round.service.server.ts";

export type RoundData = SerializeFrom<RoundView>;
export type PhaseData = RoundData["phases"][number];
export type EntryData = SerializeFrom<Awaited<ReturnType<EntryService["list"]>>[number]>;

type Named = { name: string; nameEn: string };

/** A district, department, category or phase in the reader's language. */
export function localName(item: Named, lng: Language): string {
  return lng === "en" ? item.nameEn || item.name : item.name;
}

/** 0.625 → "63%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** Where each phase stands at `now`: done, current or still to come. */
export function phaseState(phase: PhaseData, currentId: number | null, now: number): "done" | "current" | "next" {
  if (phase.id === currentId) return "current";
  return new Date(phase.endsAt).getTime() <= now ? "done" : "next";
}

/** The first phase after now that allows `action`. */
export function nextPhaseAllowing(phases: PhaseData[], action: PhaseData["allows"][number], now: number): PhaseData | null {
  return phases.find((p) => new Date(p.startsAt).getTime() > now && p.allows.includes(action)) ?? null;
}
