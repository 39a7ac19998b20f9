// The one action behind every debate's fetcher forms, under a proposal or in a round: parse
// the intent, call the domain, map the result or the error. Writing goes to the comment
// service, moderation (locking included) to the one moderation service, whatever the target.
import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { AppError } from "../../domain/errors.ts";
import { actionFailure, requestLanguage } from "./http.server.ts";

export type DebateTargetParam = { proposalId: string | undefined } | { roundId: string | undefined };

export const COMMENT_INTENTS = [
  "post",
  "edit",
  "react",
  "unreact",
  "report",
  "hide",
  "unhide",
  "pin",
  "unpin",
  "release",
  "lock",
  "unlock",
  "appeal",
] as const;
export type CommentIntent = (typeof COMMENT_INTENTS)[number];

const isIntent = (value: unknown): value is CommentIntent => COMMENT_INTENTS.includes(value as CommentIntent);
const text = (value: FormDataEntryValue | undefined) => (typeof value === "string" && value.trim() ? value : undefined);

export async function handleCommentAction(
  { request, context }: Pick<ActionFunctionArgs, "request" | "context">,
  target: DebateTargetParam,
) {
  const viewer = await context.auth.viewerFromRequest(request);
  const form = Object.fromEntries(await request.formData());
  const { comments, moderation } = context.domain;
  const intent = form.intent;
  try {
    if (!isIntent(intent)) throw new AppError("VALIDATION", "debate.errors.unknownAction");
    switch (intent) {
      case "post":
        await comments.post(viewer, { ...target, parentId: form.parentId, stance: form.stance, body: form.body });
        break;
      case "edit":
        await comments.edit(viewer, { commentId: form.commentId, body: form.body });
        break;
      case "react":
      case "unreact":
        await comments.react(viewer, form.commentId, intent === "react");
        break;
      case "report":
        await moderation.report(viewer, { commentId: form.commentId, reason: form.reason });
        break;
      case "appeal":
        await moderation.appeal(viewer, { commentId: form.commentId, reason: form.reason });
        break;
      case "hide":
      case "unhide":
      case "pin":
      case "unpin":
      case "release":
        await moderation.moderate(viewer, intent, { commentId: form.commentId, reason: text(form.reason) });
        break;
      case "lock":
      case "unlock":
        await moderation.lock(viewer, target, intent === "lock", text(form.reason));
        break;
    }
    return json({ ok: true as const, intent });
  } catch (error) {
    return actionFailure(error, requestLanguage(request));
  }
}
