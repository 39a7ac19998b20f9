// What proposing and editing share: the chosen category and district must exist, and the
// validated fields map onto the row the same way (search tokens kept in step with the text).
import type { z } from "zod";
import type { Prisma, PrismaClient } from "../db.ts";
import { AppError, type FieldIssue } from "../errors.ts";
import { searchTokens } from "../search/tokens.ts";
import type { ZCreateProposalInput } from "./proposal.schema.ts";

/** The content fields after validation (ZCreateProposalInput; ZEditProposalInput adds the id). */
export type ProposalFields = z.output<typeof ZCreateProposalInput>;

/** Refuses a category or district that does not exist, naming the field. */
export async function assertChoicesExist(
  prisma: Pick<PrismaClient, "category" | "district">,
  input: Pick<ProposalFields, "categoryId" | "districtId">,
) {
  const [category, district] = await Promise.all([
    prisma.category.findUnique({ where: { id: input.categoryId }, select: { id: true } }),
    input.districtId ? prisma.district.findUnique({ where: { id: input.districtId }, select: { id: true } }) : null,
  ]);
  const issues: FieldIssue[] = [];
  if (!category) issues.push({ path: "categoryId", key: "validation.invalidChoice" });
  if (input.districtId && !district) issues.push({ path: "districtId", key: "validation.invalidChoice" });
  if (issues.length) throw new AppError("VALIDATION", "errors.validation", { issues });
}

/** The row's content columns for these fields (a missing district is city-wide). */
export function proposalFieldsData(input: ProposalFields) {
  return {
    title: input.title,
    body: input.body,
    searchTokens: searchTokens(input.title, input.body),
    categoryId: input.categoryId,
    districtId: input.districtId ?? null,
    estimatedCostKrw: input.estimatedCostKrw === undefined ? null : BigInt(input.estimatedCostKrw),
    tags: input.tags,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
  };
}

/** What a proposal's page shows of its progress, for its loader and its live pushes alike. */
export const PROGRESS_SELECT = {
  department: { select: { id: true, code: true, name: true, nameEn: true } },
  answerDueAt: true,
  answerOverdueAt: true,
  answerOutcome: true,
  answers: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, kind: true, outcome: true, body: true, createdAt: true, department: { select: { name: true, nameEn: true } } },
  },
  milestones: { orderBy: [{ id: "asc" }], select: { id: true, title: true, dueAt: true, completedAt: true } },
  tiersReached: { orderBy: { threshold: "asc" }, select: { threshold: true, consequence: true, reachedAt: true } },
  mergedInto: { select: { id: true, title: true } },
  statusEvents: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { status: true, note: true, createdAt: true } },
} satisfies Prisma.ProposalSelect;
