// Proposal content after proposing: edits by the author until the first 공감, then only
// additions (updates), and attachments (images and PDF) kept behind the FileStorage port.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../db.ts";
import { AppError, notFound, validationError } from "../errors.ts";
import { parseId as parseIdArg } from "../ids.ts";
import type { EventBus } from "../events.ts";
import type { NotificationService } from "../notifications/notification.service.server.ts";
import type { FileStorage } from "../ports.ts";
import type { Clock, Viewer } from "../viewer.ts";
import { requireActor } from "../roles/participation.policy.ts";
import type { ProposalService } from "./proposal.service.server.ts";
import { assertChoicesExist, proposalFieldsData } from "./proposal-fields.server.ts";
import { EDITABLE_STATUSES, isEditable, takesUpdates } from "./proposal.policy.ts";
import { canSeeProposal } from "./proposal.visibility.ts";
import { ZAddUpdateInput, ZEditProposalInput, type TAddUpdateInput, type TEditProposalInput } from "./proposal.schema.ts";
import type { ProposalAttachment, ProposalDetail } from "./proposal.types.ts";

type Deps = {
  prisma: PrismaClient;
  clock: Clock;
  events: EventBus;
  notifications: NotificationService;
  storage: FileStorage;
  proposals: ProposalService;
};

export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
export const ATTACHMENTS_PER_PROPOSAL = 5;
export const ATTACHMENT_TYPES = ["image/png", "image/jpeg", "image/webp", "application/pdf"] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The file's type from its first bytes; the name and the browser's claim are never trusted. */
export function sniffType(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  if (startsWith(bytes, ascii("%PDF-"))) return "application/pdf";
  return null;
}

/** JPEG without APP1 (EXIF/XMP, where phones put the GPS position) and APP13 (IPTC) segments. */
function stripJpeg(bytes: Uint8Array): Uint8Array {
  const keep: Uint8Array[] = [bytes.subarray(0, 2)];
  let i = 2;
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) return bytes;
    const marker = bytes[i + 1]!;
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    // Start of scan or end of image: the rest is image data.
    if (marker === 0xda || marker === 0xd9) {
      keep.push(bytes.subarray(i));
      return concat(keep);
    }
    const length = (bytes[i + 2]! << 8) | bytes[i + 3]!;
    if (length < 2 || i + 2 + length > bytes.length) return bytes;
    if (marker !== 0xe1 && marker !== 0xed) keep.push(bytes.subarray(i, i + 2 + length));
    i += 2 + length;
  }
  return bytes;
}

/** PNG without eXIf and text chunks. */
function stripPng(bytes: Uint8Array): Uint8Array {
  const drop = new Set(["eXIf", "tEXt", "iTXt", "zTXt"]);
  const keep: Uint8Array[] = [bytes.subarray(0, 8)];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let i = 8;
  while (i + 12 <= bytes.length) {
    const length = view.getUint32(i);
    const end = i + 12 + length;
    if (end > bytes.length) return bytes;
    const type = String.fromCharCode(...bytes.subarray(i + 4, i + 8));
    if (!drop.has(type)) keep.push(bytes.subarray(i, end));
    i = end;
    if (type === "IEND") return concat(keep);
  }
  return bytes;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

/** Removes embedded metadata (location, camera, comments) from photos; other files pass unchanged. */
export function stripMetadata(bytes: Uint8Array, type: AttachmentType): Uint8Array {
  if (type === "image/jpeg") return stripJpeg(bytes);
  if (type === "image/png") return stripPng(bytes);
  return bytes;
}

const EXTENSION: Record<AttachmentType, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "application/pdf": "pdf",
};

/** A display name without paths or control characters, with the extension of the real type. */
function cleanFileName(raw: string, type: AttachmentType): string {
  const base = (raw.split(/[\\/]/).pop() ?? "")
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f"<>:|?*]/g, "")
    .trim()
    .replace(/\.[A-Za-z0-9]{1,5}$/, "")
    .slice(0, 100);
  return `${base || "file"}.${EXTENSION[type]}`;
}

export type NewFile = { fileName: string; bytes: Uint8Array };

