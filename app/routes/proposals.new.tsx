import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageTitle } from "../lib/meta.ts";
import { actionFailure, requestLanguage } from "../lib/server/http.server.ts";
import { ProposalForm, type ProposalFormValues } from "../components/proposal-form.tsx";
import { proposalValues, readProposalForm } from "../lib/server/forms/proposal-form.server.ts";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "create.title")];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await context.auth.viewerFromRequest(request);
  if (!viewer) throw redirect(`/login?redirectTo=${encodeURIComponent("/proposals/new")}`);
  const [districts, categories, city] = await Promise.all([
    context.domain.catalog.districts(),
    context.domain.catalog.categories(),
    context.domain.catalog.city(),
  ]);
  return json({ lng: requestLanguage(request), districts, categories, city });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const lng = requestLanguage(request);
  const viewer = await context.auth.viewerFromRequest(request);
  let values: ProposalFormValues = {};
  try {
    const { form, files } = await readProposalForm(request);
    const fields = proposalValues(form);
    values = fields;
    // Files are checked before the proposal is written, so a bad file leaves nothing behind.
    context.domain.content.checkFiles(files);
    const proposal = await context.domain.proposals.create(viewer, fields, { draft: form.get("intent") === "draft" });
    if (files.length) await context.domain.content.attach(viewer, { proposalId: proposal.id, files });
    return redirect(`/proposals/${proposal.id}`);
  } catch (error) {
    return actionFailure(error, lng, { values });
  }
}

export default function NewProposal() {
  const { lng, districts, categories, city } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();

  return (
    <main id="main" className="mx-auto max-w-2xl px-4 pb-16 pt-8">
      <Link to="/proposals" className="text-sm font-semibold text-brand-700 hover:underline">
        ← {t("proposal.back")}
      </Link>
      <h1 className="mt-4 text-3xl font-extrabold tracking-tight">{t("create.title")}</h1>
      <p className="mt-2 text-stone-600">{t("create.intro", { days: city.supportWindowDays })}</p>
      <p className="mt-4 rounded-xl bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
        {t("create.complaintNotice")}
      </p>

      {actionData?.error ? (
        <div role="alert" className="mt-6 rounded-xl bg-red-50 px-4 py-3 text-sm font-semibold text-red-700 ring-1 ring-inset ring-red-200">
          {actionData.error.message}
        </div>
      ) : null}

      <ProposalForm
        lng={lng}
        categories={categories}
        districts={districts}
        values={actionData?.values}
        error={actionData?.error}
        withFiles
        similar
        submitting={navigation.state === "submitting"}
        submitLabel={t("create.submit")}
        submittingLabel={t("create.submitting")}
        secondaryAction={
          <button
            type="submit"
            name="intent"
            value="draft"
            className="btn-secondary w-full sm:w-auto"
            disabled={navigation.state === "submitting"}
          >
            {t("lifecycle.saveDraft")}
          </button>
        }
      />
    </main>
  );
}
