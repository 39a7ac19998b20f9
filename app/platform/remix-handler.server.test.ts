// Web form posts are decoded strictly at the edge: a field with invalid UTF-8 is refused
// with a localized VALIDATION error before any action runs, instead of reaching the action
// as U+FFFD. Valid posts (url-encoded, multipart with binary files, JSON) pass unchanged.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import type { ActionFunctionArgs, ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translate } from "../i18n/i18n.ts";
import { createStrictRemixHandler } from "./remix-handler.server.ts";
import { isWellFormedBody } from "./strict-body.server.ts";

/** What the echo action saw; an action that ran on a refused body would show up here. */
const seen: Record<string, string>[] = [];

async function echo({ request }: ActionFunctionArgs) {
  const type = request.headers.get("content-type") ?? "";
  const fields: Record<string, string> = {};
  if (type.startsWith("application/json")) Object.assign(fields, (await request.json()) as Record<string, string>);
  else for (const [k, v] of await request.formData()) fields[k] = typeof v === "string" ? v : `file:${v.size}`;
  seen.push(fields);
  return Response.json({ fields });
}

// The smallest Remix build: a root and one resource route with an action.
const build = {
  mode: "production",
  entry: { module: { default: () => new Response("document") } },
  routes: {
    root: { id: "root", path: "", module: { default: () => null } },
    "routes/echo": { id: "routes/echo", parentId: "root", path: "echo", module: { action: echo } },
  },
  assets: { entry: { imports: [], module: "" }, routes: {}, url: "", version: "test" },
  publicPath: "/build/",
  assetsBuildDirectory: "public/build",
  future: {},
  isSpaMode: false,
} as unknown as ServerBuild;

let server: Server;
let url: string;

beforeAll(async () => {
  const app = express();
  app.all("*", createStrictRemixHandler({ build, mode: "production" }));
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/echo`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const post = (body: Uint8Array<ArrayBuffer> | string, contentType: string, lng = "ko") =>
  fetch(url, { method: "POST", headers: { "content-type": contentType, "accept-language": lng }, body });

function multipart(parts: { name: string; filename?: string; bytes: Uint8Array }[]) {
  const boundary = "----madangBoundary7MA4YWxkTrZu0gW";
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ""}`;
    const type = part.filename ? "\r\nContent-Type: application/octet-stream" : "";
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`),
      Buffer.from(part.bytes),
      Buffer.from("\r\n"),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: new Uint8Array(Buffer.concat(chunks)), type: `multipart/form-data; boundary=${boundary}` };
}

describe("the Remix edge reads bodies strictly", () => {
  it("refuses a url-encoded field whose percent-escapes are not UTF-8, in the caller's language", async () => {
    const before = seen.length;
    for (const body of ["title=%FF%FE", "title=%ED%A0%80", "ti%C3tle=ok", "title=%E2%82", "email=a%00b%40example.com"]) {
      const response = await post(body, "application/x-www-form-urlencoded");
      expect(response.status, body).toBe(400);
      expect(await response.json()).toEqual({ error: { code: "VALIDATION", message: translate("ko", "errors.invalidText") } });
    }
    const english = await post("title=%C0%AF", "application/x-www-form-urlencoded", "en");
    expect((await english.json()).error.message).toBe(translate("en", "errors.invalidText"));
    // Raw invalid bytes in the body are refused too.
    expect((await post(new Uint8Array([0x74, 0x3d, 0xff]), "application/x-www-form-urlencoded")).status).toBe(400);
    expect(seen.length).toBe(before); // no action ran
  });

  it("passes valid forms through unchanged, Korean and stray percent signs included", async () => {
    const response = await post(
      `title=${encodeURIComponent("월명동 공영주차장 😀")}&note=100%&plus=a+b`,
      "application/x-www-form-urlencoded",
    );
    expect(response.status).toBe(200);
    expect((await response.json()).fields).toEqual({ title: "월명동 공영주차장 😀", note: "100%", plus: "a b" });
  });

  it("checks the text fields of a multipart form but not its files", async () => {
    const binary = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00, 0xc3]);
    const ok = multipart([
      { name: "title", bytes: Buffer.from("사진을 붙인 제안") },
      { name: "file", filename: "a.png", bytes: binary },
    ]);
    const accepted = await post(ok.body, ok.type);
    expect(accepted.status).toBe(200);
    expect((await accepted.json()).fields).toEqual({ title: "사진을 붙인 제안", file: `file:${binary.length}` });

    const bad = multipart([
      { name: "title", bytes: new Uint8Array([0xea, 0xb0, 0x80, 0xff]) },
      { name: "file", filename: "a.png", bytes: binary },
    ]);
    const before = seen.length;
    const refused = await post(bad.body, bad.type);
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.code).toBe("VALIDATION");
    expect(seen.length).toBe(before);
  });

  it("refuses a JSON body with invalid UTF-8", async () => {
    const body = Buffer.concat([Buffer.from('{"title":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    const response = await post(new Uint8Array(body), "application/json");
    expect(response.status).toBe(400);
    expect((await post('{"title":"정상"}', "application/json")).status).toBe(200);
  });
});

describe("isWellFormedBody", () => {
  it("leaves types that are not text alone", () => {
    expect(isWellFormedBody(new Uint8Array([0xff]), "application/octet-stream")).toBe(true);
    expect(isWellFormedBody(new Uint8Array([0xff]), "text/plain; charset=utf-8")).toBe(false);
    expect(isWellFormedBody(Buffer.from("q=%"), "application/x-www-form-urlencoded")).toBe(true);
  });
});
