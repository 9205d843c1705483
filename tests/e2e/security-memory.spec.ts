// Issue 15 item 8, NF-3: the production server's memory under hostile bodies. Ten concurrent
// 50 MB uploads and a 1 GB chunked body raise the server process's resident memory (VmRSS from
// /proc/<pid>/status, sampled throughout) by less than 150 MB: uploads stream to storage, and
// bodies are refused the moment they pass their limit. Runs against the suite's production server
// (scripts/e2e-server.mjs); talks HTTP from Node, no browser.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { streamBody } from "../support/stream-body";

const port = Number(process.env.E2E_PORT ?? 3210);
const MB = 1024 * 1024;
const FILE_BYTES = 50 * MB;
const BUDGET_BYTES = 150 * MB;

/** The pid of the process listening on `port` (the server, not the launcher script). */
function pidListeningOn(listenPort: number): number {
  const hexPort = `:${listenPort.toString(16).toUpperCase().padStart(4, "0")}`;
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of fs.readFileSync(table, "utf8").split("\n").slice(1)) {
      const columns = line.trim().split(/\s+/);
      if (columns.length > 9 && columns[1]!.endsWith(hexPort) && columns[3] === "0A") inodes.add(columns[9]!);
    }
  }
  for (const pid of fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    let descriptors: string[];
    try {
      descriptors = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of descriptors) {
      try {
        const inode = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
        if (inode && inodes.has(inode)) return Number(pid);
      } catch {
        // a descriptor closed while we looked
      }
    }
  }
  throw new Error(`No process listens on port ${listenPort}`);
}

function rssBytes(pid: number): number {
  const line = fs.readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((row) => row.startsWith("VmRSS:"))!;
  return Number(/(\d+)/.exec(line)![1]) * 1024;
}

async function widgetToken(): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/api/widget/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ publicKey: "pk_demo_harbor_and_pine" }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: { token: string } }).data.token;
}

const MP4_HEAD = Buffer.from([0, 0, 0, 0x18, ...Buffer.from("ftypisom"), 0, 0, 2, 0, ...Buffer.from("isomiso2")]);

/** A body of `totalBytes` in 1 MB chunks, starting with an MP4 signature (tests/support/stream-body.ts). */
function send(options: { path: string; headers: Record<string, string>; totalBytes: number; prefix?: Buffer; suffix?: Buffer; chunked?: boolean }) {
  return streamBody(`http://127.0.0.1:${port}${options.path}`, { ...options, head: MP4_HEAD, chunkBytes: MB, withContentLength: !options.chunked });
}

function multipart(fileName: string): { prefix: Buffer; suffix: Buffer; contentType: string } {
  const boundary = `----counterpart-memory-${Date.now()}`;
  return {
    prefix: Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: video/mp4\r\n\r\n`),
    suffix: Buffer.from(`\r\n--${boundary}--\r\n`),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

test("NF-3 issue 15: ten concurrent 50 MB uploads and a 1 GB chunked body raise the server's RSS by less than 150 MB", async () => {
  test.setTimeout(180_000);
  const pid = pidListeningOn(port);
  const warmToken = await widgetToken();
  const loadToken = await widgetToken();

  // Warm-up: the upload route and the refusal path are loaded before the baseline is taken.
  const warm = multipart("warm.mp4");
  expect((await send({ path: "/api/uploads", headers: { "content-type": warm.contentType, "x-widget-token": warmToken }, totalBytes: MB, ...warm })).status).toBe(200);
  const baseline = rssBytes(pid);
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssBytes(pid));
  }, 25);

  try {
    const uploads = await Promise.all(
      Array.from({ length: 10 }, (_, index) => {
        const form = multipart(`clip-${index}.mp4`);
        return send({ path: "/api/uploads", headers: { "content-type": form.contentType, "x-widget-token": loadToken }, totalBytes: FILE_BYTES, ...form });
      }),
    );
    expect(uploads.map((upload) => upload.status)).toEqual(Array(10).fill(200));

    // 1 GB without a Content-Length, as a buyer's upload: refused once it passes the upload limit.
    const huge = multipart("huge.mp4");
    const refused = await send({ path: "/api/uploads", headers: { "content-type": huge.contentType, "x-widget-token": warmToken }, totalBytes: 1024 * MB, chunked: true, ...huge });
    expect(refused.status).toBe(413);
    expect(refused.sentBytes).toBeLessThan(200 * MB);
    peak = Math.max(peak, rssBytes(pid));

    // The stored files are whole and nothing temporary is left; then they are removed from disk.
    const ids = uploads.map((upload) => (JSON.parse(upload.body) as { data: { uploadId: string; sizeBytes: number } }).data);
    expect(ids.every((upload) => upload.sizeBytes === FILE_BYTES)).toBe(true);
    // Where scripts/e2e-server.mjs keeps the server's data: .data with a database server, .data/e2e embedded.
    const serverDataDir = process.env.TEST_DATABASE_URL || process.env.CI ? ".data" : ".data/e2e";
    const mediaRoot = path.join(serverDataDir, "uploads", "media");
    const stored = fs.existsSync(mediaRoot) ? fs.readdirSync(mediaRoot).flatMap((shop) => fs.readdirSync(path.join(mediaRoot, shop)).map((file) => path.join(mediaRoot, shop, file))) : [];
    expect(stored.filter((file) => file.endsWith(".part"))).toEqual([]);
    for (const file of stored.filter((name) => ids.some((upload) => name.includes(upload.uploadId)))) fs.rmSync(file, { force: true });
  } finally {
    clearInterval(sampler);
  }
  const growth = peak - baseline;
  console.log(`server RSS: baseline ${Math.round(baseline / MB)} MB, peak ${Math.round(peak / MB)} MB, growth ${Math.round(growth / MB)} MB`);
  expect(growth).toBeLessThan(BUDGET_BYTES);
});
