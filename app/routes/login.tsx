import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { actionFailure, requestLanguage } from "../lib/server/http.server.ts";
import { pageTitle } from "../lib/meta.ts";
import { safeRedirect } from "../lib/redirect.ts";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "login.title")];

/** The seeded demo accounts (README); they all share DEMO_PASSWORD. Who they are is in i18n. */
const DEMO_ACCOUNTS = ["citizen", "citizen2", "moderator", "officer", "committee", "admin"] as const;
const DEMO_PASSWORD = "madang-demo-2026";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await context.auth.viewerFromRequest(request);
  if (viewer) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/proposals"));
  // The demo hint appears only where the seeded demo accounts exist, never on a real city's site.
  return json({ showDemo: await context.domain.accounts.hasDemoAccounts() });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const lng = requestLanguage(request);
  const form = await request.formData();
  const email = String(form.get("email") ?? "");
  try {
    const { sessionId, expiresAt } = await context.domain.accounts.logIn(
      { email, password: String(form.get("password") ?? "") },
      { ip: context.clientIp, userAgent: request.headers.get("user-agent") },
    );
    return redirect(safeRedirect(form.get("redirectTo"), "/proposals"), {
      headers: { "Set-Cookie": await context.auth.commit(sessionId, expiresAt) },
    });
  } catch (error) {
    return actionFailure(error, lng, { email, at: Date.now() });
  }
}

export default function Login() {
  const { showDemo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const redirectTo = params.get("redirectTo") ?? "";
  const withRedirect = (path: string) => (redirectTo ? `${path}?redirectTo=${encodeURIComponent(redirectTo)}` : path);
  const submitting = navigation.state === "submitting";
  const issue = (path: string) => actionData?.error.issues?.find((i) => i.path === path)?.message;
  const field = (id: string, hint = false) => ({
    id,
    name: id,
    "aria-invalid": issue(id) ? true : undefined,
    "aria-describedby": [hint ? `${id}-hint` : null, issue(id) ? `${id}-error` : null].filter(Boolean).join(" ") || undefined,
  });
  const errorOf = (id: string) =>
    issue(id) ? (
      <p id={`${id}-error`} className="field-error">
        {issue(id)}
      </p>
    ) : null;

  return (
    <main id="main" className="mx-auto max-w-lg px-4 pb-16 pt-10">
      <h1 className="text-3xl font-extrabold tracking-tight">{t("login.title")}</h1>
      <p className="mt-2 text-stone-600">{t("login.intro")}</p>

      {params.get("reset") ? (
        <p
          role="status"
          className="mt-6 rounded-xl bg-brand-50 px-4 py-3 text-sm font-semibold text-brand-800 ring-1 ring-inset ring-brand-200"
        >
          {t("login.resetDone")}
        </p>
      ) : null}
      {actionData?.error ? (
        <div role="alert" className="mt-6 rounded-xl bg-red-50 px-4 py-3 text-sm font-semibold text-red-700 ring-1 ring-inset ring-red-200">
          {actionData.error.message}
        </div>
      ) : null}

      <Form method="post" className="card mt-6 space-y-5 p-5 sm:p-6">
        <div>
          <label htmlFor="email" className="field-label">
            {t("login.email")}
          </label>
          <input
            {...field("email")}
            type="email"
            autoComplete="username"
            inputMode="email"
            defaultValue={actionData?.email}
            className="field-input"
            required
          />
          {errorOf("email")}
        </div>
        <div>
          <div className="flex items-baseline justify-between gap-3">
            <label htmlFor="password" className="field-label">
              {t("login.password")}
            </label>
            <Link to="/forgot-password" className="text-sm font-semibold text-brand-700 hover:underline">
              {t("login.forgot")}
            </Link>
          </div>
          {/* A new key after each failed attempt empties the password field. */}
          <input
            {...field("password")}
            key={actionData?.at}
            type="password"
            autoComplete="current-password"
            className="field-input"
            required
          />
          {errorOf("password")}
        </div>
        <button type="submit" className="btn-primary w-full" disabled={submitting}>
          {submitting ? t("login.submitting") : t("login.submit")}
        </button>
        <input type="hidden" name="redirectTo" value={redirectTo} />
      </Form>

      <p className="mt-6 text-center text-sm text-stone-600">
        {t("login.noAccount")}{" "}
        <Link to={withRedirect("/signup")} className="font-semibold text-brand-700 hover:underline">
          {t("login.signup")}
        </Link>
      </p>

      {showDemo ? (
        <section
          aria-labelledby="demo-heading"
          className="mt-8 rounded-2xl bg-amber-50 p-4 text-sm text-amber-950 ring-1 ring-inset ring-amber-200 sm:p-5"
        >
          <h2 id="demo-heading" className="font-bold">
            {t("login.demo.title")}
          </h2>
          <p className="mt-1">{t("login.demo.intro")}</p>
          <p className="mt-3">
            {t("login.demo.password")}:{" "}
            <code className="rounded bg-white px-1.5 py-0.5 font-mono font-semibold ring-1 ring-inset ring-amber-200">{DEMO_PASSWORD}</code>
          </p>
          <ul className="mt-3 divide-y divide-amber-200/70">
            {DEMO_ACCOUNTS.map((key) => (
              <li key={key} className="flex flex-wrap items-baseline justify-between gap-x-3 py-1.5">
                <code className="font-mono text-[13px] font-semibold">{key}@demo.madang</code>
                <span className="text-amber-900/80">{t(`login.demo.accounts.${key}`)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}
