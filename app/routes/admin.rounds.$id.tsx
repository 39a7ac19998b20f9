// /admin/rounds/:id and its tabs: a round's console — overview and phases, settings, entries, dashboard.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff } from "../lib/server/admin.server.ts";
import { AdminError, localName } from "../components/admin/ui.tsx";
import { StageChip } from "../components/rounds-admin/chips.tsx";
import { throwAsResponse } from "../lib/server/http.server.ts";
import { pageTitle } from "../lib/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [pageTitle(matches, "roundsAdmin.list.title", data?.round.title)];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { viewer, lng } = await requireStaff(request, context);
  try {
    const round = await context.domain.rounds.get(viewer, params.id);
    return json({
      lng,
      round: {
        id: round.id,
        kind: round.kind,
        title: round.title,
        stage: round.stage,
        published: round.published,
        district: round.district,
        currentPhase: round.currentPhase ? { name: round.currentPhase.name, nameEn: round.currentPhase.nameEn } : null,
        entryCount: round.entryCount,
      },
    });
  } catch (error) {
    throwAsResponse(error, lng);
  }
}

export function ErrorBoundary() {
  return <AdminError />;
}

export default function RoundConsole() {
  const { lng, round } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const base = `/admin/rounds/${round.id}`;
  const tabs = [
    { to: base, label: t("roundsAdmin.tabs.overview"), end: true },
    { to: `${base}/settings`, label: t("roundsAdmin.tabs.settings") },
    { to: `${base}/entries`, label: t("roundsAdmin.tabs.entries", { count: round.entryCount }) },
    { to: `${base}/dashboard`, label: t("roundsAdmin.tabs.dashboard") },
  ];
  return (
    <div>
      <p className="text-sm">
        <Link to="/admin/rounds" className="font-semibold text-brand-700 hover:underline">
          ← {t("roundsAdmin.list.title")}
        </Link>
      </p>
      <header className="mt-2" data-testid="round-header">
        <div className="flex flex-wrap items-center gap-1.5">
          <StageChip stage={round.stage} />
          <span className="chip bg-stone-100 text-stone-700">{t(`rounds.kind.${round.kind}`)}</span>
          <span className="chip bg-stone-100 text-stone-700">{round.district ? localName(round.district, lng) : t("rounds.cityWide")}</span>
        </div>
        <h1 className="mt-2 text-2xl font-extrabold tracking-tight text-stone-900 sm:text-3xl">{round.title}</h1>
        <p className="mt-1 text-stone-600">
          {t("roundsAdmin.overview.nowIn")}:{" "}
          <strong className="text-stone-900">
            {round.currentPhase ? localName(round.currentPhase, lng) : t(`rounds.stage.${round.stage}`)}
          </strong>
          {round.published ? (
            <>
              {" · "}
              <Link to={`/rounds/${round.id}`} className="font-semibold text-brand-700 hover:underline">
                {t("roundsAdmin.overview.publicPage")}
              </Link>
            </>
          ) : null}
        </p>
      </header>
      <nav aria-label={t("roundsAdmin.tabs.label")} className="-mx-4 mt-4 overflow-x-auto px-4">
        <ul className="flex min-w-max gap-1.5">
          {tabs.map((tab) => (
            <li key={tab.to}>
              <NavLink
                to={tab.to}
                end={tab.end}
                prefetch="intent"
                className={({ isActive }) =>
                  `inline-flex min-h-[40px] items-center rounded-full px-4 text-sm font-semibold ${isActive ? "bg-stone-900 text-white" : "bg-white text-stone-700 ring-1 ring-inset ring-stone-300 hover:bg-stone-100"}`
                }
              >
                {tab.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="mt-6">
        <Outlet />
      </div>
    </div>
  );
}
