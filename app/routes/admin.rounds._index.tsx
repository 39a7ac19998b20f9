// /admin/rounds: every round, drafts included, with where each one stands and a way to start a new one.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff } from "../lib/server/admin.server.ts";
import { AdminError, localName, PageHeader } from "../components/admin/ui.tsx";
import { StageChip } from "../components/rounds-admin/chips.tsx";
import { ROUND_KINDS } from "../domain/rounds/round.schema.ts";
import { formatDate } from "../lib/format.ts";
import { throwAsResponse } from "../lib/server/http.server.ts";
import { pageTitle } from "../lib/meta.ts";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "roundsAdmin.list.title")];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { viewer, lng } = await requireStaff(request, context);
  try {
    const rounds = await context.domain.rounds.list(viewer, { includeDrafts: true });
    return json({
      lng,
      rounds: rounds.map((r) => ({
        id: r.id,
        kind: r.kind,
        title: r.title,
        stage: r.stage,
        district: r.district,
        currentPhase: r.currentPhase ? { name: r.currentPhase.name, nameEn: r.currentPhase.nameEn } : null,
        startsAt: r.startsAt,
        endsAt: r.endsAt,
        entryCount: r.entryCount,
        commentCount: r.commentCount,
        settingsLocked: r.settingsLocked,
      })),
    });
  } catch (error) {
    throwAsResponse(error, lng);
  }
}

export function ErrorBoundary() {
  return <AdminError />;
}

export default function RoundsList() {
  const { lng, rounds } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div>
      <PageHeader title={t("roundsAdmin.list.title")} intro={t("roundsAdmin.list.intro")}>
        <div className="flex flex-wrap gap-2">
          <Link to="/review" className="btn-secondary">
            {t("roundsAdmin.list.toReview")}
          </Link>
          <Link to="/admin/rounds/new" className="btn-primary" data-testid="new-round">
            + {t("roundsAdmin.list.new")}
          </Link>
        </div>
      </PageHeader>

      <nav aria-label={t("roundsAdmin.list.newByKind")} className="mt-4 flex flex-wrap items-center gap-2 text-sm">
        <span className="font-semibold text-stone-600">{t("roundsAdmin.list.newByKind")}:</span>
        {ROUND_KINDS.map((k) => (
          <Link
            key={k}
            to={`/admin/rounds/new?kind=${k}`}
            className="rounded-full border border-stone-300 bg-white px-3 py-1.5 font-semibold text-stone-700 hover:bg-stone-100"
          >
            {t(`rounds.kind.${k}`)}
          </Link>
        ))}
      </nav>

      {rounds.length === 0 ? (
        <p className="card mt-6 p-6 text-stone-600">{t("roundsAdmin.list.empty")}</p>
      ) : (
        <ul className="mt-6 space-y-3" data-testid="round-list">
          {rounds.map((r) => (
            <li key={r.id} className="card p-4 sm:p-5" data-testid="round-row">
              <div className="flex flex-wrap items-center gap-1.5">
                <StageChip stage={r.stage} />
                <span className="chip bg-stone-100 text-stone-700">{t(`rounds.kind.${r.kind}`)}</span>
                <span className="chip bg-stone-100 text-stone-700">{r.district ? localName(r.district, lng) : t("rounds.cityWide")}</span>
                {r.settingsLocked ? (
                  <span className="chip bg-amber-50 text-amber-800 ring-1 ring-inset ring-amber-200">{t("roundsAdmin.list.locked")}</span>
                ) : null}
              </div>
              <h2 className="mt-2 text-lg font-bold">
                <Link to={`/admin/rounds/${r.id}`} className="hover:text-brand-700 hover:underline">
                  {r.title}
                </Link>
              </h2>
              <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-sm text-stone-600 sm:flex sm:flex-wrap sm:gap-x-6">
                <div className="col-span-2 sm:col-span-1">
                  <dt className="sr-only">{t("roundsAdmin.list.currentPhase")}</dt>
                  <dd className="font-semibold text-stone-800">{r.currentPhase ? localName(r.currentPhase, lng) : t("rounds.noPhase")}</dd>
                </div>
                <div className="col-span-2 sm:col-span-1">
                  <dt className="sr-only">{t("roundsAdmin.list.period")}</dt>
                  <dd>{r.startsAt && r.endsAt ? `${formatDate(r.startsAt, lng)} – ${formatDate(r.endsAt, lng)}` : "—"}</dd>
                </div>
                <div>
                  <dt className="inline">{t("roundsAdmin.list.entries")} </dt>
                  <dd className="inline font-semibold tabular-nums text-stone-800">{r.entryCount}</dd>
                </div>
                <div>
                  <dt className="inline">{t("roundsAdmin.list.comments")} </dt>
                  <dd className="inline font-semibold tabular-nums text-stone-800">{r.commentCount}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
