// The round's phases in order, with their dates in Korean time and what each allows; the
// current phase is marked for screen readers with aria-current="step".
import { useTranslation } from "react-i18next";
import type { Language } from "../../i18n/i18n.ts";
import { formatDateTime } from "../../lib/format.ts";
import { AllowsList } from "./round-chips.tsx";
import { localName, phaseState, type RoundData } from "./round-data.ts";

const marker = {
  done: "bg-stone-400",
  current: "bg-brand-600 ring-4 ring-brand-100",
  next: "border-2 border-stone-300 bg-white",
} as const;

export function PhaseTimeline({ round, lng, now }: { round: RoundData; lng: Language; now: number }) {
  const { t } = useTranslation();
  const currentId = round.currentPhase?.id ?? null;
  return (
    <section className="card p-5" aria-labelledby="round-timeline-heading">
      <h2 id="round-timeline-heading" className="text-base font-bold">
        {t("roundPage.timeline.heading")}
      </h2>
      <ol className="mt-4" data-testid="round-timeline">
        {round.phases.map((phase, i) => {
          const state = phaseState(phase, currentId, now);
          const last = i === round.phases.length - 1;
          return (
            <li
              key={phase.id}
              className="relative pb-5 pl-7 last:pb-0"
              aria-current={state === "current" ? "step" : undefined}
              data-phase-id={phase.id}
              data-state={state}
            >
              {last ? null : <span className="absolute bottom-0 left-[5px] top-4 w-0.5 bg-stone-200" aria-hidden="true" />}
              <span className={`absolute left-0 top-1.5 h-3 w-3 rounded-full ${marker[state]}`} aria-hidden="true" />
              <div className={state === "current" ? "-mx-2 -my-1 rounded-xl bg-brand-50 px-2 py-1 ring-1 ring-inset ring-brand-200" : ""}>
                <p
                  className={`flex flex-wrap items-center gap-x-2 text-sm font-semibold ${state === "done" ? "text-stone-500" : "text-stone-900"}`}
                >
                  <span>
                    {phase.position}. {localName(phase, lng)}
                  </span>
                  {state === "current" ? <span className="chip bg-brand-600 text-white">{t("roundPage.timeline.current")}</span> : null}
                  {state === "done" ? <span className="text-xs font-normal text-stone-500">· {t("roundPage.timeline.done")}</span> : null}
                </p>
                <p className="mt-0.5 text-xs text-stone-600">
                  <time dateTime={phase.startsAt}>{formatDateTime(phase.startsAt, lng)}</time> –{" "}
                  <time dateTime={phase.endsAt}>{formatDateTime(phase.endsAt, lng)}</time>
                </p>
                <div className="mt-1.5">
                  <AllowsList allows={phase.allows} label={t("roundPage.timeline.allows")} />
                </div>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
