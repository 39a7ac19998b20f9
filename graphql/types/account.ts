// The viewer, accounts, sessions for API clients, identity verification and affiliations.
import type { Viewer as DomainViewer } from "../../app/domain/viewer.ts";
import { ROLES } from "../../app/domain/viewer.ts";
import { AFFILIATION_KINDS } from "../../app/domain/eligibility/eligibility.ts";
import { localizeParams } from "../../app/i18n/errors.ts";
import { translate } from "../../app/i18n/i18n.ts";
import { builder } from "../builder.ts";
import type { GraphQLContext } from "../context.ts";
import { callDomain } from "../errors.ts";

export const Role = builder.enumType("Role", { values: ROLES });
export const AffiliationKind = builder.enumType("AffiliationKind", {
  description: "Why a person belongs: they live (RESIDENT), work, study or run a business there.",
  values: AFFILIATION_KINDS,
});
export const ClaimStatus = builder.enumType("ClaimStatus", { values: ["PENDING", "CONFIRMED", "REJECTED"] as const });

type ViewerShape = NonNullable<DomainViewer>;

const Eligibility = builder.objectRef<{ eligible: boolean; reasons: string[] }>("Eligibility").implement({
  description: "Whether the viewer may take part under the city's rules, and if not, why.",
  fields: (t) => ({
    eligible: t.exposeBoolean("eligible"),
    reasons: t.exposeStringList("reasons", { description: "One sentence per failed rule, in the caller's language." }),
  }),
});

export const Viewer = builder.objectRef<ViewerShape>("Viewer").implement({
  description: "The signed-in person making this request.",
  fields: (t) => ({
    id: t.exposeID("id"),
    displayName: t.exposeString("displayName"),
    roles: t.field({ type: [Role], resolve: (v) => v.roles }),
    verified: t.exposeBoolean("verified", { description: "Passed identity verification (본인인증)." }),
    suspended: t.exposeBoolean("suspended"),
    eligibility: t.field({
      type: Eligibility,
      resolve: async (v, _a, ctx) => {
        const result = await ctx.domain.eligibility.explain(v);
        return {
          eligible: result.eligible,
          reasons: result.reasons.map((r) => translate(ctx.lng, r.key, localizeParams(r.params, ctx.lng))),
        };
      },
    }),
  }),
});

const AuthPayload = builder.objectRef<{ token: string; expiresAt: Date; viewer: ViewerShape }>("AuthPayload").implement({
  description: "A session for an API client: send `Authorization: Bearer <token>`. Browsers use the session cookie instead.",
  fields: (t) => ({
    token: t.exposeString("token"),
    expiresAt: t.expose("expiresAt", { type: "DateTime" }),
    viewer: t.field({ type: Viewer, resolve: (p) => p.viewer }),
  }),
});

const VerificationStart = builder
  .objectRef<{ attemptId: string; expiresAt: Date; redirectUrl: string | null; devCode: string | null }>("VerificationStart")
  .implement({
    fields: (t) => ({
      attemptId: t.exposeString("attemptId"),
      expiresAt: t.expose("expiresAt", { type: "DateTime" }),
      redirectUrl: t.exposeString("redirectUrl", { nullable: true, description: "For providers with their own window." }),
      devCode: t.exposeString("devCode", { nullable: true, description: "Development provider only: the code it 'texted'." }),
    }),
  });

export const Affiliation = builder
  .objectRef<{
    id: number;
    kind: (typeof AFFILIATION_KINDS)[number];
    districtId: number | null;
    status: "PENDING" | "CONFIRMED" | "REJECTED";
    since: Date | null;
  }>("Affiliation")
  .implement({
    fields: (t) => ({
      id: t.exposeID("id"),
      kind: t.field({ type: AffiliationKind, resolve: (a) => a.kind }),
      districtId: t.exposeID("districtId", { nullable: true }),
      status: t.field({ type: ClaimStatus, resolve: (a) => a.status }),
      since: t.string({
        nullable: true,
        description: "Since when (YYYY-MM-DD; 전입일 for a residence).",
        resolve: (a) => a.since?.toISOString().slice(0, 10) ?? null,
      }),
    }),
  });

async function sessionPayload(ctx: GraphQLContext, session: { sessionId: string; expiresAt: Date }) {
  const viewer = await ctx.domain.sessions.viewerForSession(session.sessionId);
  return { token: session.sessionId, expiresAt: session.expiresAt, viewer: viewer! };
}

builder.queryFields((t) => ({
  viewer: t.field({
    type: Viewer,
    nullable: true,
    authScopes: { public: true },
    description: "Null when not signed in.",
    resolve: (_r, _a, ctx) => ctx.viewer,
  }),
  myData: t.field({
    type: "JSON",
    authScopes: { loggedIn: true },
    description: "Everything Madang holds about the viewer (PIPA right of access).",
    resolve: (_r, _a, ctx) => callDomain(ctx, () => ctx.domain.accounts.exportMyData(ctx.viewer)),
  }),
}));

