// Moderators: appeals against hides, reported opinions, and those held by the banned-word
// filter, under proposals and in rounds. A moderator decides an appeal here (uphold or
// reverse, with an answer the author receives), takes a report and then hides or keeps the
// opinion where it is shown, and may suspend an author for some days, with a reason.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useFetcher, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { commentHref } from "../components/comment-thread.tsx";
import { AppError } from "../domain/errors.ts";
import type { LocalizedError } from "../i18n/errors.ts";
import type { Language } from "../i18n/i18n.ts";
import { formatDateTime } from "../lib/format.ts";
import { actionFailure, requestLanguage, throwAsResponse } from "../lib/server/http.server.ts";
import { pageTitle } from "../lib/meta.ts";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "debate.queueTitle")];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lng = requestLanguage(request);
  const viewer = await context.auth.viewerFromRequest(request);
  try {
    return json({ lng, viewerId: viewer?.id ?? null, ...(await context.domain.moderation.queue(viewer)) });
  } catch (error) {
    throwAsResponse(error, lng);
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await context.auth.viewerFromRequest(request);
  const form = Object.fromEntries(await request.formData());
  try {
    switch (form.intent) {
      case "take":
        await context.domain.moderation.assignReport(viewer, form.reportId);
        break;
      case "resolveAppeal":
        await context.domain.moderation.resolveAppeal(viewer, { appealId: form.appealId, outcome: form.outcome, response: form.response });
        break;
      case "suspend":
        await context.domain.admin.suspendUser(viewer, { userId: form.userId, days: form.days, reason: form.reason });
        break;
      default:
        throw new AppError("VALIDATION", "debate.errors.unknownAction");
    }
    return json({ ok: true as const, intent: String(form.intent) });
  } catch (error) {
    return actionFailure(error, requestLanguage(request));
  }
}

type ActionData = { ok: true; intent: string } | { error: LocalizedError };
type Where = { id: number; proposalId: number | null; roundId: number | null };

function useQueueAction() {
  const fetcher = useFetcher<ActionData>();
  const data = fetcher.state === "idle" ? fetcher.data : undefined;
  return {
    fetcher,
    busy: fetcher.state !== "idle",
    error: data && "error" in data ? data.error : null,
    done: data && "ok" in data ? data.intent : null,
  };
}

const excerpt = (text: string) => (text.length > 140 ? `${text.slice(0, 140)}…` : text);

function issueOf(error: LocalizedError | null, path: string) {
  return error?.issues?.find((i) => i.path === path)?.message;
}

function Refusal({ error }: { error: LocalizedError | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="mt-2 text-sm font-medium text-red-600">
      {error.issues?.length ? error.issues.map((i) => i.message).join(" ") : error.message}
    </p>
  );
}

function WhereChip({ c }: { c: Where }) {
  const { t } = useTranslation();
  return (
    <span className="chip bg-stone-100 text-stone-700">
      {c.roundId ? t("debate.moderation.inRound") : t("debate.moderation.inProposal")}
    </span>
  );
}

function GoTo({ c }: { c: Where }) {
  const { t } = useTranslation();
  return (
    <Link to={commentHref(c)} className="btn-secondary text-sm">
      {t("debate.goTo")}
    </Link>
  );
}

/** Suspends the author for N days (blank = until lifted), with a reason the author sees. */
function SuspendAuthor({
  author,
  viewerId,
  formKey,
}: {
  author: { id: number; displayName: string; status: string };
  viewerId: number | null;
  formKey: string;
}) {
  const { t } = useTranslation();
  const { fetcher, busy, error, done } = useQueueAction();
  if (author.status === "SUSPENDED" || done === "suspend") {
    return (
      <span className="chip bg-clay-50 text-clay-700" role={done ? "status" : undefined}>
        {done ? t("debate.moderation.suspendedDone") : t("debate.moderation.suspended")}
      </span>
    );
  }
  if (author.id === viewerId) return null;
  const id = (field: string) => `suspend-${formKey}-${field}`;
  return (
    <details className="w-full text-sm">
      <summary className="cursor-pointer font-semibold text-clay-700">{t("debate.moderation.suspend")}</summary>
      <fetcher.Form method="post" className="mt-2 grid gap-2 sm:grid-cols-[8rem_1fr_auto] sm:items-end">
        <input type="hidden" name="intent" value="suspend" />
        <input type="hidden" name="userId" value={author.id} />
        <div>
          <label htmlFor={id("days")} className="field-label">
            {t("debate.moderation.suspendDays")}
          </label>
          <input
            id={id("days")}
            name="days"
            type="number"
            inputMode="numeric"
            min={1}
            max={3650}
            defaultValue={7}
            className="field-input"
            aria-invalid={issueOf(error, "days") ? true : undefined}
          />
        </div>
        <div>
          <label htmlFor={id("reason")} className="field-label">
            {t("debate.moderation.suspendReason")}
          </label>
          <input
            id={id("reason")}
            name="reason"
            required
            maxLength={500}
            className="field-input"
            aria-invalid={issueOf(error, "reason") ? true : undefined}
          />
        </div>
        <button type="submit" className="btn-secondary text-sm" disabled={busy}>
          {t("debate.moderation.suspendSubmit", { name: author.displayName })}
        </button>
      </fetcher.Form>
      <Refusal error={error} />
    </details>
  );
}

type Queue = SerializeFrom<typeof loader>;

