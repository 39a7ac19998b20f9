import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { Layout as PageLayout } from "./components/layout.tsx";
import { getI18n, type Language, DEFAULT_LANGUAGE } from "./i18n/i18n.ts";
import { requestLanguage } from "./lib/server/http.server.ts";
import stylesheet from "./tailwind.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [
  { title: "마당 · Madang" },
  { name: "description", content: "시민이 제안하고, 함께 공감하고, 시가 답하는 정책 마당" },
  { name: "theme-color", content: "#10664e" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lng = requestLanguage(request);
  const [viewer, city] = await Promise.all([context.auth.viewerFromRequest(request), context.domain.catalog.city()]);
  // Only what the UI needs: never the session id (the cookie is httpOnly for a reason).
  const me = viewer
    ? { id: viewer.id, displayName: viewer.displayName, roles: viewer.roles, verified: viewer.verified, suspended: viewer.suspended }
    : null;
  const unreadNotifications = viewer ? await context.domain.notifications.unreadCount(viewer) : 0;
  return json({ lng, viewer: me, city, unreadNotifications, cspNonce: context.cspNonce });
}

export type RootData = typeof loader;

function Document({ lng, children }: { lng: Language; children: React.ReactNode }) {
  const nonce = useRouteLoaderData<typeof loader>("root")?.cspNonce;
  return (
    <html lang={lng}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen">
        <I18nextProvider i18n={getI18n(lng)}>{children}</I18nextProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { lng } = useLoaderData<typeof loader>();
  return (
    <Document lng={lng}>
      <PageLayout>
        <Outlet />
      </PageLayout>
    </Document>
  );
}

export function ErrorBoundary() {
  const root = useRouteLoaderData<typeof loader>("root");
  const lng = root?.lng ?? DEFAULT_LANGUAGE;
  return (
    <Document lng={lng}>
      {root ? (
        <PageLayout>
          <ErrorMessage />
        </PageLayout>
      ) : (
        <ErrorMessage />
      )}
    </Document>
  );
}

/** Shown for thrown responses and unexpected errors alike; never a stack trace. */
export function ErrorMessage() {
  const error = useRouteError();
  const { t } = useTranslation();
  let status = 500;
  let message = t("errors.internal");
  if (isRouteErrorResponse(error)) {
    status = error.status;
    const data = error.data as { error?: { message?: string } } | string | null;
    message =
      typeof data === "object" && data?.error?.message
        ? data.error.message
        : status === 404
          ? t("errors.pageNotFound")
          : t("errors.badRequest");
  }
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-20 text-center">
      <p className="text-5xl font-black text-brand-600">{status}</p>
      <h1 className="mt-4 text-2xl font-bold">{status === 404 ? t("errors.notFoundTitle") : t("errors.title")}</h1>
      <p className="mt-3 text-stone-600" role="alert">
        {message}
      </p>
      <a href="/" className="btn-primary mt-8">
        {t("errors.home")}
      </a>
    </main>
  );
}
