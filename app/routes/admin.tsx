// The back office: a sub-navigation shared by every /admin screen. Moderators see people and
// affiliations; admins see everything. Links are only hints: each screen calls the domain,
// which decides.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff } from "../lib/server/admin.server.ts";
import { canReviewAffiliations, isAdmin } from "../domain/roles/roles.policy.ts";
import { throwAsResponse } from "../lib/server/http.server.ts";
import { pageTitle } from "../lib/meta.ts";
import type { RootData } from "../root.tsx";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "admin.title")];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { viewer, lng } = await requireStaff(request, context);
  try {
    const pending = canReviewAffiliations(viewer) ? await context.domain.identity.pendingAffiliations(viewer) : [];
    return json({ lng, admin: isAdmin(viewer), pendingCount: pending.length });
  } catch (error) {
    throwAsResponse(error, lng);
  }
}

export type AdminLayoutData = typeof loader;

export default function AdminLayout() {
  const { admin, pendingCount } = useLoaderData<typeof loader>();
  const root = useRouteLoaderData<RootData>("root");
  const { t } = useTranslation();
  const city = root ? (root.lng === "en" ? root.city.cityNameEn : root.city.cityName) : "";

  const links: { to: string; label: string; end?: boolean; badge?: number }[] = [
    { to: "/admin", label: t("admin.nav.overview"), end: true },
    { to: "/admin/screening", label: t("screening.title") },
    { to: "/admin/rounds", label: t("roundsAdmin.nav") },
    { to: "/admin/moderation", label: t("debate.queueTitle") },
    { to: "/admin/users", label: t("admin.nav.users") },
    { to: "/admin/affiliations", label: t("admin.nav.affiliations"), badge: pendingCount },
    { to: "/admin/merge", label: t("duplicates.merge.nav") },
    ...(admin
      ? [
          { to: "/admin/settings", label: t("admin.nav.settings") },
          { to: "/admin/departments", label: t("admin.nav.departments") },
          { to: "/admin/districts", label: t("admin.nav.districts") },
          { to: "/admin/audit", label: t("admin.nav.audit") },
        ]
      : []),
  ];

  return (
    <main id="main" className="mx-auto max-w-6xl px-4 pb-16 pt-5 sm:pt-6">
      <p className="flex items-center gap-2 text-sm font-semibold text-stone-500">
        <span aria-hidden="true" className="inline-block h-2 w-2 rounded-full bg-clay-500" />
        {t("admin.area", { city })}
      </p>
      <nav aria-label={t("admin.nav.label")} className="-mx-4 mt-2 overflow-x-auto border-b border-stone-200 px-4">
        <ul className="flex min-w-max gap-1">
          {links.map((link) => (
            <li key={link.to}>
              <NavLink
                to={link.to}
                end={link.end}
                prefetch="intent"
                className={({ isActive }) =>
                  `inline-flex min-h-[44px] items-center gap-1.5 whitespace-nowrap rounded-t-lg border-b-[3px] px-3 text-[15px] focus-visible:ring-inset focus-visible:ring-offset-0 ${
                    isActive
                      ? "border-brand-600 font-bold text-brand-800"
                      : "border-transparent font-semibold text-stone-600 hover:border-stone-300 hover:text-stone-900"
                  }`
                }
              >
                {link.label}
                {link.badge ? (
                  <>
                    <span aria-hidden="true" className="chip bg-clay-600 text-white">
                      {link.badge}
                    </span>
                    <span className="sr-only">({t("admin.nav.pendingBadge", { count: link.badge })})</span>
                  </>
                ) : null}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="mt-6">
        <Outlet />
      </div>
    </main>
  );
}
