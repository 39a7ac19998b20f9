// /proposals/repeated: the repeated-matter board (다량민원게시판, as Gimhae keeps one). Every
// proposal that absorbed two or more merged duplicates — a matter filed three or more times —
// with how many were merged into it and links to each.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "../components/status-badge.tsx";
import { formatDate } from "../lib/format.ts";
import { requestLanguage, throwAsResponse } from "../lib/server/http.server.ts";
import { pageTitle } from "../lib/meta.ts";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "duplicates.repeated.title")];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lng = requestLanguage(request);
  try {
    const groups = await context.domain.merge.repeatedGroups();
    return json({ lng, groups });
  } catch (error) {
    throwAsResponse(error, lng);
  }
}

export default function RepeatedProposals() {
  const { lng, groups } = useLoaderData<typeof loader>();
  const { t } = useTranslation();

  return (
    <main id="main" className="mx-auto max-w-4xl px-4 pb-16 pt-8">
      <Link to="/proposals" className="text-sm font-semibold text-brand-700 hover:underline">
        ← {t("duplicates.repeated.listLink")}
      </Link>
      <h1 className="mt-4 text-3xl font-extrabold tracking-tight text-stone-900">{t("duplicates.repeated.title")}</h1>
      <p className="mt-2 max-w-2xl text-stone-600">{t("duplicates.repeated.intro")}</p>

      <p className="mt-6 text-sm font-semibold text-stone-700">{t("duplicates.repeated.total", { count: groups.length })}</p>

      {groups.length === 0 ? (
        <div className="card mt-3 p-10 text-center">
          <p className="text-lg font-semibold">{t("duplicates.repeated.empty")}</p>
          <p className="mt-2 text-stone-500">{t("duplicates.repeated.emptyHint")}</p>
        </div>
      ) : (
        <ol className="mt-3 space-y-4">
          {groups.map((g) => (
            <li key={g.id} className="card p-5" data-testid="repeated-group" data-proposal-id={g.id}>
              <div className="flex flex-wrap items-center gap-1.5">
                <StatusBadge status={g.status} />
                <span className="chip bg-violet-50 text-violet-800 ring-1 ring-inset ring-violet-200">
                  {t("duplicates.repeated.mergedCount", { count: g.mergedCount })}
                </span>
                <span className="chip bg-clay-50 text-clay-700 ring-1 ring-inset ring-clay-200">
                  {t("duplicates.repeated.supportCount", { count: g.supportCount })}
                </span>
              </div>
              <h2 className="mt-3 text-lg font-bold leading-snug">
                <Link to={`/proposals/${g.id}`} className="hover:text-brand-700" prefetch="intent">
                  {g.title}
                </Link>
              </h2>
              {g.lastMergedAt ? (
                <p className="mt-1 text-sm text-stone-500">
                  {t("duplicates.repeated.lastMerged", { date: formatDate(g.lastMergedAt, lng) })}
                </p>
              ) : null}
              <details className="mt-3">
                <summary className="cursor-pointer text-sm font-semibold text-brand-700">{t("duplicates.repeated.mergedList")}</summary>
                <ul
                  className="mt-2 space-y-1.5 border-l-2 border-stone-200 pl-4"
                  aria-label={t("duplicates.repeated.mergedListLabel", { title: g.title })}
                >
                  {g.merged.map((m) => (
                    <li key={m.id} className="text-sm">
                      <Link to={`/proposals/${m.id}`} className="font-medium text-stone-800 hover:text-brand-700 hover:underline">
                        {m.title}
                      </Link>
                      <span className="ml-2 text-xs text-stone-500">
                        {t("duplicates.repeated.by", { name: m.authorName, date: formatDate(m.createdAt, lng) })}
                      </span>
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
