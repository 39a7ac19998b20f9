// /admin/districts: the 읍·면·동 of the city. Names can change; codes stay, since identity
// verification reports residence by code. ?edit=ID opens the form for one district.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { field, requireStaff } from "../lib/server/admin.server.ts";
import { AdminTable } from "../components/admin/admin-table.tsx";
import { AdminError, describedBy, ErrorAlert, FieldError, issueAt, localName, PageHeader, StatusMessage } from "../components/admin/ui.tsx";
import { canManageCity } from "../domain/roles/roles.policy.ts";
import { actionFailure, requestLanguage, throwAsResponse } from "../lib/server/http.server.ts";
import { pageTitle } from "../lib/meta.ts";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "admin.districts.title")];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { viewer, lng } = await requireStaff(request, context);
  try {
    return json({ lng, districts: await context.domain.catalog.districts(), canEdit: canManageCity(viewer) });
  } catch (error) {
    throwAsResponse(error, lng);
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const lng = requestLanguage(request);
  const viewer = await context.auth.viewerFromRequest(request);
  const form = await request.formData();
  const values = { districtId: field(form, "districtId"), name: field(form, "name"), nameEn: field(form, "nameEn") };
  try {
    const saved = await context.domain.admin.updateDistrict(viewer, values);
    return json({ ok: true as const, name: lng === "en" ? saved.nameEn : saved.name, at: Date.now() });
  } catch (error) {
    return actionFailure(error, lng, { ok: false as const, values });
  }
}

export function ErrorBoundary() {
  return <AdminError />;
}

export default function AdminDistricts() {
  const { lng, districts, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const editing = districts.find((d) => String(d.id) === params.get("edit"));
  const error = actionData && !actionData.ok ? actionData.error : null;
  const echoed = actionData && !actionData.ok && actionData.values.districtId === String(editing?.id ?? "") ? actionData.values : null;
  const values = echoed ?? { name: editing?.name ?? "", nameEn: editing?.nameEn ?? "" };
  const saving = navigation.state === "submitting";

  const input = (name: "name" | "nameEn", label: string) => (
    <div>
      <label htmlFor={`district-${name}`} className="field-label">
        {label}
      </label>
      <input
        {...describedBy(`district-${name}`, { error: issueAt(error, name) })}
        name={name}
        type="text"
        defaultValue={values[name]}
        className="field-input"
        required
        maxLength={60}
      />
      <FieldError id={`district-${name}-error`} message={issueAt(error, name)} />
    </div>
  );

  return (
    <div>
      <PageHeader title={t("admin.districts.title")} intro={t("admin.districts.intro")} />
      <StatusMessage message={actionData?.ok ? t("admin.districts.updated", { name: actionData.name }) : null} className="mt-4" />

      <div className="mt-6 grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        {canEdit ? (
          <section
            id="district-form"
            aria-labelledby="district-form-title"
            className="card scroll-mt-24 p-5 lg:sticky lg:top-20 lg:order-last"
          >
            <h2 id="district-form-title" className="text-lg font-bold">
              {editing ? t("admin.districts.editTitle", { name: localName(editing, lng) }) : t("admin.districts.formTitle")}
            </h2>
            {editing ? (
              <Form
                method="post"
                preventScrollReset
                key={`${editing.id}-${actionData?.ok ? actionData.at : 0}`}
                className="mt-4 space-y-4"
                noValidate
              >
                <input type="hidden" name="districtId" value={editing.id} />
                <ErrorAlert error={error} />
                {input("name", t("admin.districts.name"))}
                {input("nameEn", t("admin.districts.nameEn"))}
                <p className="text-sm text-stone-500">
                  {t("admin.districts.codeFixed")} <code className="rounded bg-stone-100 px-1.5 py-0.5 text-xs">{editing.code}</code>
                </p>
                <div className="flex flex-wrap gap-2">
                  <button type="submit" className="btn-primary" disabled={saving}>
                    {saving ? t("admin.common.saving") : t("admin.districts.save")}
                  </button>
                  <Link to="/admin/districts" preventScrollReset className="btn-secondary">
                    {t("admin.common.cancel")}
                  </Link>
                </div>
              </Form>
            ) : (
              <p className="mt-2 text-sm text-stone-600">{t("admin.districts.pickOne")}</p>
            )}
          </section>
        ) : (
          <p className="card p-5 text-sm text-stone-600 lg:order-last">{t("admin.common.adminOnly")}</p>
        )}

        <AdminTable
          rows={districts}
          rowKey={(d) => d.id}
          caption={t("admin.districts.listCaption")}
          empty={t("admin.districts.empty")}
          rowClassName={(d) => (d.id === editing?.id ? "bg-brand-50/60" : undefined)}
          columns={[
            {
              header: t("admin.districts.colName"),
              rowHeader: true,
              className: "font-normal",
              cell: (d) => (
                <>
                  <span className="block font-semibold text-stone-900">{localName(d, lng)}</span>
                  <span className="block text-stone-500" lang={lng === "en" ? "ko" : "en"}>
                    {lng === "en" ? d.name : d.nameEn}
                  </span>
                </>
              ),
            },
            { header: t("admin.districts.colKind"), className: "text-stone-700", cell: (d) => t(`admin.districtKind.${d.kind}`) },
            {
              header: t("admin.districts.colCode"),
              from: "sm",
              cell: (d) => <code className="rounded bg-stone-100 px-1.5 py-0.5 text-xs text-stone-700">{d.code}</code>,
            },
            canEdit
              ? {
                  header: t("admin.districts.colActions"),
                  srOnly: true,
                  align: "right",
                  cell: (d) => (
                    <Link
                      to={`?edit=${d.id}#district-form`}
                      preventScrollReset
                      className="btn-secondary min-h-[40px] whitespace-nowrap px-3 text-sm"
                      aria-label={t("admin.districts.editOne", { name: localName(d, lng) })}
                      aria-current={d.id === editing?.id ? "true" : undefined}
                    >
                      {t("admin.common.edit")}
                    </Link>
                  ),
                }
              : null,
          ]}
        />
      </div>
    </div>
  );
}
