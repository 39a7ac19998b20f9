// The author's additions to a proposal (with optional files); posted from the proposal page.
import type { ActionFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { actionFailure, requestLanguage } from "../lib/server/http.server.ts";
import { readProposalForm } from "../lib/server/forms/proposal-form.server.ts";

export async function loader({ params }: ActionFunctionArgs) {
  return redirect(`/proposals/${encodeURIComponent(params.id ?? "")}`);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lng = requestLanguage(request);
  const viewer = await context.auth.viewerFromRequest(request);
  try {
    const { form, files } = await readProposalForm(request);
    const body = form.get("body");
    await context.domain.content.addUpdate(viewer, { proposalId: params.id, body: typeof body === "string" ? body : "" }, files);
    return json({ ok: true as const });
  } catch (error) {
    return actionFailure(error, lng);
  }
}
