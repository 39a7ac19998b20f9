import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ProposalSummary } from "../domain/proposals/proposal.types.ts";
import type { Language } from "../i18n/i18n.ts";
import { daysLeft, stanceShare } from "../lib/format.ts";
import { StatusBadge } from "./status-badge.tsx";
import { SupportMeter } from "./support-meter.tsx";

/** What JSON makes of a value: dates become strings, all the way down. */
type Serialized<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Serialized<U>[]
    : T extends object
      ? { [K in keyof T]: Serialized<T[K]> }
      : T;
export type ProposalCardData = Serialized<ProposalSummary>;

export function DDay({ closesAt, isOpen, now }: { closesAt: string; isOpen: boolean; now: number }) {
  const { t } = useTranslation();
  if (!isOpen) return null;
  const days = daysLeft(closesAt, now);
  return (
    <span className={`chip ${days <= 3 ? "bg-red-50 text-red-700 ring-1 ring-inset ring-red-200" : "bg-stone-100 text-stone-700"}`}>
      {days <= 0 ? t("proposal.dday0") : t("proposal.dday", { days })}
    </span>
  );
}

export function ProposalCard({ proposal, now, lng }: { proposal: ProposalCardData; now: number; lng: Language }) {
  const { t } = useTranslation();
  const share = stanceShare(proposal.stance);
  const place = proposal.district ? (lng === "en" ? proposal.district.nameEn : proposal.district.name) : t("list.cityWide");
  return (
    <article
      className="card flex h-full flex-col p-5 transition hover:border-brand-300 hover:shadow-md"
      data-testid="proposal-card"
      data-proposal-id={proposal.id}
    >
      <div className="flex flex-wrap items-center gap-1.5">
        <StatusBadge status={proposal.status} />
        <DDay closesAt={proposal.closesAt} isOpen={proposal.isOpenForSupport} now={now} />
        <span className="chip bg-white text-stone-600 ring-1 ring-inset ring-stone-200">
          {lng === "en" ? proposal.category.nameEn : proposal.category.name}
        </span>
      </div>
      <h3 className="mt-3 text-[17px] font-bold leading-snug text-stone-900">
        <Link to={`/proposals/${proposal.id}`} className="after:absolute after:inset-0 hover:text-brand-700" prefetch="intent">
          {proposal.title}
        </Link>
      </h3>
      <p className="mt-1 text-sm text-stone-500">
        {place} · {proposal.author.displayName}
      </p>
      <p className="mt-2 line-clamp-2 text-sm leading-relaxed text-stone-600">{proposal.excerpt}</p>
      <div className="mt-auto pt-4">
        <SupportMeter count={proposal.supportCount} threshold={proposal.supportThreshold} />
        <div className="mt-3 flex flex-wrap gap-x-3 gap-y-1 text-xs text-stone-500">
          <span>{share ? t("proposal.stanceShare", share) : t("proposal.noStances")}</span>
          <span>{t("proposal.commentCount", { count: proposal.commentCount })}</span>
          <span>{t("proposal.views", { count: proposal.viewCount })}</span>
        </div>
      </div>
    </article>
  );
}
