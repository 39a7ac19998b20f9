// /admin/users: find people, then (in the panel, ?user=ID) give or take roles, suspend,
// lift a suspension or sign them out everywhere. The domain checks every permission.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { field, pageParam, requireStaff } from "../lib/server/admin.server.ts";
import { ROLES } from "../domain/viewer.ts";
import { AdminTable } from "../components/admin/admin-table.tsx";
import { UserPanel, type AdminUser, type UserActionData } from "../components/admin/user-panel.tsx";
import {
  AdminError,
  localName,
  PageHeader,
  Pagination,
  RoleChip,
  StatusMessage,
  UserStatusChip,
  useQueryLink,
} from "../components/admin/ui.tsx";
import { AppError } from "../domain/errors.ts";
import { canManageRoles } from "../domain/roles/roles.policy.ts";
import { formatDate, formatDateTime } from "../lib/format.ts";
import { actionFailure, requestLanguage, throwAsResponse } from "../lib/server/http.server.ts";
import { pageTitle } from "../lib/meta.ts";

const PAGE_SIZE = 20;
const STATUSES = ["ACTIVE", "SUSPENDED", "DELETED"] as const;

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "admin.users.title")];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { viewer, lng } = await requireStaff(request, context);
  const params = new URL(request.url).searchParams;
  const page = pageParam(params);
  const selected = Number.parseInt(params.get("user") ?? "", 10) || null;
  try {
    const [result, departments] = await Promise.all([
      context.domain.admin.searchUsers(viewer, {
        q: params.get("q") ?? undefined,
        role: params.get("role") ?? undefined,
        status: params.get("status") ?? undefined,
        offset: (page - 1) * PAGE_SIZE,
        limit: PAGE_SIZE,
      }),
      context.domain.catalog.departments(),
    ]);
    return json({ lng, result, page, departments, manageRoles: canManageRoles(viewer), selected });
  } catch (error) {
    throwAsResponse(error, lng);
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const lng = requestLanguage(request);
  const viewer = await context.auth.viewerFromRequest(request);
  const form = await request.formData();
  const intent = field(form, "intent");
  const userId = field(form, "userId");
  const role = field(form, "role");
  const reason = field(form, "reason") || undefined;
  const admin = context.domain.admin;
  try {
    switch (intent) {
      case "assignRole":
        await admin.assignRole(viewer, { userId, role, departmentId: field(form, "departmentId"), reason });
        break;
      case "removeRole":
        await admin.removeRole(viewer, { userId, role, reason });
        break;
      case "suspend":
        await admin.suspendUser(viewer, { userId, days: field(form, "days"), reason: reason ?? "" });
        break;
      case "unsuspend":
        await admin.unsuspendUser(viewer, { userId, reason });
        break;
      case "revokeSessions":
        await admin.revokeUserSessions(viewer, { userId, reason: reason ?? "" });
        break;
      default:
        throw new AppError("VALIDATION", "errors.badRequest");
    }
    return json({ ok: true as const, intent, userId: Number(userId), role, at: Date.now() });
  } catch (error) {
    return actionFailure(error, lng, { ok: false as const, intent, userId: Number(userId), role });
  }
}

export function ErrorBoundary() {
  return <AdminError />;
}

