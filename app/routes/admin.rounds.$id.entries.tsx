// /admin/rounds/:id/entries: the proposals in the round — bring in those that passed their 공감
// threshold (or promote one with a reason), assign the reviewing department, shortlist or exclude.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { field, requireStaff } from "../lib/server/admin.server.ts";
import { AdminError, describedBy, ErrorAlert, FieldError, issueAt, StatusMessage } from "../components/admin/ui.tsx";
import { EntryRow } from "../components/rounds-admin/entry-row.tsx";
import { AppError } from "../domain/errors.ts";
import { ENTRY_STATUSES } from "../domain/rounds/round.schema.ts";
import { actionFailure, requestLanguage, throwAsResponse } from "../lib/server/http.server.ts";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { viewer, lng } = await requireStaff(request, context);
  try {
    const round = await context.domain.rounds.get(viewer, params.id);
    const [entries, candidates, departments] = await Promise.all([
      context.domain.entries.list(viewer, round.id),
      context.domain.entries.candidates(viewer, round.id),
      context.domain.catalog.departments(),
    ]);
    return json({
      lng,
      round: { id: round.id, locked: round.settingsLocked, maxTotal: round.criteria.reduce((sum, c) => sum + c.maxPoints, 0) },
      entries,
      candidates,
      departments: departments.map((d) => ({ id: d.id, name: d.name, nameEn: d.nameEn })),
    });
  } catch (error) {
    throwAsResponse(error, lng);
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const lng = requestLanguage(request);
  const viewer = await context.auth.viewerFromRequest(request);
  const form = await request.formData();
  const intent = field(form, "intent");
  const entryId = field(form, "entryId") || null;
  try {
    if (intent === "add") {
      await context.domain.entries.add(viewer, {
        roundId: params.id,
        proposalId: field(form, "proposalId"),
        reason: field(form, "reason"),
      });
    } else if (intent === "assign") {
      await context.domain.entries.assign(viewer, { entryId, departmentId: field(form, "departmentId") });
    } else if (intent === "status") {
      await context.domain.entries.setStatus(viewer, { entryId, status: field(form, "status"), reason: field(form, "reason") });
    } else {
      throw new AppError("VALIDATION", "errors.badRequest");
    }
    return json({
      ok: true as const,
      intent,
      entryId,
      status: field(form, "status"),
      from: field(form, "from"),
      at: Date.now(),
      error: null,
    });
  } catch (error) {
    return actionFailure(error, lng, { ok: false as const, intent, entryId, from: field(form, "from") });
  }
}

export function ErrorBoundary() {
  return <AdminError />;
}

export type EntriesLoader = typeof loader;
export type EntriesAction = typeof action;

