// The buyer widget's connection (WIDGET-1..3, CHAT-3), independent of React: it starts the
// widget session over HTTP (widget-session.ts), keeps one Socket.IO connection to "/widget", and
// turns everything the server says into one immutable state that the UI subscribes to.
// Delivery — the thread, the outbox, resume and uploads — is the shared delivery client
// (src/client/delivery, docs/realtime.md "Client delivery"), the same one the console uses;
// this class adds the buyer's own concerns: session, read marks, typing, rating, vouchers.
import { io } from "socket.io-client";
import { DeliveryClient } from "@/client/delivery/client";
import { bindWidgetDelivery, widgetTransport } from "@/client/delivery/socket-adapter";
import { tapTranslations } from "@/client/delivery/translations";
import { asTypedSocket, call, CommandError, send, type WidgetSocket } from "@/client/socket/typed-socket";
import { lastSeq } from "@/client/delivery/thread";
import { createXhrUploader } from "@/client/delivery/upload";
import type { AvailabilityChangedEvent, MessageCreatedEvent, ReadChangedEvent, TypingEvent, WidgetSessionDto } from "@/shared/events";
import { MAX_TEXT_LENGTH, newClientId } from "@/shared/message-schemas";
import { WIDGET_TOKEN_HEADER } from "@/shared/uploads";
import type { WidgetSession } from "@/shared/widget";
import { fetchWidgetContext, startWidgetSession, WidgetRequestError, type PageContext } from "./widget-session";
import { initialWidgetState, WidgetStore, type WidgetClientOptions } from "./widget-store";

export type { PageContext } from "./widget-session";
export type { WidgetClientOptions, WidgetNotice, WidgetState, WidgetTexts } from "./widget-store";
export const WIDGET_NAMESPACE_PATH = "/widget";
const ACK_TIMEOUT_MS = 10_000;
const TYPING_REPEAT_MS = 3_000;
const TYPING_IDLE_MS = 4_000;
const NOTICE_MS = 8_000;
/** WIDGET-4: a queued buyer's position and expected wait are re-read this often while an agent is online. */
export const QUEUE_REFRESH_MS = 30_000;

function newDelivery(client: WidgetClient, socket: WidgetSocket, token: () => string, baseUrl: string | undefined): DeliveryClient {
  return new DeliveryClient({
    transport: tapTranslations(widgetTransport(socket), (translations) => client.addTranslations(translations)),
    uploader: createXhrUploader({ baseUrl, headers: () => ({ [WIDGET_TOKEN_HEADER]: token() }) }),
    newClientId,
    ackTimeoutMs: ACK_TIMEOUT_MS,
    onNotice: (code, message) => {
      const text = client.texts.serverError(code, message);
      return code === "FORBIDDEN" ? client.block(text) : client.showNotice({ kind: "rate_limited", message: text }, NOTICE_MS);
    },
    releasePreview: (url) => URL.revokeObjectURL(url),
  });
}

export class WidgetClient extends WidgetStore {
  private socket: WidgetSocket | null = null;
  private delivery: DeliveryClient | null = null;
  private detach: Array<() => void> = [];
  private sessionInfo: WidgetSession | null = null;
  private page: PageContext;
  private identityToken: string | null;
  private typingSentAt = 0;
  private readSent = 0;
  private generation = 0;
  private isDestroyed = false;

  /** NF-5: the buyer's language. */
  readonly texts: WidgetClientOptions["texts"];

  constructor(private readonly options: WidgetClientOptions) {
    super();
    this.texts = options.texts;
    this.page = { ...options.page };
    this.identityToken = options.identityToken ?? null;
  }

  // ─── Start, identity, context ─────────────────────────────────────────────

  async start(): Promise<void> {
    this.isDestroyed = false;
    const generation = ++this.generation;
    this.setState({ ...initialWidgetState(), phase: "starting" });
    try {
      const info = await startWidgetSession(this.options, this.identityToken);
      if (generation !== this.generation) return;
      this.sessionInfo = info;
      // The delivery client exists from here, so what the buyer writes now waits in its outbox.
      this.openSocket(info.token);
      this.setState({
        shopName: info.shop.name,
        buyerNickname: info.buyer.nickname,
        blockedNotice: info.isBlocked ? this.texts.client("blocked") : null,
        phase: "connecting",
      });
      await this.refreshContext(true);
      if (generation !== this.generation) return;
      this.socket?.connect();
    } catch (error) {
      if (generation !== this.generation) return;
      this.setState({ phase: "failed", fatalError: this.fatalText(error) });
    }
  }

