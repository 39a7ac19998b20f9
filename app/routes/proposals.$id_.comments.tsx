// Comment actions for the debate under a proposal; the proposal page posts here with fetchers.
import type { ActionFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { errorJson, requestLanguage } from "../lib/http.server.ts";

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = await context.auth.viewerFromRequest(request);
  const form = Object.fromEntries(await request.formData());
  const comments = context.domain.comments;
  try {
    switch (form.intent) {
      case "post":
        await comments.post(viewer, { proposalId: params.id, parentId: form.parentId, stance: form.stance, body: form.body });
        break;
      case "edit":
        await comments.edit(viewer, { commentId: form.commentId, body: form.body });
        break;
      case "react":
      case "unreact":
        await comments.react(viewer, form.commentId, form.intent === "react");
        break;
      case "report":
        await comments.report(viewer, { commentId: form.commentId, reason: form.reason });
        break;
      case "hide":
      case "unhide":
      case "pin":
      case "unpin":
      case "release":
        await comments.moderate(viewer, form.intent, { commentId: form.commentId, reason: form.reason });
        break;
      case "lock":
      case "unlock":
        await comments.lock(viewer, params.id, form.intent === "lock", typeof form.reason === "string" ? form.reason : undefined);
        break;
      default:
        return json({ error: { code: "VALIDATION", message: "?" } }, { status: 400 });
    }
    return json({ ok: true as const });
  } catch (error) {
    return errorJson(error, requestLanguage(request));
  }
}

export const loader = ({ params }: ActionFunctionArgs) => redirect(`/proposals/${params.id}`);
