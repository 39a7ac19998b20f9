// /admin/departments: the city's departments (who answers proposals); add one or rename it.
// ?edit=ID fills the form with that department.
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

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "admin.departments.title")];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { viewer, lng } = await requireStaff(request, context);
  try {
    return json({ lng, departments: await context.domain.catalog.departments(), canEdit: canManageCity(viewer) });
  } catch (error) {
    throwAsResponse(error, lng);
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const lng = requestLanguage(request);
  const viewer = await context.auth.viewerFromRequest(request);
  const form = await request.formData();
  const values = {
    departmentId: field(form, "departmentId"),
    code: field(form, "code"),
    name: field(form, "name"),
    nameEn: field(form, "nameEn"),
  };
  try {
    const saved = await context.domain.admin.saveDepartment(viewer, { ...values, departmentId: values.departmentId || undefined });
    return json({ ok: true as const, created: !values.departmentId, name: lng === "en" ? saved.nameEn : saved.name, at: Date.now() });
  } catch (error) {
    return actionFailure(error, lng, { ok: false as const, values });
  }
}

export function ErrorBoundary() {
  return <AdminError />;
}

export default function AdminDepartments() {
  const { lng, departments, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const editing = departments.find((d) => String(d.id) === params.get("edit"));
  const error = actionData && !actionData.ok ? actionData.error : null;
  const echoed = actionData && !actionData.ok && actionData.values.departmentId === String(editing?.id ?? "") ? actionData.values : null;
  const values = echoed ?? { code: editing?.code ?? "", name: editing?.name ?? "", nameEn: editing?.nameEn ?? "" };
  const saving = navigation.state === "submitting";
  const done = actionData?.ok
    ? t(actionData.created ? "admin.departments.created" : "admin.departments.updated", { name: actionData.name })
    : null;

  const input = (name: "code" | "name" | "nameEn", label: string, hint?: string) => (
    <div>
      <label htmlFor={`dept-${name}`} className="field-label">
        {label}
      </label>
      <input
        {...describedBy(`dept-${name}`, { hint: !!hint, error: issueAt(error, name) })}
        name={name}
        type="text"
        defaultValue={values[name]}
        className="field-input"
        required
        maxLength={80}
        autoCapitalize={name === "code" ? "none" : undefined}
        spellCheck={name === "code" ? false : undefined}
      />
      {hint ? (
        <p id={`dept-${name}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={`dept-${name}-error`} message={issueAt(error, name)} />
    </div>
  );

  return (
    <div>
      <PageHeader title={t("admin.departments.title")} intro={t("admin.departments.intro")} />
      <StatusMessage message={done} className="mt-4" />

      <div className="mt-6 grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <AdminTable
          rows={departments}
          rowKey={(d) => d.id}
          caption={t("admin.departments.listCaption")}
          empty={t("admin.departments.empty")}
          rowClassName={(d) => (d.id === editing?.id ? "bg-brand-50/60" : undefined)}
          columns={[
            {
              header: t("admin.departments.colName"),
              rowHeader: true,
              className: "font-normal",
              cell: (d) => (
                <>
                  <span className="block font-semibold text-stone-900">{localName(d, lng)}</span>
                  <span className="block text-stone-500" lang={lng === "en" ? "ko" : "en"}>
                    {lng === "en" ? d.name : d.nameEn}
                  </span>
                  {/* On a phone the code column is hidden: the code shows here instead. */}
                  <code className="mt-1 inline-block rounded bg-stone-100 px-1.5 py-0.5 text-xs text-stone-700 sm:hidden">{d.code}</code>
                </>
              ),
            },
            {
              header: t("admin.departments.colCode"),
              from: "sm",
              cell: (d) => <code className="rounded bg-stone-100 px-1.5 py-0.5 text-xs text-stone-700">{d.code}</code>,
            },
            canEdit
              ? {
                  header: t("admin.departments.colActions"),
                  srOnly: true,
                  align: "right",
                  cell: (d) => (
                    <Link
                      to={`?edit=${d.id}#department-form`}
                      preventScrollReset
                      className="btn-secondary min-h-[40px] whitespace-nowrap px-3 text-sm"
                      aria-label={t("admin.departments.editOne", { name: localName(d, lng) })}
                      aria-current={d.id === editing?.id ? "true" : undefined}
                    >
                      {t("admin.common.edit")}
                    </Link>
                  ),
                }
              : null,
          ]}
        />

        {canEdit ? (
          <section id="department-form" aria-labelledby="department-form-title" className="card scroll-mt-24 p-5 lg:sticky lg:top-20">
            <h2 id="department-form-title" className="text-lg font-bold">
              {editing ? t("admin.departments.editTitle", { name: localName(editing, lng) }) : t("admin.departments.createTitle")}
            </h2>
            <Form
              method="post"
              preventScrollReset
              key={`${editing?.id ?? "new"}-${actionData?.ok ? actionData.at : 0}`}
              className="mt-4 space-y-4"
              noValidate
            >
              {editing ? <input type="hidden" name="departmentId" value={editing.id} /> : null}
              <ErrorAlert error={error} />
              {input("name", t("admin.departments.name"))}
              {input("nameEn", t("admin.departments.nameEn"))}
              {input("code", t("admin.departments.code"), t("admin.departments.codeHint"))}
              <div className="flex flex-wrap gap-2">
                <button type="submit" className="btn-primary" disabled={saving}>
                  {saving ? t("admin.common.saving") : editing ? t("admin.departments.save") : t("admin.departments.create")}
                </button>
                {editing ? (
                  <Link to="/admin/departments" preventScrollReset className="btn-secondary">
                    {t("admin.common.cancel")}
                  </Link>
                ) : null}
              </div>
            </Form>
          </section>
        ) : (
          <p className="card p-5 text-sm text-stone-600">{t("admin.common.adminOnly")}</p>
        )}
      </div>
    </div>
  );
}
