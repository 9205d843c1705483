import { describe, expect, it } from "vitest";
import { checkUpload, detectContentType, UNSUPPORTED_TYPE_MESSAGE, UPLOAD_LIMITS } from "./detect-content-type";

const bytes = (...parts: Array<number[] | string>) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === "string" ? [...part].map((c) => c.charCodeAt(0)) : part)));

describe("detectContentType (CHAT-2, NF-3: type by content)", () => {
  it.each([
    ["jpeg", bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], "JFIF"), "image/jpeg"],
    ["png", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], "IHDR"), "image/png"],
    ["gif87a", bytes("GIF87a", [1, 0, 1, 0]), "image/gif"],
    ["gif89a", bytes("GIF89a", [1, 0, 1, 0]), "image/gif"],
    ["webp", bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 "), "image/webp"],
    ["mp4 isom", bytes([0, 0, 0, 0x20], "ftypisom", [0, 0, 2, 0], "isomiso2avc1mp41"), "video/mp4"],
    ["mp4 mp42", bytes([0, 0, 0, 0x18], "ftypmp42", [0, 0, 0, 0], "mp42isom"), "video/mp4"],
    ["webm", bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84], "webm", [0x42, 0x87]), "video/webm"],
  ])("%s is recognised", (_name, input, mimeType) => {
    expect(detectContentType(input)?.mimeType).toBe(mimeType);
  });

  it.each([
    ["plain text", bytes("hello, this is not an image")],
    ["html", bytes("<!doctype html><script>alert(1)</script>")],
    ["svg", bytes("<svg xmlns='http://www.w3.org/2000/svg'></svg>")],
    ["pdf", bytes("%PDF-1.7\n")],
    ["RIFF but WAVE audio", bytes("RIFF", [0x24, 0, 0, 0], "WAVEfmt ")],
    ["QuickTime mov", bytes([0, 0, 0, 0x14], "ftypqt  ", [0, 0, 0, 0], "qt  ")],
    ["HEIC image", bytes([0, 0, 0, 0x18], "ftypheic", [0, 0, 0, 0], "mif1heic")],
    ["Matroska mkv", bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x88], "matroska")],
    ["truncated jpeg", bytes([0xff, 0xd8])],
    ["GIF without version", bytes("GIF8")],
    ["empty", bytes()],
  ])("%s is refused", (_name, input) => {
    expect(detectContentType(input)).toBeNull();
  });
});

describe("checkUpload (CHAT-2 limits)", () => {
  const png = (size: number) => {
    const data = new Uint8Array(size);
    data.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    return data;
  };
  const mp4 = (size: number) => {
    const data = new Uint8Array(size);
    data.set(bytes([0, 0, 0, 0x18], "ftypisom"));
    return data;
  };

  it("accepts an image at exactly 10 MB and refuses one byte more", () => {
    expect(checkUpload(png(UPLOAD_LIMITS.image))).toMatchObject({ ok: true, type: { kind: "image" } });
    expect(checkUpload(png(UPLOAD_LIMITS.image + 1))).toEqual({ ok: false, reason: "too_large", kind: "image", message: "Images can be at most 10 MB." });
  });

  it("lets a video be larger than an image, up to 50 MB", () => {
    expect(checkUpload(mp4(UPLOAD_LIMITS.image + 1))).toMatchObject({ ok: true, type: { mimeType: "video/mp4" } });
    expect(checkUpload(mp4(UPLOAD_LIMITS.video + 1))).toMatchObject({ ok: false, reason: "too_large", message: "Videos can be at most 50 MB." });
  });

  it("explains unknown types and empty files", () => {
    expect(checkUpload(bytes("not an image"))).toEqual({ ok: false, reason: "unsupported_type", message: UNSUPPORTED_TYPE_MESSAGE });
    expect(checkUpload(new Uint8Array(0))).toMatchObject({ ok: false, reason: "empty" });
  });
});