/** A malformed id is a bad argument (VALIDATION), never coerced into another's. */
const parseId = (raw: unknown, path = "proposalId"): number => parseIdArg(raw, path);

export function createContentService({ prisma, clock, events, notifications, storage, proposals }: Deps) {
  /** The proposal, refused to anyone but its author. */
  async function ownProposal(viewer: NonNullable<Viewer>, id: number) {
    const proposal = await prisma.proposal.findUnique({
      where: { id },
      select: { id: true, authorId: true, status: true, _count: { select: { supports: true, attachments: true } } },
    });
    if (!proposal) throw notFound("errors.proposalNotFound");
    if (proposal.authorId !== viewer.id) {
      // Whoever may not read it does not learn that it exists.
      if (!canSeeProposal(viewer, proposal)) throw notFound("errors.proposalNotFound");
      throw new AppError("FORBIDDEN", "content.errors.notAuthor");
    }
    return proposal;
  }

  /** Checks files before anything is written; returns them with their sniffed type. */
  function checkFiles(files: NewFile[], existing = 0) {
    if (existing + files.length > ATTACHMENTS_PER_PROPOSAL) {
      throw new AppError("VALIDATION", "content.errors.tooManyFiles", {
        params: { max: ATTACHMENTS_PER_PROPOSAL },
        issues: [{ path: "files", key: "content.errors.tooManyFiles", params: { max: ATTACHMENTS_PER_PROPOSAL } }],
      });
    }
    return files.map((file) => {
      if (file.bytes.byteLength === 0 || file.bytes.byteLength > ATTACHMENT_MAX_BYTES) {
        const params = { name: file.fileName.slice(0, 100), max: "5 MB" };
        throw new AppError("VALIDATION", "content.errors.fileTooLarge", {
          params,
          issues: [{ path: "files", key: "content.errors.fileTooLarge", params }],
        });
      }
      const type = sniffType(file.bytes);
      if (!type) {
        const params = { name: file.fileName.slice(0, 100) };
        throw new AppError("VALIDATION", "content.errors.fileType", {
          params,
          issues: [{ path: "files", key: "content.errors.fileType", params }],
        });
      }
      return { bytes: stripMetadata(file.bytes, type), type, fileName: cleanFileName(file.fileName, type) };
    });
  }

  async function store(proposalId: number, files: ReturnType<typeof checkFiles>): Promise<ProposalAttachment[]> {
    const stored: ProposalAttachment[] = [];
    for (const file of files) {
      const storageKey = randomBytes(24).toString("base64url");
      await storage.put(storageKey, file.bytes, file.type);
      try {
        const row = await prisma.$transaction(async (tx) => {
          // Serializes concurrent uploads so the per-proposal limit holds.
          await tx.$queryRaw`SELECT id FROM "Proposal" WHERE id = ${proposalId} FOR UPDATE`;
          const count = await tx.attachment.count({ where: { proposalId } });
          if (count >= ATTACHMENTS_PER_PROPOSAL) {
            throw new AppError("VALIDATION", "content.errors.tooManyFiles", { params: { max: ATTACHMENTS_PER_PROPOSAL } });
          }
          return tx.attachment.create({
            data: {
              proposalId,
              storageKey,
              fileName: file.fileName,
              mimeType: file.type,
              size: file.bytes.byteLength,
              createdAt: clock.now(),
            },
            select: { id: true, fileName: true, mimeType: true, size: true, createdAt: true },
          });
        });
        stored.push(row);
      } catch (error) {
        await storage.delete(storageKey).catch(() => undefined);
        throw error;
      }
    }
    return stored;
  }

  /** Edits title, body, category, district, cost, tags and map point: author only, before the first 공감. */
  async function edit(viewer: Viewer, raw: TEditProposalInput): Promise<ProposalDetail> {
    const me = requireActor(viewer, "proposal.edit");
    const id = parseId(raw?.proposalId);
    await ownProposal(me, id);
    const parsed = ZEditProposalInput.safeParse(raw);
    if (!parsed.success) throw validationError(parsed.error);
    const input = parsed.data;
    await assertChoicesExist(prisma, input);

    await prisma.$transaction(async (tx) => {
      // A 공감 takes this row FOR SHARE: an edit and a first 공감 never interleave.
      await tx.$queryRaw`SELECT id FROM "Proposal" WHERE id = ${id} FOR UPDATE`;
      const current = await tx.proposal.findUniqueOrThrow({
        where: { id },
        select: { authorId: true, status: true, _count: { select: { supports: true } } },
      });
      if (!isEditable(current, current._count.supports, me)) throw new AppError("CONFLICT", "content.errors.editLocked");
      await tx.proposal.update({ where: { id }, data: proposalFieldsData(input) });
    });
    events.publish("proposal.progressed", { proposalId: id });
    return proposals.get(me, id);
  }

  /** An addition by the author (any time; the only change possible after the first 공감), with optional files. */
  async function addUpdate(viewer: Viewer, raw: TAddUpdateInput, files: NewFile[] = []): Promise<ProposalDetail> {
    const me = requireActor(viewer, "proposal.addUpdate");
    const id = parseId(raw?.proposalId);
    const proposal = await ownProposal(me, id);
    if (!takesUpdates(proposal)) throw new AppError("CONFLICT", "content.errors.updatesClosed");
    const parsed = ZAddUpdateInput.safeParse(raw);
    if (!parsed.success) throw validationError(parsed.error);
    const checked = checkFiles(files, proposal._count.attachments);
    await prisma.proposalUpdate.create({ data: { proposalId: id, authorId: me.id, body: parsed.data.body, createdAt: clock.now() } });
    if (checked.length) await store(id, checked);
    events.publish("proposal.progressed", { proposalId: id });
    await notifications.notifyFollowers(id, { kind: "proposal.updated", messageKey: "content.notice.updated" }, { except: me.id });
    return proposals.get(me, id);
  }

  /** Attaches files while edits are open (updates bring their own files after that). */
  async function attach(
    viewer: Viewer,
    raw: { proposalId: unknown; fileName: string; bytes: Uint8Array } | { proposalId: unknown; files: NewFile[] },
  ) {
    const me = requireActor(viewer, "proposal.attach");
    const id = parseId(raw.proposalId);
    const proposal = await ownProposal(me, id);
    if (!isEditable(proposal, proposal._count.supports, me)) throw new AppError("CONFLICT", "content.errors.editLocked");
    const files = "files" in raw ? raw.files : [{ fileName: raw.fileName, bytes: raw.bytes }];
    return store(id, checkFiles(files, proposal._count.attachments));
  }

  /** Removes an attachment while edits are open. */
  async function detach(viewer: Viewer, rawId: unknown) {
    const me = requireActor(viewer, "proposal.attach");
    const attachmentId = parseId(rawId, "attachmentId");
    const row = await prisma.attachment.findUnique({ where: { id: attachmentId }, select: { proposalId: true, storageKey: true } });
    if (!row) throw notFound();
    const proposal = await ownProposal(me, row.proposalId);
    if (!isEditable(proposal, proposal._count.supports, me)) throw new AppError("CONFLICT", "content.errors.editLocked");
    await prisma.attachment.delete({ where: { id: attachmentId } });
    await storage.delete(row.storageKey);
  }

  /** The bytes of an attachment, for whoever may read its proposal. */
  async function attachment(viewer: Viewer, rawId: unknown) {
    const row = await prisma.attachment.findUnique({
      where: { id: parseId(rawId, "attachmentId") },
      select: { fileName: true, mimeType: true, size: true, storageKey: true, proposal: { select: { authorId: true, status: true } } },
    });
    if (!row || !canSeeProposal(viewer, row.proposal)) throw notFound();
    const file = await storage.get(row.storageKey);
    if (!file) throw notFound();
    return { fileName: row.fileName, mimeType: row.mimeType, size: row.size, bytes: file.bytes };
  }

  return { edit, addUpdate, attach, detach, attachment, checkFiles, editableStatuses: EDITABLE_STATUSES };
}

export type ContentService = ReturnType<typeof createContentService>;
