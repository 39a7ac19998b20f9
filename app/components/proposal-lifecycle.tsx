// The lifecycle parts of the proposal page: merge notice, department answers, milestones,
// and the action panels for moderators and the responsible department. What a person may
// do is decided by the domain; these panels only appear for those likely to be allowed.
import { Link, useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../i18n/i18n.ts";
import type { LocalizedError } from "../i18n/errors.ts";
import { daysLeft, formatDate, formatDateTime } from "../lib/format.ts";

type Answer = {
  id: number;
  kind: "INTERIM" | "FINAL";
  outcome: string | null;
  body: string;
  createdAt: string;
  department: { name: string; nameEn: string };
};
type Milestone = { id: number; title: string; dueAt: string | null; completedAt: string | null };
type Department = { id: number; name: string; nameEn: string };

type ActionData = { ok: true; intent: string } | { error: LocalizedError };

function useManage(proposalId: number) {
  const fetcher = useFetcher<ActionData>();
  const error = fetcher.data && "error" in fetcher.data ? fetcher.data.error : null;
  const issue = (path: string) => error?.issues?.find((i) => i.path === path)?.message;
  return { fetcher, error, issue, action: `/proposals/${proposalId}/manage`, busy: fetcher.state !== "idle" };
}

function FormError({ error }: { error: LocalizedError | null }) {
  return error ? (
    <p role="alert" className="mt-3 text-sm font-medium text-red-600">
      {error.message}
    </p>
  ) : null;
}

const name = (lng: Language, item: { name: string; nameEn: string }) => (lng === "en" ? item.nameEn : item.name);

export function MergedNotice({ mergedInto }: { mergedInto: { id: number; title: string } | null }) {
  const { t } = useTranslation();
  if (!mergedInto) return null;
  return (
    <div className="mt-4 rounded-xl bg-violet-50 px-4 py-3 text-sm text-violet-900 ring-1 ring-inset ring-violet-200" role="note">
      <p className="font-semibold">{t("lifecycle.mergedInto")}</p>
      <Link to={`/proposals/${mergedInto.id}`} className="mt-1 inline-block font-semibold underline">
        {t("lifecycle.goToMerged")}: {mergedInto.title}
      </Link>
    </div>
  );
}

export function AnswerDeadline({
  dueAt,
  overdueAt,
  status,
  lng,
  now,
}: {
  dueAt: string | null;
  overdueAt: string | null;
  status: string;
  lng: Language;
  now: number;
}) {
  const { t } = useTranslation();
  if (!dueAt || status !== "ASSIGNED") return null;
  const days = daysLeft(dueAt, now);
  const overdue = overdueAt !== null || days < 1;
  return (
    <span
      className={`chip ${overdue ? "bg-red-600 text-white" : "bg-sky-50 text-sky-800 ring-1 ring-inset ring-sky-200"}`}
      data-testid="answer-deadline"
    >
      {overdue
        ? `${t("lifecycle.overdue")} · ${formatDate(dueAt, lng)}`
        : days === 1
          ? t("lifecycle.answerDueToday")
          : t("lifecycle.answerDueIn", { date: formatDate(dueAt, lng), days })}
    </span>
  );
}

export function AnswersSection({ answers, lng }: { answers: Answer[]; lng: Language }) {
  const { t } = useTranslation();
  if (answers.length === 0) return null;
  return (
    <section className="mt-6" aria-labelledby="answers-heading">
      <h2 id="answers-heading" className="text-lg font-bold">
        {t("lifecycle.answersTitle")}
      </h2>
      <ol className="mt-3 space-y-3" data-testid="answers">
        {answers.map((a) => (
          <li key={a.id} className={`card p-5 ${a.kind === "FINAL" ? "border-brand-300 ring-1 ring-brand-200" : ""}`}>
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span className={`chip ${a.kind === "FINAL" ? "bg-brand-700 text-white" : "bg-stone-100 text-stone-700"}`}>
                {a.kind === "FINAL" ? t("lifecycle.final") : t("lifecycle.interim")}
              </span>
              {a.outcome ? (
                <span className="chip bg-clay-50 text-clay-700 ring-1 ring-inset ring-clay-200">{t(`lifecycle.outcome.${a.outcome}`)}</span>
              ) : null}
              <span className="font-semibold">{name(lng, a.department)}</span>
              <span className="text-stone-500">{formatDateTime(a.createdAt, lng)}</span>
            </div>
            <p className="mt-2 whitespace-pre-line leading-relaxed text-stone-800">{a.body}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function MilestonesSection({
  proposalId,
  milestones,
  canAct,
  status,
  outcome,
  lng,
}: {
  proposalId: number;
  milestones: Milestone[];
  canAct: boolean;
  status: string;
  outcome: string | null;
  lng: Language;
}) {
  const { t } = useTranslation();
  const { fetcher, error, action } = useManage(proposalId);
  const adopted = outcome === "ADOPTED" || outcome === "PARTLY_ADOPTED";
  // Only adopted proposals have implementation steps to follow.
  if (milestones.length === 0 && !(adopted && ["ANSWERED", "IN_PROGRESS", "COMPLETED"].includes(status))) return null;
  const done = milestones.filter((m) => m.completedAt).length;
  const percent = milestones.length ? Math.round((done / milestones.length) * 100) : 0;
  return (
    <section className="card p-5" aria-labelledby="milestones-heading">
      <h2 id="milestones-heading" className="text-base font-bold">
        {t("lifecycle.milestonesTitle")}
      </h2>
      {milestones.length === 0 ? (
        <p className="mt-2 text-sm text-stone-600">{t("lifecycle.noMilestones")}</p>
      ) : (
        <>
          <div
            className="mt-3 h-2 overflow-hidden rounded-full bg-stone-100"
            role="progressbar"
            aria-label={t("lifecycle.progress", { percent })}
            aria-valuenow={percent}
            aria-valuemin={0}
            aria-valuemax={100}
          >
            <div className="h-full rounded-full bg-brand-500" style={{ width: `${percent}%` }} />
          </div>
          <p className="mt-1 text-xs text-stone-600">{t("lifecycle.progress", { percent })}</p>
          <ul className="mt-3 space-y-2">
            {milestones.map((m) => (
              <li key={m.id} className="flex items-start gap-2 text-sm">
                <span aria-hidden="true" className={m.completedAt ? "text-brand-600" : "text-stone-400"}>
                  {m.completedAt ? "●" : "○"}
                </span>
                <div className="min-w-0 flex-1">
                  <p className="font-semibold">{m.title}</p>
                  <p className="text-xs text-stone-500">
                    {m.completedAt
                      ? t("lifecycle.doneOn", { date: formatDate(m.completedAt, lng) })
                      : m.dueAt
                        ? t("lifecycle.dueBy", { date: formatDate(m.dueAt, lng) })
                        : null}
                  </p>
                </div>
                {canAct && !m.completedAt && status === "IN_PROGRESS" ? (
                  <fetcher.Form method="post" action={action}>
                    <input type="hidden" name="intent" value="completeMilestone" />
                    <input type="hidden" name="milestoneId" value={m.id} />
                    <button type="submit" className="rounded-lg border border-stone-300 px-2 py-1 text-xs font-semibold hover:bg-stone-100">
                      {t("lifecycle.complete")}
                    </button>
                  </fetcher.Form>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
      <FormError error={error} />
    </section>
  );
}

export function FollowButton({ proposalId, following }: { proposalId: number; following: boolean }) {
  const { t } = useTranslation();
  const { fetcher, action, busy } = useManage(proposalId);
  const pending = fetcher.formData?.get("intent");
  const on = pending ? pending === "follow" : following;
  return (
    <fetcher.Form method="post" action={action} className="mt-3">
      <input type="hidden" name="intent" value={on ? "unfollow" : "follow"} />
      <button type="submit" disabled={busy} aria-pressed={on} className="btn-secondary w-full text-sm" title={t("lifecycle.followHint")}>
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="h-4 w-4"
          fill={on ? "currentColor" : "none"}
          stroke="currentColor"
          strokeWidth="2"
        >
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {on ? t("lifecycle.following") : t("lifecycle.follow")}
      </button>
    </fetcher.Form>
  );
}

/** Moderators: screening (제안검토) and department assignment. */
export function ModeratorPanel({
  proposalId,
  status,
  departments,
  lng,
}: {
  proposalId: number;
  status: string;
  departments: Department[];
  lng: Language;
}) {
  const { t } = useTranslation();
  const { fetcher, error, issue, action, busy } = useManage(proposalId);
  if (status === "SCREENING") {
    return (
      <section className="card border-amber-300 p-5" aria-labelledby="screening-heading">
        <h2 id="screening-heading" className="text-base font-bold">
          {t("lifecycle.screeningTitle")}
        </h2>
        <fetcher.Form method="post" action={action} className="mt-3 space-y-3">
          <input type="hidden" name="intent" value="screen" />
          <fieldset>
            <legend className="field-label">{t("lifecycle.decision")}</legend>
            {(["OPEN", "REJECTED", "REDIRECTED"] as const).map((d) => (
              <label key={d} className="flex items-center gap-2 py-1 text-sm">
                <input type="radio" name="decision" value={d} defaultChecked={d === "OPEN"} /> {t(`lifecycle.decisions.${d}`)}
              </label>
            ))}
          </fieldset>
          <label className="block">
            <span className="field-label">{t("lifecycle.reason")}</span>
            <textarea name="reason" rows={3} className="field-input" aria-invalid={issue("reason") ? true : undefined} />
            {issue("reason") ? <span className="field-error">{issue("reason")}</span> : null}
          </label>
          <button type="submit" className="btn-primary w-full" disabled={busy}>
            {t("lifecycle.screen")}
          </button>
        </fetcher.Form>
        <FormError error={error} />
      </section>
    );
  }
  if (status === "THRESHOLD_REACHED")
    return (
      <AssignForm
        proposalId={proposalId}
        departments={departments}
        lng={lng}
        title={t("lifecycle.assignTitle")}
        submit={t("lifecycle.assign")}
      />
    );
  return null;
}

function AssignForm({
  proposalId,
  departments,
  lng,
  title,
  submit,
}: {
  proposalId: number;
  departments: Department[];
  lng: Language;
  title: string;
  submit: string;
}) {
  const { t } = useTranslation();
  const { fetcher, error, issue, action, busy } = useManage(proposalId);
  return (
    <section className="card p-5" aria-label={title}>
      <h2 className="text-base font-bold">{title}</h2>
      <fetcher.Form method="post" action={action} className="mt-3 space-y-3">
        <input type="hidden" name="intent" value="assign" />
        <label className="block">
          <span className="field-label">{t("lifecycle.department")}</span>
          <select name="departmentId" className="field-input" defaultValue="" aria-invalid={issue("departmentId") ? true : undefined}>
            <option value="">{t("lifecycle.chooseDepartment")}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {name(lng, d)}
              </option>
            ))}
          </select>
          {issue("departmentId") ? <span className="field-error">{issue("departmentId")}</span> : null}
        </label>
        <label className="block">
          <span className="field-label">{t("lifecycle.note")}</span>
          <input name="note" className="field-input" />
        </label>
        <button type="submit" className="btn-primary w-full" disabled={busy}>
          {submit}
        </button>
      </fetcher.Form>
      <FormError error={error} />
    </section>
  );
}

/** The responsible department: answers, implementation steps, passing it on. */
export function DepartmentPanel({
  proposalId,
  status,
  outcome,
  departments,
  lng,
}: {
  proposalId: number;
  status: string;
  outcome: string | null;
  departments: Department[];
  lng: Language;
}) {
  const { t } = useTranslation();
  const answer = useManage(proposalId);
  const milestone = useManage(proposalId);
  const adopted = outcome === "ADOPTED" || outcome === "PARTLY_ADOPTED";
  return (
    <>
      {status === "ASSIGNED" ? (
        <section className="card border-sky-300 p-5" aria-labelledby="answer-heading">
          <h2 id="answer-heading" className="text-base font-bold">
            {t("lifecycle.answerTitle")}
          </h2>
          <answer.fetcher.Form method="post" action={answer.action} className="mt-3 space-y-3">
            <input type="hidden" name="intent" value="answer" />
            <fieldset>
              <legend className="field-label">{t("lifecycle.kind")}</legend>
              <label className="mr-4 inline-flex items-center gap-2 text-sm">
                <input type="radio" name="kind" value="INTERIM" defaultChecked /> {t("lifecycle.interim")}
              </label>
              <label className="inline-flex items-center gap-2 text-sm">
                <input type="radio" name="kind" value="FINAL" /> {t("lifecycle.final")}
              </label>
            </fieldset>
            <label className="block">
              <span className="field-label">{t("lifecycle.outcomeLabel")}</span>
              <select name="outcome" className="field-input" defaultValue="" aria-invalid={answer.issue("outcome") ? true : undefined}>
                <option value="">{t("lifecycle.chooseOutcome")}</option>
                {(["ADOPTED", "PARTLY_ADOPTED", "NOT_ADOPTED"] as const).map((o) => (
                  <option key={o} value={o}>
                    {t(`lifecycle.outcome.${o}`)}
                  </option>
                ))}
              </select>
              {answer.issue("outcome") ? <span className="field-error">{answer.issue("outcome")}</span> : null}
            </label>
            <label className="block">
              <span className="field-label">{t("lifecycle.answerBody")}</span>
              <textarea
                name="body"
                rows={5}
                className="field-input"
                aria-invalid={answer.issue("body") ? true : undefined}
                aria-describedby="answer-hint"
              />
              <span id="answer-hint" className="field-hint">
                {t("lifecycle.answerBodyHint")}
              </span>
              {answer.issue("body") ? <span className="field-error">{answer.issue("body")}</span> : null}
            </label>
            <button type="submit" className="btn-primary w-full" disabled={answer.busy}>
              {t("lifecycle.submitAnswer")}
            </button>
          </answer.fetcher.Form>
          <FormError error={answer.error} />
        </section>
      ) : null}
      {status === "ASSIGNED" ? (
        <AssignForm
          proposalId={proposalId}
          departments={departments}
          lng={lng}
          title={t("lifecycle.reassignTitle")}
          submit={t("lifecycle.reassign")}
        />
      ) : null}
      {adopted && (status === "ANSWERED" || status === "IN_PROGRESS") ? (
        <section className="card p-5" aria-labelledby="milestone-heading">
          <h2 id="milestone-heading" className="text-base font-bold">
            {t("lifecycle.addMilestone")}
          </h2>
          <milestone.fetcher.Form method="post" action={milestone.action} className="mt-3 space-y-3">
            <input type="hidden" name="intent" value="milestone" />
            <label className="block">
              <span className="field-label">{t("lifecycle.milestoneTitle")}</span>
              <input name="title" className="field-input" aria-invalid={milestone.issue("title") ? true : undefined} />
              {milestone.issue("title") ? <span className="field-error">{milestone.issue("title")}</span> : null}
            </label>
            <label className="block">
              <span className="field-label">{t("lifecycle.milestoneDue")}</span>
              <input name="dueAt" type="date" className="field-input" />
            </label>
            <button type="submit" className="btn-primary w-full" disabled={milestone.busy}>
              {t("lifecycle.addMilestone")}
            </button>
          </milestone.fetcher.Form>
          <FormError error={milestone.error} />
        </section>
      ) : null}
    </>
  );
}

/** The author's own draft: not public until submitted. */
export function DraftNotice({ proposalId }: { proposalId: number }) {
  const { t } = useTranslation();
  const { fetcher, error, action, busy } = useManage(proposalId);
  return (
    <div className="mt-4 rounded-xl bg-stone-100 px-4 py-3 text-sm text-stone-800 ring-1 ring-inset ring-stone-300" role="status">
      <p>{t("lifecycle.draftNotice")}</p>
      <fetcher.Form method="post" action={action} className="mt-2">
        <input type="hidden" name="intent" value="submitDraft" />
        <button type="submit" className="btn-primary" disabled={busy}>
          {t("lifecycle.submitDraft")}
        </button>
      </fetcher.Form>
      <FormError error={error} />
    </div>
  );
}
