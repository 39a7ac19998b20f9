// /admin: what needs attention (affiliations waiting, suspensions) and the latest audit entries.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff } from "../lib/server/admin.server.ts";
import { useAuditFormat } from "../components/admin/audit-format.ts";
import { AdminError, localName, PageHeader } from "../components/admin/ui.tsx";
import { canReadAuditLog, canReviewAffiliations, isAdmin } from "../domain/roles/roles.policy.ts";
import { formatDateTime, formatNumber } from "../lib/format.ts";
import { throwAsResponse } from "../lib/server/http.server.ts";
import { pageTitle } from "../lib/meta.ts";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "admin.overview.title")];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { viewer, lng } = await requireStaff(request, context);
  try {
    const admin = isAdmin(viewer);
    const [users, suspended, pending, audit, city, departments] = await Promise.all([
      context.domain.admin.searchUsers(viewer, { limit: 1 }),
      context.domain.admin.searchUsers(viewer, { status: "SUSPENDED", limit: 1 }),
      canReviewAffiliations(viewer) ? context.domain.identity.pendingAffiliations(viewer) : Promise.resolve([]),
      canReadAuditLog(viewer) ? context.domain.audit.list(viewer, { limit: 6 }) : Promise.resolve(null),
      context.domain.catalog.city(),
      context.domain.catalog.departments(),
    ]);
    return json({
      lng,
      admin,
      userCount: users.totalCount,
      suspendedCount: suspended.totalCount,
      pending: pending.slice(0, 3),
      pendingCount: pending.length,
      recent: audit?.items ?? null,
      city,
      departments,
    });
  } catch (error) {
    throwAsResponse(error, lng);
  }
}

export function ErrorBoundary() {
  return <AdminError />;
}

function Tile({ title, children, actions }: { title: string; children: React.ReactNode; actions: { to: string; label: string }[] }) {
  return (
    <section className="card flex flex-col p-5">
      <h2 className="text-sm font-bold text-stone-500">{title}</h2>
      <div className="mt-2 flex-1">{children}</div>
      <p className="mt-4 flex flex-wrap gap-x-4 gap-y-1">
        {actions.map((a) => (
          <Link key={a.to} to={a.to} className="text-sm font-semibold text-brand-700 underline-offset-4 hover:underline">
            {a.label} →
          </Link>
        ))}
      </p>
    </section>
  );
}

export default function AdminOverview() {
  const { lng, admin, userCount, suspendedCount, pending, pendingCount, recent, city, departments } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const audit = useAuditFormat(lng, departments);

  return (
    <div>
      <PageHeader title={t("admin.overview.title")} intro={t("admin.overview.intro")} />

      <div className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Tile title={t("admin.overview.users")} actions={[{ to: "/admin/users", label: t("admin.overview.manageUsers") }]}>
          <p className="text-2xl font-extrabold">{t("admin.overview.usersBody", { total: formatNumber(userCount) })}</p>
          <p className="mt-1 text-sm text-stone-600">
            {suspendedCount > 0 ? (
              <Link to="/admin/users?status=SUSPENDED" className="font-semibold text-red-700 underline-offset-4 hover:underline">
                {t("admin.overview.suspended", { count: suspendedCount })}
              </Link>
            ) : (
              t("admin.overview.suspended", { count: 0 })
            )}
          </p>
        </Tile>
        <Tile
          title={t("admin.overview.affiliations")}
          actions={[{ to: "/admin/affiliations", label: t("admin.overview.reviewAffiliations") }]}
        >
          {pendingCount === 0 ? (
            <p className="text-stone-600">{t("admin.overview.pendingNone")}</p>
          ) : (
            <>
              <p className="text-2xl font-extrabold text-clay-700">{t("admin.overview.pending", { count: pendingCount })}</p>
              <ul className="mt-2 space-y-1 text-sm text-stone-600">
                {pending.map((p) => (
                  <li key={p.id} className="truncate">
                    {p.user.displayName} · {t(`admin.kinds.${p.kind}`)}
                    {p.district ? ` · ${localName(p.district, lng)}` : ""}
                  </li>
                ))}
              </ul>
            </>
          )}
        </Tile>
        {admin ? (
          <>
            <Tile title={t("admin.overview.settings")} actions={[{ to: "/admin/settings", label: t("admin.overview.editSettings") }]}>
              <p className="text-lg font-bold">{lng === "en" ? city.cityNameEn : city.cityName}</p>
              <p className="mt-1 text-sm text-stone-600">
                {t("admin.overview.settingsBody", { threshold: city.supportThreshold, days: city.supportWindowDays })}
              </p>
            </Tile>
            <Tile
              title={t("admin.overview.catalog")}
              actions={[
                { to: "/admin/departments", label: t("admin.nav.departments") },
                { to: "/admin/districts", label: t("admin.nav.districts") },
              ]}
            >
              <p className="text-stone-600">{t("admin.overview.catalogBody")}</p>
            </Tile>
          </>
        ) : null}
      </div>

      {recent ? (
        <section className="card mt-6 p-5" aria-labelledby="recent-audit">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="recent-audit" className="text-lg font-bold">
              {t("admin.overview.recentAudit")}
            </h2>
            <Link to="/admin/audit" className="text-sm font-semibold text-brand-700 underline-offset-4 hover:underline">
              {t("admin.overview.viewAudit")} →
            </Link>
          </div>
          {recent.length === 0 ? (
            <p className="mt-3 text-stone-600">{t("admin.overview.noAudit")}</p>
          ) : (
            <ul className="mt-3 divide-y divide-stone-100">
              {recent.map((entry) => (
                <li key={entry.id} className="flex flex-col gap-0.5 py-2.5 sm:flex-row sm:items-baseline sm:gap-3">
                  <span className="shrink-0 text-sm tabular-nums text-stone-500 sm:w-36">
                    <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt, lng)}</time>
                  </span>
                  <span className="min-w-0">
                    <span className="font-semibold">{audit.actionLabel(entry.action)}</span>
                    <span className="text-stone-600">
                      {" · "}
                      {audit.target(entry.targetType, entry.targetId)} · {entry.actorName ?? t("admin.audit.system")}
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  );
}
