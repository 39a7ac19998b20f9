// /admin/rounds/new: a new round starts as a draft with its kind's phases and the default rubric.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff } from "../lib/server/admin.server.ts";
import { AdminError, PageHeader } from "../components/admin/ui.tsx";
import { RoundForm } from "../components/rounds-admin/round-form.tsx";
import { roundFormAction } from "../lib/server/forms/round-form.server.ts";
import { isRoundKind, templateValues } from "../lib/server/forms/round-form-values.server.ts";
import { throwAsResponse } from "../lib/server/http.server.ts";
import { pageTitle } from "../lib/meta.ts";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "roundsAdmin.new.title")];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { lng } = await requireStaff(request, context);
  try {
    const kind = new URL(request.url).searchParams.get("kind");
    const districts = await context.domain.catalog.districts();
    return json({ lng, districts, values: templateValues(isRoundKind(kind) ? kind : "CONTEST", new Date()) });
  } catch (error) {
    throwAsResponse(error, lng);
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  return roundFormAction(request, context, (viewer, input) => context.domain.rounds.create(viewer, input), {
    redirectTo: (id) => `/admin/rounds/${id}?created=1`,
  });
}

export function ErrorBoundary() {
  return <AdminError />;
}

export default function NewRound() {
  const { lng, districts, values } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const current = actionData?.values ?? values;
  return (
    <div>
      <p className="text-sm">
        <Link to="/admin/rounds" className="font-semibold text-brand-700 hover:underline">
          ← {t("roundsAdmin.list.title")}
        </Link>
      </p>
      <PageHeader title={t("roundsAdmin.new.title")} intro={t("roundsAdmin.new.intro")} />
      <div className="mt-6">
        <RoundForm
          key={actionData?.at ?? `new-${values.kind}`}
          lng={lng}
          values={current}
          districts={districts}
          error={actionData && !actionData.ok ? actionData.error : null}
          focus={actionData?.focus}
          submitLabel={t("roundsAdmin.new.submit")}
        />
      </div>
    </div>
  );
}
