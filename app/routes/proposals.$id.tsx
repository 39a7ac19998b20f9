import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useFetcher, useLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { pageTitle } from "../lib/meta.ts";
import { DDay } from "../components/proposal-card.tsx";
import { StatusBadge } from "../components/status-badge.tsx";
import { SupportMeter } from "../components/support-meter.tsx";
import { localizeParams, type LocalizedError } from "../i18n/errors.ts";
import { translate } from "../i18n/i18n.ts";
import { formatDate, formatKrw } from "../lib/format.ts";
import { actionFailure, requestLanguage, throwAsResponse } from "../lib/server/http.server.ts";
import { useLiveSupport } from "../lib/live/proposals.ts";
import { useLiveDebate } from "../lib/live/debate.ts";
import { supportStage, type StageMessage } from "../domain/proposals/proposal-live.server.ts";
import type { Reason } from "../domain/proposals/viewer-can.ts";
import { MergedGroup } from "../components/merged-group.tsx";
import { ProposalRoundsNotice } from "../components/round/proposal-rounds-notice.tsx";
import { DraftNotice } from "../components/proposal-lifecycle.tsx";
import { CommentThread } from "../components/comment-thread.tsx";
import { StanceBalance } from "../components/stance-balance.tsx";
import { CommentSortNav, commentSortOf } from "../components/comment-sort-nav.tsx";
import { AttachmentsSection, EditLink, MapPoint, TagChips, UpdatesSection } from "../components/proposal-content.tsx";
import { UPDATE_MAX, UPDATE_MIN } from "../domain/proposals/proposal.schema.ts";
import {
  AnswerDeadline,
  AnswersSection,
  DepartmentPanel,
  FollowButton,
  MergedNotice,
  MilestonesSection,
  ModeratorPanel,
} from "../components/proposal-lifecycle.tsx";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, null, data?.proposal.title),
  ...(data ? [{ name: "description", content: data.proposal.excerpt }] : []),
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lng = requestLanguage(request);
  const viewer = await context.auth.viewerFromRequest(request);
  try {
    const proposal = await context.domain.proposals.get(viewer, params.id, { countView: request.method === "GET" });
    // What the viewer can do is the domain's decision; who cannot take part sees why, instead
    // of a button that would fail.
    const can = proposal.viewerCan;
    const say = (reason: Reason) => translate(lng, reason.key, localizeParams(reason.params, lng));
    const blockers = can.reasons.map(say);
    const debateClosed = can.debateClosed ? say(can.debateClosed) : null;
    const moderator = can.moderate;
    const departmentOfficer = can.answer;
    const commentSort = commentSortOf(request.url);
    const [following, merged, departments, thread] = await Promise.all([
      context.domain.notifications.isFollowing(viewer, proposal.id),
      context.domain.merge.mergedGroup(proposal.id),
      moderator || departmentOfficer ? context.domain.catalog.departments() : Promise.resolve([]),
      context.domain.comments.thread(viewer, proposal.id, commentSort),
    ]);
    return json({
      lng,
      proposal,
      viewerId: viewer?.id ?? null,
      viewerVerified: viewer?.verified ?? false,
      blockers,
      moderator,
      departmentOfficer,
      following,
      merged,
      departments,
      thread,
      debateClosed,
      commentSort,
      stage: supportStage(proposal.supportCount, proposal.supportThreshold),
      now: Date.now(),
    });
  } catch (error) {
    throwAsResponse(error, lng);
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lng = requestLanguage(request);
  const viewer = await context.auth.viewerFromRequest(request);
  const form = await request.formData();
  try {
    const intent = form.get("intent");
    const result =
      intent === "withdraw"
        ? await context.domain.proposals.withdrawSupport(viewer, params.id)
        : await context.domain.proposals.support(viewer, params.id);
    return json({ ok: true as const, result });
  } catch (error) {
    return actionFailure(error, lng);
  }
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;

/**
 * The proposal as the page shows it: the loader's copy with the newest pushed state over it
 * (count, status, stage message, timeline, answers, milestones), and the connection.
 */
function useLiveProposal(loaded: Loaded) {
  const { live, state, connected, present } = useLiveSupport(loaded.proposal.id, loaded.proposal);
  const core = live[loaded.proposal.id];
  const proposal = { ...loaded.proposal, ...state, ...core };
  return { proposal, stage: core?.stage ?? loaded.stage, connected, present };
}

function SupportPanel({
  proposal,
  stage,
  connected,
  present,
}: { proposal: Loaded["proposal"]; stage: StageMessage } & { connected: boolean; present: number | null }) {
  const { viewerId, viewerVerified, blockers } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const fetcher = useFetcher<typeof action>();
  const [announcement, setAnnouncement] = useState("");
  const supportCount = proposal.supportCount;
  const busy = fetcher.state !== "idle";
  const error = fetcher.data && "error" in fetcher.data ? (fetcher.data.error as LocalizedError) : null;
  const isAuthor = viewerId !== null && viewerId === proposal.author.id;
  const pendingIntent = fetcher.formData?.get("intent");
  const supported = busy ? pendingIntent !== "withdraw" : proposal.viewerHasSupported;

  // Announced when the stage changes (the threshold reached), not on every 공감.
  const stageKey = useRef(stage.key);
  useEffect(() => {
    if (stage.key === stageKey.current) return;
    stageKey.current = stage.key;
    setAnnouncement(`${t("proposal.liveUpdated", { count: supportCount })} ${t(stage.key, stage.params)}`);
  }, [stage, supportCount, t]);

  return (
    <section className="card p-5" aria-labelledby="support-heading">
      <h2 id="support-heading" className="sr-only">
        {t("proposal.supports")}
      </h2>
      <SupportMeter count={supportCount} threshold={proposal.supportThreshold} size="lg" />
      <p className="mt-2 text-sm text-stone-600">{t(stage.key, stage.params)}</p>
      <p className="sr-only" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
      <div className="mt-4">
        {!proposal.isOpenForSupport ? (
          <p className="rounded-xl bg-stone-100 px-4 py-3 text-center text-sm font-semibold text-stone-600">
            {t("proposal.supportClosed")}
          </p>
        ) : viewerId === null ? (
          <Link to={`/login?redirectTo=/proposals/${proposal.id}`} className="btn-support w-full">
            ♥ {t("proposal.loginToSupport")}
          </Link>
        ) : isAuthor ? (
          <p className="rounded-xl bg-stone-100 px-4 py-3 text-center text-sm font-semibold text-stone-600">{t("proposal.ownProposal")}</p>
        ) : blockers.length > 0 ? (
          <div
            className="rounded-xl bg-amber-50 px-4 py-3 text-sm text-amber-950 ring-1 ring-inset ring-amber-200"
            data-testid="support-blockers"
          >
            <p className="font-semibold">{t("proposal.cannotSupport")}</p>
            <ul className="mt-1 list-disc space-y-1 pl-5">
              {blockers.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
            <Link to={viewerVerified ? "/account" : `/verify?redirectTo=/proposals/${proposal.id}`} className="btn-secondary mt-3 w-full">
              {viewerVerified ? t("proposal.seeAccount") : t("proposal.verifyNow")}
            </Link>
          </div>
        ) : !proposal.viewerCan.support && !proposal.viewerCan.withdraw ? (
          <p className="rounded-xl bg-stone-100 px-4 py-3 text-center text-sm font-semibold text-stone-600">
            {proposal.directRound ? t("rounds.errors.noSupportInRound") : t("proposal.cannotSupport")}
          </p>
        ) : (
          <fetcher.Form method="post">
            <input type="hidden" name="intent" value={supported ? "withdraw" : "support"} />
            <button
              type="submit"
              className={`${supported ? "btn-supported" : "btn-support"} w-full`}
              aria-pressed={supported}
              disabled={busy}
            >
              <span aria-hidden="true">♥</span> {supported ? t("proposal.supported") : t("proposal.support")}
            </button>
            {supported ? <p className="mt-2 text-center text-xs text-stone-500">{t("proposal.withdrawHint")}</p> : null}
          </fetcher.Form>
        )}
        {error ? (
          <p role="alert" className="mt-3 text-sm font-medium text-red-600">
            {error.message}
          </p>
        ) : null}
      </div>
      <p className="mt-4 flex items-center gap-2 text-xs text-stone-500" data-testid="live-status">
        <span className={`inline-block h-2 w-2 rounded-full ${connected ? "bg-emerald-500" : "bg-stone-300"}`} aria-hidden="true" />
        {connected ? t("live.connected") : t("live.disconnected")}
        {connected && present ? <span> · {t("debate.present", { count: present })}</span> : null}
      </p>
    </section>
  );
}

export default function ProposalPage() {
  const loaded = useLoaderData<typeof loader>();
  const { lng, now, moderator, departmentOfficer, following, departments, viewerId, merged, debateClosed, commentSort } = loaded;
  const { t } = useTranslation();
  // Pushes patch what the page shows; none reloads its data.
  const { proposal, stage, connected, present } = useLiveProposal(loaded);
  const thread = useLiveDebate({ proposalId: proposal.id }, loaded.thread, loaded.proposal.commentCount, {
    viewerId,
    moderator,
    sort: commentSort,
  });
  const name = (item: { name: string; nameEn: string }) => (lng === "en" ? item.nameEn : item.name);

  return (
    <main id="main" className="mx-auto max-w-6xl px-4 pb-16 pt-6">
      <Link to="/proposals" className="text-sm font-semibold text-brand-700 hover:underline">
        ← {t("proposal.back")}
      </Link>
      {/* Phone: title, then 공감 and progress, then the text. Desktop: a sticky sidebar. */}
      <div className="mt-4 grid gap-6 lg:grid-cols-[1fr_320px] lg:grid-rows-[auto_1fr]">
        <div className="min-w-0 lg:col-start-1 lg:row-start-1">
          <div className="flex flex-wrap items-center gap-1.5">
            <StatusBadge status={proposal.status} />
            <DDay closesAt={proposal.closesAt} isOpen={proposal.isOpenForSupport} now={now} />
            <AnswerDeadline
              dueAt={proposal.answerDueAt}
              overdueAt={proposal.answerOverdueAt}
              status={proposal.status}
              lng={lng}
              now={now}
            />
            <span className="chip bg-white text-stone-600 ring-1 ring-inset ring-stone-200">{name(proposal.category)}</span>
            {proposal.tiersReached.map((tier) => (
              <span key={tier.threshold} className="chip bg-clay-600 text-white">
                {t("lifecycle.tiers", { threshold: tier.threshold, consequence: t(`tiers.${tier.consequence}`) })}
              </span>
            ))}
          </div>
          <h1 className="mt-3 text-2xl font-extrabold leading-tight tracking-tight text-stone-900 sm:text-3xl">{proposal.title}</h1>
          <TagChips tags={proposal.tags} />
          <dl className="mt-4 grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-4">
            <div>
              <dt className="text-stone-500">{t("proposal.proposer")}</dt>
              <dd className="font-semibold">{proposal.author.displayName}</dd>
            </div>
            <div>
              <dt className="text-stone-500">{t("proposal.district")}</dt>
              <dd className="font-semibold">{proposal.district ? name(proposal.district) : t("list.cityWide")}</dd>
            </div>
            <div>
              <dt className="text-stone-500">{t("proposal.estimatedCost")}</dt>
              <dd className="font-semibold">
                {proposal.estimatedCostKrw === null ? t("proposal.noCost") : formatKrw(proposal.estimatedCostKrw, lng)}
              </dd>
            </div>
            <div>
              <dt className="text-stone-500">{t("proposal.period")}</dt>
              <dd className="font-semibold">
                {formatDate(proposal.openedAt, lng)} – {formatDate(proposal.closesAt, lng)}
              </dd>
            </div>
            {proposal.department ? (
              <div>
                <dt className="text-stone-500">{t("proposal.department")}</dt>
                <dd className="font-semibold">{name(proposal.department)}</dd>
              </div>
            ) : null}
            <MapPoint latitude={proposal.latitude} longitude={proposal.longitude} />
          </dl>
          {proposal.editable ? <EditLink proposalId={proposal.id} /> : null}
          <MergedNotice mergedInto={proposal.mergedInto} />
          <ProposalRoundsNotice rounds={proposal.rounds} directRound={proposal.directRound} />
          {proposal.status === "DRAFT" ? <DraftNotice proposalId={proposal.id} /> : null}
          {proposal.status === "SCREENING" ? (
            <p className="mt-4 rounded-xl bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200" role="status">
              {t("lifecycle.screeningNotice")}
            </p>
          ) : null}
        </div>

        <aside className="space-y-6 lg:sticky lg:top-20 lg:col-start-2 lg:row-span-2 lg:row-start-1 lg:self-start">
          {moderator ? <ModeratorPanel proposalId={proposal.id} status={proposal.status} departments={departments} lng={lng} /> : null}
          {departmentOfficer ? (
            <DepartmentPanel
              proposalId={proposal.id}
              status={proposal.status}
              outcome={proposal.answerOutcome}
              departments={departments}
              lng={lng}
            />
          ) : null}
          <div>
            <SupportPanel proposal={proposal} stage={stage} connected={connected} present={present} />
            {proposal.viewerCan.follow ? <FollowButton proposalId={proposal.id} following={following} /> : null}
          </div>
          <MilestonesSection
            proposalId={proposal.id}
            milestones={proposal.milestones}
            canAct={departmentOfficer}
            status={proposal.status}
            outcome={proposal.answerOutcome}
            lng={lng}
          />
          <section className="card p-5" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading" className="text-base font-bold">
              {t("proposal.timeline")}
            </h2>
            <ol className="mt-4 space-y-4">
              {proposal.timeline.map((entry, i) => (
                <li key={i} className="relative pl-6">
                  <span
                    className={`absolute left-0 top-1.5 h-3 w-3 rounded-full ${i === proposal.timeline.length - 1 ? "bg-brand-600 ring-4 ring-brand-100" : "bg-stone-300"}`}
                    aria-hidden="true"
                  />
                  <p className="text-sm font-semibold">{t(`status.${entry.status}`)}</p>
                  <p className="text-xs text-stone-500">{formatDate(entry.at, lng)}</p>
                  <p className="mt-1 text-sm text-stone-700">{entry.note ?? t(`timelineNote.${entry.status}`)}</p>
                </li>
              ))}
            </ol>
          </section>
          <MergedGroup items={merged} lng={lng} />
        </aside>

        <div className="min-w-0 lg:col-start-1 lg:row-start-2">
          <section className="card p-5 sm:p-6" aria-labelledby="body-heading">
            <h2 id="body-heading" className="text-lg font-bold">
              {t("proposal.body")}
            </h2>
            {/* bodyHtml is sanitized by the domain (app/domain/markdown.server.ts). */}
            <div className="prose-madang mt-3 leading-relaxed text-stone-800" dangerouslySetInnerHTML={{ __html: proposal.bodyHtml }} />
            <AttachmentsSection attachments={proposal.attachments} />
            <p className="mt-5 text-xs text-stone-500">{t("proposal.views", { count: proposal.viewCount })}</p>
          </section>

          <UpdatesSection
            proposalId={proposal.id}
            updates={proposal.updates}
            canAdd={proposal.viewerCan.addUpdate && !proposal.viewerCan.edit}
            lng={lng}
            min={UPDATE_MIN}
            max={UPDATE_MAX}
          />

          <AnswersSection answers={proposal.answers} lng={lng} />

          <section className="mt-6" aria-labelledby="discussion-heading">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="discussion-heading" className="text-lg font-bold">
                {t("proposal.discussion")}{" "}
                <span className="text-stone-500" data-testid="comment-count">
                  {thread.commentCount}
                </span>
              </h2>
            </div>
            <StanceBalance balance={thread.balance} className="mt-2" />
            <CommentSortNav current={commentSort} />
            <CommentThread
              target={{ proposalId: proposal.id }}
              comments={thread.comments}
              locked={thread.locked}
              viewerId={viewerId}
              moderator={moderator}
              lng={lng}
              canWrite={debateClosed === null}
              closedReason={debateClosed ?? undefined}
            />
          </section>
        </div>
      </div>
    </main>
  );
}
