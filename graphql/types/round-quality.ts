// Rounds over the API: how good a round's debate is (docs/deliberation-quality.md) and the
// moderators' dashboard of a round.
import type { DeliberationQuality as Quality } from "../../app/domain/rounds/quality.ts";
import type { QualityService } from "../../app/domain/rounds/quality.service.server.ts";
import { builder } from "../builder.ts";
import { callDomain } from "../errors.ts";
import { Named, Round } from "./round.ts";

type DashboardView = Awaited<ReturnType<QualityService["dashboard"]>>;

const StanceBalance = builder.objectRef<Quality["stance"]>("StanceBalance").implement({
  fields: (t) => ({ pro: t.exposeInt("pro"), con: t.exposeInt("con"), neutral: t.exposeInt("neutral") }),
});

const DistrictParticipation = builder.objectRef<Quality["districts"]["perDistrict"][number]>("DistrictParticipation").implement({
  fields: (t) => ({
    district: t.field({ type: Named, resolve: (d) => d.district }),
    participants: t.exposeInt("participants"),
    comments: t.exposeInt("comments"),
  }),
});

const DistrictReach = builder.objectRef<Quality["districts"]>("DistrictReach").implement({
  fields: (t) => ({
    total: t.exposeInt("total", { description: "The city's districts." }),
    reached: t.exposeInt("reached", { description: "Districts with at least one participant." }),
    reachedShare: t.exposeFloat("reachedShare", { nullable: true }),
    evenness: t.exposeFloat("evenness", {
      nullable: true,
      description: "0–1: 1 = every district equally present, 0 = everyone from one district.",
    }),
    unknownParticipants: t.exposeInt("unknownParticipants", { description: "Participants without a known home district." }),
    perDistrict: t.field({ type: [DistrictParticipation], resolve: (d) => d.perDistrict }),
  }),
});

const DeliberationQuality = builder.objectRef<Quality>("DeliberationQuality").implement({
  description: "How good the debate is (docs/deliberation-quality.md): two-sided, reasoned, answering the other side, city-wide.",
  fields: (t) => ({
    commentCount: t.exposeInt("commentCount"),
    participantCount: t.exposeInt("participantCount"),
    stance: t.field({ type: StanceBalance, resolve: (q) => q.stance }),
    proConBalance: t.exposeFloat("proConBalance", {
      nullable: true,
      description: "min(찬성, 반대) / max(찬성, 반대); null without stances.",
    }),
    reasonedShare: t.exposeFloat("reasonedShare", { nullable: true, description: "Share of comments that give a reason or a source." }),
    crossStanceReplyShare: t.exposeFloat("crossStanceReplyShare", {
      nullable: true,
      description: "Share of replies answering the opposite stance.",
    }),
    districts: t.field({ type: DistrictReach, resolve: (q) => q.districts }),
  }),
});

const EntryCounts = builder.objectRef<DashboardView["entries"]>("RoundEntryCounts").implement({
  fields: (t) => ({
    submitted: t.exposeInt("submitted"),
    shortlisted: t.exposeInt("shortlisted"),
    excluded: t.exposeInt("excluded"),
    withdrawn: t.exposeInt("withdrawn"),
  }),
});

const DayActivity = builder.objectRef<DashboardView["activityByDay"][number]>("RoundDayActivity").implement({
  fields: (t) => ({
    day: t.exposeString("day", { description: "A date in Korea (YYYY-MM-DD, KST)." }),
    comments: t.exposeInt("comments"),
  }),
});

const RoundDashboard = builder.objectRef<DashboardView>("RoundDashboard").implement({
  description: "A round at a glance, for moderators.",
  fields: (t) => ({
    round: t.field({ type: Round, resolve: (d) => d.round }),
    quality: t.field({ type: DeliberationQuality, resolve: (d) => d.quality }),
    entries: t.field({ type: EntryCounts, resolve: (d) => d.entries }),
    reviewed: t.exposeInt("reviewed", { description: "Entries with a feasibility review." }),
    scoreSheets: t.exposeInt("scoreSheets", { description: "Score sheets handed in (entry × committee member)." }),
    openReports: t.exposeInt("openReports"),
    activityByDay: t.field({ type: [DayActivity], resolve: (d) => d.activityByDay }),
  }),
});

builder.queryFields((t) => ({
  roundQuality: t.field({
    type: DeliberationQuality,
    authScopes: { public: true },
    description: "Deliberation quality of the round's debate and its entries' debates.",
    args: { roundId: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => callDomain(ctx, () => ctx.domain.quality.forRound(ctx.viewer, args.roundId)),
  }),
  roundDashboard: t.field({
    type: RoundDashboard,
    authScopes: { moderator: true },
    args: { roundId: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => callDomain(ctx, () => ctx.domain.quality.dashboard(ctx.viewer, args.roundId)),
  }),
}));
