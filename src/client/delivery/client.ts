// The delivery runtime: holds the machine's state, stamps events with the injected clock,
// performs its effects (commands through the transport, timers, uploads) and tells
// subscribers (React's useSyncExternalStore) when the state changed. Runs in the browser and
// in Node (integration tests drive it over a real socket.io-client).
import type { MessageDto } from "@/shared/dto";
import { MAX_UPLOAD_BYTES, type UploadDto } from "@/shared/uploads";
import { INITIAL_DELIVERY_STATE, step } from "./machine";
import { DEFAULT_CONFIG, type DeliveryAck, type DeliveryCommand, type DeliveryConfig, type DeliveryEffect, type DeliveryEvent, type DeliveryState, type MessageContent, type PendingPreview, type SendContext, type TimerKey } from "./types";
import { UploadRefused, type UploadHandle, type Uploader } from "./upload";

/** How commands reach the server. Never rejects: a lost answer is `TIMEOUT`, no link is `OFFLINE`. */
export interface DeliveryTransport {
  send(command: DeliveryCommand, timeoutMs: number): Promise<DeliveryAck>;
}

export interface Clock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const SYSTEM_CLOCK: Clock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface DeliveryClientOptions {
  transport: DeliveryTransport;
  clock?: Clock;
  uploader?: Uploader;
  newClientId: () => string;
  config?: Partial<DeliveryConfig>;
  ackTimeoutMs?: number;
  /** A rate limit or a refusal the person must see (the widget shows a notice, or the blocked note). */
  onNotice?: (code: "RATE_LIMITED" | "FORBIDDEN", message: string) => void;
  /** Frees a local preview (an object URL) once its bubble is gone. */
  releasePreview?: (objectUrl: string) => void;
}

export interface SendOptions {
  context?: SendContext;
  /** Remove the bubble on failure and reject instead of offering Retry (workbench cards). */
  dropOnFailure?: boolean;
}

export class DeliveryClient {
  private state: DeliveryState = INITIAL_DELIVERY_STATE;
  private readonly listeners = new Set<() => void>();
  private readonly timers = new Map<TimerKey, unknown>();
  private readonly files = new Map<string, File>();
  private readonly uploads = new Map<string, UploadHandle>();
  private readonly waiters = new Map<string, { resolve: (message: MessageDto) => void; reject: (error: Error) => void }>();
  private readonly config: DeliveryConfig;
  private readonly clock: Clock;
  private isStopped = false;

  constructor(private readonly options: DeliveryClientOptions) {
    this.config = { ...DEFAULT_CONFIG, ...options.config };
    this.clock = options.clock ?? SYSTEM_CLOCK;
  }

  getState = (): DeliveryState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The server is ready for commands (after `console.ready` / `widget.ready`): resume. */
  connected(): void {
    this.isStopped = false;
    this.dispatch({ type: "connected" });
  }

  disconnected(): void {
    this.dispatch({ type: "disconnected" });
  }

  /** Live `message.created` events of this conversation. */
  receive(messages: MessageDto[]): void {
    this.dispatch({ type: "live", messages });
  }

  /** Queues a message; resolves with the stored message, rejects if it is given up (dropOnFailure, Remove). */
  send(content: MessageContent, preview: PendingPreview, options: SendOptions = {}): Promise<MessageDto> {
    const clientId = this.options.newClientId();
    const settled = this.waitFor(clientId);
    this.dispatch({ type: "send", clientId, content, preview, context: options.context, dropOnFailure: options.dropOnFailure });
    return settled;
  }

  /** Uploads with progress, then sends the stored upload as an image or video message. */
  sendFile(file: File, preview: PendingPreview): string {
    const clientId = this.options.newClientId();
    this.files.set(clientId, file);
    this.dispatch({ type: "upload_started", clientId, preview });
    this.upload(clientId);
    return clientId;
  }

  retry(clientId: string): void {
    this.dispatch({ type: "retry", clientId });
  }

  discard(clientId: string): void {
    this.dispatch({ type: "discard", clientId });
  }

  loadOlder(): void {
    this.dispatch({ type: "load_older" });
  }

  /** Stops timers and uploads; answers still on their way are ignored. `connected()` starts again. */
  stop(): void {
    this.dispatch({ type: "disconnected" });
    this.isStopped = true;
    for (const handle of this.timers.values()) this.clock.clearTimeout(handle);
    this.timers.clear();
  }

