// Submitting a proposal straight into a round, while its current phase takes submissions.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProposalForm, type ProposalFormValues } from "../components/proposal-form.tsx";
import { localName } from "../components/round/round-data.ts";
import { formatDateTime } from "../lib/format.ts";
import { actionFailure, requestLanguage, throwAsResponse } from "../lib/server/http.server.ts";
import { pageTitle } from "../lib/meta.ts";
import { proposalValues, readProposalForm } from "../lib/server/forms/proposal-form.server.ts";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "roundPage.submit.title")];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lng = requestLanguage(request);
  const viewer = await context.auth.viewerFromRequest(request);
  if (!viewer) throw redirect(`/login?redirectTo=${encodeURIComponent(new URL(request.url).pathname)}`);
  try {
    const round = await context.domain.rounds.get(viewer, params.id);
    const [districts, categories] = await Promise.all([context.domain.catalog.districts(), context.domain.catalog.categories()]);
    return json({ lng, round, districts, categories, open: round.currentPhase?.allows.includes("SUBMIT") ?? false });
  } catch (error) {
    throwAsResponse(error, lng);
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lng = requestLanguage(request);
  const viewer = await context.auth.viewerFromRequest(request);
  let values: ProposalFormValues = {};
  try {
    const { form, files } = await readProposalForm(request);
    const fields = proposalValues(form);
    values = fields;
    // Files are checked before anything is written, so a bad file leaves nothing behind.
    context.domain.content.checkFiles(files);
    const entry = await context.domain.entries.submit(viewer, params.id, fields);
    if (files.length) await context.domain.content.attach(viewer, { proposalId: entry.proposal.id, files });
    return redirect(`/proposals/${entry.proposal.id}`);
  } catch (error) {
    return actionFailure(error, lng, { values });
  }
}

export default function SubmitToRound() {
  const { lng, round, districts, categories, open } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const place = round.district ? localName(round.district, lng) : null;

  return (
    <main id="main" className="mx-auto max-w-2xl px-4 pb-16 pt-8">
      <Link to={`/rounds/${round.id}`} className="text-sm font-semibold text-brand-700 hover:underline">
        ← {round.title}
      </Link>
      <h1 className="mt-4 text-3xl font-extrabold tracking-tight">{t("roundPage.submit.title")}</h1>
      <p className="mt-2 text-stone-600">{t("roundPage.submit.intro", { round: round.title })}</p>
      {open && round.currentPhase ? (
        <p className="mt-3 text-sm font-semibold text-brand-800">
          {t("roundPage.submit.deadline", { date: formatDateTime(round.currentPhase.endsAt, lng) })}
        </p>
      ) : null}
      {place ? (
        <p className="mt-4 rounded-xl bg-stone-100 px-4 py-3 text-sm text-stone-700">{t("roundPage.submit.scopeNote", { place })}</p>
      ) : null}

      {!open ? (
        <div className="mt-6 rounded-xl bg-amber-50 px-4 py-4 text-amber-950 ring-1 ring-inset ring-amber-200" role="status">
          <p className="font-semibold">{t("roundPage.submit.closed")}</p>
          <Link to={`/rounds/${round.id}`} className="btn-secondary mt-3">
            {t("roundPage.submit.backToRound")}
          </Link>
        </div>
      ) : (
        <>
          {actionData?.error ? (
            <div
              role="alert"
              className="mt-6 rounded-xl bg-red-50 px-4 py-3 text-sm font-semibold text-red-700 ring-1 ring-inset ring-red-200"
            >
              {actionData.error.message}
            </div>
          ) : null}
          <ProposalForm
            lng={lng}
            categories={categories}
            // A district round fixes the area: offer only that district.
            districts={round.district ? districts.filter((d) => d.id === round.district!.id) : districts}
            values={{ ...(round.district ? { districtId: String(round.district.id) } : {}), ...actionData?.values }}
            error={actionData?.error}
            withFiles
            similar
            submitting={navigation.state === "submitting"}
            submitLabel={t("roundPage.submit.submit")}
            submittingLabel={t("roundPage.submit.submitting")}
          />
        </>
      )}
    </main>
  );
}
