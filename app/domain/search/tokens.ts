// Korean-friendly search without a database extension: every word of a proposal is indexed
// as its character bigrams (a GIN index on Proposal.searchTokens), so two-letter words
// ("조명", "버스") and parts of words ("호수공" in "은파호수공원") are found the same way on
// PGlite and PostgreSQL. A query matches when the text holds all of its bigrams and every
// query word appears as typed.
import type { Prisma } from "../db.ts";

const MAX_TOKENS = 4000;

/** Words: runs of letters and digits after Unicode normalisation, lower-cased. */
export function words(text: string): string[] {
  return (
    text
      .normalize("NFKC")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

function bigrams(word: string): string[] {
  const chars = [...word];
  if (chars.length < 2) return [];
  return chars.slice(0, -1).map((c, i) => c + chars[i + 1]);
}

/** The distinct bigrams of a text, for Proposal.searchTokens. */
export function searchTokens(...texts: string[]): string[] {
  const tokens = new Set<string>();
  for (const text of texts) for (const word of words(text)) for (const b of bigrams(word)) tokens.add(b);
  return [...tokens].slice(0, MAX_TOKENS);
}

/** The where-clause for a search query; undefined when the query has no words. */
export function searchWhere(query: string | undefined): Prisma.ProposalWhereInput | undefined {
  if (!query) return undefined;
  const queryWords = [...new Set(words(query))].slice(0, 8);
  if (queryWords.length === 0) return undefined;
  const needed = [...new Set(queryWords.flatMap(bigrams))];
  return {
    ...(needed.length ? { searchTokens: { hasEvery: needed } } : {}),
    AND: queryWords.map((w) => ({
      OR: [{ title: { contains: w, mode: "insensitive" as const } }, { body: { contains: w, mode: "insensitive" as const } }],
    })),
  };
}
