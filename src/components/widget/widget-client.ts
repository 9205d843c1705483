// The buyer widget's connection (WIDGET-1..3, CHAT-3), independent of React: it starts the
// widget session over HTTP, keeps one Socket.IO connection to "/widget", and turns everything
// the server says into one immutable state that the UI subscribes to.
//
// Delivery (CHAT-3, docs/realtime.md):
// - every message is sent with a client id made once; until the server acknowledges it, the
//   same id is re-sent (after a timeout, after a reconnect), and the server stores it once;
// - sends go one at a time, so the buyer's messages keep the order they were written in;
// - after every (re)connect the client asks `conversation:sync` for what follows the last
//   gap-free sequence number it holds, page by page, and merges by sequence number; a live
//   message that reveals a gap triggers the same sync.
import { io, type Socket } from "socket.io-client";
import type { MessageDto } from "@/shared/dto";
import type { Ack, MessageCreatedEvent, ReadChangedEvent, TypingEvent, WidgetSessionDto } from "@/shared/events";
import { MAX_TEXT_LENGTH, newClientId, type TBuyerMessageContent } from "@/shared/message-schemas";
import { UPLOAD_ENDPOINT, UPLOAD_FIELD, UPLOAD_LIMITS, WIDGET_TOKEN_HEADER, type UploadDto } from "@/shared/uploads";
import { WIDGET_CONTEXT_ENDPOINT, WIDGET_SESSION_ENDPOINT, type WidgetContextDto, type WidgetOrderDto, type WidgetProductDto, type WidgetSession } from "@/shared/widget";
import { contiguousSeq, EMPTY_THREAD, lastSeq, threadReducer, type PendingMessage, type PendingPreview, type ThreadAction, type ThreadState } from "./thread-state";

export const WIDGET_NAMESPACE_PATH = "/widget";
const ACK_TIMEOUT_MS = 10_000;
const RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000];
const TYPING_REPEAT_MS = 3_000;
const TYPING_IDLE_MS = 4_000;
const AGENT_TYPING_TIMEOUT_MS = 8_000;

/** What POST /api/widget/session answers. */
export type WidgetSessionInfo = WidgetSession;

export interface PageContext {
  productId?: string | null;
  orderId?: string | null;
}

export interface WidgetNotice {
  kind: "rate_limited" | "error" | "info";
  message: string;
}

export interface WidgetState {
  phase: "starting" | "connecting" | "connected" | "reconnecting" | "failed";
  /** Why the widget could not start (unknown shop key, identity refused), shown instead of the chat. */
  fatalError: string | null;
  shopName: string | null;
  buyerNickname: string | null;
  thread: ThreadState;
  /** The buyer's latest session: state, the agent's nickname and avatar, the rating. */
  session: WidgetSessionDto | null;
  /** The shop has read the buyer's messages up to here (CHAT-4). */
  shopReadSeq: number;
  /** The buyer has read the shop's messages up to here. */
  buyerReadSeq: number;
  agentTyping: { nickname: string | null } | null;
  /** CHAT-9: set when the shop blocked the buyer; the composer is replaced by this notice. */
  blockedNotice: string | null;
  notice: WidgetNotice | null;
  product: WidgetProductDto | null;
  order: WidgetOrderDto | null;
  isLoadingOlder: boolean;
  /** Sessions rated from this widget (so the thank-you shows at once). */
  ratedSessionIds: string[];
  claimedVoucherIds: string[];
}

export interface WidgetClientOptions {
  shopKey: string;
  page: PageContext;
  identityToken?: string | null;
  /** Persists the anonymous visitor id (localStorage in the browser). */
  storage?: Pick<Storage, "getItem" | "setItem">;
  baseUrl?: string;
}

