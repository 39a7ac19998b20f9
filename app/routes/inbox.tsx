// A department officer's inbox: assigned proposals with their answer deadlines.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AnswerDeadline } from "../components/proposal-lifecycle.tsx";
import { StatusBadge } from "../components/status-badge.tsx";
import { requestLanguage, throwAsResponse } from "../lib/server/http.server.ts";
import { pageTitle } from "../lib/meta.ts";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "inbox.title")];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lng = requestLanguage(request);
  const viewer = await context.auth.viewerFromRequest(request);
  if (!viewer) throw redirect("/login?redirectTo=/inbox");
  try {
    const [items, departments] = await Promise.all([context.domain.lifecycle.inbox(viewer), context.domain.catalog.departments()]);
    const department = departments.find((d) => d.id === viewer.departmentId);
    return json({ lng, items, department, now: Date.now() });
  } catch (error) {
    throwAsResponse(error, lng);
  }
}

export default function Inbox() {
  const { items, department, lng, now } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 pb-16 pt-8">
      <h1 className="text-3xl font-extrabold tracking-tight">{t("inbox.title")}</h1>
      <p className="mt-2 text-stone-600">
        {t("inbox.intro", { department: department ? (lng === "en" ? department.nameEn : department.name) : "" })}
      </p>
      {items.length === 0 ? (
        <p className="card mt-6 p-6 text-stone-600">{t("inbox.empty")}</p>
      ) : (
        <ul className="mt-6 space-y-3" data-testid="inbox">
          {items.map((p) => (
            <li key={p.id} className="card p-4">
              <div className="flex flex-wrap items-center gap-1.5">
                <StatusBadge status={p.status} />
                <AnswerDeadline dueAt={p.answerDueAt} overdueAt={p.answerOverdueAt} status={p.status} lng={lng} now={now} />
                <span className="text-xs text-stone-500">{t("inbox.supports", { count: p._count.supports })}</span>
              </div>
              <Link to={`/proposals/${p.id}`} className="mt-2 block font-bold hover:text-brand-700">
                {p.title}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
