// /admin/audit: the append-only log of privileged actions, filtered by action, person and
// date range (Korean days), newest first.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageParam, requireStaff } from "../lib/server/admin.server.ts";
import { AdminTable } from "../components/admin/admin-table.tsx";
import { useAuditFormat } from "../components/admin/audit-format.ts";
import { AdminError, PageHeader, Pagination, useQueryLink } from "../components/admin/ui.tsx";
import { formatDateTime } from "../lib/format.ts";
import { throwAsResponse } from "../lib/server/http.server.ts";
import { pageTitle } from "../lib/meta.ts";

const PAGE_SIZE = 30;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "admin.audit.title")];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { viewer, lng } = await requireStaff(request, context);
  const params = new URL(request.url).searchParams;
  const page = pageParam(params);
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  const actor = params.get("actor") ?? "";
  try {
    const [log, departments] = await Promise.all([
      context.domain.audit.list(viewer, {
        action: params.get("action") || undefined,
        actorId: /^\d{1,9}$/.test(actor) ? Number(actor) : undefined,
        // Days are Korean calendar days: from 00:00 to 23:59:59 KST.
        from: DAY.test(from) ? new Date(`${from}T00:00:00+09:00`) : undefined,
        to: DAY.test(to) ? new Date(`${to}T23:59:59.999+09:00`) : undefined,
        offset: (page - 1) * PAGE_SIZE,
        limit: PAGE_SIZE,
      }),
      context.domain.catalog.departments(),
    ]);
    return json({ lng, log, page, departments });
  } catch (error) {
    throwAsResponse(error, lng);
  }
}

export function ErrorBoundary() {
  return <AdminError />;
}

export default function AdminAudit() {
  const { lng, log, page, departments } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const link = useQueryLink();
  const fmt = useAuditFormat(lng, departments);
  const pages = Math.max(1, Math.ceil(log.totalCount / PAGE_SIZE));
  const actor = params.get("actor");
  const actorName = actor ? (log.items.find((e) => String(e.actorId) === actor)?.actorName ?? `#${actor}`) : null;
  const selectedAction = params.get("action") ?? "";
  const actions = selectedAction && !log.actions.includes(selectedAction) ? [...log.actions, selectedAction] : log.actions;

  const actorCell = (entry: (typeof log.items)[number]) =>
    entry.actorId ? (
      <Link
        to={link({ actor: String(entry.actorId) })}
        className="font-semibold text-stone-900 underline decoration-stone-300 underline-offset-4 hover:decoration-brand-600"
        title={t("admin.audit.onlyActor", { name: entry.actorName ?? `#${entry.actorId}` })}
      >
        {entry.actorName ?? `#${entry.actorId}`}
      </Link>
    ) : (
      <span className="text-stone-500">{entry.actorName ?? t("admin.audit.system")}</span>
    );
  const detailText = (entry: (typeof log.items)[number]) => fmt.details(entry.action, entry.details).join(" · ");

  return (
    <div>
      <PageHeader title={t("admin.audit.title")} intro={t("admin.audit.intro")} />

      <Form
        method="get"
        role="search"
        aria-label={t("admin.audit.filters")}
        className="card mt-6 grid gap-3 p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_auto]"
      >
        {actor ? <input type="hidden" name="actor" value={actor} /> : null}
        <div className="sm:col-span-2 lg:col-span-1">
          <label htmlFor="action" className="field-label">
            {t("admin.audit.action")}
          </label>
          <select id="action" name="action" defaultValue={selectedAction} className="field-input">
            <option value="">{t("admin.audit.allActions")}</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {fmt.actionLabel(a)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="from" className="field-label">
            {t("admin.audit.from")}
          </label>
          <input id="from" name="from" type="date" defaultValue={params.get("from") ?? ""} className="field-input" />
        </div>
        <div>
          <label htmlFor="to" className="field-label">
            {t("admin.audit.to")}
          </label>
          <input id="to" name="to" type="date" defaultValue={params.get("to") ?? ""} className="field-input" />
        </div>
        <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-1">
          <button type="submit" className="btn-primary flex-1 lg:flex-none">
            {t("admin.common.search")}
          </button>
          <Link to="/admin/audit" className="btn-secondary flex-1 lg:flex-none">
            {t("admin.common.reset")}
          </Link>
        </div>
      </Form>

      <div className="mt-4 flex flex-wrap items-center gap-3">
        <p className="text-sm font-semibold text-stone-700" aria-live="polite">
          {t("admin.audit.total", { count: log.totalCount })}
        </p>
        {actorName ? (
          <span className="inline-flex items-center gap-1 rounded-full bg-stone-900 py-1 pl-3 pr-1 text-sm font-semibold text-white">
            {t("admin.audit.actorFilter", { name: actorName })}
            <Link
              to={link({ actor: null })}
              className="rounded-full px-2 py-0.5 hover:bg-stone-700"
              aria-label={t("admin.audit.clearActor")}
            >
              <span aria-hidden="true">✕</span>
            </Link>
          </span>
        ) : null}
      </div>

      <AdminTable
        rows={log.items}
        rowKey={(entry) => entry.id}
        caption={t("admin.audit.caption")}
        empty={t("admin.audit.empty")}
        rowTestId="audit-row"
        alignTop
        className="mt-3"
        columns={[
          {
            header: t("admin.audit.colTime"),
            className: "whitespace-nowrap tabular-nums text-stone-600",
            cell: (entry) => <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt, lng)}</time>,
          },
          {
            header: t("admin.audit.colAction"),
            rowHeader: true,
            className: "font-semibold text-stone-900",
            cell: (entry) => fmt.actionLabel(entry.action),
          },
          { header: t("admin.audit.colActor"), cell: actorCell },
          {
            header: t("admin.audit.colTarget"),
            className: "whitespace-nowrap text-stone-700",
            cell: (entry) => fmt.target(entry.targetType, entry.targetId),
          },
          {
            header: t("admin.audit.colReason"),
            className: "max-w-[16rem] text-stone-700",
            cell: (entry) => entry.reason || <span className="text-stone-500">{t("admin.audit.noReason")}</span>,
          },
          {
            header: t("admin.audit.colDetails"),
            className: "max-w-[18rem] text-stone-600",
            cell: (entry) => detailText(entry) || <span className="text-stone-500">—</span>,
          },
        ]}
        cardTestId="audit-card"
        card={(entry) => (
          <>
            <div className="flex items-baseline justify-between gap-3">
              <p className="font-bold text-stone-900">{fmt.actionLabel(entry.action)}</p>
              <time dateTime={entry.createdAt} className="shrink-0 text-xs tabular-nums text-stone-500">
                {formatDateTime(entry.createdAt, lng)}
              </time>
            </div>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-stone-500">{t("admin.audit.colActor")}</dt>
              <dd>{actorCell(entry)}</dd>
              <dt className="text-stone-500">{t("admin.audit.colTarget")}</dt>
              <dd className="text-stone-700">{fmt.target(entry.targetType, entry.targetId)}</dd>
              {entry.reason ? (
                <>
                  <dt className="text-stone-500">{t("admin.audit.colReason")}</dt>
                  <dd className="text-stone-700">{entry.reason}</dd>
                </>
              ) : null}
              {detailText(entry) ? (
                <>
                  <dt className="text-stone-500">{t("admin.audit.colDetails")}</dt>
                  <dd className="text-stone-600">{detailText(entry)}</dd>
                </>
              ) : null}
            </dl>
          </>
        )}
      />
      <Pagination page={page} pages={pages} />
    </div>
  );
}
