// /admin/rounds/:id/settings: the round's rules, phases and rubric — editable until voting begins.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff } from "../lib/server/admin.server.ts";
import { AdminError } from "../components/admin/ui.tsx";
import { RoundForm } from "../components/rounds-admin/round-form.tsx";
import { roundFormAction } from "../lib/server/forms/round-form.server.ts";
import { roundValues } from "../lib/server/forms/round-form-values.server.ts";
import { throwAsResponse } from "../lib/server/http.server.ts";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { viewer, lng } = await requireStaff(request, context);
  try {
    const [round, districts] = await Promise.all([context.domain.rounds.get(viewer, params.id), context.domain.catalog.districts()]);
    return json({ lng, districts, locked: round.settingsLocked, updatedAt: Date.now(), values: roundValues(round) });
  } catch (error) {
    throwAsResponse(error, lng);
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  return roundFormAction(request, context, (viewer, input) => context.domain.rounds.update(viewer, params.id, input));
}

export function ErrorBoundary() {
  return <AdminError />;
}

export default function RoundSettings() {
  const { lng, districts, locked, values } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  // Right after any post, show what was posted (saved, refused or edited): the reloaded round
  // arrives a moment after the action's answer, and the form must not start from the old one.
  const current = actionData ? actionData.values : values;
  return (
    <div>
      <h2 className="sr-only">{t("roundsAdmin.tabs.settings")}</h2>
      <RoundForm
        key={actionData?.at ?? "settings"}
        lng={lng}
        values={current}
        districts={districts}
        locked={locked}
        error={actionData && !actionData.ok ? actionData.error : null}
        focus={actionData?.focus}
        saved={actionData?.ok ? t("roundsAdmin.settings.saved") : null}
        submitLabel={t("admin.common.save")}
      />
    </div>
  );
}