class AckError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const INITIAL_STATE: WidgetState = {
  phase: "starting",
  fatalError: null,
  shopName: null,
  buyerNickname: null,
  thread: EMPTY_THREAD,
  session: null,
  shopReadSeq: 0,
  buyerReadSeq: 0,
  agentTyping: null,
  blockedNotice: null,
  notice: null,
  product: null,
  order: null,
  isLoadingOlder: false,
  ratedSessionIds: [],
  claimedVoucherIds: [],
};

export class WidgetClient {
  private state: WidgetState = INITIAL_STATE;
  private readonly listeners = new Set<() => void>();
  private socket: Socket | null = null;
  private sessionInfo: WidgetSessionInfo | null = null;
  private page: PageContext;
  private identityToken: string | null;
  private readonly files = new Map<string, File>();
  private isPumping = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryAttempt = 0;
  private isSyncing = false;
  private needsResync = false;
  private typingSentAt = 0;
  private typingIdleTimer: ReturnType<typeof setTimeout> | null = null;
  private agentTypingTimer: ReturnType<typeof setTimeout> | null = null;
  private noticeTimer: ReturnType<typeof setTimeout> | null = null;
  private readSent = 0;
  private generation = 0;
  private isDestroyed = false;

  constructor(private readonly options: WidgetClientOptions) {
    this.page = { ...options.page };
    this.identityToken = options.identityToken ?? null;
  }

  // ─── Subscription (useSyncExternalStore) ──────────────────────────────────

