import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { isLanguage } from "../i18n/i18n.ts";
import { safeRedirect } from "../lib/redirect.ts";

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const lng = form.get("lng");
  const target = safeRedirect(form.get("redirectTo"));
  if (!isLanguage(lng)) return redirect(target);
  return redirect(target, {
    headers: { "Set-Cookie": `lng=${lng}; Path=/; Max-Age=31536000; SameSite=Lax` },
  });
}

export const loader = () => redirect("/");
