// Small labels shared by the round list and the round page.
import { useTranslation } from "react-i18next";
import type { RoundData } from "./round-data.ts";

const kindStyle: Record<RoundData["kind"], string> = {
  CONTEST: "bg-clay-50 text-clay-700 ring-clay-200",
  PARTICIPATORY_BUDGET: "bg-brand-50 text-brand-800 ring-brand-200",
  DELIBERATION_FORUM: "bg-sky-50 text-sky-800 ring-sky-200",
  POLICY_MARKET: "bg-amber-50 text-amber-900 ring-amber-200",
};

export function KindChip({ kind }: { kind: RoundData["kind"] }) {
  const { t } = useTranslation();
  return <span className={`chip ring-1 ring-inset ${kindStyle[kind]}`}>{t(`rounds.kind.${kind}`)}</span>;
}

const stageStyle: Record<RoundData["stage"], string> = {
  draft: "bg-stone-200 text-stone-700",
  upcoming: "bg-stone-100 text-stone-700",
  running: "bg-brand-600 text-white",
  between: "bg-amber-100 text-amber-900",
  finished: "bg-stone-700 text-white",
};

export function StageChip({ stage }: { stage: RoundData["stage"] }) {
  const { t } = useTranslation();
  return <span className={`chip ${stageStyle[stage]}`}>{t(`rounds.stage.${stage}`)}</span>;
}

const allowStyle = "bg-white text-stone-700 ring-1 ring-inset ring-stone-300";

/** What a phase allows, as a list of chips. */
export function AllowsList({ allows, label }: { allows: readonly string[]; label: string }) {
  const { t } = useTranslation();
  if (allows.length === 0) return <p className="text-xs text-stone-500">{t("roundPage.timeline.nothing")}</p>;
  return (
    <ul className="flex flex-wrap gap-1" aria-label={label}>
      {allows.map((a) => (
        <li key={a} className={`chip ${allowStyle}`}>
          {t(`roundPage.allows.${a}`)}
        </li>
      ))}
    </ul>
  );
}
