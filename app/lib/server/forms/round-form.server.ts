// The one action behind the new-round and round-settings forms: an editing button returns the
// changed form; "save" hands the values to the domain and reports its refusal field by field.
import { json, redirect, type AppLoadContext } from "@remix-run/node";
import type { Viewer } from "../../../domain/viewer.ts";
import { actionFailure, requestLanguage } from "../http.server.ts";
import { applyEdit, readRoundForm, toRoundInput } from "./round-form-values.server.ts";

export async function roundFormAction(
  request: Request,
  context: AppLoadContext,
  save: (viewer: Viewer, input: ReturnType<typeof toRoundInput>) => Promise<{ id: number }>,
  { redirectTo }: { redirectTo?: (id: number) => string } = {},
) {
  const lng = requestLanguage(request);
  const viewer = await context.auth.viewerFromRequest(request);
  const form = await request.formData();
  const values = readRoundForm(form);
  const at = Date.now();
  const edit = applyEdit(values, String(form.get("intent") ?? "save"), new Date());
  if (edit) return json({ ok: false as const, edited: true as const, error: null, values: edit.values, focus: edit.focus, at });
  try {
    const round = await save(viewer, toRoundInput(values));
    if (redirectTo) return redirect(redirectTo(round.id));
    return json({ ok: true as const, edited: false as const, error: null, values, focus: null, at });
  } catch (error) {
    return actionFailure(error, lng, { ok: false as const, edited: false as const, values, focus: null, at });
  }
}
