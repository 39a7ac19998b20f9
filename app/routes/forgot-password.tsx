import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { actionFailure, requestLanguage } from "../lib/server/http.server.ts";
import { pageTitle } from "../lib/meta.ts";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "forgot.title")];

export async function action({ request, context }: ActionFunctionArgs) {
  const lng = requestLanguage(request);
  const form = await request.formData();
  const email = String(form.get("email") ?? "");
  try {
    // Answers the same whether or not the address has an account.
    await context.domain.accounts.requestPasswordReset({ email }, { ip: context.clientIp, userAgent: request.headers.get("user-agent") });
    return json({ sent: true as const, error: null, email: "" });
  } catch (error) {
    return actionFailure(error, lng, { sent: false as const, email });
  }
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const submitting = navigation.state === "submitting";
  const issue = actionData?.error?.issues?.find((i) => i.path === "email")?.message;

  return (
    <main id="main" className="mx-auto max-w-lg px-4 pb-16 pt-10">
      <h1 className="text-3xl font-extrabold tracking-tight">{t("forgot.title")}</h1>
      {actionData?.sent ? (
        <section role="status" aria-labelledby="sent-heading" className="card mt-6 p-5 sm:p-6">
          <h2 id="sent-heading" className="text-lg font-bold">
            {t("forgot.sentTitle")}
          </h2>
          <p className="mt-2 text-stone-700">{t("forgot.sent")}</p>
          <p className="mt-2 text-sm text-stone-500">{t("forgot.sentHint")}</p>
          <Link to="/login" className="btn-secondary mt-5 w-full sm:w-auto">
            {t("forgot.backToLogin")}
          </Link>
        </section>
      ) : (
        <>
          <p className="mt-2 text-stone-600">{t("forgot.intro")}</p>
          {actionData?.error ? (
            <div
              role="alert"
              className="mt-6 rounded-xl bg-red-50 px-4 py-3 text-sm font-semibold text-red-700 ring-1 ring-inset ring-red-200"
            >
              {actionData.error.message}
            </div>
          ) : null}
          <Form method="post" className="card mt-6 space-y-5 p-5 sm:p-6" noValidate>
            <div>
              <label htmlFor="email" className="field-label">
                {t("forgot.email")}
              </label>
              <input
                id="email"
                name="email"
                type="email"
                inputMode="email"
                autoComplete="email"
                defaultValue={actionData?.email}
                className="field-input"
                aria-invalid={issue ? true : undefined}
                aria-describedby={issue ? "email-error" : undefined}
                required
              />
              {issue ? (
                <p id="email-error" className="field-error">
                  {issue}
                </p>
              ) : null}
            </div>
            <button type="submit" className="btn-primary w-full" disabled={submitting}>
              {submitting ? t("forgot.submitting") : t("forgot.submit")}
            </button>
          </Form>
          <p className="mt-6 text-center text-sm">
            <Link to="/login" className="font-semibold text-brand-700 hover:underline">
              {t("forgot.backToLogin")}
            </Link>
          </p>
        </>
      )}
    </main>
  );
}
