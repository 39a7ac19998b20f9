// /admin/rounds/:id/dashboard: the round at a glance — who takes part and from where, how the
// debate goes (balance, reasons, answering the other side), and how far review and scoring are.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff } from "../lib/server/admin.server.ts";
import { AdminError, localName } from "../components/admin/ui.tsx";
import { BarTable, StanceBar } from "../components/rounds-admin/bars.tsx";
import { formatDay, formatPercent } from "../components/rounds-admin/figures.ts";
import { throwAsResponse } from "../lib/server/http.server.ts";

/** Days shown in "activity by day" (the most recent ones). */
const DAYS_SHOWN = 30;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { viewer, lng } = await requireStaff(request, context);
  try {
    const { round, ...dashboard } = await context.domain.quality.dashboard(viewer, params.id);
    return json({ lng, roundId: round.id, ...dashboard });
  } catch (error) {
    throwAsResponse(error, lng);
  }
}

export function ErrorBoundary() {
  return <AdminError />;
}

function Stat({ label, value, hint, testId }: { label: string; value: React.ReactNode; hint?: string; testId?: string }) {
  return (
    <div className="card p-4" data-testid={testId}>
      <dt className="text-sm font-semibold text-stone-600">{label}</dt>
      <dd className="mt-1 text-2xl font-extrabold tabular-nums text-stone-900">{value}</dd>
      {hint ? <dd className="mt-1 text-xs text-stone-500">{hint}</dd> : null}
    </div>
  );
}

function Panel({ id, title, intro, children }: { id: string; title: string; intro?: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="card p-5 sm:p-6">
      <h2 id={id} className="text-lg font-bold">
        {title}
      </h2>
      {intro ? <p className="mt-1 text-sm text-stone-600">{intro}</p> : null}
      <div className="mt-4">{children}</div>
    </section>
  );
}