  private fatalText(error: unknown): string {
    if (error instanceof WidgetRequestError) {
      return error.isFromServer ? this.texts.serverError(error.code, error.message) : this.texts.client("unavailable", { status: error.status });
    }
    return this.texts.client("couldNotStart");
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

  /** `afterGap`: on start and reconnect the context is the truth (events may have been missed). */
  private async refreshContext(afterGap = false): Promise<void> {
    const info = this.sessionInfo;
    if (!info) return;
    const context = await fetchWidgetContext(this.options, info.token, this.page);
    this.readSent = Math.max(this.readSent, context.buyerReadSeq);
    this.setState({
      session: afterGap ? context.session : newerSession(this.state.session, context.session),
      shopReadSeq: Math.max(this.state.shopReadSeq, context.shopReadSeq),
      buyerReadSeq: Math.max(this.state.buyerReadSeq, context.buyerReadSeq),
      product: context.product,
      order: context.order,
      // WIDGET-3: claims made in another tab or before a reload; ones made here stay.
      claimedVoucherIds: [...new Set([...this.state.claimedVoucherIds, ...(context.claimedVoucherIds ?? [])])],
      availability: context.availability ?? null,
    });
    this.scheduleQueueRefresh();
  }

  /** WIDGET-4: while queued with an agent online, the place in the queue moves as others are served. */
  private scheduleQueueRefresh(): void {
    const isWaiting = this.state.session?.state === "queued" && this.state.availability?.isAgentOnline === true;
    if (!isWaiting || this.isDestroyed) return this.clearTimer("queue_refresh");
    this.setTimer("queue_refresh", QUEUE_REFRESH_MS, () => void this.refreshContext().catch(() => undefined));
  }

  /** WIDGET-4: an agent came online or went offline (`availability.changed`). */
  private applyAvailability(event: AvailabilityChangedEvent): void {
    const current = this.state.availability;
    if (!current) return void this.refreshContext().catch(() => undefined);
    this.setState({ availability: { ...current, isAgentOnline: event.isAgentOnline, ...(event.isAgentOnline ? {} : { queuePosition: null, expectedWaitSeconds: null }) } });
    // A queued buyer's position and wait exist only while someone is online: read them now.
    if (event.isAgentOnline && this.state.session?.state === "queued") void this.refreshContext().catch(() => undefined);
    else this.scheduleQueueRefresh();
  }

  // ─── Socket ───────────────────────────────────────────────────────────────

  private openSocket(token: string): void {
    const socket = asTypedSocket("widget", io(`${this.options.baseUrl ?? ""}${WIDGET_NAMESPACE_PATH}`, {
      auth: { token },
      autoConnect: false,
      transports: ["polling", "websocket"],
      reconnectionDelay: 500,
      reconnectionDelayMax: 5_000,
    }));
    this.socket = socket;
    const delivery = newDelivery(this, socket, () => this.sessionInfo?.token ?? token, this.options.baseUrl);
    this.delivery = delivery;
    const sync = () => this.setState({ thread: delivery.getState(), isLoadingOlder: delivery.getState().isLoadingOlder });
    this.detach = [delivery.subscribe(sync), bindWidgetDelivery(delivery, socket)];

    socket.on("connect", () => this.setState({ phase: "connected" }));
    // Whatever happened while away: messages come by the delivery client's sync; session and read state by the context.
    socket.on("widget.ready", () => void this.refreshContext(true).catch(() => undefined));
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
    socket.on("message.created", (event: MessageCreatedEvent) => {
      if (event.message.authorType === "agent") this.setState({ agentTyping: null });
    });
    // SET-3: a translation of a message sent to the buyer follows the message.
    socket.on("message.translated", (event) => this.addTranslations([event.translation]));
    socket.on("session.changed", (event: { session: WidgetSessionDto }) => {
      const wasQueued = this.state.session?.state === "queued";
      this.applySession(event.session);
      // WIDGET-4: a newly queued session gets its place in the queue.
      if (event.session.state === "queued" && !wasQueued) void this.refreshContext().catch(() => undefined);
      else this.scheduleQueueRefresh();
    });
    socket.on("availability.changed", (event: AvailabilityChangedEvent) => this.applyAvailability(event));
    socket.on("conversation.read", (event: ReadChangedEvent) => {
      // Another tab of the buyer read: this one need not say so again.
      if (event.reader === "buyer") this.readSent = Math.max(this.readSent, event.seq);
      this.applyRead(event);
    });
    socket.on("typing.changed", (event: TypingEvent) => this.applyTyping(event));
    socket.on("buyer.blocked", (event: { message: string }) => this.block(event.message));
    socket.on("buyer.unblocked", () => this.setState({ blockedNotice: null }));
  }

  private async renewToken(): Promise<void> {
    const socket = this.socket;
    if (!socket) return;
    try {
      const info = await startWidgetSession(this.options, this.identityToken);
      if (this.sessionInfo && info.buyer.id !== this.sessionInfo.buyer.id) {
        // Another buyer now (the visitor id was cleared): start over cleanly.
        this.teardownSocket();
        await this.start();
        return;
      }
      this.sessionInfo = info;
      socket.auth = { token: info.token };
      socket.connect();
    } catch {
      // The server refused the socket, so socket.io will not retry by itself: try again soon.
      if (!this.isDestroyed) this.setTimer("renew", 3_000, () => void this.renewToken());
    }
  }

  private teardownSocket(): void {
    for (const detach of this.detach) detach();
    this.detach = [];
    this.delivery?.stop();
    this.delivery = null;
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
  }

  /** Stops the connection and timers. start() may run again (React's strict mode does so). */
  destroy(): void {
    this.isDestroyed = true;
    this.generation += 1;
    this.teardownSocket();
    this.clearTimers();
  }

  /** A widget command of the typed contract; rejects with a CommandError (OFFLINE when not connected). */
  private get commands(): WidgetSocket {
    if (!this.socket) throw new CommandError("OFFLINE", "Not connected.");
    return this.socket;
  }

  // ─── The thread: a view over the delivery client ──────────────────────────

  /** Infinite scroll: the page before the oldest message held. */
  async loadOlder(): Promise<void> {
    this.delivery?.loadOlder();
  }

  sendText(text: string): boolean {
    const body = text.trim();
    if (!this.delivery || body.length === 0 || body.length > MAX_TEXT_LENGTH || this.state.blockedNotice) return false;
    void this.delivery.send({ kind: "text", body }, { kind: "text", body }, { context: this.contextForSend() });
    this.setTyping(false);
    return true;
  }

  sendProduct(): void {
    const product = this.state.product;
    if (product) void this.delivery?.send({ kind: "product_card", productId: product.id }, { kind: "product_card", label: product.name }, { context: this.contextForSend() });
  }

  sendOrder(): void {
    const order = this.state.order;
    if (order) void this.delivery?.send({ kind: "order_card", orderId: order.id }, { kind: "order_card", label: this.texts.orderLabel(order.externalId) }, { context: this.contextForSend() });
  }

  /** CHAT-2: upload with progress, then send the stored upload as an image or video message. */
  sendFile(file: File): void {
    if (this.state.blockedNotice || !this.delivery) return;
    const isVideo = file.type.startsWith("video/");
    const objectUrl = !isVideo && file.type.startsWith("image/") && typeof URL.createObjectURL === "function" ? URL.createObjectURL(file) : null;
    this.delivery.sendFile(file, { kind: isVideo ? "video" : "image", fileName: file.name, objectUrl });
  }

  /** "Retry" on a failed bubble: the same client id, so a send that did land is not repeated. */
  retry(clientId: string): void {
    this.delivery?.retry(clientId);
  }

  dismiss(clientId: string): void {
    this.delivery?.discard(clientId);
  }

  // ─── Typing, read, rating, vouchers, notices ──────────────────────────────

  /** Typing indicator towards the agent: at most one "typing" every 3 s, "stopped" after 4 s idle. */
  setTyping(isTyping: boolean): void {
    const socket = this.socket;
    if (!socket?.connected || this.state.blockedNotice) return;
    this.clearTimer("typing_idle");
    const now = Date.now();
    if (isTyping) {
      if (now - this.typingSentAt > TYPING_REPEAT_MS) {
        this.typingSentAt = now;
        void send(socket, "typing:set", { isTyping: true });
      }
      this.setTimer("typing_idle", TYPING_IDLE_MS, () => this.setTyping(false));
    } else if (this.typingSentAt > 0) {
      this.typingSentAt = 0;
      void send(socket, "typing:set", { isTyping: false });
    }
  }

  /** CHAT-4: the buyer has seen everything shown; agents see "read". */
  markRead(): void {
    const seq = lastSeq(this.state.thread.messages);
    if (seq <= this.readSent || !this.socket?.connected) return;
    this.readSent = seq;
    this.setState({ buyerReadSeq: Math.max(this.state.buyerReadSeq, seq) });
    call(this.commands, "conversation:read", { seq }).catch(() => {
      this.readSent = Math.min(this.readSent, seq - 1);
    });
  }

  /** CHAT-7: five-point rating of an ended session, with an optional comment. */
  async rate(sessionId: string, rating: number, comment = ""): Promise<void> {
    try {
      await call(this.commands, "session:rate", { sessionId, rating, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      this.setState({ ratedSessionIds: [...this.state.ratedSessionIds, sessionId] });
      const session = this.state.session;
      if (session?.id === sessionId) this.setState({ session: { ...session, rating } });
    } catch (error) {
      const message = error instanceof Error ? error.message : this.texts.client("ratingFailed");
      if (error instanceof CommandError && error.code === "CONFLICT" && /already rated/i.test(message)) {
        this.setState({ ratedSessionIds: [...this.state.ratedSessionIds, sessionId] });
        return;
      }
      this.showNotice({ kind: "error", message: this.commandErrorText(error, "ratingFailed") }, NOTICE_MS);
    }
  }

  /** AUTO-5: the "Talk to a person" button; the hand-over note and session change arrive as events. */
  async requestPerson(sessionId: string): Promise<void> {
    try {
      await call(this.commands, "session:request_person", { sessionId });
      const session = this.state.session;
      if (session?.id === sessionId) this.setState({ session: { ...session, withBot: false } });
    } catch (error) {
      this.showNotice({ kind: "error", message: this.commandErrorText(error, "pleaseTryAgain") }, NOTICE_MS);
    }
  }

  /** WIDGET-3: claim a voucher from a voucher card. */
  async claimVoucher(voucherId: string, messageId: string): Promise<void> {
    try {
      await call(this.commands, "voucher:claim", { voucherId, messageId });
      this.setState({ claimedVoucherIds: [...this.state.claimedVoucherIds, voucherId], notice: { kind: "info", message: this.texts.client("voucherClaimed") } });
    } catch (error) {
      const message = error instanceof Error ? error.message : "";
      if (/already claimed/i.test(message)) this.setState({ claimedVoucherIds: [...this.state.claimedVoucherIds, voucherId] });
      this.showNotice({ kind: error instanceof CommandError && error.code === "RATE_LIMITED" ? "rate_limited" : "error", message: this.commandErrorText(error, "voucherClaimFailed") }, NOTICE_MS);
    }
  }

  /** A failed command's reason in the buyer's language; `fallback` when it carried none. */
  private commandErrorText(error: unknown, fallback: "ratingFailed" | "pleaseTryAgain" | "voucherClaimFailed"): string {
    if (error instanceof CommandError) return this.texts.serverError(error.code, error.message);
    return this.texts.client(fallback);
  }

  /** Starts over after a fatal error (the Retry button). */
  restart(): void {
    this.teardownSocket();
    void this.start();
  }
}

/**
 * The context is read over HTTP while socket events keep arriving: a context read just before an
 * assignment (or an end) may answer after the event. A session only moves queued → open →
 * ended/expired (a requeue arrives as its own event, applied directly), so a context that would
 * move the same session back is stale and the state from the event stays.
 */
function newerSession(current: WidgetSessionDto | null, fromContext: WidgetSessionDto | null): WidgetSessionDto | null {
  if (!current || !fromContext || current.id !== fromContext.id) return fromContext;
  const rank = { queued: 0, open: 1, ended: 2, expired: 2 } as const;
  return rank[fromContext.state] < rank[current.state] ? current : fromContext;
}
