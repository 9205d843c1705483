// CHAT-2, NF-3: an upload's type is decided by its first bytes (magic numbers), never by the
// file name or the type the browser claims. Pure, so the same rules run in tests and anywhere.

export type UploadKind = "image" | "video";
export type UploadMimeType = "image/jpeg" | "image/png" | "image/webp" | "image/gif" | "video/mp4" | "video/webm";

export interface DetectedContentType {
  mimeType: UploadMimeType;
  kind: UploadKind;
}

const MB = 1024 * 1024;

/** SPEC CHAT-2: images up to 10 MB, videos up to 50 MB. */
export const UPLOAD_LIMITS: Record<UploadKind, number> = { image: 10 * MB, video: 50 * MB };
/** The largest file of any kind; requests bigger than this (plus the multipart envelope) are refused unread. */
export const MAX_UPLOAD_BYTES = Math.max(UPLOAD_LIMITS.image, UPLOAD_LIMITS.video);

export const UNSUPPORTED_TYPE_MESSAGE = "This file type is not supported. Send a JPEG, PNG, WebP or GIF image, or an MP4 or WebM video.";

export function tooLargeMessage(kind: UploadKind): string {
  return kind === "image" ? `Images can be at most ${UPLOAD_LIMITS.image / MB} MB.` : `Videos can be at most ${UPLOAD_LIMITS.video / MB} MB.`;
}

export const EMPTY_FILE_MESSAGE = "The file is empty. Choose another file.";

/**
 * MP4 major brands we accept. An ISO base media file starts with an `ftyp` box, but so do
 * QuickTime (.mov, "qt  "), HEIF/AVIF images ("heic", "mif1", "avif") and M4A audio: those are
 * refused rather than stored as a video the browser cannot play.
 */
const MP4_BRANDS = new Set([
  "isom", "iso2", "iso3", "iso4", "iso5", "iso6", "iso7", "iso8", "iso9",
  "mp41", "mp42", "mp71", "avc1", "M4V ", "M4VH", "M4VP", "dash", "msnv", "mmp4", "f4v ", "NDAS",
]);

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  let text = "";
  for (let i = from; i < Math.min(to, bytes.length); i += 1) text += String.fromCharCode(bytes[i]!);
  return text;
}

function containsAscii(bytes: Uint8Array, needle: string, limit: number): boolean {
  const end = Math.min(bytes.length, limit) - needle.length;
  outer: for (let i = 0; i <= end; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    return true;
  }
  return false;
}

/** The accepted type of a file from its first bytes, or null for anything we do not accept. */
export function detectContentType(bytes: Uint8Array): DetectedContentType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { mimeType: "image/jpeg", kind: "image" };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mimeType: "image/png", kind: "image" };
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return { mimeType: "image/gif", kind: "image" };
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return { mimeType: "image/webp", kind: "image" };
  // ISO base media: [size:4]["ftyp"][major brand:4]
  if (ascii(bytes, 4, 8) === "ftyp" && MP4_BRANDS.has(ascii(bytes, 8, 12))) return { mimeType: "video/mp4", kind: "video" };
  // EBML header; WebM is the Matroska profile whose DocType says "webm" (plain .mkv is refused).
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3]) && containsAscii(bytes, "webm", 64)) return { mimeType: "video/webm", kind: "video" };
  return null;
}

export type UploadCheck =
  | { ok: true; type: DetectedContentType }
  | { ok: false; reason: "empty" | "unsupported_type" | "too_large"; message: string; kind?: UploadKind };

/** Decides whether a file may be stored: known type by content, within its kind's size limit. */
export function checkUpload(bytes: Uint8Array): UploadCheck {
  if (bytes.byteLength === 0) return { ok: false, reason: "empty", message: EMPTY_FILE_MESSAGE };
  const type = detectContentType(bytes);
  if (!type) return { ok: false, reason: "unsupported_type", message: UNSUPPORTED_TYPE_MESSAGE };
  if (bytes.byteLength > UPLOAD_LIMITS[type.kind]) return { ok: false, reason: "too_large", message: tooLargeMessage(type.kind), kind: type.kind };
  return { ok: true, type };
}
