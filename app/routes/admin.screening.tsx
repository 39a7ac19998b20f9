// Moderators: proposals waiting for screening (제안검토) and for a department.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../lib/format.ts";
import { requestLanguage, throwAsResponse } from "../lib/server/http.server.ts";
import { pageTitle } from "../lib/meta.ts";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "screening.title")];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lng = requestLanguage(request);
  const viewer = await context.auth.viewerFromRequest(request);
  try {
    return json({ lng, ...(await context.domain.lifecycle.screeningQueue(viewer)) });
  } catch (error) {
    throwAsResponse(error, lng);
  }
}

export default function Screening() {
  const { screening, awaitingAssignment, lng } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const list = (items: typeof screening, testId: string) =>
    items.length === 0 ? (
      <p className="card mt-3 p-5 text-stone-600">{t("screening.empty")}</p>
    ) : (
      <ul className="mt-3 space-y-2" data-testid={testId}>
        {items.map((p) => (
          <li key={p.id} className="card flex flex-wrap items-center justify-between gap-3 p-4">
            <div className="min-w-0">
              <p className="font-semibold">{p.title}</p>
              <p className="text-xs text-stone-500">
                {p.author.displayName} · {formatDateTime(p.createdAt, lng)}
              </p>
            </div>
            <Link to={`/proposals/${p.id}`} className="btn-secondary text-sm">
              {t("screening.open")}
            </Link>
          </li>
        ))}
      </ul>
    );
  return (
    <div>
      <h1 className="text-2xl font-extrabold tracking-tight">{t("screening.title")}</h1>
      <p className="mt-2 text-stone-600">{t("screening.intro")}</p>
      <h2 className="mt-6 text-lg font-bold">
        {t("screening.waiting")} <span className="text-stone-500">{screening.length}</span>
      </h2>
      {list(screening, "screening-queue")}
      <h2 className="mt-8 text-lg font-bold">
        {t("screening.awaitingAssignment")} <span className="text-stone-500">{awaitingAssignment.length}</span>
      </h2>
      {list(awaitingAssignment, "assignment-queue")}
    </div>
  );
}
