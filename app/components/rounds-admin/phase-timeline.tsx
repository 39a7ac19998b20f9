// A round's phases in order, with the current one marked (for eyes and for screen readers),
// the ones already over dimmed, and what each phase allows.
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../lib/format.ts";
import type { Language } from "../../i18n/i18n.ts";
import { localName } from "../admin/ui.tsx";

type Phase = { id: number; position: number; name: string; nameEn: string; startsAt: string; endsAt: string; allows: readonly string[] };

export function PhaseTimeline({
  phases,
  currentPhaseId,
  now,
  lng,
}: {
  phases: Phase[];
  currentPhaseId: number | null;
  now: number;
  lng: Language;
}) {
  const { t } = useTranslation();
  return (
    <ol className="relative space-y-3" data-testid="phase-timeline">
      {phases.map((p) => {
        const current = p.id === currentPhaseId;
        const past = !current && new Date(p.endsAt).getTime() <= now;
        return (
          <li
            key={p.id}
            aria-current={current ? "step" : undefined}
            data-testid="timeline-phase"
            data-current={current ? "true" : undefined}
            className={`flex gap-3 rounded-xl p-3 sm:p-4 ${current ? "bg-brand-50 ring-2 ring-inset ring-brand-500" : past ? "bg-stone-50 text-stone-500" : "bg-white ring-1 ring-inset ring-stone-200"}`}
          >
            <span
              aria-hidden="true"
              className={`mt-0.5 flex h-7 w-7 shrink-0 items-center justify-center rounded-full text-sm font-bold ${current ? "bg-brand-600 text-white" : past ? "bg-stone-200 text-stone-500" : "bg-stone-100 text-stone-700"}`}
            >
              {past ? "✓" : p.position}
            </span>
            <div className="min-w-0 flex-1">
              <p className="flex flex-wrap items-center gap-2">
                <span className={`font-bold ${current ? "text-brand-900" : past ? "" : "text-stone-900"}`}>{localName(p, lng)}</span>
                {current ? <span className="chip bg-brand-600 text-white">{t("roundsAdmin.timeline.current")}</span> : null}
                {past ? <span className="sr-only">({t("roundsAdmin.timeline.past")})</span> : null}
              </p>
              <p className="mt-0.5 text-sm tabular-nums">
                <time dateTime={p.startsAt}>{formatDateTime(p.startsAt, lng)}</time> –{" "}
                <time dateTime={p.endsAt}>{formatDateTime(p.endsAt, lng)}</time>
              </p>
              <ul className="mt-1.5 flex flex-wrap gap-1" aria-label={t("roundsAdmin.form.allows")}>
                {p.allows.length === 0 ? <li className="text-xs text-stone-500">{t("roundsAdmin.timeline.nothingAllowed")}</li> : null}
                {p.allows.map((a) => (
                  <li key={a} className="chip bg-white text-stone-700 ring-1 ring-inset ring-stone-300">
                    {t(`rounds.action.${a}`)}
                  </li>
                ))}
              </ul>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
