// What POST /api/uploads answers (CHAT-2). Shared by the widget, the console and the server.
import type { UploadKind, UploadMimeType } from "@/core/uploads/detect-content-type";

export interface UploadDto {
  uploadId: string;
  /** Where the bytes are served: /api/uploads/<id>. */
  url: string;
  mimeType: UploadMimeType;
  sizeBytes: number;
  fileName: string;
  kind: UploadKind;
}

export const UPLOAD_ENDPOINT = "/api/uploads";
export const UPLOAD_FIELD = "file";
/** The widget authenticates uploads with its widget token in this header. */
export const WIDGET_TOKEN_HEADER = "x-widget-token";

export { UPLOAD_LIMITS, MAX_UPLOAD_BYTES, UNSUPPORTED_TYPE_MESSAGE, tooLargeMessage } from "@/core/uploads/detect-content-type";
