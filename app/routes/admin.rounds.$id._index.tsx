// /admin/rounds/:id: where the round stands — publish a draft, the phase timeline, moving the
// round on now (or ending it) with a reason, locking its debate, and the phase history.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { field, requireStaff } from "../lib/server/admin.server.ts";
import { AdminError, describedBy, ErrorAlert, FieldError, issueAt, localName, StatusMessage } from "../components/admin/ui.tsx";
import { PhaseTimeline } from "../components/rounds-admin/phase-timeline.tsx";
import { AppError } from "../domain/errors.ts";
import { formatDateTime, formatKrw } from "../lib/format.ts";
import { actionFailure, requestLanguage, throwAsResponse } from "../lib/server/http.server.ts";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { viewer, lng } = await requireStaff(request, context);
  try {
    const [round, history] = await Promise.all([
      context.domain.rounds.get(viewer, params.id),
      context.domain.rounds.history(viewer, params.id),
    ]);
    return json({ lng, round, history, now: Date.now() });
  } catch (error) {
    throwAsResponse(error, lng);
  }
}

const INTENTS = ["publish", "override", "lock", "unlock"] as const;
type Intent = (typeof INTENTS)[number];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const lng = requestLanguage(request);
  const viewer = await context.auth.viewerFromRequest(request);
  const form = await request.formData();
  const intent = (INTENTS as readonly string[]).includes(field(form, "intent")) ? (field(form, "intent") as Intent) : null;
  try {
    switch (intent) {
      case "publish":
        await context.domain.rounds.publish(viewer, params.id);
        break;
      case "override": {
        // The edge's own check: the moderator ticked that they mean it.
        if (form.get("confirm") !== "on") {
          throw new AppError("VALIDATION", "roundsAdmin.override.confirmRequired", {
            issues: [{ path: "confirm", key: "roundsAdmin.override.confirmRequired" }],
          });
        }
        await context.domain.rounds.override(viewer, { roundId: params.id, target: field(form, "target"), reason: field(form, "reason") });
        break;
      }
      case "lock":
      case "unlock":
        await context.domain.moderation.lock(viewer, { roundId: params.id }, intent === "lock", field(form, "reason") || undefined);
        break;
      default:
        throw new AppError("VALIDATION", "errors.badRequest");
    }
    return json({ ok: true as const, intent, at: Date.now(), error: null });
  } catch (error) {
    return actionFailure(error, lng, { ok: false as const, intent });
  }
}

export function ErrorBoundary() {
  return <AdminError />;
}

