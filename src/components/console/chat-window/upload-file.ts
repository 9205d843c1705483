// CONSOLE-6: attachments with upload progress. XMLHttpRequest, because fetch cannot report
// upload progress. The server decides the type from the content and explains a refusal
// (413 too large, 415 not an image or video); that reason is what the agent sees.

export interface UploadedFile {
  uploadId: string;
  url: string;
  mimeType: string;
  sizeBytes: number;
  fileName: string;
  kind: "image" | "video";
}

export class UploadError extends Error {}

export interface UploadHandle {
  promise: Promise<UploadedFile>;
  abort(): void;
}

export function uploadFile(file: File, onProgress: (fraction: number) => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<UploadedFile>((resolve, reject) => {
    xhr.open("POST", "/api/uploads");
    xhr.withCredentials = true;
    xhr.responseType = "text";
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
      reject(new UploadError(body?.error?.message ?? refusalFallback(xhr.status)));
    };
    xhr.onerror = () => reject(new UploadError("The upload failed: the connection was lost. Check your network and try again."));
    xhr.onabort = () => reject(new UploadError("The upload was cancelled."));
    const form = new FormData();
    form.append("file", file, file.name);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}

function parseBody(text: string): { data?: UploadedFile; error?: { message?: string } } | null {
  try {
    return JSON.parse(text) as { data?: UploadedFile; error?: { message?: string } };
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