export default function RoundDashboard() {
  const { lng, quality: q, entries, reviewed, scoreSheets, openReports, activityByDay } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const pct = (share: number | null) => formatPercent(share) ?? t("roundsAdmin.dashboard.none");
  const active = entries.submitted + entries.shortlisted + entries.excluded;
  const districts = [...q.districts.perDistrict].sort((a, b) => b.participants - a.participants || b.comments - a.comments);
  const days = activityByDay.slice(-DAYS_SHOWN);

  return (
    <div className="space-y-6" data-testid="dashboard">
      <h2 className="sr-only">{t("roundsAdmin.tabs.dashboard")}</h2>
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat label={t("roundsAdmin.dashboard.participants")} value={q.participantCount} testId="stat-participants" />
        <Stat label={t("roundsAdmin.dashboard.comments")} value={q.commentCount} testId="stat-comments" />
        <Stat
          label={t("roundsAdmin.dashboard.balance")}
          value={pct(q.proConBalance)}
          hint={t("roundsAdmin.dashboard.balanceHint")}
          testId="stat-balance"
        />
        <Stat
          label={t("roundsAdmin.dashboard.reasoned")}
          value={pct(q.reasonedShare)}
          hint={t("roundsAdmin.dashboard.reasonedHint")}
          testId="stat-reasoned"
        />
        <Stat
          label={t("roundsAdmin.dashboard.crossStance")}
          value={pct(q.crossStanceReplyShare)}
          hint={t("roundsAdmin.dashboard.crossStanceHint")}
          testId="stat-cross"
        />
        <Stat
          label={t("roundsAdmin.dashboard.districtsReached")}
          value={t("roundsAdmin.dashboard.reachedValue", { reached: q.districts.reached, total: q.districts.total })}
          hint={
            q.districts.reachedShare === null
              ? undefined
              : t("roundsAdmin.dashboard.reachedShare", { share: pct(q.districts.reachedShare) })
          }
          testId="stat-districts"
        />
        <Stat
          label={t("roundsAdmin.dashboard.evenness")}
          value={pct(q.districts.evenness)}
          hint={t("roundsAdmin.dashboard.evennessHint")}
          testId="stat-evenness"
        />
        <div className={`card p-4 ${openReports > 0 ? "ring-2 ring-inset ring-clay-400" : ""}`} data-testid="stat-reports">
          <dt className="text-sm font-semibold text-stone-600">{t("roundsAdmin.dashboard.openReports")}</dt>
          <dd className="mt-1 text-2xl font-extrabold tabular-nums text-stone-900">{openReports}</dd>
          <dd className="mt-1 text-xs">
            <Link to="/admin/moderation" className="font-semibold text-brand-700 hover:underline">
              {t("roundsAdmin.dashboard.toQueue")}
            </Link>
          </dd>
        </div>
      </dl>

      <div className="grid gap-6 lg:grid-cols-2">
        <Panel id="stance-title" title={t("roundsAdmin.dashboard.stanceTitle")} intro={t("roundsAdmin.dashboard.stanceIntro")}>
          <StanceBar {...q.stance} />
        </Panel>

        <Panel id="progress-title" title={t("roundsAdmin.dashboard.progressTitle")}>
          <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm" data-testid="entry-progress">
            {(["submitted", "shortlisted", "excluded", "withdrawn"] as const).map((k) => (
              <div key={k} className="flex items-baseline justify-between gap-2 border-b border-stone-100 pb-2">
                <dt className="text-stone-600">{t(`rounds.entryStatus.${k.toUpperCase()}`)}</dt>
                <dd className="font-bold tabular-nums">{entries[k]}</dd>
              </div>
            ))}
            <div className="flex items-baseline justify-between gap-2 border-b border-stone-100 pb-2">
              <dt className="text-stone-600">{t("roundsAdmin.dashboard.reviewed")}</dt>
              <dd className="font-bold tabular-nums">{t("roundsAdmin.dashboard.ofTotal", { done: reviewed, total: active })}</dd>
            </div>
            <div className="flex items-baseline justify-between gap-2 border-b border-stone-100 pb-2">
              <dt className="text-stone-600">{t("roundsAdmin.dashboard.scoreSheets")}</dt>
              <dd className="font-bold tabular-nums">{scoreSheets}</dd>
            </div>
          </dl>
        </Panel>
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <Panel
          id="districts-title"
          title={t("roundsAdmin.dashboard.byDistrict")}
          intro={
            q.districts.unknownParticipants
              ? t("roundsAdmin.dashboard.unknownDistrict", { count: q.districts.unknownParticipants })
              : undefined
          }
        >
          {q.participantCount === 0 ? (
            <p className="text-sm text-stone-500">{t("roundsAdmin.dashboard.noActivity")}</p>
          ) : (
            <div className="max-h-[28rem] overflow-y-auto">
              <BarTable
                caption={t("roundsAdmin.dashboard.byDistrict")}
                valueLabel={t("roundsAdmin.dashboard.participants")}
                extraLabel={t("roundsAdmin.dashboard.comments")}
                testId="district-activity"
                rows={districts.map((d) => ({
                  key: String(d.district.id),
                  label: localName(d.district, lng),
                  value: d.participants,
                  extra: t("roundsAdmin.dashboard.commentsShort", { count: d.comments }),
                }))}
              />
            </div>
          )}
        </Panel>

        <Panel
          id="days-title"
          title={t("roundsAdmin.dashboard.byDay")}
          intro={activityByDay.length > DAYS_SHOWN ? t("roundsAdmin.dashboard.lastDays", { count: DAYS_SHOWN }) : undefined}
        >
          {days.length === 0 ? (
            <p className="text-sm text-stone-500">{t("roundsAdmin.dashboard.noActivity")}</p>
          ) : (
            <BarTable
              caption={t("roundsAdmin.dashboard.byDay")}
              valueLabel={t("roundsAdmin.dashboard.comments")}
              testId="day-activity"
              tone="clay"
              rows={days.map((d) => ({ key: d.day, label: formatDay(d.day, lng), value: d.comments }))}
            />
          )}
        </Panel>
      </div>
    </div>
  );
}
