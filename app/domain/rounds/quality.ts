// Deliberation quality, measured from the debate itself (docs/deliberation-quality.md):
// is the debate two-sided, do people give reasons, do they answer the other side, and does
// the whole city take part or only a few districts?

export type QualityComment = {
  id: number;
  parentId: number | null;
  authorId: number;
  stance: "PRO" | "CON" | "NEUTRAL";
  body: string;
  /** The author's home district (null = not given). */
  districtId: number | null;
};

export type DistrictRef = { id: number; name: string; nameEn: string };

/** Words and shapes that mark an argument with a reason, in Korean and English. */
const REASON_MARKERS = [
  // a why: causal connectives and words that name a ground
  "왜냐하면",
  "때문",
  "이유",
  "근거",
  "따라서",
  "그래서",
  "그러므로",
  "므로",
  "니까",
  "거든",
  "기에 ",
  "덕분",
  "탓에",
  "결과적으로",
  // an example or a source
  "예를 들어",
  "예를 들면",
  "예컨대",
  "통계",
  "조사",
  "자료",
  "사례",
  "경우",
  "기사",
  "다른 도시",
  "다른 지자체",
  "because",
  "since",
  "therefore",
  "so that",
  "for example",
  "for instance",
  "evidence",
  "reason",
  "data",
  "study",
];

/** The causal verb ending -아서/-어서 (보여서, 많아서, 해서, 추워서), not the place particle 에서. */
const CAUSAL_ENDING = /[아어여해라워와져줘봐돼]서(?=[\s,.!?]|$)/u;

/** A comment "gives reasons" when it states a why (a reason marker) or points to a source (a link). */
export function givesReasons(body: string): boolean {
  const text = body.toLowerCase();
  return REASON_MARKERS.some((m) => text.includes(m)) || CAUSAL_ENDING.test(text) || /https?:\/\/\S+/.test(text);
}

const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

export function deliberationQuality(comments: QualityComment[], districts: DistrictRef[]) {
  const pro = comments.filter((c) => c.stance === "PRO").length;
  const con = comments.filter((c) => c.stance === "CON").length;
  const neutral = comments.length - pro - con;
  const byId = new Map(comments.map((c) => [c.id, c]));

  // Replies that answer the other side: a 찬성 reply to a 반대 comment, or the reverse.
  const replies = comments.filter((c) => c.parentId !== null && byId.has(c.parentId));
  const crossing = replies.filter((r) => {
    const parent = byId.get(r.parentId!)!;
    return r.stance !== "NEUTRAL" && parent.stance !== "NEUTRAL" && r.stance !== parent.stance;
  });

  const participants = new Map<number, number | null>();
  for (const c of comments) participants.set(c.authorId, c.districtId);
  const perDistrict = districts.map((d) => ({
    district: d,
    participants: [...participants.values()].filter((id) => id === d.id).length,
    comments: comments.filter((c) => c.districtId === d.id).length,
  }));
  const located = perDistrict.reduce((sum, d) => sum + d.participants, 0);
  const reached = perDistrict.filter((d) => d.participants > 0).length;
  // Evenness: Shannon entropy of participants over the city's districts, normalised to 0–1
  // (1 = every district equally present, 0 = everyone from one district).
  const entropy = perDistrict.reduce(
    (h, d) => (d.participants === 0 ? h : h - (d.participants / located) * Math.log(d.participants / located)),
    0,
  );
  const evenness = located === 0 || districts.length < 2 ? null : Math.round((entropy / Math.log(districts.length)) * 1000) / 1000;

  return {
    commentCount: comments.length,
    participantCount: participants.size,
    stance: { pro, con, neutral },
    /** min(찬성, 반대) / max(찬성, 반대): 1 = as many for as against, 0 = one-sided; null without stances. */
    proConBalance: pro + con === 0 ? null : Math.round((Math.min(pro, con) / Math.max(pro, con)) * 1000) / 1000,
    /** Share of comments that give a reason or a source. */
    reasonedShare: share(comments.filter((c) => givesReasons(c.body)).length, comments.length),
    /** Share of replies that answer someone of the opposite stance. */
    crossStanceReplyShare: share(crossing.length, replies.length),
    districts: {
      total: districts.length,
      reached,
      /** Share of the city's districts with at least one participant. */
      reachedShare: share(reached, districts.length),
      evenness,
      unknownParticipants: participants.size - located,
      perDistrict,
    },
  };
}

export type DeliberationQuality = ReturnType<typeof deliberationQuality>;
