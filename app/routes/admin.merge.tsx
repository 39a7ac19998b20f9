// /admin/merge: moderators merge a duplicate proposal into another one. Pick both by number or
// by searching titles (?q=), preview them side by side (?source=&target=), give a reason and
// confirm. The domain checks permissions, chains and counts; this screen only asks.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { field, requireStaff } from "../lib/server/admin.server.ts";
import { AdminTable } from "../components/admin/admin-table.tsx";
import {
  AdminError,
  describedBy,
  ErrorAlert,
  FieldError,
  issueAt,
  PageHeader,
  StatusMessage,
  useQueryLink,
} from "../components/admin/ui.tsx";
import { StatusBadge } from "../components/status-badge.tsx";
import { AppError } from "../domain/errors.ts";
import type { MergeCandidate, MergeResult } from "../domain/proposals/merge.service.server.ts";
import { isModerator } from "../domain/roles/roles.policy.ts";
import type { Language } from "../i18n/i18n.ts";
import { formatDate } from "../lib/format.ts";
import { actionFailure, requestLanguage, throwAsResponse } from "../lib/server/http.server.ts";
import { pageTitle } from "../lib/meta.ts";

const RESULTS = 20;

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "duplicates.merge.title")];

const idParam = (value: string | null) => (value && /^\d{1,10}$/.test(value.trim()) ? Number(value.trim()) : null);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { viewer, lng } = await requireStaff(request, context);
  const params = new URL(request.url).searchParams;
  const q = (params.get("q") ?? "").trim().slice(0, 100);
  const sourceId = idParam(params.get("source"));
  const targetId = idParam(params.get("target"));
  try {
    const [results, source, target] = await Promise.all([
      q ? context.domain.proposals.list(viewer, { q, sort: "newest", limit: RESULTS }) : null,
      sourceId ? context.domain.merge.candidate(viewer, sourceId) : null,
      targetId ? context.domain.merge.candidate(viewer, targetId) : null,
    ]);
    return json({
      lng,
      q,
      sourceId,
      targetId,
      source,
      target,
      results: results
        ? {
            totalCount: results.totalCount,
            items: results.items.map((p) => ({ id: p.id, title: p.title, status: p.status, supportCount: p.supportCount })),
          }
        : null,
    });
  } catch (error) {
    throwAsResponse(error, lng);
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const lng = requestLanguage(request);
  const viewer = await context.auth.viewerFromRequest(request);
  const form = await request.formData();
  const reason = field(form, "reason");
  try {
    // A hint only (the domain decides): refuse outsiders before asking them to confirm.
    if (!viewer) throw new AppError("UNAUTHENTICATED", "errors.loginRequired");
    if (!isModerator(viewer)) throw new AppError("FORBIDDEN", "errors.forbidden");
    if (field(form, "confirm") !== "yes") {
      throw new AppError("VALIDATION", "errors.validation", { issues: [{ path: "confirm", key: "duplicates.errors.confirmRequired" }] });
    }
    const result = await context.domain.merge.merge(viewer, {
      sourceId: field(form, "sourceId"),
      targetId: field(form, "targetId"),
      reason,
    });
    return json({ ok: true as const, result, at: Date.now() });
  } catch (error) {
    return actionFailure(error, lng, { ok: false as const, reason });
  }
}

export function ErrorBoundary() {
  return <AdminError />;
}

type Candidate = Omit<MergeCandidate, "createdAt"> & { createdAt: string };

