import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDomain, type Domain } from "../../platform/compose.server.ts";
import { AppError } from "../errors.ts";
import { createMemoryStorage } from "../../platform/storage.server.ts";
import { createTestDatabase, type TestDatabase } from "../../../tests/setup/test-database.ts";
import { createReferenceData, createUser, proposalInput } from "../../../tests/factories.ts";
import { ATTACHMENT_MAX_BYTES, sniffType, stripMetadata } from "./content.service.server.ts";
import { ZCreateProposalInput } from "./proposal.schema.ts";

let db: TestDatabase;
let domain: Domain;
let ref: Awaited<ReturnType<typeof createReferenceData>>;
const storage = createMemoryStorage();
const now = new Date("2026-11-01T09:00:00+09:00");
const clock = { now: () => now };

beforeAll(async () => {
  db = await createTestDatabase();
  domain = createDomain({ prisma: db.prisma, clock, storage });
  ref = await createReferenceData(db.prisma, { threshold: 3 });
});
afterAll(async () => {
  await db?.drop();
});

async function expectAppError(promise: Promise<unknown>, code: string, key?: string) {
  const error = await promise.then(
    () => {
      throw new Error("expected an AppError");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (key) expect((error as AppError).messageKey).toBe(key);
  return error as AppError;
}

// The smallest valid PNG: a 1×1 transparent pixel.
export const PNG_1x1 = Uint8Array.from(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64"),
);
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

async function newProposal(overrides: Record<string, unknown> = {}) {
  const author = await createUser(db.prisma);
  const proposal = await domain.proposals.create(author, { ...proposalInput(ref.categories.transport.id), ...overrides });
  return { author, proposal };
}

function editInput(proposalId: number, overrides: Record<string, unknown> = {}) {
  return { proposalId, ...proposalInput(ref.categories.transport.id), ...overrides };
}

describe("tags and map point", () => {
  it("accepts comma-separated tags, trimmed and de-duplicated, and a point in Korea", async () => {
    const { proposal } = await newProposal({ tags: " 산책로, 조명 ,산책로,, #안전 ", latitude: "35.9676", longitude: "126.7366" });
    expect(proposal.tags).toEqual(["산책로", "조명", "안전"]);
    expect(proposal.latitude).toBeCloseTo(35.9676);
    expect(proposal.longitude).toBeCloseTo(126.7366);
  });

  it("accepts tags as an array and no point at all", () => {
    const parsed = ZCreateProposalInput.parse({ ...proposalInput(1), tags: ["a", " b ", "a"] });
    expect(parsed.tags).toEqual(["a", "b"]);
    expect(parsed.latitude).toBeUndefined();
  });

  it("refuses more than 5 tags, a tag over 20 characters, a point outside Korea and half a point", async () => {
    const author = await createUser(db.prisma);
    const base = proposalInput(ref.categories.transport.id);
    const issuesOf = async (input: Record<string, unknown>) =>
      (await expectAppError(domain.proposals.create(author, { ...base, ...input }), "VALIDATION")).issues;
    expect(await issuesOf({ tags: "1,2,3,4,5,6" })).toEqual([{ path: "tags", key: "validation.tooManyTags" }]);
    expect(await issuesOf({ tags: ["가".repeat(21)] })).toEqual([{ path: "tags.0", key: "validation.tagTooLong" }]);
    expect(await issuesOf({ latitude: 48.85, longitude: 2.35 })).toEqual([
      { path: "latitude", key: "validation.outsideKorea" },
      { path: "longitude", key: "validation.outsideKorea" },
    ]);
    expect(await issuesOf({ latitude: "35.9" })).toEqual([{ path: "longitude", key: "validation.pointIncomplete" }]);
    expect(await issuesOf({ latitude: "abc", longitude: "126.7" })).toEqual([{ path: "latitude", key: "validation.notANumber" }]);
  });
});

describe("editing", () => {
  it("lets the author edit until the first 공감, keeping search in sync", async () => {
    const { author, proposal } = await newProposal();
    expect(proposal.editable).toBe(true);
    const edited = await domain.content.edit(
      author,
      editInput(proposal.id, { title: "월명공원 산책로 조명 확충", tags: "조명", latitude: 35.98, longitude: 126.71 }),
    );
    expect(edited.title).toBe("월명공원 산책로 조명 확충");
    expect(edited.tags).toEqual(["조명"]);
    const found = await domain.proposals.list(null, { q: "월명공원" });
    expect(found.items.map((p) => p.id)).toContain(proposal.id);

    const supporter = await createUser(db.prisma);
    await domain.proposals.support(supporter, proposal.id);
    expect((await domain.proposals.get(author, proposal.id)).editable).toBe(false);
    await expectAppError(
      domain.content.edit(author, editInput(proposal.id, { title: "다시 고친 제목입니다" })),
      "CONFLICT",
      "content.errors.editLocked",
    );
    await expectAppError(
      domain.content.attach(author, { proposalId: proposal.id, fileName: "a.png", bytes: PNG_1x1 }),
      "CONFLICT",
      "content.errors.editLocked",
    );
  });

  it("refuses anyone but the author, and asks strangers to log in", async () => {
    const { proposal } = await newProposal();
    const other = await createUser(db.prisma);
    await expectAppError(domain.content.edit(other, editInput(proposal.id)), "FORBIDDEN", "content.errors.notAuthor");
    await expectAppError(domain.content.addUpdate(other, { proposalId: proposal.id, body: "제가 덧붙이고 싶은 내용입니다." }), "FORBIDDEN");
    await expectAppError(domain.content.attach(other, { proposalId: proposal.id, fileName: "a.png", bytes: PNG_1x1 }), "FORBIDDEN");
    await expectAppError(domain.content.edit(null, editInput(proposal.id)), "UNAUTHENTICATED");
    expect((await domain.proposals.get(other, proposal.id)).editable).toBe(false);
  });

  it("validates edits like new proposals", async () => {
    const { author, proposal } = await newProposal();
    const error = await expectAppError(
      domain.content.edit(author, editInput(proposal.id, { title: "짧음", tags: "1,2,3,4,5,6" })),
      "VALIDATION",
    );
    expect(error.issues.map((i) => i.path).sort()).toEqual(["tags", "title"]);
  });
});

describe("updates", () => {
  it("are added by the author after 공감, rendered safely, and reach followers", async () => {
    const { author, proposal } = await newProposal();
    const supporter = await createUser(db.prisma);
    await domain.proposals.support(supporter, proposal.id);
    const progressed: number[] = [];
    const off = domain.events.subscribe("proposal.progressed", (e) => progressed.push(e.proposalId));
    const detail = await domain.content.addUpdate(author, {
      proposalId: proposal.id,
      body: "**현장 사진**을 추가합니다 <script>alert(1)</script>",
    });
    off();
    expect(detail.updates).toHaveLength(1);
    expect(detail.updates[0]!.bodyHtml).toContain("<strong>현장 사진</strong>");
    expect(detail.updates[0]!.bodyHtml).not.toContain("<script");
    expect(progressed).toEqual([proposal.id]);
    const notices = await db.prisma.notification.findMany({ where: { proposalId: proposal.id, kind: "proposal.updated" } });
    expect(notices.map((n) => n.userId)).toEqual([supporter.id]);
    expect(notices[0]!.messageKey).toBe("content.notice.updated");
  });

  it("must be 10 to 2000 characters", async () => {
    const { author, proposal } = await newProposal();
    await expectAppError(domain.content.addUpdate(author, { proposalId: proposal.id, body: "짧아요" }), "VALIDATION");
    await expectAppError(domain.content.addUpdate(author, { proposalId: proposal.id, body: "가".repeat(2001) }), "VALIDATION");
  });
});

describe("attachments", () => {
  it("tells the type from the bytes, never from the name", () => {
    expect(sniffType(PNG_1x1)).toBe("image/png");
    expect(sniffType(PDF)).toBe("application/pdf");
    expect(sniffType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe("image/jpeg");
    expect(sniffType(new TextEncoder().encode("RIFF\x24\x00\x00\x00WEBPVP8 "))).toBe("image/webp");
    expect(sniffType(new TextEncoder().encode("<html><script>alert(1)</script></html>"))).toBeNull();
  });

  it("removes EXIF (GPS) from JPEG and PNG photos, keeping the image", () => {
    const seg = (marker: number, payload: string) => {
      const data = new TextEncoder().encode(payload);
      return [0xff, marker, (data.length + 2) >> 8, (data.length + 2) & 0xff, ...data];
    };
    const jpeg = Uint8Array.from([
      0xff,
      0xd8,
      ...seg(0xe0, "JFIF\0"),
      ...seg(0xe1, "Exif\0\0GPS 35.96 126.73"),
      ...seg(0xdb, "quant"),
      0xff,
      0xda,
      1,
      2,
      3,
      0xff,
      0xd9,
    ]);
    const stripped = stripMetadata(jpeg, "image/jpeg");
    expect(Buffer.from(stripped).includes("GPS")).toBe(false);
    expect(Buffer.from(stripped).includes("JFIF")).toBe(true);
    expect(Buffer.from(stripped).includes("quant")).toBe(true);
    expect([...stripped.subarray(-7)]).toEqual([0xff, 0xda, 1, 2, 3, 0xff, 0xd9]);

    const chunk = (type: string, payload: string) => {
      const data = Buffer.from(payload);
      const length = Buffer.alloc(4);
      length.writeUInt32BE(data.length);
      return Buffer.concat([length, Buffer.from(type), data, Buffer.alloc(4)]);
    };
    const iend = Buffer.from(PNG_1x1).subarray(-12);
    const png = Buffer.concat([Buffer.from(PNG_1x1).subarray(0, -12), chunk("eXIf", "GPS 35.96"), chunk("tEXt", "Comment\0home"), iend]);
    const cleanPng = Buffer.from(stripMetadata(png, "image/png"));
    expect(cleanPng.equals(Buffer.from(PNG_1x1))).toBe(true);
    expect(stripMetadata(PDF, "application/pdf")).toBe(PDF);
  });

  it("stores images and PDFs, serves them back, and names them after their real type", async () => {
    const { author, proposal } = await newProposal();
    const [png] = await domain.content.attach(author, { proposalId: proposal.id, fileName: "../../현장.jpeg", bytes: PNG_1x1 });
    expect(png).toMatchObject({ fileName: "현장.png", mimeType: "image/png", size: PNG_1x1.byteLength });
    await domain.content.attach(author, { proposalId: proposal.id, fileName: "계획서.pdf", bytes: PDF });
    const detail = await domain.proposals.get(null, proposal.id);
    expect(detail.attachments.map((a) => a.mimeType)).toEqual(["image/png", "application/pdf"]);
    const file = await domain.content.attachment(null, png!.id);
    expect(Buffer.from(file.bytes).equals(Buffer.from(PNG_1x1))).toBe(true);
    expect(file.mimeType).toBe("image/png");
  });

  it("refuses a .png that is really HTML, SVG or a program", async () => {
    const { author, proposal } = await newProposal();
    const fakes = [
      "<!doctype html><html><body><script>alert(document.cookie)</script></body></html>",
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>',
      "MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff",
    ];
    for (const text of fakes) {
      await expectAppError(
        domain.content.attach(author, { proposalId: proposal.id, fileName: "photo.png", bytes: new TextEncoder().encode(text) }),
        "VALIDATION",
        "content.errors.fileType",
      );
    }
    expect((await domain.proposals.get(author, proposal.id)).attachments).toHaveLength(0);
  });

  it("refuses files over 5 MB and a 6th file", async () => {
    const { author, proposal } = await newProposal();
    const big = new Uint8Array(ATTACHMENT_MAX_BYTES + 1);
    big.set(PNG_1x1);
    await expectAppError(
      domain.content.attach(author, { proposalId: proposal.id, fileName: "big.png", bytes: big }),
      "VALIDATION",
      "content.errors.fileTooLarge",
    );
    for (let i = 0; i < 5; i++) await domain.content.attach(author, { proposalId: proposal.id, fileName: `${i}.png`, bytes: PNG_1x1 });
    const before = storage.size();
    await expectAppError(
      domain.content.attach(author, { proposalId: proposal.id, fileName: "6.png", bytes: PNG_1x1 }),
      "VALIDATION",
      "content.errors.tooManyFiles",
    );
    expect(storage.size()).toBe(before);
    expect((await domain.proposals.get(author, proposal.id)).attachments).toHaveLength(5);
  });

  it("keeps attachments of a proposal in screening from others", async () => {
    await db.prisma.citySetting.update({ where: { id: 1 }, data: { screeningRequired: true } });
    try {
      const { author, proposal } = await newProposal();
      expect(proposal.status).toBe("SCREENING");
      const [file] = await domain.content.attach(author, { proposalId: proposal.id, fileName: "a.png", bytes: PNG_1x1 });
      await expectAppError(domain.content.attachment(null, file!.id), "NOT_FOUND");
      await expectAppError(domain.content.attachment(await createUser(db.prisma), file!.id), "NOT_FOUND");
      expect((await domain.content.attachment(author, file!.id)).size).toBe(PNG_1x1.byteLength);
    } finally {
      await db.prisma.citySetting.update({ where: { id: 1 }, data: { screeningRequired: false } });
    }
  });

  it("shows a draft's attachments to its author alone, as the draft itself (moderators included)", async () => {
    const author = await createUser(db.prisma);
    const moderator = await createUser(db.prisma, { roles: ["MODERATOR"] });
    const draft = await domain.proposals.create(author, proposalInput(ref.categories.transport.id), { draft: true });
    const [file] = await domain.content.attach(author, { proposalId: draft.id, fileName: "a.png", bytes: PNG_1x1 });
    for (const viewer of [null, await createUser(db.prisma), moderator]) {
      await expectAppError(domain.proposals.get(viewer, draft.id), "NOT_FOUND");
      await expectAppError(domain.content.attachment(viewer, file!.id), "NOT_FOUND");
    }
    // Others do not learn the draft exists when they try to change it either.
    await expectAppError(domain.content.attach(moderator, { proposalId: draft.id, fileName: "b.png", bytes: PNG_1x1 }), "NOT_FOUND");
    expect((await domain.content.attachment(author, file!.id)).size).toBe(PNG_1x1.byteLength);
  });

  it("shows a screened proposal's attachments to moderators, as the proposal itself", async () => {
    await db.prisma.citySetting.update({ where: { id: 1 }, data: { screeningRequired: true } });
    try {
      const { author, proposal } = await newProposal();
      const moderator = await createUser(db.prisma, { roles: ["MODERATOR"] });
      const [file] = await domain.content.attach(author, { proposalId: proposal.id, fileName: "a.png", bytes: PNG_1x1 });
      expect((await domain.proposals.get(moderator, proposal.id)).attachments.map((a) => a.id)).toEqual([file!.id]);
      expect((await domain.content.attachment(moderator, file!.id)).size).toBe(PNG_1x1.byteLength);
    } finally {
      await db.prisma.citySetting.update({ where: { id: 1 }, data: { screeningRequired: false } });
    }
  });
});

describe("request size limit", () => {
  it("is raised only for multipart posts to the proposal forms", async () => {
    const { bodyLimitFor, MAX_BODY_BYTES, MAX_UPLOAD_BODY_BYTES } = await import("../../platform/http-guards.server.ts");
    const multipart = "multipart/form-data; boundary=x";
    expect(bodyLimitFor("/proposals/new", multipart)).toBe(MAX_UPLOAD_BODY_BYTES);
    expect(bodyLimitFor("/proposals/12/edit", multipart)).toBe(MAX_UPLOAD_BODY_BYTES);
    expect(bodyLimitFor("/proposals/12/updates", multipart)).toBe(MAX_UPLOAD_BODY_BYTES);
    expect(bodyLimitFor("/proposals/new", "application/x-www-form-urlencoded")).toBe(MAX_BODY_BYTES);
    expect(bodyLimitFor("/graphql", multipart)).toBe(MAX_BODY_BYTES);
    expect(bodyLimitFor("/proposals/12", multipart)).toBe(MAX_BODY_BYTES);
  });
});