  getState = (): WidgetState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private setState(patch: Partial<WidgetState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  private dispatch(action: ThreadAction): void {
    this.setState({ thread: threadReducer(this.state.thread, action) });
  }

  // ─── Start, identity, context ─────────────────────────────────────────────

  async start(): Promise<void> {
    this.isDestroyed = false;
    const generation = ++this.generation;
    this.setState({ ...INITIAL_STATE, phase: "starting" });
    try {
      const info = await this.startSession();
      if (generation !== this.generation) return;
      this.sessionInfo = info;
      this.setState({
        shopName: info.shop.name,
        buyerNickname: info.buyer.nickname,
        blockedNotice: info.isBlocked ? "This shop is not accepting messages from you." : null,
        phase: "connecting",
      });
      await this.refreshContext();
      if (generation !== this.generation) return;
      this.connect(info.token);
    } catch (error) {
      if (generation !== this.generation) return;
      this.setState({ phase: "failed", fatalError: error instanceof Error ? error.message : "The chat could not start." });
    }
  }

  /** WIDGET-1: the storefront signed the buyer in (or out, with null): start over as them. */
  async identify(token: string | null): Promise<void> {
    if (token === this.identityToken) return;
    this.identityToken = token;
    this.teardownSocket();
    this.readSent = 0;
    await this.start();
  }

  /** WIDGET-2: the page now shows another product or order. */
  async setPageContext(page: PageContext): Promise<void> {
    this.page = { productId: page.productId ?? null, orderId: page.orderId ?? null };
    if (this.sessionInfo) await this.refreshContext().catch(() => undefined);
  }

  private visitorStorageKey(): string {
    return `counterpart:visitor:${this.options.shopKey}`;
  }

  private async startSession(): Promise<WidgetSessionInfo> {
    // The visitor id is made here and kept before asking, so that two starts racing (a second
    // tab, React's strict mode) name the same buyer.
    let visitorId = safeGet(this.options.storage, this.visitorStorageKey());
    if (!visitorId || !/^[A-Za-z0-9_-]{16,64}$/.test(visitorId)) {
      visitorId = `v${newClientId()}`.slice(0, 40);
      safeSet(this.options.storage, this.visitorStorageKey(), visitorId);
    }
    const body: Record<string, string> = { publicKey: this.options.shopKey, visitorId };
    if (this.identityToken) body.identityToken = this.identityToken;
    const info = await this.http<WidgetSessionInfo>(WIDGET_SESSION_ENDPOINT, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    if (info.visitorId) safeSet(this.options.storage, this.visitorStorageKey(), info.visitorId);
    return info;
  }

  private async refreshContext(): Promise<void> {
    const info = this.sessionInfo;
    if (!info) return;
    const query = new URLSearchParams();
    if (this.page.productId) query.set("productId", this.page.productId);
    if (this.page.orderId) query.set("orderId", this.page.orderId);
    const context = await this.http<WidgetContextDto>(`${WIDGET_CONTEXT_ENDPOINT}?${query.toString()}`, { headers: { [WIDGET_TOKEN_HEADER]: info.token } });
    this.readSent = Math.max(this.readSent, context.buyerReadSeq);
    this.setState({
      session: context.session,
      shopReadSeq: Math.max(this.state.shopReadSeq, context.shopReadSeq),
      buyerReadSeq: Math.max(this.state.buyerReadSeq, context.buyerReadSeq),
      product: context.product,
      order: context.order,
    });
  }

  private async http<T>(path: string, init: RequestInit): Promise<T> {
    const response = await fetch(`${this.options.baseUrl ?? ""}${path}`, { ...init, credentials: "omit", cache: "no-store" });
    const json = (await response.json().catch(() => null)) as { data?: T; error?: { code: string; message: string } } | null;
    if (!response.ok || !json || json.data === undefined) {
      throw new AckError(json?.error?.code ?? "INTERNAL", json?.error?.message ?? `The chat is unavailable right now (HTTP ${response.status}). Try again in a moment.`);
    }
    return json.data;
  }

  // ─── Socket ───────────────────────────────────────────────────────────────

  private connect(token: string): void {
    const socket = io(`${this.options.baseUrl ?? ""}${WIDGET_NAMESPACE_PATH}`, {
      auth: { token },
      transports: ["polling", "websocket"],
      reconnectionDelay: 500,
      reconnectionDelayMax: 5_000,
    });
    this.socket = socket;

    socket.on("connect", () => {
      this.setState({ phase: "connected" });
      void this.afterConnect();
    });
    socket.on("disconnect", (reason) => {
      this.setState({ phase: "reconnecting", agentTyping: null });
      // A disconnect the server asked for is not retried by socket.io itself.
      if (reason === "io server disconnect") socket.connect();
    });
    socket.on("connect_error", (error) => {
      this.setState({ phase: "reconnecting" });
      // The widget token expired (7 days) or the buyer changed: start a new widget session.
      if (error.message === "unauthorized") void this.renewToken();
    });
    socket.on("message.created", (event: MessageCreatedEvent) => this.receive([event.message]));
    socket.on("session.changed", (event: { session: WidgetSessionDto }) => {
      // The latest session wins: a late change to an older, closed session is not shown.
      const current = this.state.session;
      const isActive = event.session.state === "queued" || event.session.state === "open";
      if (current && current.id !== event.session.id && !isActive) return;
      this.setState({ session: event.session });
    });
    socket.on("conversation.read", (event: ReadChangedEvent) => {
      if (event.reader === "shop") this.setState({ shopReadSeq: Math.max(this.state.shopReadSeq, event.seq) });
      else {
        this.readSent = Math.max(this.readSent, event.seq);
        this.setState({ buyerReadSeq: Math.max(this.state.buyerReadSeq, event.seq) });
      }
    });
    socket.on("typing.changed", (event: TypingEvent) => {
      if (event.who !== "agent") return;
      if (this.agentTypingTimer) clearTimeout(this.agentTypingTimer);
      if (event.isTyping) {
        this.setState({ agentTyping: { nickname: event.nickname } });
        // A lost "stopped typing" must not leave the indicator on for good.
        this.agentTypingTimer = setTimeout(() => this.setState({ agentTyping: null }), AGENT_TYPING_TIMEOUT_MS);
      } else {
        this.setState({ agentTyping: null });
      }
    });
    socket.on("buyer.blocked", (event: { message: string }) => {
      this.setState({ blockedNotice: event.message });
    });
  }

  private async renewToken(): Promise<void> {
    const socket = this.socket;
    if (!socket) return;
    try {
      const info = await this.startSession();
      if (this.sessionInfo && info.buyer.id !== this.sessionInfo.buyer.id) {
        // Another buyer now (the visitor id was cleared): start over cleanly.
        await this.start();
        return;
      }
      this.sessionInfo = info;
      socket.auth = { token: info.token };
      socket.connect();
    } catch {
      // The server refused the socket, so socket.io will not retry by itself: try again soon.
      if (!this.isDestroyed) setTimeout(() => void this.renewToken(), 3_000);
    }
  }

  private teardownSocket(): void {
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.isPumping = false;
  }

  /** Stops the connection and timers. start() may run again (React's strict mode does so). */
  destroy(): void {
    this.isDestroyed = true;
    this.generation += 1;
    this.teardownSocket();
    for (const timer of [this.typingIdleTimer, this.agentTypingTimer, this.noticeTimer]) if (timer) clearTimeout(timer);
  }

  private emit<T>(event: string, payload: unknown, timeoutMs = ACK_TIMEOUT_MS): Promise<T> {
    const socket = this.socket;
    if (!socket?.connected) return Promise.reject(new AckError("DISCONNECTED", "Not connected."));
    return new Promise<T>((resolve, reject) => {
      socket.timeout(timeoutMs).emit(event, payload, (error: Error | null, reply: Ack<T>) => {
        if (error) reject(new AckError("TIMEOUT", "The server did not answer in time."));
        else if (reply.ok) resolve(reply.data);
        else reject(new AckError(reply.error.code, reply.error.message));
      });
    });
  }

  private async afterConnect(): Promise<void> {
    try {
      if (!this.state.thread.isLoaded) {
        const page = await this.emit<{ messages: MessageDto[]; hasMore: boolean }>("conversation:history", { limit: 30 });
        this.dispatch({ type: "history_loaded", messages: page.messages, hasMore: page.hasMore });
      }
      // Whatever happened while we were away: messages (sync), session and read state (context).
      await this.sync();
      await this.refreshContext().catch(() => undefined);
    } catch {
      // A failed load is retried at the next connect; a timeout here means the link is gone anyway.
    }
    this.retryAttempt = 0;
    void this.pump();
  }

  /** CHAT-3: fetch everything after the last gap-free sequence number we hold. */
  private async sync(): Promise<void> {
    if (this.isSyncing) {
      this.needsResync = true;
      return;
    }
    this.isSyncing = true;
    try {
      do {
        this.needsResync = false;
        let hasMore = true;
        while (hasMore) {
          const after = contiguousSeq(this.state.thread.messages, this.state.thread.floorSeq);
          const page = await this.emit<{ messages: MessageDto[]; hasMore: boolean }>("conversation:sync", { afterSeq: after, limit: 200 });
          this.dispatch({ type: "received", messages: page.messages });
          hasMore = page.hasMore && page.messages.length > 0;
        }
      } while (this.needsResync);
    } finally {
      this.isSyncing = false;
    }
  }

  private receive(messages: MessageDto[]): void {
    const before = contiguousSeq(this.state.thread.messages, this.state.thread.floorSeq);
    this.dispatch({ type: "received", messages });
    if (!this.state.thread.isLoaded) return;
    // A message past a gap: something was missed (a reconnect race); fetch the gap.
    if (messages.some((message) => message.seq > before + 1) && contiguousSeq(this.state.thread.messages, this.state.thread.floorSeq) < lastSeq(this.state.thread.messages)) {
      void this.sync().catch(() => undefined);
    }
    if (messages.some((message) => message.authorType === "agent")) this.setState({ agentTyping: null });
  }

  /** Infinite scroll: the page before the oldest message held. */
  async loadOlder(): Promise<void> {
    const { thread, isLoadingOlder } = this.state;
    if (isLoadingOlder || !thread.hasMoreBefore || !thread.messages[0]) return;
    this.setState({ isLoadingOlder: true });
    try {
      const page = await this.emit<{ messages: MessageDto[]; hasMore: boolean }>("conversation:history", { beforeSeq: thread.messages[0].seq, limit: 30 });
      this.dispatch({ type: "older_loaded", messages: page.messages, hasMore: page.hasMore });
    } catch {
      // Scrolling up again retries.
    } finally {
      this.setState({ isLoadingOlder: false });
    }
  }

  // ─── Sending ──────────────────────────────────────────────────────────────

  private contextForSend(): { productId?: string; orderId?: string } | undefined {
    const context: { productId?: string; orderId?: string } = {};
    if (this.state.product) context.productId = this.state.product.id;
    if (this.state.order) context.orderId = this.state.order.id;
    return Object.keys(context).length > 0 ? context : undefined;
  }

  sendText(text: string): boolean {
    const body = text.trim();
    if (body.length === 0 || body.length > MAX_TEXT_LENGTH || this.state.blockedNotice) return false;
    this.queue({ kind: "text", body }, { kind: "text", body });
    this.setTyping(false);
    return true;
  }

  sendProduct(): void {
    const product = this.state.product;
    if (product) this.queue({ kind: "product_card", productId: product.id }, { kind: "product_card", label: product.name });
  }

  sendOrder(): void {
    const order = this.state.order;
    if (order) this.queue({ kind: "order_card", orderId: order.id }, { kind: "order_card", label: `Order ${order.externalId}` });
  }

  private queue(content: TBuyerMessageContent, preview: PendingPreview): void {
    this.dispatch({
      type: "pending_added",
      pending: { clientId: newClientId(), content, preview, status: "sending", progress: 0, error: null, canRetry: true },
    });
    void this.pump();
  }

  /** Sends pending messages one at a time, in the order written, until each is acknowledged. */
  private async pump(): Promise<void> {
    if (this.isPumping) return;
    this.isPumping = true;
    try {
      for (;;) {
        const next = this.state.thread.pending.find((item) => item.status === "sending" && item.content !== null);
        if (!next || !this.socket?.connected) return;
        const sent = await this.sendOne(next);
        if (!sent) return;
      }
    } finally {
      this.isPumping = false;
    }
  }

  /** One attempt; true to go on with the next pending message, false to wait for a retry. */
  private async sendOne(item: PendingMessage): Promise<boolean> {
    try {
      const stored = await this.emit<MessageDto>("message:send", { clientId: item.clientId, content: item.content, context: this.contextForSend() });
      this.retryAttempt = 0;
      this.receive([stored]);
      this.dispatch({ type: "pending_removed", clientId: item.clientId });
      return true;
    } catch (error) {
      const code = error instanceof AckError ? error.code : "INTERNAL";
      const message = error instanceof Error ? error.message : "The message could not be sent.";
      if (code === "TIMEOUT" || code === "DISCONNECTED") {
        // Same clientId again later: the server stores it once whatever happened to the first try.
        this.scheduleRetry();
        return false;
      }
      if (code === "FORBIDDEN") this.setState({ blockedNotice: message });
      if (code === "RATE_LIMITED") this.showNotice({ kind: "rate_limited", message }, 8_000);
      this.dispatch({ type: "pending_updated", clientId: item.clientId, patch: { status: "failed", error: message, canRetry: code !== "FORBIDDEN" && code !== "BAD_INPUT" } });
      return true;
    }
  }

  private scheduleRetry(): void {
    if (this.retryTimer || this.isDestroyed) return;
    const delay = RETRY_DELAYS_MS[Math.min(this.retryAttempt, RETRY_DELAYS_MS.length - 1)]!;
    this.retryAttempt += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.pump();
    }, delay);
  }

