// Issue 15: one file out of a multipart/form-data body, streamed. busboy parses the body as it
// arrives and hands the file part over as a stream of chunks; the caller stores it while it
// arrives, so neither the body nor the file is ever whole in memory (request.formData() held
// each upload at least twice). Other fields and files are skipped unread.
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import busboy from "busboy";
import { AppError } from "@/core/errors";

export interface MultipartFileLimits {
  /** Parsing stops when the file reaches this many bytes (so: one more than the largest allowed); the caller applies the exact per-type limit. */
  maxFileBytes: number;
  /** The refusal when the file passes maxFileBytes. */
  tooLarge: () => Error;
}

export interface MultipartFile {
  fileName: string;
  chunks: AsyncIterable<Uint8Array>;
}

/** "multipart/form-data; boundary=..." and nothing else. */
export function isMultipartFormData(contentType: string | null): boolean {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase() === "multipart/form-data";
}

/**
 * Parses `request`'s body and calls `handle` with the file in `field` as soon as its part begins.
 * Resolves with what `handle` returns; rejects with its error (the rest of the body is then not
 * read), or with BAD_INPUT when the body is not multipart or has no such file.
 */
export async function readMultipartFile<T>(
  request: Request,
  field: string,
  limits: MultipartFileLimits,
  handle: (file: MultipartFile) => Promise<T>,
  missingMessage: string,
): Promise<T> {
  const contentType = request.headers.get("content-type");
  if (!isMultipartFormData(contentType) || !request.body) throw new AppError("BAD_INPUT", missingMessage, { [field]: ["Choose a file"] });
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: { "content-type": contentType! }, limits: { files: 1, fileSize: limits.maxFileBytes, fields: 20, fieldSize: 8 * 1024, parts: 30, headerPairs: 50 } });
  } catch {
    throw new AppError("BAD_INPUT", missingMessage, { [field]: ["Choose a file"] });
  }
  const source = Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>);

  return new Promise<T>((resolve, reject) => {
    let handled: Promise<T> | undefined;
    let fileStream: Readable | undefined;
    let isSettled = false;
    // A refusal answers only once the handler has cleaned up (its temporary file removed), and
    // tears the parser down outside busboy's own callbacks, which touch their state after emitting.
    const abort = (error: unknown) => {
      if (isSettled) return;
      isSettled = true;
      // Nothing more is read from the request from now on.
      source.unpipe(parser);
      source.destroy();
      setImmediate(() => {
        fileStream?.destroy(error instanceof Error ? error : new Error("aborted"));
        parser.destroy();
      });
      void Promise.resolve(handled)
        .catch(() => undefined)
        .finally(() => reject(error));
    };

    parser.on("file", (name, stream, info) => {
      if (name !== field || handled) {
        stream.resume();
        return;
      }
      fileStream = stream;
      // busboy stops passing bytes on at the limit and skips the rest: refuse at once.
      stream.on("limit", () => abort(limits.tooLarge()));
      handled = handle({ fileName: info.filename ?? "", chunks: stream });
      // The handler reads the stream; a refusal (type, size) stops parsing at once.
      handled.catch((error: unknown) => abort(error));
    });
    parser.on("error", () => abort(new AppError("BAD_INPUT", "The upload could not be read. Send it again.", { [field]: ["The upload was incomplete"] })));
    parser.on("close", () => {
      if (!handled) return abort(new AppError("BAD_INPUT", missingMessage, { [field]: ["Choose a file"] }));
      handled.then(
        (value) => {
          if (isSettled) return;
          isSettled = true;
          resolve(value);
        },
        (error: unknown) => abort(error),
      );
    });
    source.on("error", () => abort(new AppError("BAD_INPUT", "The upload was interrupted. Send it again.", { [field]: ["The upload was incomplete"] })));
    source.pipe(parser);
  });
}
