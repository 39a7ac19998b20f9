import { useTranslation } from "react-i18next";
import type { ProposalStatus } from "../domain/proposals/proposal.types.ts";

const STYLES: Record<ProposalStatus, string> = {
  DRAFT: "bg-stone-100 text-stone-700",
  SCREENING: "bg-stone-100 text-stone-700",
  OPEN: "bg-brand-50 text-brand-800 ring-1 ring-inset ring-brand-200",
  THRESHOLD_REACHED: "bg-clay-50 text-clay-700 ring-1 ring-inset ring-clay-200",
  ASSIGNED: "bg-sky-50 text-sky-800 ring-1 ring-inset ring-sky-200",
  ANSWERED: "bg-indigo-50 text-indigo-800 ring-1 ring-inset ring-indigo-200",
  IN_PROGRESS: "bg-amber-50 text-amber-800 ring-1 ring-inset ring-amber-200",
  COMPLETED: "bg-emerald-700 text-white",
  REJECTED: "bg-stone-200 text-stone-700",
  REDIRECTED: "bg-stone-200 text-stone-700",
  EXPIRED: "bg-stone-100 text-stone-600",
  MERGED: "bg-violet-50 text-violet-800 ring-1 ring-inset ring-violet-200",
};

export function StatusBadge({ status }: { status: ProposalStatus }) {
  const { t } = useTranslation();
  return <span className={`chip ${STYLES[status]}`}>{t(`status.${status}`)}</span>;
}
