import { z } from "zod";
import { zOptionalId } from "../ids.ts";
import { zText } from "../text.ts";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
export const NAME_MIN = 2;
export const NAME_MAX = 20;

const email = zText({ required_error: "validation.required" }).trim().toLowerCase().min(1).max(254).email("validation.email");

const password = z.string({ required_error: "validation.required" }).min(PASSWORD_MIN, "validation.passwordTooShort").max(PASSWORD_MAX);

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

export const ZSignUpInput = z
  .object({
    email,
    displayName: zText({ required_error: "validation.required" }).trim().min(NAME_MIN).max(NAME_MAX),
    password,
    passwordConfirm: z.string({ required_error: "validation.required" }),
    consentPrivacy: checkbox,
    consentEmail: checkbox.optional().default(false),
    districtId: zOptionalId,
  })
  .superRefine((v, ctx) => {
    if (v.password !== v.passwordConfirm)
      ctx.addIssue({ code: "custom", path: ["passwordConfirm"], message: "validation.passwordMismatch" });
    if (v.password.toLowerCase().includes(v.email.split("@")[0]!.toLowerCase()) && v.email.split("@")[0]!.length >= 4) {
      ctx.addIssue({ code: "custom", path: ["password"], message: "validation.passwordContainsEmail" });
    }
    if (!v.consentPrivacy) ctx.addIssue({ code: "custom", path: ["consentPrivacy"], message: "validation.consentRequired" });
  });
export type TSignUpInput = z.input<typeof ZSignUpInput>;

export const ZLogInInput = z.object({ email: zText().trim().toLowerCase().max(254), password: z.string().max(PASSWORD_MAX) });

export const ZChangePasswordInput = z
  .object({ currentPassword: z.string().max(PASSWORD_MAX), newPassword: password, newPasswordConfirm: z.string() })
  .refine((v) => v.newPassword === v.newPasswordConfirm, { path: ["newPasswordConfirm"], message: "validation.passwordMismatch" });

export const ZRequestResetInput = z.object({ email });
export const ZResetPasswordInput = z
  .object({ token: z.string().min(20).max(200), password, passwordConfirm: z.string() })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], message: "validation.passwordMismatch" });

export const ZDeleteAccountInput = z.object({ password: z.string().max(PASSWORD_MAX), confirm: checkbox });
