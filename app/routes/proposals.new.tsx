import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageTitle } from "../lib/meta.ts";
import { BODY_MAX, BODY_MIN, TITLE_MAX, TITLE_MIN } from "../domain/proposals/proposal.schema.ts";
import type { LocalizedError } from "../i18n/errors.ts";
import { errorJson, requestLanguage } from "../lib/http.server.ts";
import { SimilarProposals } from "../components/similar-proposals.tsx";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "create.title")];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await context.auth.viewerFromRequest(request);
  if (!viewer) throw redirect(`/login?redirectTo=${encodeURIComponent("/proposals/new")}`);
  const [districts, categories, city] = await Promise.all([
    context.domain.catalog.districts(),
    context.domain.catalog.categories(),
    context.domain.catalog.city(),
  ]);
  return json({ lng: requestLanguage(request), districts, categories, city });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const lng = requestLanguage(request);
  const viewer = await context.auth.viewerFromRequest(request);
  const form = await request.formData();
  const values = {
    title: String(form.get("title") ?? ""),
    body: String(form.get("body") ?? ""),
    categoryId: String(form.get("categoryId") ?? ""),
    districtId: String(form.get("districtId") ?? ""),
    estimatedCostKrw: String(form.get("estimatedCostKrw") ?? ""),
  };
  try {
    const proposal = await context.domain.proposals.create(viewer, values);
    return redirect(`/proposals/${proposal.id}`);
  } catch (error) {
    const response = errorJson(error, lng);
    const body = (await response.json()) as { error: LocalizedError };
    return json({ error: body.error, values }, { status: response.status });
  }
}

export default function NewProposal() {
  const { lng, districts, categories, city } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const submitting = navigation.state === "submitting";
  const issue = (path: string) => actionData?.error.issues?.find((i) => i.path === path)?.message;
  const values = actionData?.values;
  const name = (item: { name: string; nameEn: string }) => (lng === "en" ? item.nameEn : item.name);

  const field = (id: string) => ({
    id,
    name: id,
    "aria-invalid": issue(id) ? true : undefined,
    "aria-describedby": `${id}-hint${issue(id) ? ` ${id}-error` : ""}`,
  });
  const errorOf = (id: string) =>
    issue(id) ? (
      <p id={`${id}-error`} className="field-error">
        {issue(id)}
      </p>
    ) : null;

  return (
    <main id="main" className="mx-auto max-w-2xl px-4 pb-16 pt-8">
      <Link to="/proposals" className="text-sm font-semibold text-brand-700 hover:underline">
        ← {t("proposal.back")}
      </Link>
      <h1 className="mt-4 text-3xl font-extrabold tracking-tight">{t("create.title")}</h1>
      <p className="mt-2 text-stone-600">{t("create.intro", { days: city.supportWindowDays })}</p>
      <p className="mt-4 rounded-xl bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">{t("create.complaintNotice")}</p>

      {actionData?.error ? (
        <div role="alert" className="mt-6 rounded-xl bg-red-50 px-4 py-3 text-sm font-semibold text-red-700 ring-1 ring-inset ring-red-200">
          {actionData.error.message}
        </div>
      ) : null}

      <Form method="post" className="card mt-6 space-y-5 p-5 sm:p-6" noValidate>
        <div>
          <label htmlFor="title" className="field-label">
            {t("create.fieldTitle")}
          </label>
          <input {...field("title")} type="text" maxLength={TITLE_MAX + 20} defaultValue={values?.title} className="field-input" required />
          <p id="title-hint" className="field-hint">
            {t("create.fieldTitleHint", { min: TITLE_MIN, max: TITLE_MAX })}
          </p>
          {errorOf("title")}
          <SimilarProposals inputId="title" />
        </div>
        <div>
          <label htmlFor="body" className="field-label">
            {t("create.fieldBody")}
          </label>
          <textarea {...field("body")} rows={9} defaultValue={values?.body} className="field-input leading-relaxed" required />
          <p id="body-hint" className="field-hint">
            {t("create.fieldBodyHint", { min: BODY_MIN, max: BODY_MAX })}
          </p>
          {errorOf("body")}
        </div>
        <div className="grid gap-5 sm:grid-cols-2">
          <div>
            <label htmlFor="categoryId" className="field-label">
              {t("create.fieldCategory")}
            </label>
            <select {...field("categoryId")} defaultValue={values?.categoryId ?? ""} className="field-input" required>
              <option value="">{t("create.chooseCategory")}</option>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {name(c)}
                </option>
              ))}
            </select>
            <span id="categoryId-hint" />
            {errorOf("categoryId")}
          </div>
          <div>
            <label htmlFor="districtId" className="field-label">
              {t("create.fieldDistrict")}
            </label>
            <select {...field("districtId")} defaultValue={values?.districtId ?? ""} className="field-input">
              <option value="">{t("create.cityWide")}</option>
              {districts.map((d) => (
                <option key={d.id} value={d.id}>
                  {name(d)}
                </option>
              ))}
            </select>
            <span id="districtId-hint" />
            {errorOf("districtId")}
          </div>
        </div>
        <div>
          <label htmlFor="estimatedCostKrw" className="field-label">
            {t("create.fieldCost")}
          </label>
          <input {...field("estimatedCostKrw")} type="text" inputMode="numeric" defaultValue={values?.estimatedCostKrw} className="field-input" />
          <p id="estimatedCostKrw-hint" className="field-hint">
            {t("create.fieldCostHint")}
          </p>
          {errorOf("estimatedCostKrw")}
        </div>
        <button type="submit" className="btn-primary w-full sm:w-auto" disabled={submitting}>
          {submitting ? t("create.submitting") : t("create.submit")}
        </button>
      </Form>
    </main>
  );
}
