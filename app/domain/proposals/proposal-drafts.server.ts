// Posting a proposal and the ends of its 공감 window: proposing (straight away, as a private
// draft, or into a round), submitting a draft, and expiring windows that ran out.
import { readCitySettings, supportWindowEnd } from "../catalog/city-settings.server.ts";
import type { PrismaClient } from "../db.ts";
import type { EligibilityService } from "../eligibility/eligibility.service.server.ts";
import { AppError, notFound, validationError } from "../errors.ts";
import type { EventBus } from "../events.ts";
import { parseId } from "../ids.ts";
import type { RateLimiter } from "../ports.ts";
import type { Clock, Viewer } from "../viewer.ts";
import { assertChoicesExist, proposalFieldsData } from "./proposal-fields.server.ts";
import { canCreateProposal } from "./proposal.policy.ts";
import { ZCreateProposalInput, type TCreateProposalInput } from "./proposal.schema.ts";
import type { ProposalDetail } from "./proposal.types.ts";
import { canSeeProposal } from "./proposal.visibility.ts";

export type DraftDeps = {
  prisma: PrismaClient;
  events: EventBus;
  clock: Clock;
  eligibility: Pick<EligibilityService, "assertEligible">;
  limits: RateLimiter;
  /** Reads back what was written, as the author sees it. */
  get: (viewer: Viewer, id: number) => Promise<ProposalDetail>;
};

export function createProposalDrafts({ prisma, events, clock, eligibility, limits, get }: DraftDeps) {
  /**
   * Posts a proposal, or with `draft` keeps it as the author's private draft (작성 중). With
   * `round` it is an entry submitted straight into that round: no board screening or 공감
   * window (the round's own review and phases apply), and the round checks eligibility.
   */
  async function create(
    viewer: Viewer,
    rawInput: TCreateProposalInput,
    { draft = false, round }: { draft?: boolean; round?: { id: number; closesAt: Date } } = {},
  ): Promise<ProposalDetail> {
    const allowed = canCreateProposal(viewer);
    if (!allowed.ok) throw new AppError(allowed.code, allowed.key);
    const parsed = ZCreateProposalInput.safeParse(rawInput);
    if (!parsed.success) throw validationError(parsed.error);
    const input = parsed.data;
    // A draft is private: eligibility and limits apply when it is submitted.
    if (!draft) {
      if (!round) await eligibility.assertEligible(viewer!);
      await limits.consume("post", String(viewer!.id));
    }

    const [, settings] = await Promise.all([assertChoicesExist(prisma, input), readCitySettings(prisma)]);
    const now = clock.now();
    const closesAt = round?.closesAt ?? supportWindowEnd(settings, now);
    // With screening (제안검토) the window starts when a moderator opens it.
    const status = draft ? "DRAFT" : settings.screeningRequired && !round ? "SCREENING" : "OPEN";
    const created = await prisma.proposal.create({
      data: {
        ...proposalFieldsData(input),
        authorId: viewer!.id,
        status,
        roundId: round?.id ?? null,
        openedAt: now,
        closesAt,
        createdAt: now,
        statusEvents: { create: { status, createdAt: now } },
        follows: { create: { userId: viewer!.id, createdAt: now } },
      },
      select: { id: true },
    });
    if (status === "OPEN" && !round) {
      events.publish("proposal.created", {
        proposalId: created.id,
        title: input.title,
        districtId: input.districtId ?? null,
        categoryId: input.categoryId,
      });
    }
    return get(viewer, created.id);
  }

  /** The author submits a draft: it goes to screening (or opens, where the city does not screen). */
  async function submitDraft(viewer: Viewer, rawId: unknown): Promise<ProposalDetail> {
    const id = parseId(rawId);
    const allowed = canCreateProposal(viewer, "proposal.submitDraft");
    if (!allowed.ok) throw new AppError(allowed.code, allowed.key);
    const draft = await prisma.proposal.findUnique({
      where: { id },
      select: { authorId: true, status: true, title: true, districtId: true, categoryId: true },
    });
    if (!draft || !canSeeProposal(viewer, draft)) throw notFound("errors.proposalNotFound");
    if (draft.authorId !== viewer!.id) throw new AppError("FORBIDDEN", "content.errors.notAuthor");
    if (draft.status !== "DRAFT") throw new AppError("CONFLICT", "errors.wrongStage");
    await eligibility.assertEligible(viewer!);
    await limits.consume("post", String(viewer!.id));
    const settings = await readCitySettings(prisma);
    const now = clock.now();
    const next = settings.screeningRequired ? "SCREENING" : "OPEN";
    await prisma.$transaction(async (tx) => {
      const moved = await tx.proposal.updateMany({
        where: { id, status: "DRAFT" },
        data: { status: next, openedAt: now, closesAt: supportWindowEnd(settings, now) },
      });
      if (moved.count !== 1) throw new AppError("CONFLICT", "errors.wrongStage");
      await tx.proposalStatusEvent.create({ data: { proposalId: id, status: next, createdAt: now } });
    });
    // Like every other stage change: caches of the proposal drop, pages showing it hear of it.
    events.publish("proposal.statusChanged", { proposalId: id, status: next, note: null });
    if (next === "OPEN")
      events.publish("proposal.created", {
        proposalId: id,
        title: draft.title,
        districtId: draft.districtId,
        categoryId: draft.categoryId,
      });
    return get(viewer, id);
  }

  /** Closes the support window of proposals whose 30 days ran out below the threshold. Idempotent. */
  async function expireDue(): Promise<number[]> {
    const now = clock.now();
    const expired = await prisma.$transaction(async (tx) => {
      const due = await tx.proposal.findMany({
        where: { status: "OPEN", closesAt: { lte: now }, roundId: null },
        select: { id: true },
      });
      const ids: number[] = [];
      for (const { id } of due) {
        const moved = await tx.proposal.updateMany({ where: { id, status: "OPEN" }, data: { status: "EXPIRED" } });
        if (moved.count === 1) {
          await tx.proposalStatusEvent.create({ data: { proposalId: id, status: "EXPIRED", createdAt: now } });
          ids.push(id);
        }
      }
      return ids;
    });
    for (const proposalId of expired) events.publish("proposal.statusChanged", { proposalId, status: "EXPIRED", note: null });
    return expired;
  }

  return { create, submitDraft, expireDue };
}
