// The top of a round's page: what kind of round, where, how much, which phase it is in now;
// then its description and, when the round has its own rules, who may take part.
import { useTranslation } from "react-i18next";
import type { Language } from "../../i18n/i18n.ts";
import { daysLeft, formatDate, formatDateTime, formatKrw } from "../../lib/format.ts";
import { KindChip, StageChip } from "./round-chips.tsx";
import { localName, type RoundData } from "./round-data.ts";

type District = { id: number; name: string; nameEn: string };

/** The current phase and time left, or where the round stands when no phase runs. */
export function CurrentPhase({ round, lng, now }: { round: RoundData; lng: Language; now: number }) {
  const { t } = useTranslation();
  const phase = round.currentPhase;
  let text: string;
  if (phase) {
    const days = daysLeft(phase.endsAt, now);
    text = `${localName(phase, lng)} · ${days <= 0 ? t("roundPage.now.phaseToday") : t("roundPage.now.phaseDday", { days })}`;
  } else if (round.stage === "upcoming" && round.startsAt)
    text = t("roundPage.now.startsAt", { date: formatDateTime(round.startsAt, lng) });
  else if (round.stage === "finished" && (round.finishedAt ?? round.endsAt))
    text = t("roundPage.now.finishedAt", { date: formatDate((round.finishedAt ?? round.endsAt)!, lng) });
  else text = t("roundPage.now.noPhase");
  return (
    <p
      className={`inline-flex flex-wrap items-center gap-x-2 rounded-xl px-3 py-2 text-sm font-semibold ${phase ? "bg-brand-50 text-brand-900 ring-1 ring-inset ring-brand-200" : "bg-stone-100 text-stone-700"}`}
      data-testid="round-phase-current"
      data-phase-id={phase?.id ?? ""}
    >
      {phase ? <span className="text-stone-600">{t("roundPage.timeline.current")}</span> : null}
      <span>{text}</span>
      {phase ? (
        <span className="font-normal text-stone-600">({t("roundPage.now.until", { date: formatDateTime(phase.endsAt, lng) })})</span>
      ) : null}
    </p>
  );
}

export function RoundHeader({ round, lng, now }: { round: RoundData; lng: Language; now: number }) {
  const { t } = useTranslation();
  const potTotal = round.pots.reduce((sum, p) => sum + p.amountKrw, 0);
  return (
    <header>
      <div className="flex flex-wrap items-center gap-1.5">
        <KindChip kind={round.kind} />
        <StageChip stage={round.stage} />
      </div>
      <h1 className="mt-3 text-2xl font-extrabold leading-tight tracking-tight text-stone-900 sm:text-3xl">{round.title}</h1>
      <div className="mt-3">
        <CurrentPhase round={round} lng={lng} now={now} />
      </div>
      <dl className="mt-4 grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-stone-500">{t("roundPage.scope")}</dt>
          <dd className="font-semibold">{round.district ? localName(round.district, lng) : t("rounds.cityWide")}</dd>
        </div>
        {round.budgetCapKrw !== null || round.kind === "PARTICIPATORY_BUDGET" ? (
          <div>
            <dt className="text-stone-500">{t("roundPage.budgetCap")}</dt>
            <dd className="font-semibold">{round.budgetCapKrw === null ? t("roundPage.noBudget") : formatKrw(round.budgetCapKrw, lng)}</dd>
          </div>
        ) : null}
        {round.startsAt && round.endsAt ? (
          <div className="col-span-2 sm:col-span-1">
            <dt className="text-stone-500">{t("roundPage.period")}</dt>
            <dd className="font-semibold">
              {formatDate(round.startsAt, lng)} – {formatDate(round.endsAt, lng)}
            </dd>
          </div>
        ) : null}
      </dl>
      {round.pots.length > 0 ? (
        <details className="mt-4 rounded-xl bg-white px-4 py-3 ring-1 ring-inset ring-stone-200">
          <summary className="cursor-pointer text-sm font-semibold text-stone-800">
            {t("roundPage.pots")} <span className="font-normal text-stone-500">({formatKrw(potTotal, lng)})</span>
          </summary>
          <ul className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
            {round.pots.map((p) => (
              <li key={p.district.id} className="flex justify-between gap-3 border-b border-stone-100 py-1 last:border-0">
                <span>{localName(p.district, lng)}</span>
                <span className="font-semibold tabular-nums">{formatKrw(p.amountKrw, lng)}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </header>
  );
}

export function RoundDescription({ round, districts, lng }: { round: RoundData; districts: District[]; lng: Language }) {
  const { t } = useTranslation();
  return (
    <section className="card p-5 sm:p-6" aria-labelledby="round-description-heading">
      <h2 id="round-description-heading" className="text-lg font-bold">
        {t("roundPage.description")}
      </h2>
      {/* descriptionHtml is sanitized by the domain (app/domain/markdown.server.ts). */}
      <div className="prose-madang mt-3 leading-relaxed text-stone-800" dangerouslySetInnerHTML={{ __html: round.descriptionHtml }} />
      {round.eligibility ? <EligibilitySummary rules={round.eligibility} districts={districts} lng={lng} /> : null}
    </section>
  );
}

/** The parts of the round's eligibility that override the city's rules, in plain words. */
function EligibilitySummary({
  rules,
  districts,
  lng,
}: {
  rules: NonNullable<RoundData["eligibility"]>;
  districts: District[];
  lng: Language;
}) {
  const { t } = useTranslation();
  const sep = t("roundPage.eligibility.listSeparator");
  const lines: string[] = [];
  if (rules.requireVerified !== undefined)
    lines.push(t(rules.requireVerified ? "roundPage.eligibility.verified" : "roundPage.eligibility.notVerified"));
  if (rules.minAge !== undefined)
    lines.push(rules.minAge > 0 ? t("roundPage.eligibility.minAge", { age: rules.minAge }) : t("roundPage.eligibility.anyAge"));
  if (rules.maxAge != null) lines.push(t("roundPage.eligibility.maxAge", { age: rules.maxAge }));
  if (rules.affiliation === null) lines.push(t("roundPage.eligibility.anyone"));
  else if (rules.affiliation) {
    const kinds = (rules.affiliation.kinds ?? []).map((k) => t(`roundPage.eligibility.kind.${k}`)).join(sep);
    const places = (rules.affiliation.districtIds ?? [])
      .map((id) => districts.find((d) => d.id === id))
      .filter((d): d is District => !!d)
      .map((d) => localName(d, lng))
      .join(sep);
    lines.push(places ? t("roundPage.eligibility.whoIn", { kinds, places }) : t("roundPage.eligibility.who", { kinds }));
    if (rules.affiliation.requireConfirmation) lines.push(t("roundPage.eligibility.confirmed"));
    if (rules.affiliation.minResidenceMonths)
      lines.push(t("roundPage.eligibility.minResidenceMonths", { months: rules.affiliation.minResidenceMonths }));
  }
  if (rules.excludedGroups?.length) {
    const groups = rules.excludedGroups.map((g) => t(`groups.${g}`, { defaultValue: g })).join(sep);
    lines.push(t("roundPage.eligibility.excluded", { groups }));
  }
  if (lines.length === 0) return null;
  return (
    <div
      className="mt-5 rounded-xl bg-amber-50 px-4 py-3 text-sm text-amber-950 ring-1 ring-inset ring-amber-200"
      data-testid="round-eligibility"
    >
      <h3 className="font-semibold">{t("roundPage.eligibility.heading")}</h3>
      <p className="mt-0.5 text-xs text-amber-900">{t("roundPage.eligibility.intro")}</p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
