// What the debate takes from every edge, checked once here (Remix forms, GraphQL, sockets):
// a comment and its edit, and the inputs of moderation — hides, reports, appeals and their
// decisions. Universal: no server code, so forms may read the limits too.
import { z } from "zod";
import { zId } from "../ids.ts";
import { zText } from "../text.ts";

export const COMMENT_MAX = 3000;

const blankToUndefined = (v: unknown) => (v === "" || v == null ? undefined : v);
const optionalId = z.preprocess(blankToUndefined, zId.optional());

export const ZCommentInput = z.object({
  proposalId: optionalId,
  roundId: optionalId,
  parentId: optionalId,
  stance: z.enum(["PRO", "CON", "NEUTRAL"], { errorMap: () => ({ message: "validation.invalidChoice" }) }).default("NEUTRAL"),
  body: zText({ required_error: "validation.required" }).trim().min(2).max(COMMENT_MAX),
});
export const ZEditInput = z.object({ commentId: zId, body: zText().trim().min(2).max(COMMENT_MAX) });
export const ZModerateInput = z.object({ commentId: zId, reason: z.string().trim().min(2, "validation.reasonRequired").max(500) });
export const ZReportInput = z.object({ commentId: zId, reason: z.string().trim().min(2, "validation.reasonRequired").max(500) });
export const ZAppealInput = z.object({ commentId: zId, reason: z.string().trim().min(10).max(1000) });
export const ZResolveAppealInput = z.object({
  appealId: zId,
  outcome: z.enum(["UPHELD", "REVERSED"], { errorMap: () => ({ message: "validation.invalidChoice" }) }),
  response: z.string().trim().min(2, "validation.reasonRequired").max(1000),
});

/** What a moderator does to one comment (locking a whole thread is `lock`). */
export const MODERATION_ACTIONS = ["hide", "unhide", "pin", "unpin", "release"] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];
