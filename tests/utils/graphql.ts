import type { MadangYoga } from "../../graphql/yoga.ts";

export type GqlResult<T = any> = { data?: T; errors?: { message: string; extensions?: Record<string, any> }[] };

export async function gql<T = any>(
  yoga: MadangYoga,
  query: string,
  variables: Record<string, unknown> = {},
  { cookie, lang = "ko" }: { cookie?: string; lang?: string } = {},
): Promise<GqlResult<T>> {
  const response = await yoga.fetch("http://madang.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", "accept-language": lang, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return response.json() as Promise<GqlResult<T>>;
}
