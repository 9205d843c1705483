// CONSOLE-4: the search match as data. The server cuts an excerpt around the first match and
// flags the matching pieces; the browser renders each piece as escaped text (a <mark> for
// matches), so no markup ever travels in a message body.
import type { HighlightSegment } from "./types";

/** Case-insensitive positions of `query` in `text`, without overlaps. */
export function findMatches(text: string, query: string): Array<[start: number, end: number]> {
  const needle = query.trim().toLocaleLowerCase();
  if (needle.length === 0) return [];
  const haystack = text.toLocaleLowerCase();
  // Lower-casing can change lengths (e.g. "İ"); positions are only trusted when it did not.
  if (haystack.length !== text.length) return [];
  const matches: Array<[number, number]> = [];
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) break;
    matches.push([at, at + needle.length]);
    from = at + needle.length;
  }
  return matches;
}

/**
 * The text split into segments with the matches flagged. With `maxLength`, an excerpt of about
 * that many characters centred on the first match, with an ellipsis where text was cut.
 */
export function highlightMatches(text: string, query: string, options: { maxLength?: number } = {}): HighlightSegment[] {
  const singleLine = text.replace(/\s+/g, " ");
  const matches = findMatches(singleLine, query);
  let start = 0;
  let end = singleLine.length;
  const maxLength = options.maxLength;
  if (maxLength !== undefined && singleLine.length > maxLength) {
    const first = matches[0] ?? [0, 0];
    const context = Math.max(Math.floor((maxLength - (first[1] - first[0])) / 2), 0);
    start = Math.max(first[0] - context, 0);
    end = Math.min(start + maxLength, singleLine.length);
    start = Math.max(Math.min(start, end - maxLength), 0);
  }
  const segments: HighlightSegment[] = [];
  const push = (piece: string, isMatch: boolean) => {
    if (piece.length === 0) return;
    const last = segments[segments.length - 1];
    if (last && last.isMatch === isMatch) last.text += piece;
    else segments.push({ text: piece, isMatch });
  };
  if (start > 0) push("…", false);
  let cursor = start;
  for (const [matchStart, matchEnd] of matches) {
    if (matchEnd <= start || matchStart >= end) continue;
    const from = Math.max(matchStart, start);
    const to = Math.min(matchEnd, end);
    push(singleLine.slice(cursor, from), false);
    push(singleLine.slice(from, to), true);
    cursor = to;
  }
  push(singleLine.slice(cursor, end), false);
  if (end < singleLine.length) push("…", false);
  return segments;
}