export default function AdminUsers() {
  const { lng, result, page, departments, manageRoles, selected } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as (UserActionData & { role: string }) | undefined;
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const link = useQueryLink();
  const users = result.items as AdminUser[];
  const pages = Math.max(1, Math.ceil(result.totalCount / PAGE_SIZE));
  const selectedUser = selected ? users.find((u) => u.id === selected) : undefined;

  const nameOf = (id: number) => users.find((u) => u.id === id)?.displayName ?? `#${id}`;
  const done =
    actionData?.ok && actionData.intent
      ? t(`admin.users.done.${actionData.intent}`, {
          name: nameOf(actionData.userId),
          role: actionData.role ? t(`admin.roles.${actionData.role}`, { defaultValue: actionData.role }) : "",
        })
      : null;
  const manageLink = (u: AdminUser) => (
    <Link
      to={`${link({ user: String(u.id) }, { keepPage: true })}#user-panel`}
      className="btn-secondary min-h-[40px] shrink-0 whitespace-nowrap px-3 text-sm"
      aria-current={u.id === selected ? "true" : undefined}
      aria-label={t("admin.users.manageUser", { name: u.displayName })}
    >
      {t("admin.users.manage")}
    </Link>
  );

  return (
    <div>
      <PageHeader title={t("admin.users.title")} intro={t("admin.users.intro")} />

      <Form
        method="get"
        role="search"
        aria-label={t("admin.users.filters")}
        className="card mt-6 grid gap-3 p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_auto]"
      >
        <div className="sm:col-span-2 lg:col-span-1">
          <label htmlFor="q" className="field-label">
            {t("admin.users.q")}
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={params.get("q") ?? ""}
            placeholder={t("admin.users.qPlaceholder")}
            className="field-input"
            maxLength={100}
          />
        </div>
        <div>
          <label htmlFor="role" className="field-label">
            {t("admin.users.role")}
          </label>
          <select id="role" name="role" defaultValue={params.get("role") ?? ""} className="field-input">
            <option value="">{t("admin.users.allRoles")}</option>
            {ROLES.filter((r) => r !== "CITIZEN").map((r) => (
              <option key={r} value={r}>
                {t(`admin.roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="status" className="field-label">
            {t("admin.users.status")}
          </label>
          <select id="status" name="status" defaultValue={params.get("status") ?? ""} className="field-input">
            <option value="">{t("admin.users.allStatuses")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`admin.userStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-1">
          <button type="submit" className="btn-primary flex-1 lg:flex-none">
            {t("admin.common.search")}
          </button>
          <Link to="/admin/users" className="btn-secondary flex-1 lg:flex-none">
            {t("admin.common.reset")}
          </Link>
        </div>
      </Form>

      <StatusMessage message={done} className="mt-4" />

      <div className={`mt-4 grid gap-6 ${selected ? "lg:grid-cols-[minmax(0,1fr)_25rem]" : ""}`}>
        <section aria-labelledby="users-count" className={`min-w-0 ${selected ? "hidden lg:block" : ""}`}>
          <p id="users-count" className="text-sm font-semibold text-stone-700" aria-live="polite">
            {t("admin.users.total", { count: result.totalCount })}
          </p>

          <AdminTable
            rows={users}
            rowKey={(u) => u.id}
            caption={t("admin.users.listCaption")}
            empty={t("admin.users.empty")}
            rowClassName={(u) => (u.id === selected ? "bg-brand-50/60" : "hover:bg-stone-50")}
            className="mt-3"
            columns={[
              {
                header: t("admin.users.colName"),
                rowHeader: true,
                className: "max-w-[16rem] font-normal",
                cell: (u) => (
                  <>
                    <span className="block font-semibold text-stone-900">{u.displayName}</span>
                    <span className="block truncate text-stone-500">{u.email ?? t("admin.users.noEmail")}</span>
                  </>
                ),
              },
              {
                header: t("admin.users.colStatus"),
                cell: (u) => (
                  <div className="flex flex-col items-start gap-1">
                    <UserStatusChip status={u.status} />
                    {u.identity ? null : <span className="text-xs text-amber-800">{t("admin.users.notVerified")}</span>}
                  </div>
                ),
              },
              {
                header: t("admin.users.colRoles"),
                cell: (u) => (
                  <div className="flex flex-wrap gap-1">
                    {u.roles.length === 0 ? (
                      <span className="text-stone-500">{t("admin.roles.CITIZEN")}</span>
                    ) : (
                      u.roles.map((r) => (
                        <RoleChip key={r.role} role={r.role} department={r.department ? localName(r.department, lng) : null} />
                      ))
                    )}
                  </div>
                ),
              },
              {
                header: t("admin.users.colLastLogin"),
                // With the panel open there is less room: the last login shows on wide screens only.
                from: selected ? "xl" : undefined,
                className: "whitespace-nowrap text-stone-600",
                cell: (u) =>
                  u.lastLoginAt ? formatDateTime(u.lastLoginAt, lng) : <span className="text-stone-500">{t("admin.common.never")}</span>,
              },
              { header: t("admin.users.colActions"), srOnly: true, align: "right", cell: manageLink },
            ]}
            card={(u) => (
              <>
                <div className="flex items-start justify-between gap-3">
                  <div className="min-w-0">
                    <p className="font-semibold text-stone-900">{u.displayName}</p>
                    <p className="truncate text-sm text-stone-500">{u.email ?? t("admin.users.noEmail")}</p>
                  </div>
                  {manageLink(u)}
                </div>
                <div className="mt-2 flex flex-wrap gap-1">
                  <UserStatusChip status={u.status} />
                  {u.roles.map((r) => (
                    <RoleChip key={r.role} role={r.role} department={r.department ? localName(r.department, lng) : null} />
                  ))}
                  {u.identity ? null : <span className="chip bg-amber-50 text-amber-800">{t("admin.users.notVerified")}</span>}
                </div>
                <p className="mt-2 text-xs text-stone-500">
                  {t("admin.users.joined", { date: formatDate(u.createdAt, lng) })} ·{" "}
                  {u.lastLoginAt
                    ? t("admin.users.lastLogin", { date: formatDateTime(u.lastLoginAt, lng) })
                    : t("admin.users.neverLoggedIn")}
                </p>
              </>
            )}
          />
          <Pagination page={page} pages={pages} />
        </section>

        {selected ? (
          selectedUser ? (
            <UserPanel
              key={selectedUser.id}
              user={selectedUser}
              lng={lng}
              departments={departments}
              manageRoles={manageRoles}
              actionData={actionData}
            />
          ) : (
            <section id="user-panel" className="card p-5 text-sm text-stone-600">
              <p>{t("admin.users.notInList")}</p>
              <Link to={link({ user: null }, { keepPage: true })} className="btn-secondary mt-4">
                ← {t("admin.users.backToList")}
              </Link>
            </section>
          )
        ) : null}
      </div>
    </div>
  );
}
