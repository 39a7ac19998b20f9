// On a proposal's page: the rounds it takes part in, with its status in each.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

type Props = {
  rounds: { entryId: number; status: "SUBMITTED" | "SHORTLISTED" | "EXCLUDED" | "WITHDRAWN"; id: number; title: string }[];
  directRound: { id: number; title: string } | null;
};

export function ProposalRoundsNotice({ rounds, directRound }: Props) {
  const { t } = useTranslation();
  if (rounds.length === 0 && !directRound) return null;
  // A withdrawn direct entry is no longer among the entries; the round still governs the proposal.
  const items: { key: string; id: number; title: string; status: Props["rounds"][number]["status"] | null }[] = rounds.map((r) => ({
    key: `e${r.entryId}`,
    id: r.id,
    title: r.title,
    status: r.status,
  }));
  if (directRound && !rounds.some((r) => r.id === directRound.id))
    items.unshift({ key: "direct", id: directRound.id, title: directRound.title, status: null });
  return (
    <section
      className="mt-4 rounded-xl bg-brand-50 px-4 py-3 text-sm text-brand-950 ring-1 ring-inset ring-brand-200"
      aria-labelledby="proposal-rounds-heading"
      data-testid="proposal-rounds"
    >
      <h2 id="proposal-rounds-heading" className="font-semibold">
        {t("roundPage.proposalNotice.heading")}
      </h2>
      {directRound ? <p className="mt-1 text-brand-900">{t("roundPage.proposalNotice.direct", { title: directRound.title })}</p> : null}
      <ul className="mt-1.5 space-y-1">
        {items.map((r) => (
          <li key={r.key} className="flex flex-wrap items-center gap-2">
            <Link to={`/rounds/${r.id}`} className="font-semibold text-brand-800 underline underline-offset-2">
              {t("roundPage.proposalNotice.entry", { title: r.title })}
            </Link>
            {r.status ? (
              <span
                className={`chip ${r.status === "SHORTLISTED" ? "bg-brand-600 text-white" : "bg-white text-stone-700 ring-1 ring-inset ring-stone-200"}`}
              >
                <span className="sr-only">{t("roundPage.proposalNotice.status")}: </span>
                {t(`rounds.entryStatus.${r.status}`)}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
