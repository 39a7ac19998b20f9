// The round's entries: who proposed what, where, at what cost; the department's feasibility
// review (public, with reasons and adjusted cost); committee scores once they are unsealed;
// the author may withdraw a direct entry while submissions are open.
import { Link, useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../i18n/i18n.ts";
import type { LocalizedError } from "../../i18n/errors.ts";
import { formatKrw, formatNumber } from "../../lib/format.ts";
import { localName, type EntryData, type RoundData } from "./round-data.ts";

const statusStyle: Record<EntryData["status"], string> = {
  SUBMITTED: "bg-stone-100 text-stone-700",
  SHORTLISTED: "bg-brand-600 text-white",
  EXCLUDED: "bg-red-50 text-red-700 ring-1 ring-inset ring-red-200",
  WITHDRAWN: "bg-stone-200 text-stone-600",
};

const verdictStyle: Record<NonNullable<EntryData["review"]>["verdict"], string> = {
  FEASIBLE: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  FEASIBLE_WITH_CHANGES: "bg-amber-50 text-amber-900 ring-amber-200",
  NOT_FEASIBLE: "bg-red-50 text-red-700 ring-red-200",
};

type Props = { round: RoundData; entries: EntryData[]; lng: Language; viewerId: number | null; canWithdraw: boolean };

export function EntryList({ round, entries, lng, viewerId, canWithdraw }: Props) {
  const { t } = useTranslation();
  const maxPoints = round.criteria.reduce((sum, c) => sum + c.maxPoints, 0);
  const sealed = round.criteria.length > 0 && entries.some((e) => e.scores === null);
  return (
    <section className="mt-6" aria-labelledby="round-entries-heading">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="round-entries-heading" className="text-lg font-bold">
          {t("roundPage.entries.heading")} <span className="text-stone-500">{t("roundPage.entries.count", { count: entries.length })}</span>
        </h2>
        {sealed ? <p className="text-xs text-stone-500">{t("roundPage.entries.sealed")}</p> : null}
      </div>
      {entries.length === 0 ? (
        <p className="card mt-3 p-5 text-stone-500" data-testid="round-entries">
          {t("roundPage.entries.empty")}
        </p>
      ) : (
        <ul className="mt-3 space-y-3" data-testid="round-entries">
          {entries.map((entry) => (
            <EntryRow
              key={entry.id}
              entry={entry}
              lng={lng}
              maxPoints={maxPoints}
              own={viewerId !== null && viewerId === entry.proposal.authorId}
              canWithdraw={canWithdraw}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function EntryRow({
  entry,
  lng,
  maxPoints,
  own,
  canWithdraw,
}: {
  entry: EntryData;
  lng: Language;
  maxPoints: number;
  own: boolean;
  canWithdraw: boolean;
}) {
  const { t } = useTranslation();
  const shortlisted = entry.status === "SHORTLISTED";
  const { proposal, review } = entry;
  return (
    <li
      className={`card p-4 sm:p-5 ${shortlisted ? "border-brand-300 ring-2 ring-brand-200" : ""} ${entry.status === "WITHDRAWN" ? "opacity-70" : ""}`}
      data-testid="entry-row"
      data-entry-id={entry.id}
      data-status={entry.status}
    >
      <div className="flex flex-wrap items-center gap-1.5">
        <span className={`chip ${statusStyle[entry.status]}`}>
          <span className="sr-only">{t("roundPage.entries.status")}: </span>
          {shortlisted ? <span aria-hidden="true">★&nbsp;</span> : null}
          {t(`rounds.entryStatus.${entry.status}`)}
        </span>
        <span className="chip bg-white text-stone-600 ring-1 ring-inset ring-stone-200">
          <span className="sr-only">{t("roundPage.entries.source")}: </span>
          {t(`rounds.source.${entry.source}`)}
        </span>
        <span className="chip bg-white text-stone-600 ring-1 ring-inset ring-stone-200">
          <span className="sr-only">{t("roundPage.entries.category")}: </span>
          {localName(proposal.category, lng)}
        </span>
        {own ? <span className="chip bg-clay-50 text-clay-700">{t("roundPage.entries.yours")}</span> : null}
      </div>
      <h3 className="mt-2 text-[17px] font-bold leading-snug">
        <Link to={`/proposals/${proposal.id}`} className="text-stone-900 hover:text-brand-700 hover:underline" prefetch="intent">
          {proposal.title}
        </Link>
      </h3>
      <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-xs text-stone-500">{t("roundPage.entries.author")}</dt>
          <dd className="font-medium">{proposal.authorName}</dd>
        </div>
        <div>
          <dt className="text-xs text-stone-500">{t("roundPage.entries.district")}</dt>
          <dd className="font-medium">{proposal.district ? localName(proposal.district, lng) : t("rounds.cityWide")}</dd>
        </div>
        <div>
          <dt className="text-xs text-stone-500">{t("roundPage.entries.cost")}</dt>
          <dd className="font-medium">{proposal.estimatedCostKrw === null ? "—" : formatKrw(proposal.estimatedCostKrw, lng)}</dd>
        </div>
      </dl>
      {entry.status === "EXCLUDED" && entry.reason ? (
        <p className="mt-2 text-sm text-red-700">{t("roundPage.entries.excludedReason", { reason: entry.reason })}</p>
      ) : null}

      <div className="mt-3 rounded-xl bg-stone-50 px-3 py-2.5 text-sm">
        <p className="flex flex-wrap items-center gap-2">
          <span className="font-semibold text-stone-700">{t("roundPage.entries.review")}</span>
          {review ? (
            <>
              <span className={`chip ring-1 ring-inset ${verdictStyle[review.verdict]}`}>{t(`rounds.verdict.${review.verdict}`)}</span>
              {review.department ? (
                <span className="text-xs text-stone-500">
                  {t("roundPage.entries.reviewBy", { department: localName(review.department, lng) })}
                </span>
              ) : null}
            </>
          ) : (
            <span className="text-stone-500">{t("roundPage.entries.notReviewed")}</span>
          )}
        </p>
        {review ? (
          <>
            <p className="mt-1.5 whitespace-pre-line text-stone-700">
              <span className="sr-only">{t("roundPage.entries.reasons")}: </span>
              {review.reasons}
            </p>
            {review.adjustedCostKrw !== null ? (
              <p className="mt-1 text-stone-700">
                {t("roundPage.entries.adjustedCost")}: <span className="font-semibold">{formatKrw(review.adjustedCostKrw, lng)}</span>
              </p>
            ) : null}
          </>
        ) : null}
        {entry.scores ? (
          <p className="mt-2 flex flex-wrap items-center gap-2 border-t border-stone-200 pt-2">
            <span className="font-semibold text-stone-700">{t("roundPage.entries.score")}</span>
            {entry.scores.average === null ? (
              <span className="text-stone-500">{t("roundPage.entries.noScore")}</span>
            ) : (
              <>
                <span className="font-bold text-brand-800">
                  {t("roundPage.entries.scoreValue", { average: entry.scores.average, max: maxPoints })}
                </span>
                <span className="text-xs text-stone-500">{t("roundPage.entries.scorers", { count: entry.scores.scorers })}</span>
              </>
            )}
          </p>
        ) : null}
      </div>

      <div className="mt-3 flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-stone-600">
          <span className="text-clay-600" aria-hidden="true">
            ♥
          </span>{" "}
          {t("roundPage.entries.supports", { n: formatNumber(proposal.supportCount) })} ·{" "}
          {t("roundPage.entries.comments", { n: formatNumber(proposal.commentCount) })}
        </p>
        {own && canWithdraw && entry.source === "DIRECT" && entry.status !== "WITHDRAWN" ? (
          <WithdrawButton entryId={entry.id} title={proposal.title} />
        ) : null}
      </div>
    </li>
  );
}

function WithdrawButton({ entryId, title }: { entryId: number; title: string }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<{ ok: true } | { error: LocalizedError }>();
  const error = fetcher.data && "error" in fetcher.data ? fetcher.data.error : null;
  return (
    <fetcher.Form
      method="post"
      onSubmit={(event) => {
        if (!window.confirm(t("roundPage.entries.withdrawConfirm", { title }))) event.preventDefault();
      }}
    >
      <input type="hidden" name="intent" value="withdraw" />
      <input type="hidden" name="entryId" value={entryId} />
      <button
        type="submit"
        className="rounded-lg px-3 py-1.5 text-sm font-semibold text-red-700 ring-1 ring-inset ring-red-200 hover:bg-red-50"
        disabled={fetcher.state !== "idle"}
      >
        {t("roundPage.entries.withdraw")}
      </button>
      {error ? (
        <p role="alert" className="mt-1 text-sm font-medium text-red-600">
          {error.message}
        </p>
      ) : null}
    </fetcher.Form>
  );
}
