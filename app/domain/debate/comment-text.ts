// Rules about what a comment says, pure: whom it @mentions, and whether it contains a word
// the city holds for review.

/** @mentions: "@" then a name without spaces, up to 30 characters. */
export function mentionedNames(body: string): string[] {
  const names = [...body.matchAll(/(?:^|[^\p{L}\p{N}_.@])@([\p{L}\p{N}_.-]{1,30})/gu)].map((m) => m[1]!.replace(/[.-]+$/, ""));
  // Korean attaches honorifics to names ("@박준호님"): the name without them counts too.
  return [...new Set(names.flatMap((n) => [n, n.replace(/(님|씨)$/u, "")]).filter(Boolean))];
}

/** Words the city holds for review, case-insensitively, as substrings (Korean has no spaces to rely on). */
export function containsBannedWord(text: string, words: string[]): boolean {
  const normalized = text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
  return words.some((w) => w && normalized.includes(w.normalize("NFKC").toLowerCase().replace(/\s+/g, "")));
}
