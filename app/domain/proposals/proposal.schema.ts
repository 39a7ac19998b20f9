// Input schemas: the single validation for every edge.
import { z } from "zod";
import { PROPOSAL_SORTS, PROPOSAL_STATUSES } from "./proposal.types.ts";

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
/** Form fields arrive as strings, GraphQL and sockets as numbers: accept both, keep "" as missing. */
const toNumber = (v: unknown) => {
  const value = emptyToUndefined(typeof v === "string" ? v.trim() : v);
  return typeof value === "string" ? Number(value) : value;
};

const optionalId = z.preprocess(
  toNumber,
  z.number({ invalid_type_error: "validation.invalid" }).int().positive().optional(),
);

export const MAX_PAGE_SIZE = 50;

export const ZListProposalsInput = z.object({
  /** Search words (Korean two-letter words and parts of words match). */
  q: z.preprocess(emptyToUndefined, z.string().trim().max(100).optional()),
  districtId: optionalId,
  /** true = only city-wide proposals */
  cityWide: z.preprocess((v) => (v === "" || v == null ? undefined : v === true || v === "true" || v === "1"), z.boolean().optional()),
  categoryId: optionalId,
  status: z.preprocess(emptyToUndefined, z.enum(PROPOSAL_STATUSES).optional()),
  sort: z.preprocess(emptyToUndefined, z.enum(PROPOSAL_SORTS).default("support")),
  offset: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(100_000).default(0)),
  limit: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(12),
  ),
});
export type TListProposalsInput = z.input<typeof ZListProposalsInput>;

export const TITLE_MIN = 5;
export const TITLE_MAX = 80;
export const BODY_MIN = 20;
export const BODY_MAX = 5000;
export const COST_MAX = 1_000_000_000_000; // ₩1조: beyond any single proposal

export const ZCreateProposalInput = z.object({
  title: z.string({ required_error: "validation.required" }).trim().min(TITLE_MIN).max(TITLE_MAX),
  body: z.string({ required_error: "validation.required" }).trim().min(BODY_MIN).max(BODY_MAX),
  categoryId: z.preprocess(
    toNumber,
    z.number({ required_error: "validation.chooseCategory", invalid_type_error: "validation.chooseCategory" }).int().positive(),
  ),
  /** empty = city-wide */
  districtId: optionalId,
  estimatedCostKrw: z.preprocess(
    (v) => toNumber(typeof v === "string" ? v.replace(/[,\s원₩]/g, "") : v),
    z.number({ invalid_type_error: "validation.notANumber" }).int("validation.notANumber").min(0).max(COST_MAX).optional(),
  ),
});
export type TCreateProposalInput = z.input<typeof ZCreateProposalInput>;

/** Proposal ids arrive as URL segments, GraphQL IDs or socket payloads. */
export const ZProposalId = z.coerce.number().int().positive().max(2_147_483_647);
