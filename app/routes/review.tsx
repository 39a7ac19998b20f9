// /review (심사): the work of rounds now in a review phase. Department officers review the
// feasibility of the entries assigned to their department; committee members score entries on
// the round's rubric. Moderators may review any entry. The domain decides who may do what.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { field } from "../lib/server/admin.server.ts";
import { localName } from "../components/admin/ui.tsx";
import { EntryStatusChip, VerdictChip } from "../components/rounds-admin/chips.tsx";
import { ReviewForm, ScoreForm, type ReviewValues } from "../components/rounds-admin/review-forms.tsx";
import { readScoreSheet } from "../lib/server/forms/score-sheet.server.ts";
import { AppError } from "../domain/errors.ts";
import type { LocalizedError } from "../i18n/errors.ts";
import { isCommittee, isModerator, isOfficer } from "../domain/roles/roles.policy.ts";
import { formatKrw } from "../lib/format.ts";
import { actionFailure, requestLanguage, throwAsResponse } from "../lib/server/http.server.ts";
import { pageTitle } from "../lib/meta.ts";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "roundsAdmin.review.title")];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lng = requestLanguage(request);
  const viewer = await context.auth.viewerFromRequest(request);
  if (!viewer) throw redirect("/login?redirectTo=/review");
  try {
    const work = await context.domain.entries.reviewWork(viewer);
    const roundIds = [...new Set(work.map((e) => e.roundId))];
    const [rounds, departments] = await Promise.all([
      Promise.all(roundIds.map((id) => context.domain.rounds.get(viewer, id))),
      context.domain.catalog.departments(),
    ]);
    const moderator = isModerator(viewer);
    const officer = isOfficer(viewer);
    const committee = isCommittee(viewer);
    return json({
      lng,
      role: { moderator, officer, committee },
      department: departments.find((d) => d.id === viewer.departmentId) ?? null,
      rounds: rounds.map((round) => ({
        id: round.id,
        title: round.title,
        kind: round.kind,
        phase: round.currentPhase
          ? { name: round.currentPhase.name, nameEn: round.currentPhase.nameEn, endsAt: round.currentPhase.endsAt }
          : null,
        criteria: round.criteria.map((c) => ({ id: c.id, name: c.name, nameEn: c.nameEn, maxPoints: c.maxPoints })),
        entries: work
          .filter((e) => e.roundId === round.id)
          .map((e) => ({
            ...e,
            canReview: moderator || (officer && viewer.departmentId !== null && e.department?.id === viewer.departmentId),
            canScore: committee && e.proposal.authorId !== viewer.id,
            ownEntry: e.proposal.authorId === viewer.id,
          })),
      })),
    });
  } catch (error) {
    throwAsResponse(error, lng);
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const lng = requestLanguage(request);
  const viewer = await context.auth.viewerFromRequest(request);
  const form = await request.formData();
  const intent = field(form, "intent");
  const entryId = field(form, "entryId");
  const at = Date.now();
  if (intent === "review") {
    const values = { verdict: field(form, "verdict"), reasons: field(form, "reasons"), adjustedCostKrw: field(form, "adjustedCostKrw") };
    try {
      await context.domain.entries.review(viewer, { entryId, ...values });
      return json({ ok: true as const, intent, entryId, at, error: null });
    } catch (error) {
      return actionFailure(error, lng, { ok: false as const, intent, entryId, at, review: values });
    }
  }
  if (intent === "score") {
    const criterionIds = form.getAll("criterionId").map(Number).filter(Number.isInteger);
    const sheet = readScoreSheet(form, criterionIds);
    try {
      // A blank criterion is a field left out, not a zero.
      if (sheet.missing.length) {
        throw new AppError("VALIDATION", "errors.validation", {
          issues: sheet.missing.map((i) => ({ path: `scores.${i}`, key: "validation.required" })),
        });
      }
      await context.domain.entries.score(viewer, { entryId, scores: sheet.scores });
      return json({ ok: true as const, intent, entryId, at, error: null });
    } catch (error) {
      return actionFailure(error, lng, { ok: false as const, intent, entryId, at, scores: sheet.values });
    }
  }
  return actionFailure(new AppError("VALIDATION", "errors.badRequest"), lng, { ok: false as const, intent, entryId, at });
}

/** Every answer of the action, as the page reads it. */
type ActionResult = {
  ok: boolean;
  intent: string;
  entryId: string;
  at: number;
  error: LocalizedError | null;
  review?: ReviewValues;
  scores?: Record<string, string>;
};