const SignUpInput = builder.inputType("SignUpInput", {
  fields: (t) => ({
    email: t.string({ required: true }),
    displayName: t.string({ required: true }),
    password: t.string({ required: true, description: "At least 12 characters." }),
    passwordConfirm: t.string({ required: true }),
    consentPrivacy: t.boolean({ required: true, description: "Agreement to the personal-data notice (required)." }),
    consentEmail: t.boolean({ required: false }),
    districtId: t.id({ required: false }),
  }),
});

builder.mutationFields((t) => ({
  signUp: t.field({
    type: AuthPayload,
    authScopes: { public: true },
    args: { input: t.arg({ type: SignUpInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      callDomain(ctx, async () =>
        sessionPayload(ctx, await ctx.domain.accounts.signUp({ ...input, districtId: input.districtId ?? undefined }, ctx.request)),
      ),
  }),
  logIn: t.field({
    type: AuthPayload,
    authScopes: { public: true },
    args: { email: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: (_r, args, ctx) => callDomain(ctx, async () => sessionPayload(ctx, await ctx.domain.accounts.logIn(args, ctx.request))),
  }),
  logOut: t.boolean({
    authScopes: { loggedIn: true },
    description: "Ends the session this request came with.",
    resolve: (_r, _a, ctx) => callDomain(ctx, async () => (await ctx.domain.accounts.logOut(ctx.viewer), true)),
  }),
  changePassword: t.boolean({
    authScopes: { loggedIn: true },
    description: "Other sessions of the account end.",
    args: {
      currentPassword: t.arg.string({ required: true }),
      newPassword: t.arg.string({ required: true }),
      newPasswordConfirm: t.arg.string({ required: true }),
    },
    resolve: (_r, args, ctx) => callDomain(ctx, async () => (await ctx.domain.accounts.changePassword(ctx.viewer, args), true)),
  }),
  requestPasswordReset: t.boolean({
    authScopes: { public: true },
    description: "Mails a reset link if the address has an account; answers the same either way.",
    args: { email: t.arg.string({ required: true }) },
    resolve: (_r, args, ctx) => callDomain(ctx, async () => (await ctx.domain.accounts.requestPasswordReset(args, ctx.request), true)),
  }),
  resetPassword: t.boolean({
    authScopes: { public: true },
    args: {
      token: t.arg.string({ required: true }),
      password: t.arg.string({ required: true }),
      passwordConfirm: t.arg.string({ required: true }),
    },
    resolve: (_r, args, ctx) => callDomain(ctx, async () => (await ctx.domain.accounts.resetPassword(args), true)),
  }),
  deleteMyAccount: t.boolean({
    authScopes: { loggedIn: true },
    description: "Deletes personal data; public contributions stay without a name.",
    args: { password: t.arg.string({ required: true }), confirm: t.arg.boolean({ required: true }) },
    resolve: (_r, args, ctx) => callDomain(ctx, async () => (await ctx.domain.accounts.deleteAccount(ctx.viewer, args), true)),
  }),
  startVerification: t.field({
    type: VerificationStart,
    authScopes: { loggedIn: true },
    description: "Starts identity verification (본인인증) with a provider; `input` is provider-specific.",
    args: { provider: t.arg.string({ required: false }), input: t.arg({ type: "JSON", required: true }) },
    resolve: (_r, args, ctx) => callDomain(ctx, () => ctx.domain.identity.start(ctx.viewer, args.provider ?? undefined, args.input)),
  }),
  completeVerification: t.field({
    type: Viewer,
    authScopes: { loggedIn: true },
    args: { attemptId: t.arg.string({ required: true }), input: t.arg({ type: "JSON", required: true }) },
    resolve: (_r, args, ctx) =>
      callDomain(ctx, async () => {
        await ctx.domain.identity.complete(ctx.viewer, args.attemptId, args.input);
        return (await ctx.domain.sessions.viewerForSession(ctx.viewer!.sessionId))!;
      }),
  }),
  declareAffiliation: t.field({
    type: Affiliation,
    authScopes: { loggedIn: true },
    description: "Declares work, study, business or residence in the city or a district (after verification).",
    args: {
      kind: t.arg({ type: AffiliationKind, required: true }),
      districtId: t.arg.id({ required: false }),
      note: t.arg.string({ required: false }),
      since: t.arg.string({
        required: false,
        description: "Since when, YYYY-MM-DD (전입일 for a residence); counts once a moderator confirmed it.",
      }),
    },
    resolve: (_r, args, ctx) =>
      callDomain(ctx, () =>
        ctx.domain.identity.declareAffiliation(ctx.viewer, {
          kind: args.kind,
          districtId: args.districtId ?? undefined,
          note: args.note ?? undefined,
          since: args.since ?? undefined,
        }),
      ),
  }),
}));
