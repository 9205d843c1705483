// Issue 3 item 4: the storage behind uploads. The local-disk implementation of UploadStorage
// round-trips bytes, reads ranges, reports sizes, deletes, and refuses keys that could climb out
// of its root. Another store (S3) implements the same four calls.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createLocalDiskStorage } from "../../src/server/services/uploads/local-disk-storage";
import { getUploadStorage, setUploadStorage, type UploadStorage } from "../../src/server/services/uploads/storage";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "cp-storage-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe("local disk UploadStorage (CHAT-2)", () => {
  const storage: UploadStorage = createLocalDiskStorage(root);

  it("CHAT-2 put then get returns the same bytes and size", async () => {
    const bytes = crypto.randomBytes(200_000);
    await storage.put("media/shop-1/a.png", bytes);
    const object = (await storage.get("media/shop-1/a.png"))!;
    expect(object.size).toBe(bytes.byteLength);
    expect(Buffer.from(await readAll(object.stream))).toEqual(bytes);
    expect(await storage.stat("media/shop-1/a.png")).toEqual({ size: bytes.byteLength });
    // No temporary file is left beside it.
    expect(fs.readdirSync(path.join(root, "media/shop-1"))).toEqual(["a.png"]);
  });

  it("CHAT-2 reads an inclusive byte range and still reports the whole size", async () => {
    const bytes = crypto.randomBytes(1000);
    await storage.put("media/shop-1/b.mp4", bytes);
    const object = (await storage.get("media/shop-1/b.mp4", { start: 100, end: 199 }))!;
    expect(object.size).toBe(1000);
    expect(Buffer.from(await readAll(object.stream))).toEqual(bytes.subarray(100, 200));
  });

  it("missing keys read as null; delete is idempotent", async () => {
    await storage.put("media/shop-1/c.gif", new Uint8Array([1, 2, 3]));
    await storage.delete("media/shop-1/c.gif");
    await storage.delete("media/shop-1/c.gif");
    expect(await storage.get("media/shop-1/c.gif")).toBeNull();
    expect(await storage.stat("media/shop-1/c.gif")).toBeNull();
  });

  it("NF-3 keys that could leave the root are refused", async () => {
    for (const key of ["../escape.png", "media/../../x", "/etc/passwd", "media/a b.png", ""]) {
      await expect(storage.put(key, new Uint8Array([1]))).rejects.toThrow(/Invalid storage key/);
    }
  });

  it("another implementation can be registered in place of the disk", async () => {
    const memory = new Map<string, Uint8Array>();
    const fake: UploadStorage = {
      put: async (key, bytes) => void memory.set(key, bytes),
      get: async (key) => (memory.has(key) ? { stream: new Blob([memory.get(key)! as Uint8Array<ArrayBuffer>]).stream(), size: memory.get(key)!.byteLength } : null),
      stat: async (key) => (memory.has(key) ? { size: memory.get(key)!.byteLength } : null),
      delete: async (key) => void memory.delete(key),
    };
    setUploadStorage(fake);
    try {
      expect(getUploadStorage()).toBe(fake);
    } finally {
      setUploadStorage(undefined);
    }
  });
});
