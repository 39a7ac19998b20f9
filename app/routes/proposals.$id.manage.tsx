// Actions on a proposal's lifecycle (screening, assignment, answers, milestones, following).
// Only an action: the proposal page posts here with fetchers and reloads its own data.
import type { ActionFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { AppError } from "../domain/errors.ts";
import { actionFailure, requestLanguage } from "../lib/server/http.server.ts";

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lng = requestLanguage(request);
  const viewer = await context.auth.viewerFromRequest(request);
  const form = Object.fromEntries(await request.formData());
  const proposalId = params.id;
  const { lifecycle, notifications } = context.domain;
  try {
    switch (form.intent) {
      case "screen":
        await lifecycle.screen(viewer, { proposalId, decision: form.decision, reason: form.reason });
        break;
      case "assign":
        await lifecycle.assign(viewer, { proposalId, departmentId: form.departmentId, note: form.note });
        break;
      case "answer":
        await lifecycle.answer(viewer, { proposalId, kind: form.kind, outcome: form.outcome, body: form.body });
        break;
      case "milestone":
        await lifecycle.addMilestone(viewer, { proposalId, title: form.title, dueAt: form.dueAt });
        break;
      case "completeMilestone":
        await lifecycle.completeMilestone(viewer, form.milestoneId);
        break;
      case "submitDraft":
        await context.domain.proposals.submitDraft(viewer, proposalId);
        break;
      case "follow":
        await notifications.follow(viewer, proposalId);
        break;
      case "unfollow":
        await notifications.unfollow(viewer, proposalId);
        break;
      default:
        throw new AppError("VALIDATION", "errors.badRequest");
    }
    return json({ ok: true as const, intent: String(form.intent) });
  } catch (error) {
    return actionFailure(error, lng);
  }
}

export const loader = ({ params }: ActionFunctionArgs) => redirect(`/proposals/${params.id}`);
