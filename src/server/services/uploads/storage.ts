// Where upload bytes live (issue 3, item 4). The product talks to this interface only, so an
// object store (S3 and alike: PutObject, GetObject with a Range, HeadObject, DeleteObject)
// can replace the local disk without touching routes or services.
import { appDataDir } from "@/server/services/team/data-dir";
import { createLocalDiskStorage } from "@/server/services/uploads/local-disk-storage";
import path from "node:path";

export interface StoredObject {
  /** The requested bytes (the whole object, or the range asked for). */
  stream: ReadableStream<Uint8Array>;
  /** The size of the whole object, whatever range was read. */
  size: number;
}

export interface UploadStorage {
  /** Stores bytes under a key; an existing key is overwritten. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /**
   * Stores a stream of chunks under a key without holding it in memory (issue 15): written to a
   * temporary object and moved into place when the stream ends; nothing is left behind when the
   * stream fails (for example past the upload limit). Optional: without it the bytes are
   * collected (already bounded by the limit) and given to put().
   */
  putStream?(key: string, chunks: AsyncIterable<Uint8Array>): Promise<{ size: number }>;
  /** Reads an object, or the inclusive byte range of it; null when it does not exist. */
  get(key: string, range?: { start: number; end: number }): Promise<StoredObject | null>;
  /** The object's size without reading it; null when it does not exist. */
  stat(key: string): Promise<{ size: number } | null>;
  /** Removes an object; a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** Removes temporary objects of writes that never finished (a crash mid-upload), older than `before`. */
  deleteStaleTemporaries?(before: Date): Promise<number>;
}

let override: UploadStorage | undefined;

/** The storage the app uses: local disk under DATA_DIR/uploads unless a test or deployment sets another. */
export function getUploadStorage(): UploadStorage {
  return override ?? createLocalDiskStorage(path.resolve(appDataDir(), "uploads"));
}

/** For tests and alternative deployments (an S3 implementation registers itself here at start). */
export function setUploadStorage(storage: UploadStorage | undefined): void {
  override = storage;
}