  /** "Retry" on a failed bubble: the same clientId, so a send that did land is not repeated. */
  retry(clientId: string): void {
    const item = this.state.thread.pending.find((entry) => entry.clientId === clientId);
    if (!item) return;
    if (item.content === null) {
      const file = this.files.get(clientId);
      this.dispatch({ type: "pending_removed", clientId });
      if (file) this.sendFile(file);
      return;
    }
    this.dispatch({ type: "pending_updated", clientId, patch: { status: "sending", error: null } });
    void this.pump();
  }

  dismiss(clientId: string): void {
    const item = this.state.thread.pending.find((entry) => entry.clientId === clientId);
    if (item?.preview.kind === "image" || item?.preview.kind === "video") {
      if (item.preview.objectUrl) URL.revokeObjectURL(item.preview.objectUrl);
    }
    this.files.delete(clientId);
    this.dispatch({ type: "pending_removed", clientId });
  }

  /** CHAT-2: upload with progress, then send the stored upload as an image or video message. */
  sendFile(file: File): void {
    if (this.state.blockedNotice || !this.sessionInfo) return;
    const clientId = newClientId();
    const isVideo = file.type.startsWith("video/");
    const objectUrl = !isVideo && file.type.startsWith("image/") && typeof URL.createObjectURL === "function" ? URL.createObjectURL(file) : null;
    this.files.set(clientId, file);
    this.dispatch({
      type: "pending_added",
      pending: { clientId, content: null, preview: { kind: isVideo ? "video" : "image", fileName: file.name, objectUrl }, status: "uploading", progress: 0, error: null, canRetry: true },
    });
    // Nothing is accepted above the video limit: say so before sending 50 MB for nothing.
    if (file.size > UPLOAD_LIMITS.video) {
      this.dispatch({ type: "pending_updated", clientId, patch: { status: "failed", error: "Files can be at most 50 MB (images 10 MB).", canRetry: false } });
      return;
    }
    uploadWithProgress(`${this.options.baseUrl ?? ""}${UPLOAD_ENDPOINT}`, file, this.sessionInfo.token, (fraction) => {
      this.dispatch({ type: "pending_updated", clientId, patch: { progress: fraction } });
    })
      .then((upload) => {
        this.files.delete(clientId);
        const preview: PendingPreview = { kind: upload.kind, fileName: upload.fileName, objectUrl };
        this.dispatch({ type: "pending_updated", clientId, patch: { status: "sending", progress: 1, preview, content: { kind: upload.kind, uploadId: upload.uploadId } } });
        void this.pump();
      })
      .catch((error: unknown) => {
        const upload = error instanceof UploadRefused ? error : null;
        if (upload?.code === "RATE_LIMITED") this.showNotice({ kind: "rate_limited", message: upload.message }, 8_000);
        if (upload?.code === "FORBIDDEN") this.setState({ blockedNotice: upload.message });
        const refusedForGood = upload !== null && (upload.status === 413 || upload.status === 415 || upload.status === 400 || upload.status === 403);
        this.dispatch({
          type: "pending_updated",
          clientId,
          patch: { status: "failed", error: error instanceof Error ? error.message : "The upload failed.", canRetry: !refusedForGood },
        });
      });
  }

