// Moderators: reported opinions and those held by the banned-word filter. A moderator takes
// a report, then hides or keeps the opinion on the proposal page (with a reason).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../lib/format.ts";
import { errorJson, requestLanguage, throwAsResponse } from "../lib/http.server.ts";
import { pageTitle } from "../lib/meta.ts";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "debate.queueTitle")];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lng = requestLanguage(request);
  const viewer = await context.auth.viewerFromRequest(request);
  try {
    return json({ lng, ...(await context.domain.comments.queue(viewer)) });
  } catch (error) {
    throwAsResponse(error, lng);
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await context.auth.viewerFromRequest(request);
  const form = await request.formData();
  try {
    await context.domain.comments.assignReport(viewer, form.get("reportId"));
    return json({ ok: true });
  } catch (error) {
    return errorJson(error, requestLanguage(request));
  }
}

export default function ModerationQueue() {
  const { reports, held, lng } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const excerpt = (text: string) => (text.length > 140 ? `${text.slice(0, 140)}…` : text);
  return (
    <div>
      <h1 className="text-2xl font-extrabold tracking-tight">{t("debate.queueTitle")}</h1>
      <p className="mt-2 text-stone-600">{t("debate.queueIntro")}</p>
      <h2 className="mt-6 text-lg font-bold">
        {t("debate.reports")} <span className="text-stone-500">{reports.length}</span>
      </h2>
      {reports.length === 0 ? <p className="card mt-3 p-5 text-stone-600">{t("screening.empty")}</p> : null}
      <ul className="mt-3 space-y-2" data-testid="report-queue">
        {reports.map((r) => (
          <li key={r.id} className="card p-4">
            <p className="text-sm text-stone-500">
              {formatDateTime(r.createdAt, lng)} · {r.comment.author.displayName}
            </p>
            <p className="mt-1 text-stone-800">{excerpt(r.comment.body)}</p>
            <p className="mt-1 text-sm font-semibold text-clay-700">
              {t("debate.reason")}: {r.reason}
            </p>
            <div className="mt-2 flex flex-wrap items-center gap-2">
              {r.assignee ? (
                <span className="chip bg-stone-100 text-stone-700">{t("debate.takenBy", { name: r.assignee.displayName })}</span>
              ) : (
                <Form method="post">
                  <input type="hidden" name="reportId" value={r.id} />
                  <button type="submit" className="btn-secondary text-sm">
                    {t("debate.take")}
                  </button>
                </Form>
              )}
              <Link to={`/proposals/${r.comment.proposalId}#comment-${r.comment.id}`} className="btn-secondary text-sm">
                {t("debate.goTo")}
              </Link>
            </div>
          </li>
        ))}
      </ul>
      <h2 className="mt-8 text-lg font-bold">
        {t("debate.heldComments")} <span className="text-stone-500">{held.length}</span>
      </h2>
      {held.length === 0 ? <p className="card mt-3 p-5 text-stone-600">{t("screening.empty")}</p> : null}
      <ul className="mt-3 space-y-2">
        {held.map((c) => (
          <li key={c.id} className="card flex flex-wrap items-center justify-between gap-3 p-4">
            <div className="min-w-0">
              <p className="text-sm text-stone-500">{c.author.displayName}</p>
              <p className="mt-1 text-stone-800">{excerpt(c.body)}</p>
            </div>
            <Link to={`/proposals/${c.proposalId}#comment-${c.id}`} className="btn-secondary text-sm">
              {t("debate.goTo")}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
