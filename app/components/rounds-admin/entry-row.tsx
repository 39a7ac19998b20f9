// One entry in the round console: where it came from, its review and committee score, and the
// moderator's actions — assign a department, shortlist, return to submitted, exclude with a reason.
import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { LocalizedError } from "../../i18n/errors.ts";
import type { Language } from "../../i18n/i18n.ts";
import { formatDateTime, formatKrw } from "../../lib/format.ts";
import { describedBy, ErrorAlert, FieldError, issueAt, localName } from "../admin/ui.tsx";
import { EntryStatusChip, SourceChip, VerdictChip } from "./chips.tsx";

type Named = { id: number; name: string; nameEn: string };

export type ConsoleEntry = {
  id: number;
  source: string;
  status: string;
  reason: string | null;
  department: Named | null;
  proposal: {
    id: number;
    title: string;
    authorName: string;
    district: Named | null;
    supportCount: number;
    commentCount: number;
    estimatedCostKrw: number | null;
  };
  review: {
    verdict: string;
    reasons: string;
    adjustedCostKrw: number | null;
    reviewer: string;
    department: { name: string; nameEn: string } | null;
    updatedAt: string;
  } | null;
  costKrw: number | null;
  scores: { scorers: number; average: number | null } | null;
};

export function EntryRow({
  entry,
  lng,
  departments,
  locked,
  maxTotal,
  error,
}: {
  entry: ConsoleEntry;
  lng: Language;
  departments: Named[];
  locked: boolean;
  maxTotal: number;
  error: LocalizedError | null;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("entryId") === String(entry.id);
  const withdrawn = entry.status === "WITHDRAWN";
  const frozen = locked || withdrawn;
  const notFeasible = entry.review?.verdict === "NOT_FEASIBLE";
  const id = (name: string) => `entry-${entry.id}-${name}`;
  const p = entry.proposal;

  const statusButton = (status: string, label: string, extra?: { disabled?: boolean; hint?: string }) => (
    <Form method="post" preventScrollReset>
      <input type="hidden" name="intent" value="status" />
      <input type="hidden" name="entryId" value={entry.id} />
      <input type="hidden" name="status" value={status} />
      <button
        type="submit"
        className="btn-secondary min-h-[40px] px-3 text-sm"
        disabled={frozen || busy || extra?.disabled}
        title={extra?.hint}
        aria-describedby={extra?.hint ? id("shortlist-hint") : undefined}
      >
        {label}
      </button>
    </Form>
  );

  return (
    <li className="card p-4 sm:p-5" data-testid="entry-row" data-entry-id={entry.id}>
      <div className="flex flex-wrap items-center gap-1.5">
        <EntryStatusChip status={entry.status} />
        <SourceChip source={entry.source} />
        <VerdictChip verdict={entry.review?.verdict ?? null} />
      </div>
      <h3 className="mt-2 text-base font-bold sm:text-lg">
        <Link to={`/proposals/${p.id}`} className="hover:text-brand-700 hover:underline">
          {p.title}
        </Link>
      </h3>
      <p className="mt-1 text-sm text-stone-600">
        #{p.id} · {p.authorName} · {p.district ? localName(p.district, lng) : t("rounds.cityWide")} ·{" "}
        {t("roundsAdmin.entries.supports", { count: p.supportCount })} · {t("roundsAdmin.entries.comments", { count: p.commentCount })}
      </p>

      <dl className="mt-3 grid grid-cols-3 gap-x-4 gap-y-2 text-sm sm:gap-x-6">
        <div>
          <dt className="text-stone-500">{t("roundsAdmin.entries.department")}</dt>
          <dd className="font-semibold" data-testid="entry-department">
            {entry.department ? localName(entry.department, lng) : t("roundsAdmin.entries.noDepartment")}
          </dd>
        </div>
        <div>
          <dt className="text-stone-500">{t("roundsAdmin.entries.cost")}</dt>
          <dd className="font-semibold tabular-nums">
            {entry.costKrw === null ? "—" : formatKrw(entry.costKrw, lng)}
            {entry.review?.adjustedCostKrw != null ? (
              <span className="ml-1 font-normal text-stone-500">({t("roundsAdmin.entries.reviewedCost")})</span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt className="text-stone-500">{t("roundsAdmin.entries.score")}</dt>
          <dd className="font-semibold tabular-nums" data-testid="entry-score">
            {entry.scores?.average == null
              ? t("roundsAdmin.entries.noScore")
              : t("roundsAdmin.entries.scoreValue", { average: entry.scores.average, max: maxTotal, count: entry.scores.scorers })}
          </dd>
        </div>
      </dl>

      {entry.review ? (
        <details className="mt-3 rounded-xl bg-stone-50 px-4 py-2 text-sm">
          <summary className="cursor-pointer py-1 font-semibold text-stone-700">
            {t("roundsAdmin.entries.reviewBy", { reviewer: entry.review.reviewer, at: formatDateTime(entry.review.updatedAt, lng) })}
          </summary>
          <p className="mt-1 whitespace-pre-line text-stone-700">{entry.review.reasons}</p>
        </details>
      ) : null}
      {entry.reason ? (
        <p className="mt-2 text-sm text-stone-600">
          <span className="font-semibold">
            {entry.status === "EXCLUDED" ? t("roundsAdmin.entries.excludedBecause") : t("roundsAdmin.entries.promotedBecause")}:
          </span>{" "}
          {entry.reason}
        </p>
      ) : null}

      <ErrorAlert error={error && !issueAt(error, "reason") ? error : null} className="mt-3" />

      {frozen ? null : (
        <div className="mt-4 flex flex-col gap-3 border-t border-stone-100 pt-4 sm:flex-row sm:flex-wrap sm:items-end">
          <Form method="post" className="flex items-end gap-2" preventScrollReset>
            <input type="hidden" name="intent" value="assign" />
            <input type="hidden" name="entryId" value={entry.id} />
            <div className="min-w-0">
              <label htmlFor={id("department")} className="field-label">
                {t("roundsAdmin.entries.assign")}
              </label>
              <select
                id={id("department")}
                name="departmentId"
                defaultValue={entry.department?.id ?? ""}
                className="field-input min-h-[40px] max-w-[14rem] py-1.5"
                disabled={frozen}
              >
                <option value="" disabled>
                  {t("roundsAdmin.entries.chooseDepartment")}
                </option>
                {departments.map((d) => (
                  <option key={d.id} value={d.id}>
                    {localName(d, lng)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="btn-secondary min-h-[40px] px-3 text-sm" disabled={frozen || busy}>
              {t("roundsAdmin.entries.assignSubmit")}
            </button>
          </Form>

          <div className="flex flex-wrap gap-2">
            {entry.status !== "SHORTLISTED"
              ? statusButton(
                  "SHORTLISTED",
                  t("roundsAdmin.entries.shortlist"),
                  notFeasible ? { disabled: true, hint: t("rounds.errors.notFeasible") } : undefined,
                )
              : null}
            {entry.status !== "SUBMITTED" ? statusButton("SUBMITTED", t("roundsAdmin.entries.backToSubmitted")) : null}
          </div>
          {notFeasible && entry.status !== "SHORTLISTED" ? (
            <p id={id("shortlist-hint")} className="text-xs text-stone-500 sm:basis-full">
              {t("rounds.errors.notFeasible")}
            </p>
          ) : null}

          {entry.status !== "EXCLUDED" ? (
            <details className="sm:basis-full" open={!!issueAt(error, "reason")}>
              <summary className="inline-flex min-h-[40px] cursor-pointer items-center rounded-xl px-1 text-sm font-semibold text-red-700 hover:underline">
                {t("roundsAdmin.entries.exclude")}
              </summary>
              <Form method="post" className="mt-2 space-y-2" data-testid="exclude-form" noValidate preventScrollReset>
                <input type="hidden" name="intent" value="status" />
                <input type="hidden" name="entryId" value={entry.id} />
                <input type="hidden" name="status" value="EXCLUDED" />
                <label htmlFor={id("reason")} className="field-label">
                  {t("roundsAdmin.entries.excludeReason")}
                </label>
                <textarea
                  {...describedBy(id("reason"), { hint: true, error: issueAt(error, "reason") })}
                  name="reason"
                  rows={2}
                  maxLength={500}
                  className="field-input"
                  disabled={frozen}
                />
                <p id={`${id("reason")}-hint`} className="field-hint">
                  {t("roundsAdmin.entries.excludeReasonHint")}
                </p>
                <FieldError id={`${id("reason")}-error`} message={issueAt(error, "reason")} />
                <button
                  type="submit"
                  className="btn min-h-[40px] bg-red-700 px-3 text-sm text-white hover:bg-red-800"
                  disabled={frozen || busy}
                >
                  {t("roundsAdmin.entries.excludeSubmit")}
                </button>
              </Form>
            </details>
          ) : null}
        </div>
      )}
    </li>
  );
}
