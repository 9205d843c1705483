// Messages between the storefront's loader (public/widget.js) and the widget's iframe
// (/widget/frame), over window.postMessage. Each side checks the other's window (and the host
// checks the frame's origin); public/widget.js repeats these names in plain JavaScript.

export const FRAME_SOURCE = "counterpart-widget";
export const HOST_SOURCE = "counterpart-host";

export type FrameToHost =
  /** `labels` (NF-5): the launcher's and frame's words in the widget's language. */
  | { source: typeof FRAME_SOURCE; type: "ready"; shopName: string | null; labels: LauncherLabels }
  | { source: typeof FRAME_SOURCE; type: "close" }
  | { source: typeof FRAME_SOURCE; type: "unread"; count: number; openLabel: string };

export interface LauncherLabels {
  /** The closed launcher's accessible name, with the unread count ("Open chat with Harbor & Pine (2 unread)"). */
  open: string;
  close: string;
  frameTitle: string;
}

export type HostToFrame =
  | { source: typeof HOST_SOURCE; type: "open" }
  | { source: typeof HOST_SOURCE; type: "close" }
  | { source: typeof HOST_SOURCE; type: "context"; productId: string | null; orderId: string | null }
  | { source: typeof HOST_SOURCE; type: "identify"; token: string | null };

export function isHostMessage(data: unknown): data is HostToFrame {
  return typeof data === "object" && data !== null && (data as { source?: unknown }).source === HOST_SOURCE && typeof (data as { type?: unknown }).type === "string";
}