  private waitFor(clientId: string): Promise<MessageDto> {
    const promise = new Promise<MessageDto>((resolve, reject) => this.waiters.set(clientId, { resolve, reject }));
    // Most callers do not wait for the outcome: the bubble shows it.
    promise.catch(() => undefined);
    return promise;
  }

  private dispatch(event: DeliveryEvent): void {
    const before = this.state;
    const { state, effects } = step(before, event, this.clock.now(), this.config);
    this.state = state;
    if (state.pending !== before.pending) this.releaseGone(before, state);
    for (const effect of effects) this.perform(effect);
    if (state !== before) for (const listener of this.listeners) listener();
  }

  private perform(effect: DeliveryEffect): void {
    switch (effect.type) {
      case "command": {
        if (this.isStopped) return;
        void this.options.transport.send(effect.command, this.options.ackTimeoutMs ?? 10_000).then((ack) => {
          if (!this.isStopped) this.dispatch({ type: "reply", requestId: effect.requestId, ack });
        });
        return;
      }
      case "set_timer": {
        if (this.isStopped) return;
        const previous = this.timers.get(effect.key);
        if (previous !== undefined) this.clock.clearTimeout(previous);
        this.timers.set(effect.key, this.clock.setTimeout(() => {
          this.timers.delete(effect.key);
          this.dispatch({ type: "timer", key: effect.key });
        }, effect.ms));
        return;
      }
      case "clear_timer": {
        const handle = this.timers.get(effect.key);
        if (handle !== undefined) this.clock.clearTimeout(handle);
        this.timers.delete(effect.key);
        return;
      }
      case "upload":
        return this.upload(effect.clientId);
      case "abort_upload":
        this.uploads.get(effect.clientId)?.abort();
        return;
      case "settled": {
        this.files.delete(effect.clientId);
        const waiter = this.waiters.get(effect.clientId);
        this.waiters.delete(effect.clientId);
        if (effect.message) waiter?.resolve(effect.message);
        else waiter?.reject(new Error(effect.error ?? "The message was not sent."));
        return;
      }
      case "notice":
        this.options.onNotice?.(effect.code, effect.message);
        return;
    }
  }

  private upload(clientId: string): void {
    const file = this.files.get(clientId);
    const uploader = this.options.uploader;
    if (!file || !uploader) return this.dispatch({ type: "upload_failed", clientId, message: "Choose the file again to send it.", canRetry: false });
    // Nothing above the largest limit is accepted: say so before sending 50 MB for nothing.
    if (file.size > MAX_UPLOAD_BYTES) return this.dispatch({ type: "upload_failed", clientId, message: "Files can be at most 50 MB (images 10 MB).", canRetry: false });
    const handle = uploader(file, (progress) => this.dispatch({ type: "upload_progress", clientId, progress }));
    this.uploads.set(clientId, handle);
    handle.promise.then(
      (upload: UploadDto) => {
        this.uploads.delete(clientId);
        const previous = this.state.pending.find((item) => item.clientId === clientId)?.preview;
        const objectUrl = previous && "objectUrl" in previous ? previous.objectUrl : null;
        this.dispatch({ type: "upload_done", clientId, content: { kind: upload.kind, uploadId: upload.uploadId }, preview: { kind: upload.kind, fileName: upload.fileName, objectUrl } });
      },
      (error: unknown) => {
        this.uploads.delete(clientId);
        const refused = error instanceof UploadRefused ? error : null;
        const message = error instanceof Error ? error.message : "The upload failed.";
        this.dispatch({ type: "upload_failed", clientId, message, canRetry: !refused?.isFinal, code: refused?.code });
      },
    );
  }

  /** Local previews of bubbles that are gone (stored, removed) are released. */
  private releaseGone(before: DeliveryState, after: DeliveryState): void {
    const release = this.options.releasePreview;
    if (!release) return;
    const kept = new Set(after.pending.map((item) => item.clientId));
    for (const item of before.pending) {
      if (kept.has(item.clientId)) continue;
      if ((item.preview.kind === "image" || item.preview.kind === "video") && item.preview.objectUrl) release(item.preview.objectUrl);
    }
  }
}
