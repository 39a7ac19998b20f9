import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PASSWORD_MIN } from "../domain/accounts/account.schema.ts";
import { actionFailure, requestLanguage } from "../lib/server/http.server.ts";
import { pageTitle } from "../lib/meta.ts";
import { fieldHelpers } from "../lib/form-fields.tsx";

export const meta: MetaFunction = ({ matches }) => [
  pageTitle(matches, "reset.title"),
  // The token in the address is a credential: keep the page out of search engines.
  { name: "robots", content: "noindex" },
];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lng = requestLanguage(request);
  const form = await request.formData();
  try {
    await context.domain.accounts.resetPassword({
      token: params.token ?? "",
      password: String(form.get("password") ?? ""),
      passwordConfirm: String(form.get("passwordConfirm") ?? ""),
    });
    return redirect("/login?reset=1");
  } catch (error) {
    return actionFailure(error, lng, { at: Date.now() });
  }
}

export default function ResetPassword() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const submitting = navigation.state === "submitting";
  const error = actionData?.error ?? null;
  const issue = (path: string) => error?.issues?.find((i) => i.path === path)?.message;
  // A malformed token is the same to the person as an expired link.
  const linkInvalid = error !== null && (error.issues ?? []).some((i) => i.path === "token");
  const { field, errorOf } = fieldHelpers(issue);

  return (
    <main id="main" className="mx-auto max-w-lg px-4 pb-16 pt-10">
      <h1 className="text-3xl font-extrabold tracking-tight">{t("reset.title")}</h1>
      <p className="mt-2 text-stone-600">{t("reset.intro")}</p>
      {error ? (
        <div role="alert" className="mt-6 rounded-xl bg-red-50 px-4 py-3 text-sm font-semibold text-red-700 ring-1 ring-inset ring-red-200">
          {linkInvalid ? t("errors.resetLinkInvalid") : error.message}
          {linkInvalid || error.code !== "VALIDATION" || !error.issues ? (
            <>
              {" "}
              <Link to="/forgot-password" className="underline">
                {t("reset.requestAgain")}
              </Link>
            </>
          ) : null}
        </div>
      ) : null}
      {/* A new key after each failed attempt empties the password fields. */}
      <Form method="post" className="card mt-6 space-y-5 p-5 sm:p-6" noValidate key={actionData?.at}>
        <div>
          <label htmlFor="password" className="field-label">
            {t("reset.password")}
          </label>
          <input {...field("password")} type="password" autoComplete="new-password" className="field-input" required />
          <p id="password-hint" className="field-hint">
            {t("reset.passwordHint", { min: PASSWORD_MIN })}
          </p>
          {errorOf("password")}
        </div>
        <div>
          <label htmlFor="passwordConfirm" className="field-label">
            {t("reset.passwordConfirm")}
          </label>
          <input {...field("passwordConfirm")} type="password" autoComplete="new-password" className="field-input" required />
          <span id="passwordConfirm-hint" />
          {errorOf("passwordConfirm")}
        </div>
        <button type="submit" className="btn-primary w-full" disabled={submitting}>
          {submitting ? t("reset.submitting") : t("reset.submit")}
        </button>
      </Form>
    </main>
  );
}