  // ─── Typing, read, rating, vouchers ───────────────────────────────────────

  /** Typing indicator towards the agent: at most one "typing" every 3 s, "stopped" after 4 s idle. */
  setTyping(isTyping: boolean): void {
    const socket = this.socket;
    if (!socket?.connected || this.state.blockedNotice) return;
    if (this.typingIdleTimer) clearTimeout(this.typingIdleTimer);
    const now = Date.now();
    if (isTyping) {
      if (now - this.typingSentAt > TYPING_REPEAT_MS) {
        this.typingSentAt = now;
        socket.emit("typing:set", { isTyping: true }, () => undefined);
      }
      this.typingIdleTimer = setTimeout(() => this.setTyping(false), TYPING_IDLE_MS);
    } else if (this.typingSentAt > 0) {
      this.typingSentAt = 0;
      socket.emit("typing:set", { isTyping: false }, () => undefined);
    }
  }

  /** CHAT-4: the buyer has seen everything shown; agents see "read". */
  markRead(): void {
    const seq = lastSeq(this.state.thread.messages);
    if (seq <= this.readSent || !this.socket?.connected) return;
    this.readSent = seq;
    this.setState({ buyerReadSeq: Math.max(this.state.buyerReadSeq, seq) });
    this.emit("conversation:read", { seq }).catch(() => {
      this.readSent = Math.min(this.readSent, seq - 1);
    });
  }