function AppealItem({ a, lng }: { a: Queue["appeals"][number]; lng: Language }) {
  const { t } = useTranslation();
  const { fetcher, busy, error } = useQueueAction();
  const id = (field: string) => `appeal-${a.id}-${field}`;
  return (
    <li className="card p-4" data-testid="appeal">
      <div className="flex flex-wrap items-center gap-2 text-sm text-stone-500">
        <WhereChip c={a.comment} />
        <span>{formatDateTime(a.createdAt, lng)}</span>
        <span className="font-semibold text-stone-700">{t("debate.moderation.appealedBy", { name: a.author.displayName })}</span>
      </div>
      <p className="mt-2 text-stone-800">{excerpt(a.comment.body)}</p>
      {a.comment.hiddenReason ? (
        <p className="mt-1 text-sm text-stone-600">{t("debate.moderation.hiddenBecause", { reason: a.comment.hiddenReason })}</p>
      ) : null}
      <p className="mt-1 text-sm font-semibold text-clay-700">{t("debate.moderation.appealReason", { reason: a.reason })}</p>
      <fetcher.Form method="post" className="mt-3 space-y-2">
        <input type="hidden" name="intent" value="resolveAppeal" />
        <input type="hidden" name="appealId" value={a.id} />
        <fieldset className="flex flex-wrap gap-4 text-sm" aria-invalid={issueOf(error, "outcome") ? true : undefined}>
          <legend className="field-label">{t("debate.moderation.outcome")}</legend>
          {(["UPHELD", "REVERSED"] as const).map((outcome) => (
            <label key={outcome} className="inline-flex items-center gap-1.5">
              <input type="radio" name="outcome" value={outcome} required /> {t(`debate.moderation.outcomeName.${outcome}`)}
            </label>
          ))}
        </fieldset>
        <div>
          <label htmlFor={id("response")} className="field-label">
            {t("debate.moderation.response")}
          </label>
          <textarea
            id={id("response")}
            name="response"
            rows={2}
            required
            maxLength={1000}
            className="field-input"
            aria-invalid={issueOf(error, "response") ? true : undefined}
          />
        </div>
        <div className="flex flex-wrap gap-2">
          <button type="submit" className="btn-primary text-sm" disabled={busy}>
            {t("debate.moderation.resolve")}
          </button>
          <GoTo c={a.comment} />
        </div>
        <Refusal error={error} />
      </fetcher.Form>
    </li>
  );
}

function ReportItem({ r, lng, viewerId }: { r: Queue["reports"][number]; lng: Language; viewerId: number | null }) {
  const { t } = useTranslation();
  const { fetcher, busy, error } = useQueueAction();
  return (
    <li className="card p-4">
      <div className="flex flex-wrap items-center gap-2 text-sm text-stone-500">
        <WhereChip c={r.comment} />
        <span>
          {formatDateTime(r.createdAt, lng)} · {r.comment.author.displayName}
        </span>
      </div>
      <p className="mt-1 text-stone-800">{excerpt(r.comment.body)}</p>
      <p className="mt-1 text-sm font-semibold text-clay-700">
        {t("debate.reason")}: {r.reason}
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        {r.assignee ? (
          <span className="chip bg-stone-100 text-stone-700">{t("debate.takenBy", { name: r.assignee.displayName })}</span>
        ) : (
          <fetcher.Form method="post">
            <input type="hidden" name="intent" value="take" />
            <input type="hidden" name="reportId" value={r.id} />
            <button type="submit" className="btn-secondary text-sm" disabled={busy}>
              {t("debate.take")}
            </button>
          </fetcher.Form>
        )}
        <GoTo c={r.comment} />
        <SuspendAuthor author={r.comment.author} viewerId={viewerId} formKey={`report-${r.id}`} />
      </div>
      <Refusal error={error} />
    </li>
  );
}

function Section({ id, title, count, children }: { id: string; title: string; count: number; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="mt-8 scroll-mt-20">
      <h2 id={`${id}-heading`} className="text-lg font-bold">
        {title} <span className="text-stone-500">{count}</span>
      </h2>
      {count === 0 ? <p className="card mt-3 p-5 text-stone-600">{t("debate.queueEmpty")}</p> : null}
      {children}
    </section>
  );
}

export default function ModerationQueue() {
  const { reports, held, appeals, lng, viewerId } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div>
      <h1 className="text-2xl font-extrabold tracking-tight">{t("debate.queueTitle")}</h1>
      <p className="mt-2 text-stone-600">{t("debate.queueIntro")}</p>
      <Section id="appeals" title={t("debate.moderation.appeals")} count={appeals.length}>
        <ul className="mt-3 space-y-2" data-testid="appeal-queue">
          {appeals.map((a) => (
            <AppealItem key={a.id} a={a} lng={lng} />
          ))}
        </ul>
      </Section>
      <Section id="reports" title={t("debate.reports")} count={reports.length}>
        <ul className="mt-3 space-y-2" data-testid="report-queue">
          {reports.map((r) => (
            <ReportItem key={r.id} r={r} lng={lng} viewerId={viewerId} />
          ))}
        </ul>
      </Section>
      <Section id="held" title={t("debate.heldComments")} count={held.length}>
        <ul className="mt-3 space-y-2">
          {held.map((c) => (
            <li key={c.id} className="card p-4">
              <div className="flex flex-wrap items-center gap-2 text-sm text-stone-500">
                <WhereChip c={c} />
                <span>{c.author.displayName}</span>
              </div>
              <p className="mt-1 text-stone-800">{excerpt(c.body)}</p>
              <div className="mt-2 flex flex-wrap items-center gap-2">
                <GoTo c={c} />
                <SuspendAuthor author={c.author} viewerId={viewerId} formKey={`held-${c.id}`} />
              </div>
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
