// Reads proposal forms that may carry files (multipart) or not (urlencoded).
import { unstable_createMemoryUploadHandler, unstable_parseMultipartFormData, MaxPartSizeExceededError } from "@remix-run/node";
import { AppError } from "../../../domain/errors.ts";
import { ATTACHMENT_MAX_BYTES, type NewFile } from "../../../domain/proposals/content.service.server.ts";

export async function readProposalForm(request: Request): Promise<{ form: FormData; files: NewFile[] }> {
  const multipart = (request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
  let form: FormData;
  try {
    form = multipart
      ? await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: ATTACHMENT_MAX_BYTES }))
      : await request.formData();
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError || (error instanceof Error && error.name === "MaxPartSizeExceededError")) {
      const params = { name: "", max: "5 MB" };
      throw new AppError("VALIDATION", "content.errors.fileTooLarge", {
        params,
        issues: [{ path: "files", key: "content.errors.fileTooLarge", params }],
      });
    }
    throw error;
  }
  const files: NewFile[] = [];
  for (const value of form.getAll("files")) {
    if (typeof value === "string" || value.size === 0 || !value.name) continue;
    files.push({ fileName: value.name, bytes: new Uint8Array(await value.arrayBuffer()) });
  }
  return { form, files };
}

/** The text fields every proposal form shares. */
export function proposalValues(form: FormData) {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  return {
    title: text("title"),
    body: text("body"),
    categoryId: text("categoryId"),
    districtId: text("districtId"),
    estimatedCostKrw: text("estimatedCostKrw"),
    tags: text("tags"),
    latitude: text("latitude"),
    longitude: text("longitude"),
  };
}
