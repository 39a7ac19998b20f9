import { Form, Link, NavLink, useLocation, useRouteLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { getSocket } from "../lib/live/socket.client.ts";
import { useTranslation } from "react-i18next";
import { isCommittee, isModerator, isOfficer } from "../domain/roles/roles.policy.ts";
import type { RootData } from "../root.tsx";
import { SiteMenu } from "./site-menu.tsx";

function Logo() {
  const { t } = useTranslation();
  return (
    <Link to="/" className="flex shrink-0 items-center gap-2 rounded-lg" aria-label={t("app.name")}>
      <svg aria-hidden="true" viewBox="0 0 64 64" className="h-9 w-9">
        <rect width="64" height="64" rx="16" fill="#10664e" />
        <path d="M14 44c6-10 30-10 36 0" stroke="#fff" strokeWidth="5" fill="none" strokeLinecap="round" />
        <circle cx="32" cy="24" r="8" fill="#fb7a45" />
      </svg>
      <span className="hidden whitespace-nowrap text-xl font-extrabold tracking-tight text-brand-800 min-[400px]:inline">
        {t("app.name")}
      </span>
    </Link>
  );
}

/** A small line icon; on phones it stands in for a text label (the link keeps its accessible name). */
function Icon({ path }: { path: string }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="h-5 w-5"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={path} />
    </svg>
  );
}

