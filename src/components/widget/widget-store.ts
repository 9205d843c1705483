// The widget's state holder: one immutable WidgetState that React subscribes to
// (useSyncExternalStore), the named timers the widget runs, and the notices it shows. The
// connection and the commands are in widget-client.ts, which extends it.
import { INITIAL_DELIVERY_STATE } from "@/client/delivery/machine";
import type { DeliveryState } from "@/client/delivery/types";
import { mergeTranslations } from "@/client/delivery/translations";
import type { MessageTranslationDto } from "@/shared/dto";
import type { ReadChangedEvent, TypingEvent, WidgetSessionDto } from "@/shared/events";
import type { WidgetAvailabilityDto, WidgetOrderDto, WidgetProductDto } from "@/shared/widget";
import type { PageContext, VisitorStorage } from "./widget-session";

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
  /** The delivery client's state: stored messages, pending bubbles, paging. */
  thread: DeliveryState;
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
  /** WIDGET-4: an agent online, the queue position and wait, the offline message; null until known. */
  availability: WidgetAvailabilityDto | null;
  /** SET-3: translations of the messages sent to the buyer, by message id. */
  translations: ReadonlyMap<string, MessageTranslationDto>;
}

/** The widget's own sentences (messages/<locale>/widget.json, `widget.client`). */
export type WidgetClientTextKey = "blocked" | "couldNotStart" | "unavailable" | "ratingFailed" | "pleaseTryAgain" | "voucherClaimed" | "voucherClaimFailed";

/**
 * NF-5: what the connection says to the buyer, in the buyer's language; the React side builds it
 * from next-intl's translators, so this class stays free of React.
 */
export interface WidgetTexts {
  client(key: WidgetClientTextKey, values?: Record<string, string | number>): string;
  /** An error the server (or the connection) reported with a code, in the buyer's language. */
  serverError(code: string | undefined, message: string): string;
  /** The pending bubble of an order card: "Order ORD-1". */
  orderLabel(number: string): string;
}

export interface WidgetClientOptions {
  shopKey: string;
  texts: WidgetTexts;
  page: PageContext;
  identityToken?: string | null;
  /** Persists the anonymous visitor id (localStorage in the browser). */
  storage?: VisitorStorage;
  baseUrl?: string;
}

type TimerKey = "typing_idle" | "agent_typing" | "notice" | "renew" | "queue_refresh";
const AGENT_TYPING_TIMEOUT_MS = 8_000;

export class WidgetStore {
  protected state: WidgetState = initialWidgetState();
  private readonly listeners = new Set<() => void>();
  private readonly timers = new Map<TimerKey, ReturnType<typeof setTimeout>>();

  getState = (): WidgetState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  protected setState(patch: Partial<WidgetState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  /** SET-3: translations from a page or a message.translated event. */
  addTranslations(incoming: MessageTranslationDto[]): void {
    const translations = mergeTranslations(this.state.translations, incoming);
    if (translations !== this.state.translations) this.setState({ translations });
  }

  protected setTimer(key: TimerKey, ms: number, run: () => void): void {
    this.clearTimer(key);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      run();
    }, ms));
  }

  protected clearTimer(key: TimerKey): void {
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
  }

  protected clearTimers(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /** The latest session wins: a late change to an older, closed session is not shown. */
  protected applySession(session: WidgetSessionDto): void {
    const current = this.state.session;
    const isActive = session.state === "queued" || session.state === "open";
    if (current && current.id !== session.id && !isActive) return;
    this.setState({ session });
  }

  /** CHAT-4: read marks only move forward. */
  protected applyRead(event: ReadChangedEvent): void {
    if (event.reader === "shop") this.setState({ shopReadSeq: Math.max(this.state.shopReadSeq, event.seq) });
    else this.setState({ buyerReadSeq: Math.max(this.state.buyerReadSeq, event.seq) });
  }

  protected applyTyping(event: TypingEvent): void {
    if (event.who !== "agent") return;
    if (event.isTyping) {
      this.setState({ agentTyping: { nickname: event.nickname } });
      // A lost "stopped typing" must not leave the indicator on for good.
      this.setTimer("agent_typing", AGENT_TYPING_TIMEOUT_MS, () => this.setState({ agentTyping: null }));
    } else {
      this.clearTimer("agent_typing");
      this.setState({ agentTyping: null });
    }
  }

  /** WIDGET-2: what the page shows travels with each message (it sets a new session's category). */
  protected contextForSend(): { productId?: string; orderId?: string } | undefined {
    const context: { productId?: string; orderId?: string } = {};
    if (this.state.product) context.productId = this.state.product.id;
    if (this.state.order) context.orderId = this.state.order.id;
    return Object.keys(context).length > 0 ? context : undefined;
  }

  /** CHAT-9: the shop refused the buyer; the composer gives way to the shop's notice. */
  block(message: string): void {
    this.setState({ blockedNotice: message });
  }

  showNotice(notice: WidgetNotice, forMs?: number): void {
    this.clearTimer("notice");
    this.setState({ notice });
    if (forMs) this.setTimer("notice", forMs, () => this.setState({ notice: null }));
  }

  dismissNotice(): void {
    this.clearTimer("notice");
    this.setState({ notice: null });
  }
}

export function initialWidgetState(): WidgetState {
  return {
    phase: "starting", fatalError: null, shopName: null, buyerNickname: null, thread: INITIAL_DELIVERY_STATE, session: null, shopReadSeq: 0, buyerReadSeq: 0,
    agentTyping: null, blockedNotice: null, notice: null, product: null, order: null, isLoadingOlder: false, ratedSessionIds: [], claimedVoucherIds: [],
    availability: null, translations: new Map(),
  };
}
