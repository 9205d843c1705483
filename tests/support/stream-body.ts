// Streams a large request body the way an attacker would (issue 15): in chunks, with
// backpressure, stopping the moment the server answers, so a test can tell how much the server
// let in before refusing. Used by the body-guard integration tests and the memory test.
import http from "node:http";

export interface StreamedBody {
  status: number;
  body: string;
  /** Payload bytes written when the answer came (the prefix and suffix not counted). */
  sentBytes: number;
}

export function streamBody(
  url: string,
  options: {
    totalBytes: number;
    headers?: Record<string, string>;
    /** Bytes before and after the payload (a multipart frame). */
    prefix?: Buffer;
    suffix?: Buffer;
    /** The payload's first bytes (a file signature), the rest is filler. */
    head?: Buffer;
    chunkBytes?: number;
    /** Announce the length up front instead of sending chunked. */
    withContentLength?: boolean;
  },
): Promise<StreamedBody> {
  const prefix = options.prefix ?? Buffer.alloc(0);
  const suffix = options.suffix ?? Buffer.alloc(0);
  const head = options.head ?? Buffer.alloc(0);
  const chunkBytes = options.chunkBytes ?? 64 * 1024;
  const chunk = Buffer.alloc(chunkBytes, 0x20);
  const headers: Record<string, string> = { ...options.headers };
  if (options.withContentLength) headers["content-length"] = String(prefix.length + options.totalBytes + suffix.length);
  return new Promise((resolve, reject) => {
    let sentBytes = 0;
    let isAnswered = false;
    const request = http.request(url, { method: "POST", headers }, (response) => {
      isAnswered = true;
      const parts: Buffer[] = [];
      response.on("data", (part: Buffer) => parts.push(part));
      response.on("end", () => {
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(parts).toString("utf8"), sentBytes });
        request.destroy();
      });
    });
    request.on("error", (error) => {
      if (!isAnswered) reject(error);
    });
    const pump = () => {
      while (!isAnswered && sentBytes < options.totalBytes) {
        const size = Math.min(chunkBytes, options.totalBytes - sentBytes);
        const piece = sentBytes === 0 ? Buffer.concat([prefix, head, chunk.subarray(0, Math.max(0, size - head.length))]) : chunk.subarray(0, size);
        sentBytes += size;
        if (!request.write(piece)) return void request.once("drain", pump);
      }
      if (!isAnswered) request.end(suffix);
    };
    pump();
  });
}