/** The bell with the unread count, kept live over socket.io. */
function NotificationBell({ initial }: { initial: number }) {
  const { t } = useTranslation();
  const [unread, setUnread] = useState(initial);
  useEffect(() => setUnread(initial), [initial]);
  useEffect(() => {
    const socket = getSocket();
    const onChange = (e: { unread: number }) => setUnread(e.unread);
    socket.on("notifications:changed", onChange);
    return () => void socket.off("notifications:changed", onChange);
  }, []);
  return (
    <Link
      to="/notifications"
      className="relative rounded-lg px-2 py-1.5 text-stone-700 hover:bg-stone-100"
      aria-label={t("notifications.bell", { count: unread })}
      data-testid="notification-bell"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 ? (
        <span
          className="absolute -right-0.5 -top-0.5 min-w-[1.1rem] rounded-full bg-clay-600 px-1 text-center text-[11px] font-bold leading-[1.1rem] text-white"
          data-testid="unread-count"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}

/** Line icons shared by the phone menu's rows and the bar. */
const icons = {
  proposals: "M4 4h16v12H8l-4 4zM8 9h8M8 12h5",
  rounds: "M8 2v4M16 2v4M3 10h18M5 4h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z",
  newProposal: "M12 5v14M5 12h14",
  inbox: "M3 13h5l2 3h4l2-3h5M5 5h14l2 8v6H3v-6z",
  review: "M9 11l3 3 8-8M20 12v7a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h9",
  admin: "M4 6h16M4 12h16M4 18h10",
  account: "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0",
  signup: "M15 19a6 6 0 0 0-12 0M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM19 8v6M16 11h6",
};

/**
 * Where the bar stops folding links into the menu. Staff carry up to three more links, which
 * only fit from lg; everyone else gets the full bar from md. (Literal class names for Tailwind.)
 */
const fold = {
  md: { link: "hidden md:inline-flex", block: "hidden md:block", inline: "hidden md:inline", narrow: "md:hidden" },
  lg: { link: "hidden lg:inline-flex", block: "hidden lg:block", inline: "hidden lg:inline", narrow: "lg:hidden" },
};

export function Layout({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  const root = useRouteLoaderData<RootData>("root");
  const location = useLocation();
  const here = location.pathname + location.search;
  const viewer = root?.viewer ?? null;
  const officer = isOfficer(viewer);
  const moderator = isModerator(viewer);
  const reviewer = officer || moderator || isCommittee(viewer);
  const wide = reviewer ? fold.lg : fold.md;
  const navClass = ({ isActive }: { isActive: boolean }) =>
    `whitespace-nowrap rounded-lg px-2.5 py-2 text-[15px] font-semibold sm:px-3 ${isActive ? "bg-brand-50 text-brand-800" : "text-stone-700 hover:bg-stone-100"}`;
  // Folded, the bar keeps the logo, 정책제안, the language switch, the bell, the account and the
  // menu button; the menu lists every destination.
  const wideLink = (s: { isActive: boolean }) => `${navClass(s)} ${wide.link}`;

  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("app.skipToContent")}
      </a>
      <header className="sticky top-0 z-30 border-b border-stone-200 bg-white/90 backdrop-blur">
        <div className="mx-auto flex h-16 max-w-6xl items-center gap-1.5 px-3 sm:gap-2 sm:px-4">
          <Logo />
          <span className="ml-1 hidden text-sm text-stone-500 sm:inline">
            {root ? (root.lng === "en" ? root.city.cityNameEn : root.city.cityName) : null}
          </span>
          <nav aria-label={t("nav.main")} className="ml-auto flex min-w-0 items-center gap-1">
            <NavLink to="/proposals" className={(s) => `${navClass(s)} hidden min-[360px]:inline-flex`} end={false} prefetch="intent">
              {t("nav.proposals")}
            </NavLink>
            <NavLink to="/rounds" className={wideLink} end={false} prefetch="intent">
              {t("roundPage.nav")}
            </NavLink>
            <NavLink to="/proposals/new" className={wideLink}>
              {t("nav.newProposal")}
            </NavLink>
          </nav>
          <Form method="post" action="/language" className="ml-1">
            <input type="hidden" name="lng" value={root?.lng === "en" ? "ko" : "en"} />
            <input type="hidden" name="redirectTo" value={here} />
            <button
              type="submit"
              className="whitespace-nowrap rounded-lg border border-stone-300 px-2 py-1.5 text-sm font-semibold text-stone-700 hover:bg-stone-100"
              aria-label={`${root?.lng === "en" ? "한국어" : "EN"} (${t("app.language")}: ${t("app.switchTo")})`}
              lang={root?.lng === "en" ? "ko" : "en"}
            >
              {root?.lng === "en" ? "한국어" : "EN"}
            </button>
          </Form>
          {root && viewer ? (
            <>
              {officer ? (
                <NavLink to="/inbox" className={wideLink}>
                  {t("nav.inbox")}
                </NavLink>
              ) : null}
              {reviewer ? (
                <NavLink to="/review" className={wideLink} data-testid="nav-review">
                  {t("roundsAdmin.reviewNav")}
                </NavLink>
              ) : null}
              {moderator ? (
                <NavLink to="/admin" className={wideLink}>
                  {t("nav.admin")}
                </NavLink>
              ) : null}
              <NotificationBell initial={root.unreadNotifications} />
              <Link
                to="/account"
                className="max-w-[9rem] truncate whitespace-nowrap rounded-lg px-2 py-1.5 text-sm font-semibold text-stone-700 hover:bg-stone-100"
                data-testid="viewer-name"
                aria-label={`${t("nav.account")}: ${viewer.displayName}`}
              >
                <span aria-hidden="true" className={wide.inline}>
                  {viewer.displayName}
                </span>
                <span aria-hidden="true" className={wide.narrow}>
                  <Icon path={icons.account} />
                </span>
              </Link>
              <Form method="post" action="/logout" className={wide.block}>
                <button
                  type="submit"
                  className="whitespace-nowrap rounded-lg px-2 py-1.5 text-sm font-semibold text-stone-600 hover:bg-stone-100"
                >
                  {t("nav.logout")}
                </button>
              </Form>
            </>
          ) : (
            <>
              <Link
                to="/signup"
                className={`${wide.inline} whitespace-nowrap rounded-lg px-2 py-1.5 text-sm font-semibold text-stone-700 hover:bg-stone-100`}
              >
                {t("nav.signup")}
              </Link>
              <Link
                to={`/login?redirectTo=${encodeURIComponent(here)}`}
                className="whitespace-nowrap rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700"
              >
                {t("nav.login")}
              </Link>
            </>
          )}
          <SiteMenu
            className={wide.narrow}
            groups={[
              [
                { to: "/proposals", label: t("nav.proposals"), icon: icons.proposals },
                { to: "/rounds", label: t("roundPage.nav"), icon: icons.rounds },
                { to: "/proposals/new", label: t("nav.newProposal"), icon: icons.newProposal },
              ],
              [
                ...(officer ? [{ to: "/inbox", label: t("nav.inbox"), icon: icons.inbox }] : []),
                ...(reviewer ? [{ to: "/review", label: t("roundsAdmin.reviewNav"), icon: icons.review }] : []),
                ...(moderator ? [{ to: "/admin", label: t("nav.admin"), icon: icons.admin }] : []),
              ],
              viewer
                ? [{ to: "/account", label: t("nav.account"), icon: icons.account }]
                : [{ to: "/signup", label: t("nav.signup"), icon: icons.signup }],
            ]}
          >
            {viewer ? (
              <Form method="post" action="/logout" className="flex items-center justify-between gap-3 px-3">
                <span className="min-w-0 truncate text-sm text-stone-500">{viewer.displayName}</span>
                <button type="submit" className="btn-secondary shrink-0">
                  {t("nav.logout")}
                </button>
              </Form>
            ) : null}
          </SiteMenu>
        </div>
      </header>
      <div className="flex-1">{children}</div>
      <footer className="border-t border-stone-200 bg-white">
        <div className="mx-auto max-w-6xl px-4 py-8 text-sm text-stone-500">
          <p className="font-semibold text-stone-700">
            {t("app.name")} · {root ? (root.lng === "en" ? root.city.cityNameEn : root.city.cityName) : null}
          </p>
          <p className="mt-1">{t("app.footer")}</p>
        </div>
      </footer>
    </div>
  );
}
