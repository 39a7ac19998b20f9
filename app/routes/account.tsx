// The account area: a heading, the account menu, and the page chosen in it.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageTitle } from "../lib/meta.ts";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "account.title")];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await context.auth.viewerFromRequest(request);
  if (!viewer) throw redirect(`/login?redirectTo=${encodeURIComponent(new URL(request.url).pathname)}`);
  return json({ displayName: viewer.displayName });
}

export default function AccountLayout() {
  const { displayName } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const tab = ({ isActive }: { isActive: boolean }) =>
    `whitespace-nowrap rounded-lg px-3 py-2 text-[15px] font-semibold ${isActive ? "bg-brand-600 text-white" : "text-stone-700 hover:bg-stone-100"}`;
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 pb-16 pt-8">
      <h1 className="text-3xl font-extrabold tracking-tight">{t("account.title")}</h1>
      <p className="mt-1 text-stone-600" data-testid="account-name">
        {t("login.loggedInAs", { name: displayName })}
      </p>
      <nav aria-label={t("account.tabs.label")} className="-mx-4 mt-5 overflow-x-auto px-4">
        <ul className="flex w-max gap-1 rounded-xl bg-white p-1 ring-1 ring-inset ring-stone-200">
          <li>
            <NavLink to="/account" end className={tab}>
              {t("account.tabs.overview")}
            </NavLink>
          </li>
          <li>
            <NavLink to="/account/security" className={tab}>
              {t("account.tabs.security")}
            </NavLink>
          </li>
          <li>
            <NavLink to="/account/privacy" className={tab}>
              {t("account.tabs.privacy")}
            </NavLink>
          </li>
        </ul>
      </nav>
      <div className="mt-6">
        <Outlet />
      </div>
    </main>
  );
}
