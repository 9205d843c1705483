// HTTP Range requests (RFC 9110 §14) for served uploads, so videos play and seek in browsers.
// One range only: browsers ask for a single range when streaming media; a multi-range request
// is answered with the whole file, which the RFC allows.

export type ByteRange = { start: number; end: number };

/**
 * `null` when there is no usable Range header (serve the whole file with 200),
 * "unsatisfiable" for a range outside the file (416), otherwise the inclusive byte range (206).
 */
export function parseRange(header: string | null | undefined, size: number): ByteRange | "unsatisfiable" | null {
  if (!header) return null;
  const match = /^bytes=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header.trim());
  if (!match) return null;
  const [, startText = "", endText = ""] = match;
  if (startText === "" && endText === "") return null;
  if (startText === "") {
    // Suffix range: the last N bytes.
    const suffix = Number(endText);
    if (suffix === 0) return "unsatisfiable";
    if (size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(startText);
  if (start >= size) return "unsatisfiable";
  const end = endText === "" ? size - 1 : Math.min(Number(endText), size - 1);
  if (end < start) return null;
  return { start, end };
}
