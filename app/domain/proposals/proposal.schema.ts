// Input schemas: the single validation for every edge.
import { z } from "zod";
import { zOptionalId, zRequiredId } from "../ids.ts";
import { zText } from "../text.ts";
import { PROPOSAL_SORTS, PROPOSAL_STATUSES } from "./proposal.types.ts";

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
/**
 * Form fields arrive as strings, GraphQL and sockets as numbers: accept both, keep "" as
 * missing. Only plain decimal numerals are read ("0x10", "1e3" and true stay what they are
 * and fail the number check).
 */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const toNumber = (v: unknown) => {
  const value = emptyToUndefined(typeof v === "string" ? v.trim() : v);
  return typeof value === "string" && DECIMAL.test(value) ? Number(value) : value;
};

const optionalId = zOptionalId;

export const MAX_PAGE_SIZE = 50;

export const ZListProposalsInput = z.object({
  /** Search words (Korean two-letter words and parts of words match). */
  q: z.preprocess(emptyToUndefined, zText().trim().max(100).optional()),
  districtId: optionalId,
  /** true = only city-wide proposals */
  cityWide: z.preprocess((v) => (v === "" || v == null ? undefined : v === true || v === "true" || v === "1"), z.boolean().optional()),
  categoryId: optionalId,
  status: z.preprocess(emptyToUndefined, z.enum(PROPOSAL_STATUSES).optional()),
  sort: z.preprocess(emptyToUndefined, z.enum(PROPOSAL_SORTS).default("support")),
  offset: z.preprocess(toNumber, z.number({ invalid_type_error: "validation.notANumber" }).int().min(0).max(100_000).default(0)),
  limit: z.preprocess(toNumber, z.number({ invalid_type_error: "validation.notANumber" }).int().min(1).max(MAX_PAGE_SIZE).default(12)),
});
export type TListProposalsInput = z.input<typeof ZListProposalsInput>;

export const TITLE_MIN = 5;
export const TITLE_MAX = 80;
export const BODY_MIN = 20;
export const BODY_MAX = 5000;
export const COST_MAX = 1_000_000_000_000; // ₩1조: beyond any single proposal

export const TAGS_MAX = 5;
export const TAG_MAX_LENGTH = 20;
/** Korea's bounding box (Jeju to the DMZ, Heuksan to Ulleung/Dokdo). */
export const LAT_RANGE = [33, 39] as const;
export const LNG_RANGE = [124, 132] as const;

/** Tags: a comma-separated string (forms) or an array (GraphQL); trimmed, de-duplicated, at most 5 of 1–20 characters. */
export const ZTags = z.preprocess(
  (v) => {
    if (v === undefined || v === null) return [];
    const list = typeof v === "string" ? v.split(/[,，、]/) : Array.isArray(v) ? v : v;
    if (!Array.isArray(list)) return list;
    const seen = new Set<string>();
    const out: unknown[] = [];
    for (const item of list) {
      const tag = typeof item === "string" ? item.trim().replace(/^#/, "").trim() : item;
      if (tag === "") continue;
      const key = typeof tag === "string" ? tag.toLowerCase() : tag;
      if (seen.has(key as string)) continue;
      seen.add(key as string);
      out.push(tag);
    }
    return out;
  },
  z.array(zText().min(1).max(TAG_MAX_LENGTH, "validation.tagTooLong")).max(TAGS_MAX, "validation.tooManyTags"),
);

const coordinate = (min: number, max: number) =>
  z.preprocess(
    toNumber,
    z
      .number({ invalid_type_error: "validation.notANumber" })
      .finite("validation.notANumber")
      .min(min, "validation.outsideKorea")
      .max(max, "validation.outsideKorea")
      .optional(),
  );

const mapPoint = {
  /** optional map point; both or neither */
  latitude: coordinate(LAT_RANGE[0], LAT_RANGE[1]),
  longitude: coordinate(LNG_RANGE[0], LNG_RANGE[1]),
};

type WithPoint = { latitude?: number; longitude?: number };
const bothOrNeither = (value: WithPoint, ctx: z.RefinementCtx) => {
  if ((value.latitude === undefined) !== (value.longitude === undefined)) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: [value.latitude === undefined ? "latitude" : "longitude"],
      message: "validation.pointIncomplete",
    });
  }
};

const ZProposalContentFields = z.object({
  title: zText({ required_error: "validation.required" }).trim().min(TITLE_MIN).max(TITLE_MAX),
  body: zText({ required_error: "validation.required" }).trim().min(BODY_MIN).max(BODY_MAX),
  categoryId: zRequiredId("validation.chooseCategory"),
  /** empty = city-wide */
  districtId: optionalId,
  estimatedCostKrw: z.preprocess(
    (v) => toNumber(typeof v === "string" ? v.replace(/[,\s원₩]/g, "") : v),
    z.number({ invalid_type_error: "validation.notANumber" }).int("validation.notANumber").min(0).max(COST_MAX).optional(),
  ),
  tags: ZTags,
  ...mapPoint,
});

export const ZCreateProposalInput = ZProposalContentFields.superRefine(bothOrNeither);
export type TCreateProposalInput = z.input<typeof ZCreateProposalInput>;

export const ZEditProposalInput = ZProposalContentFields.extend({ proposalId: z.unknown() }).superRefine(bothOrNeither);
export type TEditProposalInput = z.input<typeof ZEditProposalInput>;

export const UPDATE_MIN = 10;
export const UPDATE_MAX = 2000;
export const ZAddUpdateInput = z.object({
  proposalId: z.unknown(),
  body: zText({ required_error: "validation.required" }).trim().min(UPDATE_MIN).max(UPDATE_MAX),
});
export type TAddUpdateInput = z.input<typeof ZAddUpdateInput>;

/** Proposal ids arrive as URL segments, GraphQL IDs or socket payloads. */
export { zId as ZProposalId } from "../ids.ts";