function CandidateCard({
  role,
  id,
  candidate,
  lng,
}: {
  role: "source" | "target";
  id: number | null;
  candidate: Candidate | null;
  lng: Language;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`${role}-heading`} className="card min-w-0 flex-1 p-5" data-testid={`merge-${role}`}>
      <h3 id={`${role}-heading`} className="text-sm font-bold text-stone-500">
        {t(`duplicates.merge.${role}`)}
      </h3>
      {id === null ? (
        <p className="mt-2 text-stone-500">{t("duplicates.merge.notChosen")}</p>
      ) : !candidate ? (
        <p className="mt-2 font-semibold text-red-700">{t("duplicates.merge.notFound", { id })}</p>
      ) : (
        <>
          <div className="mt-2 flex flex-wrap items-center gap-1.5">
            <span className="chip bg-stone-100 text-stone-700">#{candidate.id}</span>
            <StatusBadge status={candidate.status} />
          </div>
          <p className="mt-2 text-lg font-bold leading-snug">
            <Link
              to={`/proposals/${candidate.id}`}
              target="_blank"
              rel="noopener noreferrer"
              className="hover:text-brand-700 hover:underline"
            >
              {candidate.title}
              <span className="sr-only"> ({t("duplicates.merge.open")})</span>
              <span aria-hidden="true"> ↗</span>
            </Link>
          </p>
          <p className="mt-1 text-sm text-stone-500">
            {t("duplicates.merge.author", { name: candidate.authorName, date: formatDate(candidate.createdAt, lng) })}
          </p>
          <p className="mt-3 text-base font-bold text-clay-600">
            <span aria-hidden="true">♥ </span>
            {t("duplicates.merge.supportCount", { count: candidate.supportCount })}
          </p>
          {candidate.mergedCount > 0 ? (
            <p className="mt-1 text-sm text-violet-800">{t("duplicates.merge.mergedGroup", { count: candidate.mergedCount })}</p>
          ) : null}
          {candidate.mergedIntoId ? (
            <p className="mt-2 text-sm font-semibold text-amber-800">
              {t("duplicates.merge.alreadyMergedInto", { id: candidate.mergedIntoId })}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

export default function AdminMerge() {
  const { lng, q, sourceId, targetId, source, target, results } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const link = useQueryLink();
  const { t } = useTranslation();
  const submitting = navigation.state === "submitting";
  const error = actionData && !actionData.ok ? actionData.error : null;
  const done = actionData?.ok ? (actionData.result as MergeResult) : null;
  const reasonError = issueAt(error, "reason");
  const confirmError = issueAt(error, "confirm");
  const same = sourceId !== null && sourceId === targetId;
  const ready = !!source && !!target && !same && source.status !== "MERGED" && target.status !== "MERGED";

  return (
    <div>
      <PageHeader title={t("duplicates.merge.title")} intro={t("duplicates.merge.intro")}>
        <Link to="/proposals/repeated" className="btn-secondary">
          {t("duplicates.merge.repeatedLink")}
        </Link>
      </PageHeader>

      <StatusMessage
        className="mt-4"
        message={
          done
            ? t("duplicates.merge.done", {
                source: done.sourceId,
                target: done.targetId,
                carried: done.carriedSupports,
                counted: done.alreadyCounted,
                count: done.supportCount,
              })
            : null
        }
      />
      {done ? (
        <p className="mt-2">
          <Link to={`/proposals/${done.targetId}`} className="text-sm font-semibold text-brand-700 hover:underline">
            {t("duplicates.merge.viewTarget")} →
          </Link>
        </p>
      ) : null}

      <section aria-labelledby="pick-heading" className="card mt-6 p-4 sm:p-5">
        <h2 id="pick-heading" className="text-base font-bold">
          {t("duplicates.merge.pick")}
        </h2>
        <Form method="get" className="mt-3 grid gap-3 sm:grid-cols-[1fr_1fr_auto]">
          {q ? <input type="hidden" name="q" value={q} /> : null}
          <div>
            <label htmlFor="source" className="field-label">
              {t("duplicates.merge.sourceId")}
            </label>
            <input
              id="source"
              name="source"
              type="text"
              inputMode="numeric"
              pattern="[0-9]*"
              defaultValue={sourceId ?? ""}
              className="field-input"
            />
          </div>
          <div>
            <label htmlFor="target" className="field-label">
              {t("duplicates.merge.targetId")}
            </label>
            <input
              id="target"
              name="target"
              type="text"
              inputMode="numeric"
              pattern="[0-9]*"
              defaultValue={targetId ?? ""}
              className="field-input"
            />
          </div>
          <div className="flex items-end">
            <button type="submit" className="btn-secondary w-full sm:w-auto">
              {t("duplicates.merge.load")}
            </button>
          </div>
        </Form>

        <Form method="get" role="search" className="mt-4 grid gap-3 border-t border-stone-100 pt-4 sm:grid-cols-[1fr_auto]">
          {params.get("source") ? <input type="hidden" name="source" value={params.get("source")!} /> : null}
          {params.get("target") ? <input type="hidden" name="target" value={params.get("target")!} /> : null}
          <div>
            <label htmlFor="q" className="field-label">
              {t("duplicates.merge.find")}
            </label>
            <input
              id="q"
              name="q"
              type="search"
              defaultValue={q}
              placeholder={t("duplicates.merge.findPlaceholder")}
              maxLength={100}
              className="field-input"
            />
          </div>
          <div className="flex items-end">
            <button type="submit" className="btn-primary w-full sm:w-auto">
              {t("duplicates.merge.findSubmit")}
            </button>
          </div>
        </Form>

        {results ? (
          <div className="mt-4">
            <p className="text-sm font-semibold text-stone-700" aria-live="polite">
              {t("duplicates.merge.results", { count: results.totalCount })}
            </p>
            <AdminTable
              inset
              rows={results.items}
              rowKey={(p) => p.id}
              empty={t("duplicates.merge.noResults")}
              rowClassName={(p) => (p.id === sourceId || p.id === targetId ? "bg-brand-50/60" : undefined)}
              className="mt-2"
              columns={[
                {
                  header: t("duplicates.merge.colTitle"),
                  rowHeader: true,
                  className: "font-normal",
                  cell: (p) => (
                    <>
                      <span className="text-stone-500">#{p.id} </span>
                      <span className="font-semibold text-stone-900">{p.title}</span>
                    </>
                  ),
                },
                { header: t("duplicates.merge.colStatus"), cell: (p) => <StatusBadge status={p.status} /> },
                { header: t("duplicates.merge.colSupports"), align: "right", className: "tabular-nums", cell: (p) => p.supportCount },
                {
                  header: t("duplicates.merge.colActions"),
                  srOnly: true,
                  align: "right",
                  cell: (p) => (
                    <div className="flex justify-end gap-1.5">
                      <Link
                        to={link({ source: String(p.id) })}
                        className="btn-secondary min-h-[36px] whitespace-nowrap px-2.5 text-sm"
                        aria-label={t("duplicates.merge.asSourceLabel", { id: p.id, title: p.title })}
                        aria-current={p.id === sourceId ? "true" : undefined}
                      >
                        {t("duplicates.merge.asSource")}
                      </Link>
                      <Link
                        to={link({ target: String(p.id) })}
                        className="btn-secondary min-h-[36px] whitespace-nowrap px-2.5 text-sm"
                        aria-label={t("duplicates.merge.asTargetLabel", { id: p.id, title: p.title })}
                        aria-current={p.id === targetId ? "true" : undefined}
                      >
                        {t("duplicates.merge.asTarget")}
                      </Link>
                    </div>
                  ),
                },
              ]}
            />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="preview-heading" className="mt-6">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="preview-heading" className="text-base font-bold">
            {t("duplicates.merge.preview")}
          </h2>
          {sourceId !== null || targetId !== null ? (
            <Link
              to={link({ source: targetId === null ? null : String(targetId), target: sourceId === null ? null : String(sourceId) })}
              className="btn-secondary min-h-[36px] px-3 text-sm"
            >
              ⇄ {t("duplicates.merge.swap")}
            </Link>
          ) : null}
        </div>
        <div className="mt-3 flex flex-col items-stretch gap-3 md:flex-row">
          <CandidateCard role="source" id={sourceId} candidate={source} lng={lng} />
          <span aria-hidden="true" className="self-center text-2xl font-black text-stone-400">
            {t("duplicates.merge.arrow")}
          </span>
          <CandidateCard role="target" id={targetId} candidate={target} lng={lng} />
        </div>
        {same ? (
          <p role="alert" className="mt-3 text-sm font-semibold text-red-700">
            {t("duplicates.merge.same")}
          </p>
        ) : null}
      </section>

      {ready ? (
        <Form method="post" className="card mt-6 space-y-4 p-4 sm:p-5" noValidate>
          <ErrorAlert error={error} />
          <input type="hidden" name="sourceId" value={source.id} />
          <input type="hidden" name="targetId" value={target.id} />
          <div>
            <label htmlFor="reason" className="field-label">
              {t("duplicates.merge.reason")}
            </label>
            <textarea
              {...describedBy("reason", { hint: true, error: reasonError })}
              name="reason"
              rows={3}
              maxLength={500}
              required
              defaultValue={actionData && !actionData.ok ? actionData.reason : ""}
              placeholder={t("duplicates.merge.reasonPlaceholder")}
              className="field-input"
            />
            <p id="reason-hint" className="field-hint">
              {t("duplicates.merge.reasonHint")}
            </p>
            <FieldError id="reason-error" message={reasonError} />
          </div>
          <div>
            <label className="flex items-start gap-2 text-sm font-medium text-stone-800">
              <input
                {...describedBy("confirm", { error: confirmError })}
                type="checkbox"
                name="confirm"
                value="yes"
                required
                className="mt-0.5 h-5 w-5 rounded border-stone-300 text-brand-600"
              />
              <span>{t("duplicates.merge.confirm")}</span>
            </label>
            <FieldError id="confirm-error" message={confirmError} />
          </div>
          <button type="submit" className="btn-primary" disabled={submitting}>
            {submitting ? t("duplicates.merge.submitting") : t("duplicates.merge.submit")}
          </button>
        </Form>
      ) : (
        <ErrorAlert error={error} className="mt-6" />
      )}
    </div>
  );
}