  /** CHAT-7: five-point rating of an ended session. */
  async rate(sessionId: string, rating: number): Promise<void> {
    try {
      await this.emit("session:rate", { sessionId, rating });
      this.setState({ ratedSessionIds: [...this.state.ratedSessionIds, sessionId] });
      const session = this.state.session;
      if (session?.id === sessionId) this.setState({ session: { ...session, rating } });
    } catch (error) {
      const message = error instanceof Error ? error.message : "The rating could not be saved.";
      if (error instanceof AckError && error.code === "CONFLICT" && /already rated/i.test(message)) {
        this.setState({ ratedSessionIds: [...this.state.ratedSessionIds, sessionId] });
        return;
      }
      this.showNotice({ kind: "error", message }, 8_000);
    }
  }

  /** WIDGET-3: claim a voucher from a voucher card. */
  async claimVoucher(voucherId: string, messageId: string): Promise<void> {
    try {
      await this.emit("voucher:claim", { voucherId, messageId });
      this.setState({ claimedVoucherIds: [...this.state.claimedVoucherIds, voucherId], notice: { kind: "info", message: "Voucher claimed. It is in your account." } });
    } catch (error) {
      const message = error instanceof Error ? error.message : "The voucher could not be claimed.";
      if (/already claimed/i.test(message)) this.setState({ claimedVoucherIds: [...this.state.claimedVoucherIds, voucherId] });
      this.showNotice({ kind: error instanceof AckError && error.code === "RATE_LIMITED" ? "rate_limited" : "error", message }, 8_000);
    }
  }

