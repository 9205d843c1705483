// Uploads with progress (CHAT-2, CONSOLE-6), for the widget (widget token header) and the console
// (session cookie). XMLHttpRequest, because fetch cannot report upload progress. The server
// decides the type from the bytes and explains a refusal (413 too large, 415 not an image or
// video); its words are what the person sees.
import { UPLOAD_ENDPOINT, UPLOAD_FIELD, type UploadDto } from "@/shared/uploads";

export class UploadRefused extends Error {
  constructor(
    /** The HTTP status; 0 when the connection was lost or the upload cancelled. */
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  /** Sending the same bytes again cannot succeed: refused type or size, bad input, forbidden. */
  get isFinal(): boolean {
    return this.status === 400 || this.status === 403 || this.status === 413 || this.status === 415;
  }
}

export interface UploadHandle {
  promise: Promise<UploadDto>;
  abort(): void;
}

export type Uploader = (file: File, onProgress: (fraction: number) => void) => UploadHandle;

export interface UploaderOptions {
  /** Where the app is served from; "" for the same origin. */
  baseUrl?: string;
  /** Extra request headers (the widget's token). */
  headers?: () => Record<string, string>;
  /** Send the session cookie (the console). */
  withCredentials?: boolean;
}

export function createXhrUploader(options: UploaderOptions = {}): Uploader {
  return (file, onProgress) => {
    const xhr = new XMLHttpRequest();
    const promise = new Promise<UploadDto>((resolve, reject) => {
      xhr.open("POST", `${options.baseUrl ?? ""}${UPLOAD_ENDPOINT}`);
      xhr.withCredentials = options.withCredentials ?? false;
      for (const [name, value] of Object.entries(options.headers?.() ?? {})) xhr.setRequestHeader(name, value);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onProgress(Math.min(1, event.loaded / event.total));
      };
      xhr.onload = () => {
        const body = parseBody(xhr.responseText);
        if (xhr.status >= 200 && xhr.status < 300 && body?.data) {
          onProgress(1);
          resolve(body.data);
          return;
        }
        reject(new UploadRefused(xhr.status, body?.error?.code ?? "INTERNAL", body?.error?.message ?? refusalFallback(xhr.status)));
      };
      xhr.onerror = () => reject(new UploadRefused(0, "OFFLINE", "The upload failed: the connection was lost. Check your network and try again."));
      xhr.onabort = () => reject(new UploadRefused(0, "ABORTED", "The upload was cancelled."));
      const form = new FormData();
      form.append(UPLOAD_FIELD, file, file.name);
      xhr.send(form);
    });
    return { promise, abort: () => xhr.abort() };
  };
}

type UploadReply = { data?: UploadDto; error?: { code?: string; message?: string } } | null;

function parseBody(text: string): UploadReply {
  try {
    return JSON.parse(text) as UploadReply;
  } catch {
    return null;
  }
}

function refusalFallback(status: number): string {
  if (status === 413) return "That file is too large. Images may be up to 10 MB and videos up to 50 MB.";
  if (status === 415) return "That file type is not supported. Send a JPEG, PNG, WebP or GIF image, or an MP4 or WebM video.";
  if (status === 401) return "Your session has ended. Sign in again to send files.";
  return `The upload failed (HTTP ${status}). Try again.`;
}
