// One round in the list: kind, title, scope, where it stands (phase and D-day), and counts.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../i18n/i18n.ts";
import { daysLeft, formatDate } from "../../lib/format.ts";
import { KindChip, StageChip } from "./round-chips.tsx";
import { localName, type RoundData } from "./round-data.ts";

function whereItStands(round: RoundData, lng: Language, now: number, t: (key: string, params?: Record<string, unknown>) => string): string {
  const phase = round.currentPhase;
  if (phase) {
    const days = daysLeft(phase.endsAt, now);
    return days <= 0
      ? t("roundPage.list.phaseEndsToday", { phase: localName(phase, lng) })
      : t("roundPage.list.phaseEnds", { phase: localName(phase, lng), days });
  }
  if (round.stage === "upcoming" && round.startsAt) {
    const days = daysLeft(round.startsAt, now);
    return days <= 0 ? t("roundPage.list.startsToday") : t("roundPage.list.startsIn", { days });
  }
  if (round.stage === "finished") return t("roundPage.list.endedOn", { date: formatDate((round.finishedAt ?? round.endsAt)!, lng) });
  return t("roundPage.list.between");
}

export function RoundCard({ round, lng, now }: { round: RoundData; lng: Language; now: number }) {
  const { t } = useTranslation();
  return (
    <article
      className="card relative flex h-full flex-col p-5 transition hover:border-brand-300 hover:shadow-md"
      data-testid="round-card"
      data-round-id={round.id}
    >
      <div className="flex flex-wrap items-center gap-1.5">
        <KindChip kind={round.kind} />
        <StageChip stage={round.stage} />
        <span className="chip bg-white text-stone-600 ring-1 ring-inset ring-stone-200">
          {round.district ? localName(round.district, lng) : t("rounds.cityWide")}
        </span>
      </div>
      <h3 className="mt-3 text-[17px] font-bold leading-snug text-stone-900">
        <Link to={`/rounds/${round.id}`} className="after:absolute after:inset-0 hover:text-brand-700" prefetch="intent">
          {round.title}
        </Link>
      </h3>
      <p className={`mt-3 text-sm font-semibold ${round.currentPhase ? "text-brand-800" : "text-stone-600"}`}>
        <span className="sr-only">{t("roundPage.list.currentPhase")}: </span>
        {whereItStands(round, lng, now, t)}
      </p>
      <p className="mt-auto pt-3 text-sm text-stone-600">
        {t("roundPage.list.entries", { count: round.entryCount })} · {t("roundPage.list.comments", { count: round.commentCount })}
      </p>
    </article>
  );
}
