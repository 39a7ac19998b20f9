import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await context.auth.viewerFromRequest(request);
  await context.domain.accounts.logOut(viewer);
  return redirect("/", { headers: { "Set-Cookie": await context.auth.clear() } });
}

// Logging out changes state, so it is POST only; a GET just goes home.
export const loader = () => redirect("/");
