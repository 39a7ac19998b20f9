// Small labels of the round console: a round's stage, an entry's status, source and review verdict.
import { useTranslation } from "react-i18next";

const STAGE: Record<string, string> = {
  draft: "bg-stone-100 text-stone-700 ring-1 ring-inset ring-stone-300",
  upcoming: "bg-sky-50 text-sky-800 ring-1 ring-inset ring-sky-200",
  running: "bg-brand-600 text-white",
  between: "bg-amber-50 text-amber-800 ring-1 ring-inset ring-amber-200",
  finished: "bg-stone-200 text-stone-700",
};

export function StageChip({ stage }: { stage: string }) {
  const { t } = useTranslation();
  return (
    <span className={`chip ${STAGE[stage] ?? STAGE.draft}`} data-testid="round-stage">
      {t(`rounds.stage.${stage}`)}
    </span>
  );
}

const ENTRY: Record<string, string> = {
  SUBMITTED: "bg-white text-stone-700 ring-1 ring-inset ring-stone-300",
  SHORTLISTED: "bg-brand-50 text-brand-800 ring-1 ring-inset ring-brand-200",
  EXCLUDED: "bg-red-50 text-red-700 ring-1 ring-inset ring-red-200",
  WITHDRAWN: "bg-stone-200 text-stone-600",
};

export function EntryStatusChip({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={`chip ${ENTRY[status] ?? ENTRY.SUBMITTED}`} data-testid="entry-status">
      {t(`rounds.entryStatus.${status}`)}
    </span>
  );
}

export function SourceChip({ source }: { source: string }) {
  const { t } = useTranslation();
  return <span className="chip bg-stone-100 text-stone-700">{t(`rounds.source.${source}`)}</span>;
}

const VERDICT: Record<string, string> = {
  FEASIBLE: "bg-emerald-50 text-emerald-800 ring-1 ring-inset ring-emerald-200",
  FEASIBLE_WITH_CHANGES: "bg-amber-50 text-amber-800 ring-1 ring-inset ring-amber-200",
  NOT_FEASIBLE: "bg-red-50 text-red-700 ring-1 ring-inset ring-red-200",
};

export function VerdictChip({ verdict }: { verdict: string | null }) {
  const { t } = useTranslation();
  if (!verdict) return <span className="chip bg-stone-100 text-stone-500">{t("roundsAdmin.entries.notReviewed")}</span>;
  return (
    <span className={`chip ${VERDICT[verdict] ?? ""}`} data-testid="entry-verdict">
      {t(`rounds.verdict.${verdict}`)}
    </span>
  );
}
