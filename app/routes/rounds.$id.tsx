// A round's public page: where it stands, what anyone can do now, its entries with their
// reviews, the quality of its debate, and the round's own debate, kept live over socket.io.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CommentSortNav, commentSortOf } from "../components/comment-sort-nav.tsx";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { CommentThread } from "../components/comment-thread.tsx";
import { EntryList } from "../components/round/entry-list.tsx";
import { PhaseTimeline } from "../components/round/phase-timeline.tsx";
import { QualityPanel } from "../components/round/quality-panel.tsx";
import { LiveRoundStatus, RoundActions } from "../components/round/round-actions.tsx";
import { localName } from "../components/round/round-data.ts";
import { RoundDescription, RoundHeader } from "../components/round/round-header.tsx";
import { StanceBalance } from "../components/stance-balance.tsx";
import { isModerator } from "../domain/roles/roles.policy.ts";
import { localizeParams } from "../i18n/errors.ts";
import { translate } from "../i18n/i18n.ts";
import { actionFailure, requestLanguage, throwAsResponse } from "../lib/server/http.server.ts";
import { useLiveDebate } from "../lib/live/debate.ts";
import { useLiveRound } from "../lib/live/round.ts";
import { pageTitle } from "../lib/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, null, data?.round.title),
  ...(data ? [{ name: "description", content: data.round.description.slice(0, 160) }] : []),
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lng = requestLanguage(request);
  const viewer = await context.auth.viewerFromRequest(request);
  const commentSort = commentSortOf(request.url);
  try {
    const round = await context.domain.rounds.get(viewer, params.id);
    const [entries, quality, thread, districts, viewerCan] = await Promise.all([
      context.domain.entries.list(viewer, round.id),
      context.domain.quality.forRound(viewer, round.id),
      context.domain.comments.roundThread(viewer, round.id, commentSort),
      round.eligibility?.affiliation?.districtIds?.length ? context.domain.catalog.districts() : Promise.resolve([]),
      // What the viewer can do now is the domain's decision; who cannot take part sees why,
      // instead of a button or a form that would fail.
      context.domain.rounds.viewerCan(viewer, round),
    ]);
    const { reasons, ...can } = viewerCan;
    return json({
      lng,
      round,
      entries,
      quality,
      thread,
      commentSort,
      districts,
      can,
      blockers: reasons.map((r) => translate(lng, r.key, localizeParams(r.params, lng))),
      viewerId: viewer?.id ?? null,
      viewerVerified: viewer?.verified ?? false,
      moderator: isModerator(viewer),
      now: Date.now(),
    });
  } catch (error) {
    throwAsResponse(error, lng);
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const lng = requestLanguage(request);
  const viewer = await context.auth.viewerFromRequest(request);
  const form = await request.formData();
  try {
    if (form.get("intent") !== "withdraw")
      return json({ error: { code: "VALIDATION", message: translate(lng, "errors.validation") } }, { status: 400 });
    await context.domain.entries.withdraw(viewer, form.get("entryId"));
    return json({ ok: true as const });
  } catch (error) {
    return actionFailure(error, lng);
  }
}

export default function RoundPage() {
  const loaded = useLoaderData<typeof loader>();
  const { round, entries, quality, commentSort, districts, can, blockers, viewerId, viewerVerified, moderator, lng, now } = loaded;
  const { t } = useTranslation();
  // The debate is patched by its pushes; phase and entry changes reload (see useLiveRound).
  const thread = useLiveDebate({ roundId: round.id }, loaded.thread, round.commentCount, { viewerId, moderator, sort: commentSort });
  const allows = round.currentPhase?.allows ?? [];
  const phaseLabel = useCallback(
    (id: number) => {
      const phase = round.phases.find((p) => p.id === id);
      return phase ? localName(phase, lng) : null;
    },
    [round.phases, lng],
  );
  const live = useLiveRound(round.id, phaseLabel);

  const commentOpen = allows.includes("COMMENT");
  const closedReason = !commentOpen
    ? round.currentPhase
      ? t("roundPage.debate.closed", { phase: localName(round.currentPhase, lng) })
      : t("roundPage.debate.closedNoPhase")
    : thread.locked
      ? t("roundPage.actions.commentLocked")
      : viewerId === null
        ? t("roundPage.debate.loginToWrite")
        : blockers.length > 0
          ? `${t("roundPage.actions.cannot")} ${blockers.join(" ")}`
          : undefined;

  return (
    <main id="main" className="mx-auto max-w-6xl px-4 pb-16 pt-6">
      <Link to="/rounds" className="text-sm font-semibold text-brand-700 hover:underline">
        ← {t("roundPage.back")}
      </Link>
      {/* Phone: header, what to do now and the phases, then the rest. Desktop: a sticky sidebar. */}
      <div className="mt-4 grid gap-6 lg:grid-cols-[1fr_340px] lg:grid-rows-[auto_1fr]">
        <div className="min-w-0 lg:col-start-1 lg:row-start-1">
          <RoundHeader round={round} lng={lng} now={now} />
        </div>

        <aside className="space-y-6 lg:sticky lg:top-20 lg:col-start-2 lg:row-span-2 lg:row-start-1 lg:self-start">
          <RoundActions
            round={round}
            lng={lng}
            now={now}
            viewerId={viewerId}
            viewerVerified={viewerVerified}
            blockers={blockers}
            debateLocked={thread.locked}
          >
            <LiveRoundStatus connected={live.connected} present={live.present} announcement={live.announcement} />
          </RoundActions>
          <PhaseTimeline round={round} lng={lng} now={now} />
        </aside>

        <div className="min-w-0 lg:col-start-1 lg:row-start-2">
          <RoundDescription round={round} districts={districts} lng={lng} />
          <EntryList round={round} entries={entries} lng={lng} viewerId={viewerId} canWithdraw={allows.includes("SUBMIT")} />
          <QualityPanel quality={quality} lng={lng} />

          <section id="round-debate" className="mt-6 scroll-mt-20" aria-labelledby="round-debate-heading" data-testid="round-debate">
            <h2 id="round-debate-heading" className="text-lg font-bold">
              {t("roundPage.debate.heading")} <span className="text-stone-500">{thread.commentCount}</span>
            </h2>
            <p className="mt-1 text-sm text-stone-600">{t("roundPage.debate.intro")}</p>
            <StanceBalance balance={thread.balance} className="mt-3" />
            <CommentSortNav current={commentSort} anchor="#round-debate" />
            <CommentThread
              target={{ roundId: round.id }}
              comments={thread.comments}
              locked={thread.locked}
              canWrite={can.comment}
              closedReason={closedReason}
              viewerId={viewerId}
              moderator={moderator}
              lng={lng}
            />
          </section>
        </div>
      </div>
    </main>
  );
}
