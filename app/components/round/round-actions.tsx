// "What you can do now": follows the current phase's `allows`, and says when voting and
// results come if they are still ahead. Also shows the live connection and presence.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../i18n/i18n.ts";
import { formatDateTime } from "../../lib/format.ts";
import { localName, nextPhaseAllowing, type RoundData } from "./round-data.ts";

type Props = {
  round: RoundData;
  lng: Language;
  now: number;
  viewerId: number | null;
  viewerVerified: boolean;
  /** Why the viewer cannot take part (eligibility, suspension); empty when they can. */
  blockers: string[];
  debateLocked: boolean;
  children?: React.ReactNode;
};

export function RoundActions({ round, lng, now, viewerId, viewerVerified, blockers, debateLocked, children }: Props) {
  const { t } = useTranslation();
  const phase = round.currentPhase;
  const allows = phase?.allows ?? [];
  const later = (action: "VOTE" | "RESULTS") => (allows.includes(action) ? null : nextPhaseAllowing(round.phases, action, now));
  const nextPhase = round.phases.find((p) => new Date(p.startsAt).getTime() > now) ?? null;
  const vote = later("VOTE");
  const results = later("RESULTS");
  const here = `/rounds/${round.id}`;
  const participates = allows.includes("SUBMIT") || allows.includes("COMMENT");

  const items: React.ReactNode[] = [];
  if (round.stage === "finished") items.push(t("roundPage.actions.finished"));
  else if (round.stage === "upcoming" && nextPhase)
    items.push(t("roundPage.actions.upcoming", { phase: localName(nextPhase, lng), date: formatDateTime(nextPhase.startsAt, lng) }));
  else if (!phase && nextPhase)
    items.push(t("roundPage.actions.between", { phase: localName(nextPhase, lng), date: formatDateTime(nextPhase.startsAt, lng) }));
  if (phase) {
    if (allows.includes("COMMENT")) {
      items.push(
        debateLocked ? (
          t("roundPage.actions.commentLocked")
        ) : viewerId === null ? (
          <Link
            to={`/login?redirectTo=${encodeURIComponent(`${here}#round-debate`)}`}
            className="font-semibold text-brand-700 underline underline-offset-2"
          >
            {t("roundPage.actions.loginToComment")}
          </Link>
        ) : (
          <a href="#round-debate" className="font-semibold text-brand-700 underline underline-offset-2">
            {t("roundPage.actions.comment")}
          </a>
        ),
      );
    }
    if (allows.includes("REVIEW")) items.push(t("roundPage.actions.review"));
    if (allows.includes("VOTE")) items.push(t("roundPage.actions.vote"));
    if (allows.includes("RESULTS")) items.push(t("roundPage.actions.results"));
    if (allows.length === 0) items.push(t("roundPage.actions.nothing"));
  }
  if (round.stage !== "finished") {
    if (vote) items.push(t("roundPage.actions.voteLater", { phase: localName(vote, lng), date: formatDateTime(vote.startsAt, lng) }));
    if (results)
      items.push(t("roundPage.actions.resultsLater", { phase: localName(results, lng), date: formatDateTime(results.startsAt, lng) }));
  }

  return (
    <section className="card p-5" aria-labelledby="round-actions-heading">
      <h2 id="round-actions-heading" className="text-base font-bold">
        {t("roundPage.actions.heading")}
      </h2>
      {phase && allows.includes("SUBMIT") ? (
        <div className="mt-3">
          {viewerId === null ? (
            <Link to={`/login?redirectTo=${encodeURIComponent(`${here}/submit`)}`} className="btn-primary w-full">
              {t("roundPage.actions.loginToSubmit")}
            </Link>
          ) : blockers.length === 0 ? (
            <Link to={`${here}/submit`} className="btn-primary w-full" data-testid="round-submit-link">
              {t("roundPage.actions.submit")}
            </Link>
          ) : null}
          <p className="mt-2 text-center text-xs text-stone-600">
            {t("roundPage.actions.submitHint", { date: formatDateTime(phase.endsAt, lng) })}
          </p>
        </div>
      ) : null}
      {viewerId !== null && participates && blockers.length > 0 ? (
        <div
          className="mt-3 rounded-xl bg-amber-50 px-4 py-3 text-sm text-amber-950 ring-1 ring-inset ring-amber-200"
          data-testid="round-blockers"
        >
          <p className="font-semibold">{t("roundPage.actions.cannot")}</p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {blockers.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
          <Link to={viewerVerified ? "/account" : `/verify?redirectTo=${encodeURIComponent(here)}`} className="btn-secondary mt-3 w-full">
            {viewerVerified ? t("roundPage.actions.fixAccount") : t("roundPage.actions.verifyNow")}
          </Link>
        </div>
      ) : null}
      {items.length > 0 ? (
        <ul className="mt-3 space-y-2 text-sm leading-relaxed text-stone-700">
          {items.map((item, i) => (
            <li key={i} className="flex gap-2">
              <span className="mt-2 h-1.5 w-1.5 shrink-0 rounded-full bg-brand-500" aria-hidden="true" />
              <span>{item}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {children}
    </section>
  );
}

/** The live connection and "N명 참여 중", with a polite live region for announcements. */
export function LiveRoundStatus({
  connected,
  present,
  announcement,
}: {
  connected: boolean;
  present: number | null;
  announcement: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="mt-4 border-t border-stone-100 pt-3">
      <p
        className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-stone-500"
        data-testid="live-status"
        data-state={connected ? "connected" : "disconnected"}
      >
        <span className={`inline-block h-2 w-2 rounded-full ${connected ? "bg-emerald-500" : "bg-stone-300"}`} aria-hidden="true" />
        {connected ? t("live.connected") : t("live.disconnected")}
        {connected && present ? (
          <span className="font-semibold text-stone-700" data-testid="round-presence">
            · {t("roundPage.present", { count: present })}
          </span>
        ) : null}
      </p>
      <p className="sr-only" aria-live="polite" aria-atomic="true" data-testid="round-announcer">
        {announcement}
      </p>
    </div>
  );
}