export default function RoundEntries() {
  const { lng, round, entries, candidates, departments } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const filter = params.get("status");
  const shown = filter && (ENTRY_STATUSES as readonly string[]).includes(filter) ? entries.filter((e) => e.status === filter) : entries;
  const count = (status: string) => entries.filter((e) => e.status === status).length;
  const addError = actionData && !actionData.ok && actionData.intent === "add" ? actionData.error : null;
  const promoteError = addError && actionData && !actionData.ok && actionData.from === "promote" ? addError : null;
  const candidateError = addError && !promoteError ? addError : null;
  const adding = navigation.state === "submitting" && navigation.formData?.get("intent") === "add";
  const done = actionData?.ok
    ? t(`roundsAdmin.entries.done.${actionData.intent === "status" ? actionData.status : actionData.intent}`, {
        defaultValue: t("roundsAdmin.entries.done.saved"),
      })
    : null;

  return (
    <div className={round.locked ? "" : "grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]"}>
      <section aria-labelledby="entries-title" className="min-w-0">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="entries-title" className="text-lg font-bold">
            {t("roundsAdmin.entries.title")} <span className="text-stone-500">{entries.length}</span>
          </h2>
        </div>
        {round.locked ? (
          <p
            role="note"
            className="mt-2 rounded-xl bg-amber-50 px-4 py-3 text-sm font-semibold text-amber-900 ring-1 ring-inset ring-amber-200"
          >
            {t("roundsAdmin.entries.locked")}
          </p>
        ) : null}
        <nav aria-label={t("roundsAdmin.entries.filter")} className="mt-3 flex flex-wrap gap-1.5 text-sm">
          {[null, ...ENTRY_STATUSES].map((s) => {
            const active = (s ?? null) === (filter ?? null);
            return (
              <Link
                key={s ?? "all"}
                to={s ? `?status=${s}` : "?"}
                aria-current={active ? "page" : undefined}
                preventScrollReset
                className={`rounded-full px-3 py-1.5 font-semibold ${active ? "bg-stone-900 text-white" : "bg-white text-stone-700 ring-1 ring-inset ring-stone-300 hover:bg-stone-100"}`}
              >
                {s ? t(`rounds.entryStatus.${s}`) : t("roundsAdmin.entries.all")}{" "}
                <span className="tabular-nums opacity-75">{s ? count(s) : entries.length}</span>
              </Link>
            );
          })}
        </nav>
        <StatusMessage message={done} className="mt-3" />
        {shown.length === 0 ? (
          <p className="card mt-3 p-5 text-stone-600">
            {entries.length === 0 ? t("roundsAdmin.entries.empty") : t("roundsAdmin.entries.emptyFilter")}
          </p>
        ) : (
          <ul className="mt-3 space-y-3" data-testid="entry-list">
            {shown.map((entry) => (
              <EntryRow
                key={entry.id}
                entry={entry}
                lng={lng}
                departments={departments}
                locked={round.locked}
                maxTotal={round.maxTotal}
                error={actionData && !actionData.ok && actionData.entryId === String(entry.id) ? actionData.error : null}
              />
            ))}
          </ul>
        )}
      </section>

      {round.locked ? null : (
        <aside className="min-w-0 space-y-6" data-testid="add-entry">
          <section aria-labelledby="candidates-title" className="card p-5">
            <h2 id="candidates-title" className="font-bold">
              {t("roundsAdmin.entries.candidates")}
            </h2>
            <p className="mt-1 text-sm text-stone-600">{t("roundsAdmin.entries.candidatesIntro")}</p>
            <ErrorAlert error={candidateError} className="mt-3" />
            {candidates.length === 0 ? (
              <p className="mt-3 text-sm text-stone-500">{t("roundsAdmin.entries.noCandidates")}</p>
            ) : (
              <ul className="mt-3 divide-y divide-stone-100" data-testid="candidate-list">
                {candidates.map((c) => (
                  <li key={c.id} className="flex items-center justify-between gap-3 py-2.5">
                    <div className="min-w-0">
                      <Link to={`/proposals/${c.id}`} className="line-clamp-2 text-sm font-semibold hover:text-brand-700 hover:underline">
                        {c.title}
                      </Link>
                      <p className="text-xs text-stone-500">
                        #{c.id} · {t(`status.${c.status}`)} · {t("roundsAdmin.entries.supports", { count: c._count.supports })}
                      </p>
                    </div>
                    <Form method="post" preventScrollReset>
                      <input type="hidden" name="intent" value="add" />
                      <input type="hidden" name="proposalId" value={c.id} />
                      <button
                        type="submit"
                        className="btn-secondary min-h-[40px] shrink-0 whitespace-nowrap px-3 text-sm"
                        disabled={round.locked || adding}
                        aria-label={t("roundsAdmin.entries.addNamed", { title: c.title })}
                      >
                        {t("roundsAdmin.entries.add")}
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="promote-title" className="card p-5">
            <h2 id="promote-title" className="font-bold">
              {t("roundsAdmin.entries.promote")}
            </h2>
            <p className="mt-1 text-sm text-stone-600">{t("roundsAdmin.entries.promoteIntro")}</p>
            <Form
              key={actionData?.ok && actionData.from === "promote" ? actionData.at : "promote"}
              method="post"
              className="mt-3 space-y-3"
              data-testid="promote-form"
              noValidate
              preventScrollReset
            >
              <input type="hidden" name="intent" value="add" />
              <input type="hidden" name="from" value="promote" />
              <fieldset disabled={round.locked} className="space-y-3">
                <div>
                  <label htmlFor="promote-proposalId" className="field-label">
                    {t("roundsAdmin.entries.proposalNumber")}
                  </label>
                  <input
                    {...describedBy("promote-proposalId", { hint: true, error: issueAt(promoteError, "proposalId") })}
                    name="proposalId"
                    type="text"
                    inputMode="numeric"
                    className="field-input max-w-[10rem] tabular-nums"
                  />
                  <p id="promote-proposalId-hint" className="field-hint">
                    {t("roundsAdmin.entries.proposalNumberHint")}
                  </p>
                  <FieldError id="promote-proposalId-error" message={issueAt(promoteError, "proposalId")} />
                </div>
                <div>
                  <label htmlFor="promote-reason" className="field-label">
                    {t("roundsAdmin.entries.promoteReason")}
                  </label>
                  <textarea
                    {...describedBy("promote-reason", { hint: true, error: issueAt(promoteError, "reason") })}
                    name="reason"
                    rows={3}
                    maxLength={500}
                    className="field-input"
                  />
                  <p id="promote-reason-hint" className="field-hint">
                    {t("roundsAdmin.entries.promoteReasonHint")}
                  </p>
                  <FieldError id="promote-reason-error" message={issueAt(promoteError, "reason")} />
                </div>
                {promoteError && !promoteError.issues?.length ? <ErrorAlert error={promoteError} /> : null}
                <button type="submit" className="btn-primary w-full" disabled={adding}>
                  {adding ? t("admin.common.working") : t("roundsAdmin.entries.promoteSubmit")}
                </button>
              </fieldset>
            </Form>
          </section>
        </aside>
      )}
    </div>
  );
}