export default function RoundOverview() {
  const { lng, round, history, now } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const busy = (intent: Intent) => navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  const errorFor = (intent: Intent) => (actionData && !actionData.ok && actionData.intent === intent ? actionData.error : null);
  const done = actionData?.ok
    ? t(`roundsAdmin.overview.done.${actionData.intent}`)
    : params.get("created")
      ? t("roundsAdmin.overview.done.created")
      : null;

  const currentPosition = round.currentPhase?.position ?? null;
  const targets = round.phases.filter(
    (p) => new Date(p.endsAt).getTime() > now && (currentPosition === null || p.position > currentPosition),
  );
  const overrideError = errorFor("override");
  const canOverride = round.published && round.stage !== "finished";
  const e = round.eligibility;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="min-w-0 space-y-6">
        <StatusMessage message={done} />

        {!round.published ? (
          <section
            aria-labelledby="publish-title"
            className="rounded-2xl bg-amber-50 p-5 ring-1 ring-inset ring-amber-200"
            data-testid="publish-form"
          >
            <h2 id="publish-title" className="font-bold text-amber-900">
              {t("roundsAdmin.publish.title")}
            </h2>
            <p className="mt-1 text-sm text-amber-900">{t("roundsAdmin.publish.intro")}</p>
            <ErrorAlert error={errorFor("publish")} className="mt-3" />
            <Form method="post" className="mt-3 flex flex-wrap gap-2" preventScrollReset>
              <button type="submit" name="intent" value="publish" className="btn-primary" disabled={busy("publish")}>
                {busy("publish") ? t("admin.common.working") : t("roundsAdmin.publish.submit")}
              </button>
              <Link to={`/admin/rounds/${round.id}/settings`} className="btn-secondary">
                {t("roundsAdmin.publish.edit")}
              </Link>
            </Form>
          </section>
        ) : null}

        <section aria-labelledby="timeline-title" className="card p-5 sm:p-6">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="timeline-title" className="text-lg font-bold">
              {t("roundsAdmin.timeline.title")}
            </h2>
            <p className="text-sm text-stone-500">{t("roundsAdmin.timeline.kst")}</p>
          </div>
          {round.settingsLocked ? <p className="mt-2 text-sm font-semibold text-amber-800">{t("roundsAdmin.form.locked")}</p> : null}
          <div className="mt-4">
            <PhaseTimeline phases={round.phases} currentPhaseId={round.currentPhase?.id ?? null} now={now} lng={lng} />
          </div>
        </section>

        {canOverride ? (
          <section aria-labelledby="override-title" className="card p-5 sm:p-6">
            <h2 id="override-title" className="text-lg font-bold">
              {t("roundsAdmin.override.title")}
            </h2>
            <p className="mt-1 text-sm text-stone-600">{t("roundsAdmin.override.intro")}</p>
            {/* After a change went through, start the form afresh. */}
            <Form
              key={actionData?.ok && actionData.intent === "override" ? actionData.at : "override"}
              method="post"
              className="mt-4 space-y-4"
              data-testid="override-form"
              noValidate
              preventScrollReset
            >
              <input type="hidden" name="intent" value="override" />
              <div>
                <label htmlFor="override-target" className="field-label">
                  {t("roundsAdmin.override.target")}
                </label>
                <select
                  {...describedBy("override-target", { error: issueAt(overrideError, "target") })}
                  name="target"
                  className="field-input"
                  defaultValue={targets[0]?.id ?? "finish"}
                >
                  {targets.map((p) => (
                    <option key={p.id} value={p.id}>
                      {t("roundsAdmin.override.moveTo", { n: p.position, name: localName(p, lng) })}
                    </option>
                  ))}
                  <option value="finish">{t("roundsAdmin.override.finish")}</option>
                </select>
                <FieldError id="override-target-error" message={issueAt(overrideError, "target")} />
              </div>
              <div>
                <label htmlFor="override-reason" className="field-label">
                  {t("roundsAdmin.override.reason")}
                </label>
                <textarea
                  {...describedBy("override-reason", { hint: true, error: issueAt(overrideError, "reason") })}
                  name="reason"
                  rows={3}
                  className="field-input"
                  required
                  maxLength={500}
                />
                <p id="override-reason-hint" className="field-hint">
                  {t("roundsAdmin.override.reasonHint")}
                </p>
                <FieldError id="override-reason-error" message={issueAt(overrideError, "reason")} />
              </div>
              <div className="flex items-start gap-3">
                <input
                  id="override-confirm"
                  name="confirm"
                  type="checkbox"
                  className="mt-0.5 h-5 w-5 shrink-0 accent-brand-600"
                  aria-invalid={issueAt(overrideError, "confirm") ? true : undefined}
                  aria-describedby={issueAt(overrideError, "confirm") ? "override-confirm-error" : undefined}
                />
                <div>
                  <label htmlFor="override-confirm" className="text-[15px] font-semibold text-stone-800">
                    {t("roundsAdmin.override.confirm")}
                  </label>
                  <FieldError id="override-confirm-error" message={issueAt(overrideError, "confirm")} />
                </div>
              </div>
              {overrideError && !overrideError.issues?.length ? <ErrorAlert error={overrideError} /> : null}
              <button type="submit" className="btn bg-clay-600 text-white hover:bg-clay-700" disabled={busy("override")}>
                {busy("override") ? t("admin.common.working") : t("roundsAdmin.override.submit")}
              </button>
            </Form>
          </section>
        ) : null}

        <section aria-labelledby="history-title" className="card p-5 sm:p-6">
          <h2 id="history-title" className="text-lg font-bold">
            {t("roundsAdmin.history.title")}
          </h2>
          {history.length === 0 ? (
            <p className="mt-2 text-sm text-stone-600">{t("roundsAdmin.history.empty")}</p>
          ) : (
            <ol className="mt-3 divide-y divide-stone-100" data-testid="phase-history">
              {[...history].reverse().map((h) => (
                <li key={h.id} className="py-3 text-sm">
                  <p className="flex flex-wrap items-center gap-2">
                    <time dateTime={h.at} className="tabular-nums text-stone-500">
                      {formatDateTime(h.at, lng)}
                    </time>
                    <span
                      className={`chip ${h.cause === "OVERRIDE" ? "bg-clay-50 text-clay-700 ring-1 ring-inset ring-clay-200" : "bg-stone-100 text-stone-700"}`}
                    >
                      {t(`rounds.cause.${h.cause}`)}
                    </span>
                  </p>
                  <p className="mt-1 font-semibold text-stone-800">
                    {h.from ? localName(h.from, lng) : t("roundsAdmin.history.start")} →{" "}
                    {h.to ? localName(h.to, lng) : t("roundsAdmin.history.end")}
                  </p>
                  {h.reason ? (
                    <p className="mt-0.5 text-stone-600">
                      {t("roundsAdmin.history.reason")}: {h.reason}
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>

      <aside className="min-w-0 space-y-6">
        <section aria-labelledby="facts-title" className="card p-5">
          <h2 id="facts-title" className="font-bold">
            {t("roundsAdmin.overview.facts")}
          </h2>
          <dl className="mt-3 space-y-2 text-sm">
            <div>
              <dt className="text-stone-500">{t("roundsAdmin.form.budgetCap")}</dt>
              <dd className="font-semibold">
                {round.budgetCapKrw === null ? t("roundsAdmin.overview.noCap") : formatKrw(round.budgetCapKrw, lng)}
              </dd>
            </div>
            {round.pots.length ? (
              <div>
                <dt className="text-stone-500">{t("roundsAdmin.form.pots")}</dt>
                <dd>
                  <ul className="mt-1 space-y-0.5">
                    {round.pots.map((p) => (
                      <li key={p.district.id} className="flex justify-between gap-2">
                        <span>{localName(p.district, lng)}</span>
                        <span className="tabular-nums">{formatKrw(p.amountKrw, lng)}</span>
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ) : null}
            <div>
              <dt className="text-stone-500">{t("roundsAdmin.form.eligibility")}</dt>
              <dd className="font-semibold">
                {e ? (
                  <ul className="list-disc pl-5 font-normal">
                    {e.requireVerified === false ? (
                      <li>{t("roundsAdmin.overview.noVerification")}</li>
                    ) : (
                      <li>{t("admin.settings.summaryVerified")}</li>
                    )}
                    {e.minAge !== undefined ? <li>{t("roundsAdmin.overview.minAge", { minAge: e.minAge })}</li> : null}
                    {e.maxAge != null ? <li>{t("roundsAdmin.overview.maxAge", { maxAge: e.maxAge })}</li> : null}
                    {e.affiliation?.kinds?.length ? (
                      <li>
                        {t("roundsAdmin.overview.kinds", {
                          kinds: e.affiliation.kinds.map((k) => t(`admin.kinds.${k}`)).join(lng === "ko" ? "·" : ", "),
                        })}
                      </li>
                    ) : null}
                    {e.affiliation?.minResidenceMonths ? (
                      <li>{t("roundsAdmin.overview.minResidenceMonths", { months: e.affiliation.minResidenceMonths })}</li>
                    ) : null}
                    {e.excludedGroups?.length ? (
                      <li>
                        {t("admin.settings.summaryExcluded", {
                          groups: e.excludedGroups.map((g) => t(`groups.${g}`, { defaultValue: g })).join(", "),
                        })}
                      </li>
                    ) : null}
                  </ul>
                ) : (
                  t("roundsAdmin.overview.cityRules")
                )}
              </dd>
            </div>
            <div>
              <dt className="text-stone-500">{t("roundsAdmin.form.criteria")}</dt>
              <dd>{round.criteria.map((c) => `${localName(c, lng)} ${c.maxPoints}`).join(" · ")}</dd>
            </div>
          </dl>
        </section>

        <section aria-labelledby="debate-title" className="card p-5" data-testid="debate-lock">
          <h2 id="debate-title" className="font-bold">
            {t("roundsAdmin.debate.title")}
          </h2>
          <p className="mt-1 text-sm text-stone-600">
            {round.commentsLocked ? t("roundsAdmin.debate.locked") : t("roundsAdmin.debate.open", { count: round.commentCount })}
          </p>
          <Form method="post" className="mt-3 space-y-3" preventScrollReset>
            <input type="hidden" name="intent" value={round.commentsLocked ? "unlock" : "lock"} />
            <div>
              <label htmlFor="lock-reason" className="field-label">
                {t("roundsAdmin.debate.reason")} <span className="font-normal text-stone-500">{t("admin.common.optional")}</span>
              </label>
              <input id="lock-reason" name="reason" type="text" maxLength={500} className="field-input" />
            </div>
            <ErrorAlert error={errorFor(round.commentsLocked ? "unlock" : "lock")} />
            <button type="submit" className="btn-secondary w-full">
              {round.commentsLocked ? t("roundsAdmin.debate.unlock") : t("roundsAdmin.debate.lock")}
            </button>
          </Form>
        </section>

        <section aria-labelledby="description-title" className="card p-5">
          <h2 id="description-title" className="font-bold">
            {t("roundsAdmin.form.description")}
          </h2>
          <div className="prose-madang mt-3 text-[15px] leading-relaxed" dangerouslySetInnerHTML={{ __html: round.descriptionHtml }} />
        </section>
      </aside>
    </div>
  );
}
