// One person's page in the back office: who they are, their roles, suspension and sessions.
// Every form posts to the /admin/users action with an `intent`; the domain decides.
import { Form, Link, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { LocalizedError } from "../../i18n/errors.ts";
import type { Language } from "../../i18n/i18n.ts";
import { formatDate, formatDateTime } from "../../lib/format.ts";
import { dangerButton, describedBy, ErrorAlert, FieldError, issueAt, localName, RoleChip, UserStatusChip, useQueryLink } from "./ui.tsx";

export const GRANTABLE_ROLES = ["MODERATOR", "OFFICER", "COMMITTEE", "ADMIN"] as const;

export type AdminUser = {
  id: number;
  email: string | null;
  displayName: string;
  status: string;
  suspendedUntil: string | null;
  suspensionReason: string | null;
  createdAt: string;
  lastLoginAt: string | null;
  identity: { verifiedAt: string } | null;
  roles: { role: string; department: { id: number; name: string; nameEn: string } | null }[];
};

export type UserActionData = { ok: boolean; intent: string; userId: number; at?: number; error?: LocalizedError };

type Props = {
  user: AdminUser;
  lng: Language;
  departments: { id: number; name: string; nameEn: string }[];
  manageRoles: boolean;
  actionData: UserActionData | undefined;
};

export function UserPanel({ user, lng, departments, manageRoles, actionData }: Props) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const link = useQueryLink();
  const [hydrated, setHydrated] = useState(false);
  const [grantRole, setGrantRole] = useState("");
  useEffect(() => setHydrated(true), []);

  const mine = actionData && actionData.userId === user.id ? actionData : undefined;
  const errorFor = (intent: string) => (mine && !mine.ok && mine.intent === intent ? mine.error : undefined);
  const formKey = (intent: string) => `${intent}-${mine?.ok && mine.intent === intent ? mine.at : 0}`;
  const grantedAt = mine?.ok && mine.intent === "assignRole" ? mine.at : undefined;
  useEffect(() => {
    if (grantedAt) setGrantRole("");
  }, [grantedAt]);
  const busy = (intent: string) => navigation.state !== "idle" && navigation.formData?.get("intent") === intent;

  const hidden = (intent: string) => (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="userId" value={user.id} />
    </>
  );

  const submit = (intent: string, label: string, className = "btn-primary") => (
    <button type="submit" className={`${className} w-full sm:w-auto`} disabled={busy(intent)}>
      {busy(intent) ? t("admin.common.working") : label}
    </button>
  );

  const grantError = errorFor("assignRole");
  const removeError = errorFor("removeRole");
  const suspendError = errorFor("suspend");
  const unsuspendError = errorFor("unsuspend");
  const revokeError = errorFor("revokeSessions");
  const deleted = user.status === "DELETED";

  return (
    <section id="user-panel" aria-labelledby="user-panel-title" className="card scroll-mt-24 overflow-hidden lg:sticky lg:top-20">
      <div className="border-b border-stone-200 bg-stone-50 px-5 py-4">
        <div className="flex items-start justify-between gap-3">
          <div className="min-w-0">
            <h2 id="user-panel-title" className="text-xl font-bold">
              {user.displayName}
            </h2>
            <p className="truncate text-sm text-stone-600">{user.email ?? t("admin.users.noEmail")}</p>
          </div>
          <Link
            to={`${link({ user: null }, { keepPage: true })}`}
            className="btn-secondary min-h-[40px] shrink-0 px-3 text-sm"
            preventScrollReset
          >
            <span className="lg:hidden">← {t("admin.users.backToList")}</span>
            <span className="hidden lg:inline">{t("admin.common.close")}</span>
          </Link>
        </div>
        <div className="mt-3 flex flex-wrap gap-1.5">
          <UserStatusChip status={user.status} />
          <span
            className={`chip ${user.identity ? "bg-brand-50 text-brand-800" : "bg-amber-50 text-amber-800 ring-1 ring-inset ring-amber-200"}`}
          >
            {user.identity ? `✓ ${t("admin.users.verified")}` : t("admin.users.notVerified")}
          </span>
          {user.roles.map((r) => (
            <RoleChip key={r.role} role={r.role} department={r.department ? localName(r.department, lng) : null} />
          ))}
        </div>
        <p className="mt-2 text-xs text-stone-500">
          {t("admin.users.joined", { date: formatDate(user.createdAt, lng) })} ·{" "}
          {user.lastLoginAt ? t("admin.users.lastLogin", { date: formatDateTime(user.lastLoginAt, lng) }) : t("admin.users.neverLoggedIn")}
        </p>
        {user.status === "SUSPENDED" ? (
          <div className="mt-3 rounded-xl bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-inset ring-red-200">
            <p className="font-semibold">
              {user.suspendedUntil
                ? t("admin.users.suspendedUntil", { date: formatDateTime(user.suspendedUntil, lng) })
                : t("admin.users.suspendedIndefinitely")}
            </p>
            {user.suspensionReason ? (
              <p className="mt-0.5">{t("admin.users.suspensionReason", { reason: user.suspensionReason })}</p>
            ) : null}
          </div>
        ) : null}
      </div>

      <div className="divide-y divide-stone-200">
        {deleted ? <p className="px-5 py-4 text-sm text-stone-600">{t("admin.users.deletedNote")}</p> : null}

        {!deleted ? (
          <section aria-labelledby="roles-heading" className="space-y-4 px-5 py-5">
            <h3 id="roles-heading" className="font-bold">
              {t("admin.users.rolesSection")}
            </h3>
            {!manageRoles ? (
              <p className="text-sm text-stone-600">{t("admin.users.rolesAdminOnly")}</p>
            ) : (
              <>
                <Form method="post" preventScrollReset key={formKey("assignRole")} className="space-y-3" noValidate>
                  <fieldset className="space-y-3">
                    <legend className="text-sm font-bold text-stone-700">{t("admin.users.grantLegend")}</legend>
                    {hidden("assignRole")}
                    <ErrorAlert error={grantError} />
                    <div>
                      <label htmlFor="grant-role" className="field-label">
                        {t("admin.users.grantRole")}
                      </label>
                      <select
                        {...describedBy("grant-role", { hint: true, error: issueAt(grantError, "role") })}
                        name="role"
                        className="field-input"
                        required
                        defaultValue=""
                        onChange={(e) => setGrantRole(e.currentTarget.value)}
                      >
                        <option value="">{t("admin.users.chooseRole")}</option>
                        {GRANTABLE_ROLES.map((role) => (
                          <option key={role} value={role}>
                            {t(`admin.roles.${role}`)}
                          </option>
                        ))}
                      </select>
                      <p id="grant-role-hint" className="field-hint">
                        {grantRole ? t(`admin.roleHelp.${grantRole}`) : t("admin.users.grantRoleHint")}
                      </p>
                      <FieldError id="grant-role-error" message={issueAt(grantError, "role")} />
                    </div>
                    {!hydrated || grantRole === "OFFICER" || issueAt(grantError, "departmentId") ? (
                      <div>
                        <label htmlFor="grant-department" className="field-label">
                          {t("admin.users.department")}
                        </label>
                        <select
                          {...describedBy("grant-department", { hint: true, error: issueAt(grantError, "departmentId") })}
                          name="departmentId"
                          className="field-input"
                          defaultValue=""
                        >
                          <option value="">{t("admin.users.chooseDepartment")}</option>
                          {departments.map((d) => (
                            <option key={d.id} value={d.id}>
                              {localName(d, lng)}
                            </option>
                          ))}
                        </select>
                        <p id="grant-department-hint" className="field-hint">
                          {t("admin.users.departmentHint")}
                        </p>
                        <FieldError id="grant-department-error" message={issueAt(grantError, "departmentId")} />
                      </div>
                    ) : null}
                    <div>
                      <label htmlFor="grant-reason" className="field-label">
                        {t("admin.users.grantReason")}
                      </label>
                      <input
                        {...describedBy("grant-reason", { hint: true, error: issueAt(grantError, "reason") })}
                        name="reason"
                        type="text"
                        maxLength={500}
                        className="field-input"
                      />
                      <p id="grant-reason-hint" className="field-hint">
                        {t("admin.common.reasonHint")}
                      </p>
                      <FieldError id="grant-reason-error" message={issueAt(grantError, "reason")} />
                    </div>
                    {submit("assignRole", t("admin.users.grant"))}
                  </fieldset>
                </Form>

                {user.roles.length > 0 ? (
                  <Form
                    method="post"
                    preventScrollReset
                    key={formKey("removeRole")}
                    className="space-y-3 border-t border-dashed border-stone-200 pt-4"
                    noValidate
                  >
                    <fieldset className="space-y-3">
                      <legend className="text-sm font-bold text-stone-700">{t("admin.users.removeLegend")}</legend>
                      {hidden("removeRole")}
                      <ErrorAlert error={removeError} />
                      <div>
                        <label htmlFor="remove-role" className="field-label">
                          {t("admin.users.removeRole")}
                        </label>
                        <select
                          {...describedBy("remove-role", { error: issueAt(removeError, "role") })}
                          name="role"
                          className="field-input"
                          defaultValue={user.roles[0]?.role}
                        >
                          {user.roles.map((r) => (
                            <option key={r.role} value={r.role}>
                              {t(`admin.roles.${r.role}`)}
                              {r.department ? ` · ${localName(r.department, lng)}` : ""}
                            </option>
                          ))}
                        </select>
                        <FieldError id="remove-role-error" message={issueAt(removeError, "role")} />
                      </div>
                      <div>
                        <label htmlFor="remove-reason" className="field-label">
                          {t("admin.users.removeReason")}
                        </label>
                        <input
                          {...describedBy("remove-reason", { hint: true, error: issueAt(removeError, "reason") })}
                          name="reason"
                          type="text"
                          maxLength={500}
                          className="field-input"
                        />
                        <p id="remove-reason-hint" className="field-hint">
                          {t("admin.common.reasonHint")}
                        </p>
                        <FieldError id="remove-reason-error" message={issueAt(removeError, "reason")} />
                      </div>
                      {submit("removeRole", t("admin.users.remove"), "btn-secondary")}
                    </fieldset>
                  </Form>
                ) : null}
              </>
            )}
          </section>
        ) : null}

        {!deleted ? (
          <section aria-labelledby="suspend-heading" className="space-y-3 px-5 py-5">
            <h3 id="suspend-heading" className="font-bold">
              {t("admin.users.suspendSection")}
            </h3>
            {user.status === "SUSPENDED" ? (
              <Form method="post" preventScrollReset key={formKey("unsuspend")} className="space-y-3" noValidate>
                {hidden("unsuspend")}
                <ErrorAlert error={unsuspendError} />
                <div>
                  <label htmlFor="unsuspend-reason" className="field-label">
                    {t("admin.users.unsuspendReason")} <span className="font-normal text-stone-500">{t("admin.common.optional")}</span>
                  </label>
                  <input
                    {...describedBy("unsuspend-reason", { hint: true, error: issueAt(unsuspendError, "reason") })}
                    name="reason"
                    type="text"
                    maxLength={500}
                    className="field-input"
                  />
                  <p id="unsuspend-reason-hint" className="field-hint">
                    {t("admin.common.reasonHint")}
                  </p>
                  <FieldError id="unsuspend-reason-error" message={issueAt(unsuspendError, "reason")} />
                </div>
                {submit("unsuspend", t("admin.users.unsuspend"))}
              </Form>
            ) : (
              <Form method="post" preventScrollReset key={formKey("suspend")} className="space-y-3" noValidate>
                <p className="text-sm text-stone-600">{t("admin.users.suspendIntro")}</p>
                {hidden("suspend")}
                <ErrorAlert error={suspendError} />
                <div>
                  <label htmlFor="suspend-days" className="field-label">
                    {t("admin.users.suspendDays")} <span className="font-normal text-stone-500">{t("admin.common.optional")}</span>
                  </label>
                  <input
                    {...describedBy("suspend-days", { hint: true, error: issueAt(suspendError, "days") })}
                    name="days"
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={3650}
                    className="field-input sm:max-w-[12rem]"
                  />
                  <p id="suspend-days-hint" className="field-hint">
                    {t("admin.users.suspendDaysHint")}
                  </p>
                  <FieldError id="suspend-days-error" message={issueAt(suspendError, "days")} />
                </div>
                <div>
                  <label htmlFor="suspend-reason" className="field-label">
                    {t("admin.users.suspendReason")}
                  </label>
                  <textarea
                    {...describedBy("suspend-reason", { hint: true, error: issueAt(suspendError, "reason") })}
                    name="reason"
                    rows={2}
                    maxLength={500}
                    required
                    className="field-input"
                  />
                  <p id="suspend-reason-hint" className="field-hint">
                    {t("admin.users.suspendReasonHint")}
                  </p>
                  <FieldError id="suspend-reason-error" message={issueAt(suspendError, "reason")} />
                </div>
                {submit("suspend", t("admin.users.suspend"), dangerButton)}
              </Form>
            )}
          </section>
        ) : null}

        {!deleted && manageRoles ? (
          <section aria-labelledby="sessions-heading" className="space-y-3 px-5 py-5">
            <h3 id="sessions-heading" className="font-bold">
              {t("admin.users.sessionsSection")}
            </h3>
            <p className="text-sm text-stone-600">{t("admin.users.sessionsIntro")}</p>
            <Form method="post" preventScrollReset key={formKey("revokeSessions")} className="space-y-3" noValidate>
              {hidden("revokeSessions")}
              <ErrorAlert error={revokeError} />
              <div>
                <label htmlFor="revoke-reason" className="field-label">
                  {t("admin.users.revokeReason")}
                </label>
                <input
                  {...describedBy("revoke-reason", { hint: true, error: issueAt(revokeError, "reason") })}
                  name="reason"
                  type="text"
                  maxLength={500}
                  required
                  className="field-input"
                />
                <p id="revoke-reason-hint" className="field-hint">
                  {t("admin.common.reasonHint")}
                </p>
                <FieldError id="revoke-reason-error" message={issueAt(revokeError, "reason")} />
              </div>
              {submit("revokeSessions", t("admin.users.revoke"), "btn-secondary")}
            </Form>
          </section>
        ) : null}
      </div>
    </section>
  );
}
