import { describe, expect, it } from "vitest";
import { deliberationQuality, givesReasons, type QualityComment } from "./quality.ts";

const districts = [
  { id: 1, name: "나운1동", nameEn: "Naun 1-dong" },
  { id: 2, name: "옥구읍", nameEn: "Okgu-eup" },
  { id: 3, name: "회현면", nameEn: "Hoehyeon-myeon" },
  { id: 4, name: "소룡동", nameEn: "Soryong-dong" },
];
let n = 0;
const c = (
  authorId: number,
  stance: QualityComment["stance"],
  body: string,
  districtId: number | null,
  parentId: number | null = null,
): QualityComment => ({ id: ++n, parentId, authorId, stance, body, districtId });

describe("deliberation quality", () => {
  it("recognises comments that give a reason or a source, in Korean and English", () => {
    expect(givesReasons("통학로가 좁아 아이들이 위험하기 때문에 찬성합니다.")).toBe(true);
    expect(givesReasons("예산이 부족하므로 반대합니다.")).toBe(true);
    expect(givesReasons("참고: https://www.gunsan.go.kr/stat")).toBe(true);
    expect(givesReasons("I support this because buses are full.")).toBe(true);
    expect(givesReasons("비 온 다음 날은 더 안 보여서 위험해요.")).toBe(true);
    expect(givesReasons("철새가 많이 오니까 밝기는 전문가 의견을 들어 주세요.")).toBe(true);
    expect(givesReasons("다른 도시에서도 관리 문제로 말이 많았습니다.")).toBe(true);
    expect(givesReasons("좋아요!")).toBe(false);
    expect(givesReasons("꼭 필요합니다.")).toBe(false);
    expect(givesReasons("군산에서 만나요.")).toBe(false); // 에서 is a place, not a reason
    expect(givesReasons("반대")).toBe(false);
  });

  it("measures balance, reasons, answers to the other side and the spread across districts", () => {
    const root = c(1, "PRO", "주차난이 심각하기 때문에 꼭 필요합니다.", 1);
    const comments = [
      root,
      c(2, "CON", "예산이 너무 큽니다. 근거 자료를 보면 이용률이 낮습니다.", 2, root.id), // answers the other side, with a reason
      c(3, "PRO", "찬성!", 1, root.id), // same side
      c(1, "PRO", "동의합니다", 1),
      c(4, "NEUTRAL", "운영 시간이 궁금합니다", null),
    ];
    const q = deliberationQuality(comments, districts);
    expect(q.commentCount).toBe(5);
    expect(q.participantCount).toBe(4);
    expect(q.stance).toEqual({ pro: 3, con: 1, neutral: 1 });
    expect(q.proConBalance).toBe(0.333);
    expect(q.reasonedShare).toBe(0.4);
    expect(q.crossStanceReplyShare).toBe(0.5);
    expect(q.districts).toMatchObject({ total: 4, reached: 2, reachedShare: 0.5, unknownParticipants: 1 });
    expect(q.districts.perDistrict.map((d) => [d.district.id, d.participants, d.comments])).toEqual([
      [1, 2, 3],
      [2, 1, 1],
      [3, 0, 0],
      [4, 0, 0],
    ]);
    // two of three located participants in one district, one in another, over four districts
    const h = -(2 / 3) * Math.log(2 / 3) - (1 / 3) * Math.log(1 / 3);
    expect(q.districts.evenness).toBeCloseTo(h / Math.log(4), 3);
  });

  it("is null where a measure has nothing to measure", () => {
    const q = deliberationQuality([], districts);
    expect(q).toMatchObject({
      commentCount: 0,
      proConBalance: null,
      reasonedShare: null,
      crossStanceReplyShare: null,
      districts: { reached: 0, evenness: null },
    });
    const everyoneEqual = deliberationQuality(
      districts.map((d) => c(d.id, "PRO", "좋아요", d.id)),
      districts,
    );
    expect(everyoneEqual.districts.evenness).toBe(1);
    expect(everyoneEqual.proConBalance).toBe(0);
  });
});