  showNotice(notice: WidgetNotice, forMs?: number): void {
    if (this.noticeTimer) clearTimeout(this.noticeTimer);
    this.setState({ notice });
    if (forMs) this.noticeTimer = setTimeout(() => this.setState({ notice: null }), forMs);
  }

  dismissNotice(): void {
    if (this.noticeTimer) clearTimeout(this.noticeTimer);
    this.setState({ notice: null });
  }

  /** Starts over after a fatal error (the Retry button). */
  restart(): void {
    this.teardownSocket();
    void this.start();
  }
}

// ─── Helpers ────────────────────────────────────────────────────────────────

export class UploadRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** XMLHttpRequest, because fetch cannot report upload progress. */
export function uploadWithProgress(url: string, file: File, widgetToken: string, onProgress: (fraction: number) => void): Promise<UploadDto> {
  return new Promise<UploadDto>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader(WIDGET_TOKEN_HEADER, widgetToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(Math.min(1, event.loaded / event.total));
    };
    xhr.onload = () => {
      type UploadReply = { data?: UploadDto; error?: { code?: string; message?: string } } | null;
      let body: UploadReply;
      try {
        body = JSON.parse(xhr.responseText) as UploadReply;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body?.data) {
        onProgress(1);
        resolve(body.data);
      } else {
        reject(new UploadRefused(xhr.status, body?.error?.code ?? "INTERNAL", body?.error?.message ?? `The upload failed (HTTP ${xhr.status}). Try again.`));
      }
    };
    xhr.onerror = () => reject(new Error("The upload failed: the connection was lost. Try again."));
    const form = new FormData();
    form.append(UPLOAD_FIELD, file, file.name);
    xhr.send(form);
  });
}

function safeGet(storage: WidgetClientOptions["storage"], key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function safeSet(storage: WidgetClientOptions["storage"], key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // Storage blocked (private mode, third-party cookies off): the visitor is new next time.
  }
}
