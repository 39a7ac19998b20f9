import { NavLink, useLocation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

export type MenuLink = { to: string; label: string; icon: string };

const PANEL_ID = "site-menu";

/**
 * The phone header's disclosure menu: every destination that does not fit in the bar.
 * A native <details> so it opens without JavaScript; once hydrated it also closes on
 * navigation, on Escape (focus goes back to the button) and on a tap outside.
 */
export function SiteMenu({ groups, children, className = "" }: { groups: MenuLink[][]; children?: React.ReactNode; className?: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  // Before hydration the browser exposes the summary's expanded state itself; an aria-expanded
  // rendered on the server could not follow a toggle made without JavaScript.
  const [hydrated, setHydrated] = useState(false);
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const summaryRef = useRef<HTMLElement>(null);

  useEffect(() => setHydrated(true), []);
  useEffect(() => setOpen(false), [location.key]);
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!detailsRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      summaryRef.current?.focus();
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  const rowClass = ({ isActive }: { isActive: boolean }) =>
    `flex min-h-[44px] items-center gap-3 rounded-lg px-3 py-2.5 text-[15px] font-semibold ${isActive ? "bg-brand-50 text-brand-800" : "text-stone-800 hover:bg-stone-100"}`;

  return (
    <details
      ref={detailsRef}
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      className={`group ${className}`}
      data-testid="site-menu"
    >
      <summary
        ref={summaryRef}
        aria-controls={PANEL_ID}
        aria-expanded={hydrated ? open : undefined}
        className="flex cursor-pointer list-none items-center gap-1 whitespace-nowrap rounded-lg px-2 py-1.5 text-sm font-semibold text-stone-700 hover:bg-stone-100 group-open:bg-stone-100 [&::-webkit-details-marker]:hidden"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="h-5 w-5"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
        >
          <path className="group-open:hidden" d="M4 6h16M4 12h16M4 18h16" />
          <path className="hidden group-open:inline" d="M6 6l12 12M18 6L6 18" />
        </svg>
        {t("nav.menu")}
      </summary>
      <div
        id={PANEL_ID}
        className="absolute inset-x-0 top-full max-h-[calc(100vh-4rem)] overflow-y-auto border-b border-stone-200 bg-white shadow-lg sm:left-auto sm:right-4 sm:top-[calc(100%+0.25rem)] sm:max-h-[calc(100vh-5rem)] sm:w-72 sm:rounded-xl sm:border"
        // A link to the page already shown changes no location, so close on any click on a link.
        onClick={(event) => {
          if ((event.target as Element).closest("a")) setOpen(false);
        }}
      >
        <nav aria-label={t("nav.menu")} className="divide-y divide-stone-100 px-3 py-2">
          {groups
            .filter((group) => group.length > 0)
            .map((group, index) => (
              <ul key={index} className="py-1.5">
                {group.map((link) => (
                  <li key={link.to}>
                    <NavLink to={link.to} className={rowClass}>
                      <svg
                        aria-hidden="true"
                        viewBox="0 0 24 24"
                        className="h-5 w-5 shrink-0 text-stone-500"
                        fill="none"
                        stroke="currentColor"
                        strokeWidth="2"
                        strokeLinecap="round"
                        strokeLinejoin="round"
                      >
                        <path d={link.icon} />
                      </svg>
                      {link.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            ))}
          {children ? <div className="py-2">{children}</div> : null}
        </nav>
      </div>
    </details>
  );
}
