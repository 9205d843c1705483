// CONSOLE-1: the line under a chat in the lists is what a person last wrote there, so agents can
// triage from the list. System notes ("Ava joined the chat") and automatic messages (greeting,
// auto-sent answers, proactive notices, the bot) never replace it; media and cards read as words.

export interface PreviewSource {
  authorType: "buyer" | "agent" | "bot" | "system";
  kind: "text" | "image" | "video" | "product_card" | "order_card" | "voucher_card" | "system";
  /** Text, a caption, or the card's label (product name, "Order 1234", voucher title). */
  body: string;
  isAutomatic: boolean;
}

export const PREVIEW_MAX_LENGTH = 140;

/** The conversation's new preview, or null when this message must leave the previous one. */
export function previewFor(message: PreviewSource): string | null {
  if (message.authorType === "system" || message.authorType === "bot" || message.kind === "system" || message.isAutomatic) return null;
  const body = message.body.replace(/\s+/g, " ").trim();
  const preview = (() => {
    switch (message.kind) {
      case "text":
        return body;
      case "image":
        return body ? `Photo: ${body}` : "Photo";
      case "video":
        return body ? `Video: ${body}` : "Video";
      case "product_card":
        return body ? `Product: ${body}` : "Product";
      case "order_card":
        return body || "Order";
      case "voucher_card":
        return body ? `Voucher: ${body}` : "Voucher";
    }
  })();
  return truncate(preview, PREVIEW_MAX_LENGTH);
}

/** Cuts at a code point boundary (never half an emoji) and marks the cut. */
function truncate(text: string, max: number): string {
  const codePoints = Array.from(text);
  return codePoints.length <= max ? text : `${codePoints.slice(0, max - 1).join("")}…`;
}
