// CONSOLE-4: search matches as React text with <mark> around each match. The server sends
// segments, never markup, so a message body can never inject HTML here.
import type { HighlightSegment } from "@/core/console";

export function HighlightText({ segments }: { segments: HighlightSegment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.isMatch ? (
          <mark key={index} className="rounded-sm bg-amber-200 px-0.5 text-slate-900">{segment.text}</mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  );
}