export default function Review() {
  const { lng, role, department, rounds } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const { t } = useTranslation();
  const entries = rounds.flatMap((r) => r.entries);
  const reviewable = entries.filter((e) => e.canReview);
  const scorable = entries.filter((e) => e.canScore);
  const resultFor = (entryId: number, intent: string) =>
    actionData && actionData.entryId === String(entryId) && actionData.intent === intent ? actionData : null;

  return (
    <main id="main" className="mx-auto max-w-4xl px-4 pb-16 pt-8">
      <h1 className="text-3xl font-extrabold tracking-tight">{t("roundsAdmin.review.title")}</h1>
      <div className="mt-2 space-y-1 text-stone-600">
        {role.officer ? <p>{t("roundsAdmin.review.introOfficer", { department: department ? localName(department, lng) : "" })}</p> : null}
        {role.committee ? <p>{t("roundsAdmin.review.introCommittee")}</p> : null}
        {role.moderator && !role.officer && !role.committee ? <p>{t("roundsAdmin.review.introModerator")}</p> : null}
      </div>
      {entries.length ? (
        <dl className="mt-4 flex flex-wrap gap-3 text-sm" data-testid="review-progress">
          {reviewable.length ? (
            <div className="rounded-xl bg-white px-4 py-2 ring-1 ring-inset ring-stone-200">
              <dt className="inline text-stone-600">{t("roundsAdmin.review.progressReview")} </dt>
              <dd className="inline font-bold tabular-nums">
                {t("roundsAdmin.dashboard.ofTotal", { done: reviewable.filter((e) => e.review).length, total: reviewable.length })}
              </dd>
            </div>
          ) : null}
          {scorable.length ? (
            <div className="rounded-xl bg-white px-4 py-2 ring-1 ring-inset ring-stone-200">
              <dt className="inline text-stone-600">{t("roundsAdmin.review.progressScore")} </dt>
              <dd className="inline font-bold tabular-nums">
                {t("roundsAdmin.dashboard.ofTotal", { done: scorable.filter((e) => e.myScores.length > 0).length, total: scorable.length })}
              </dd>
            </div>
          ) : null}
        </dl>
      ) : null}

      {rounds.length === 0 ? (
        <p className="card mt-6 p-6 text-stone-600" data-testid="review-empty">
          {t("roundsAdmin.review.empty")}
        </p>
      ) : null}

      {rounds.map((round) => (
        <section key={round.id} aria-labelledby={`round-${round.id}`} className="mt-8" data-testid="review-round">
          <h2 id={`round-${round.id}`} className="text-xl font-bold">
            {round.title}
          </h2>
          <p className="mt-1 text-sm text-stone-600">
            {t(`rounds.kind.${round.kind}`)}
            {round.phase ? ` · ${localName(round.phase, lng)}` : ""}
            {" · "}
            <Link to={`/rounds/${round.id}`} className="font-semibold text-brand-700 hover:underline">
              {t("roundsAdmin.overview.publicPage")}
            </Link>
          </p>
          <ul className="mt-4 space-y-4">
            {round.entries.map((e) => {
              const reviewResult = resultFor(e.id, "review");
              const scoreResult = resultFor(e.id, "score");
              const reviewValues = reviewResult?.review
                ? reviewResult.review
                : {
                    verdict: e.review?.verdict ?? "",
                    reasons: e.review?.reasons ?? "",
                    adjustedCostKrw: e.review?.adjustedCostKrw == null ? "" : e.review.adjustedCostKrw.toLocaleString("en-US"),
                  };
              const scoreValues = scoreResult?.scores
                ? scoreResult.scores
                : Object.fromEntries(e.myScores.map((s) => [String(s.criterionId), String(s.points)]));
              return (
                <li key={e.id} className="card p-5 sm:p-6" data-testid="review-entry" data-entry-id={e.id}>
                  <div className="flex flex-wrap items-center gap-1.5">
                    <EntryStatusChip status={e.status} />
                    <VerdictChip verdict={e.review?.verdict ?? null} />
                    {e.department ? (
                      <span className="chip bg-sky-50 text-sky-800 ring-1 ring-inset ring-sky-200">{localName(e.department, lng)}</span>
                    ) : null}
                  </div>
                  <h3 className="mt-2 text-lg font-bold">
                    <Link to={`/proposals/${e.proposal.id}`} className="hover:text-brand-700 hover:underline">
                      {e.proposal.title}
                    </Link>
                  </h3>
                  <p className="mt-1 text-sm text-stone-600">
                    {e.proposal.authorName} · {e.proposal.district ? localName(e.proposal.district, lng) : t("rounds.cityWide")} ·{" "}
                    {t("roundsAdmin.entries.supports", { count: e.proposal.supportCount })}
                    {e.proposal.estimatedCostKrw != null
                      ? ` · ${t("roundsAdmin.review.estimate", { cost: formatKrw(e.proposal.estimatedCostKrw, lng) })}`
                      : ""}
                  </p>
                  {e.canReview ? (
                    <div className="mt-4 border-t border-stone-100 pt-4">
                      <h4 className="mb-3 font-bold text-stone-800">{t("roundsAdmin.review.formTitle")}</h4>
                      <ReviewForm
                        key={reviewResult?.at ?? "review"}
                        entryId={e.id}
                        values={reviewValues}
                        lastSaved={e.review ? { reviewer: e.review.reviewer, at: e.review.updatedAt } : null}
                        error={reviewResult && !reviewResult.ok ? reviewResult.error : null}
                        saved={!!reviewResult?.ok}
                        lng={lng}
                      />
                    </div>
                  ) : null}
                  {e.canScore ? (
                    <div className="mt-4 border-t border-stone-100 pt-4">
                      <h4 className="mb-3 font-bold text-stone-800">{t("roundsAdmin.score.formTitle")}</h4>
                      <ScoreForm
                        key={scoreResult?.at ?? "score"}
                        entryId={e.id}
                        criteria={round.criteria}
                        values={scoreValues}
                        hasSheet={e.myScores.length > 0}
                        error={scoreResult && !scoreResult.ok ? scoreResult.error : null}
                        saved={!!scoreResult?.ok}
                        lng={lng}
                      />
                    </div>
                  ) : null}
                  {!e.canReview && !e.canScore ? (
                    <p className="mt-3 text-sm text-stone-500">
                      {e.ownEntry ? t("rounds.errors.ownEntry") : t("roundsAdmin.review.nothingToDo")}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </main>
  );
}
