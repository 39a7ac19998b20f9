// Deliberation quality (see app/domain/rounds/quality.ts): each metric with its number and
// a one-line plain explanation, and participation per district as a bar list that reads as
// text for screen readers (the bars are decoration).
import { useTranslation } from "react-i18next";
import type { DeliberationQuality } from "../../domain/rounds/quality.ts";
import type { Language } from "../../i18n/i18n.ts";
import { localName, percent } from "./round-data.ts";

function Metric({
  id,
  label,
  value,
  help,
  wide = false,
  children,
}: {
  id: string;
  label: string;
  value: string;
  help: string;
  wide?: boolean;
  children?: React.ReactNode;
}) {
  return (
    <div className={`rounded-xl bg-stone-50 p-4 ${wide ? "sm:col-span-2" : ""}`}>
      <dt className="text-sm font-semibold text-stone-700">{label}</dt>
      <dd className="mt-1" data-metric={id}>
        <span className="text-2xl font-extrabold tabular-nums text-stone-900">{value}</span>
        {children}
        <p className="mt-1.5 text-xs leading-relaxed text-stone-600">{help}</p>
      </dd>
    </div>
  );
}

export function QualityPanel({ quality, lng }: { quality: DeliberationQuality; lng: Language }) {
  const { t } = useTranslation();
  return (
    <section className="card mt-6 p-5 sm:p-6" aria-labelledby="round-quality-heading" data-testid="round-quality">
      <h2 id="round-quality-heading" className="text-lg font-bold">
        {t("roundPage.quality.heading")}
      </h2>
      <p className="mt-1 text-sm text-stone-600">{t("roundPage.quality.intro")}</p>
      {quality.commentCount === 0 ? (
        <p className="mt-4 rounded-xl bg-stone-50 px-4 py-3 text-sm text-stone-600">{t("roundPage.quality.empty")}</p>
      ) : (
        <Measured quality={quality} lng={lng} />
      )}
    </section>
  );
}

function Measured({ quality, lng }: { quality: DeliberationQuality; lng: Language }) {
  const { t } = useTranslation();
  const none = t("roundPage.quality.noValue");
  const show = (share: number | null) => (share === null ? none : percent(share));
  const { stance, districts } = quality;
  const decided = stance.pro + stance.con + stance.neutral;
  const reached = [...districts.perDistrict].filter((d) => d.participants > 0).sort((a, b) => b.participants - a.participants);
  const unreached = districts.perDistrict.filter((d) => d.participants === 0);
  const most = Math.max(1, ...reached.map((d) => d.participants));
  const sep = t("roundPage.eligibility.listSeparator");
  return (
    <>
      <p className="mt-3 text-sm font-semibold text-stone-800">
        {t("roundPage.quality.summary", { comments: quality.commentCount, people: quality.participantCount })}
      </p>
      <dl className="mt-4 grid gap-3 sm:grid-cols-2">
        <Metric
          id="q-balance"
          wide
          label={t("roundPage.quality.balance")}
          value={show(quality.proConBalance)}
          help={t("roundPage.quality.balanceHelp")}
        >
          {decided > 0 ? (
            <>
              <span className="ml-2 text-sm text-stone-600">{t("roundPage.quality.stanceCounts", stance)}</span>
              <span className="mt-2 flex h-2 overflow-hidden rounded-full bg-stone-200" aria-hidden="true">
                <span className="bg-brand-500" style={{ width: `${(stance.pro / decided) * 100}%` }} />
                <span className="bg-clay-400" style={{ width: `${(stance.con / decided) * 100}%` }} />
                <span className="bg-stone-300" style={{ width: `${(stance.neutral / decided) * 100}%` }} />
              </span>
            </>
          ) : null}
        </Metric>
        <Metric
          id="q-reasoned"
          label={t("roundPage.quality.reasoned")}
          value={show(quality.reasonedShare)}
          help={t("roundPage.quality.reasonedHelp")}
        />
        <Metric
          id="q-crossing"
          label={t("roundPage.quality.crossing")}
          value={show(quality.crossStanceReplyShare)}
          help={t("roundPage.quality.crossingHelp")}
        />
        <Metric
          id="q-reached"
          label={t("roundPage.quality.reached")}
          value={t("roundPage.quality.reachedValue", { reached: districts.reached, total: districts.total })}
          help={t("roundPage.quality.reachedHelp")}
        />
        <Metric
          id="q-evenness"
          label={t("roundPage.quality.evenness")}
          value={show(districts.evenness)}
          help={t("roundPage.quality.evennessHelp")}
        />
      </dl>

      {reached.length > 0 ? (
        <div className="mt-5">
          <h3 id="round-quality-districts" className="text-sm font-semibold text-stone-800">
            {t("roundPage.quality.perDistrict")}
          </h3>
          <ul className="mt-2 space-y-2" aria-labelledby="round-quality-districts">
            {reached.map((d) => (
              <li key={d.district.id} className="grid grid-cols-[6.5rem_1fr] items-center gap-x-3 text-sm sm:grid-cols-[8rem_1fr_auto]">
                <span className="truncate font-medium">{localName(d.district, lng)}</span>
                <span className="h-2.5 overflow-hidden rounded-full bg-stone-100" aria-hidden="true">
                  <span className="block h-full rounded-full bg-brand-500" style={{ width: `${(d.participants / most) * 100}%` }} />
                </span>
                <span className="col-start-2 text-xs text-stone-600 sm:col-start-3">
                  {t("roundPage.quality.perDistrictValue", { people: d.participants, comments: d.comments })}
                </span>
              </li>
            ))}
          </ul>
          {unreached.length > 0 ? (
            <p className="mt-3 text-xs leading-relaxed text-stone-500">
              {t("roundPage.quality.notReached", { places: unreached.map((d) => localName(d.district, lng)).join(sep) })}
            </p>
          ) : null}
          {districts.unknownParticipants > 0 ? (
            <p className="mt-1 text-xs text-stone-500">{t("roundPage.quality.unknown", { count: districts.unknownParticipants })}</p>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
