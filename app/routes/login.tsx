import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageTitle } from "../lib/meta.ts";
import { errorJson, requestLanguage } from "../lib/http.server.ts";
import { safeRedirect } from "../lib/redirect.ts";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "login.title")];

export async function loader({ context }: LoaderFunctionArgs) {
  return json({ accounts: await context.domain.sessions.demoAccounts() });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  try {
    const { sessionId, expiresAt } = await context.domain.sessions.startDemoSession(form.get("email"));
    return redirect(safeRedirect(form.get("redirectTo"), "/proposals"), {
      headers: { "Set-Cookie": await context.auth.commit(sessionId, expiresAt) },
    });
  } catch (error) {
    return errorJson(error, requestLanguage(request));
  }
}

export default function Login() {
  const { accounts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  return (
    <main id="main" className="mx-auto max-w-lg px-4 pb-16 pt-10">
      <h1 className="text-3xl font-extrabold tracking-tight">{t("login.title")}</h1>
      <p className="mt-2 text-stone-600">{t("login.demoIntro")}</p>
      {actionData && "error" in actionData ? (
        <p role="alert" className="mt-4 rounded-xl bg-red-50 px-4 py-3 text-sm font-semibold text-red-700">
          {actionData.error.message}
        </p>
      ) : null}
      <ul className="mt-6 space-y-3">
        {accounts.map((a) => (
          <li key={a.email}>
            <Form method="post">
              <input type="hidden" name="email" value={a.email} />
              <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/proposals"} />
              <button type="submit" className="card flex w-full items-center gap-4 p-4 text-left hover:border-brand-300 hover:bg-brand-50/40">
                <span aria-hidden="true" className="flex h-11 w-11 shrink-0 items-center justify-center rounded-full bg-brand-100 text-lg font-bold text-brand-800">
                  {a.displayName.slice(0, 1)}
                </span>
                <span className="min-w-0">
                  <span className="block font-bold">{t("login.as", { name: a.displayName })}</span>
                  <span className="block truncate text-sm text-stone-500">
                    {t(`login.role.${a.role}`)}
                    {a.districtName ? ` · ${a.districtName}` : ""}
                    {a.departmentName ? ` · ${a.departmentName}` : ""} · {a.email}
                  </span>
                </span>
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </main>
  );
}
