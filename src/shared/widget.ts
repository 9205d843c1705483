// The buyer widget's HTTP shapes (WIDGET-1..3). Buyer-facing: agents appear by nickname and
// avatar only, never by email (TEAM-6).
import { z } from "zod";
import { safeLine } from "@/shared/zod-primitives";
import type { WidgetSessionDto } from "@/shared/events";

export const WIDGET_SESSION_ENDPOINT = "/api/widget/session";
export const WIDGET_CONTEXT_ENDPOINT = "/api/widget/context";

/** Query of GET /api/widget/context: the SHOP's own ids of what the buyer is viewing. */
export const ZWidgetContextQuery = z.object({
  productId: safeLine().trim().min(1).max(128).optional(),
  orderId: safeLine().trim().min(1).max(128).optional(),
});

export interface WidgetProductDto {
  /** Our id: what `message:send` takes in `content.productId` and `context.productId`. */
  id: string;
  externalId: string;
  name: string;
  priceCents: number;
  currency: string;
  imageUrl: string | null;
  url: string | null;
  isSoldOut: boolean;
}

export interface WidgetOrderDto {
  /** Our id: what `message:send` takes in `content.orderId` and `context.orderId`. */
  id: string;
  externalId: string;
  status: string;
  totalCents: number;
  currency: string;
  placedAt: string;
  items: Array<{ name: string; quantity: number; priceCents: number }>;
}

export interface WidgetContextDto {
  /** The buyer's latest session (the active one, else the last closed one), or null before the first message. */
  session: WidgetSessionDto | null;
  /** The highest sequence number the shop has read: the buyer's messages up to it show "Read" (CHAT-4). */
  shopReadSeq: number;
  /** The highest sequence number the buyer has read (unread badge on the launcher). */
  buyerReadSeq: number;
  /** The conversation's last sequence number (0 before the first message). */
  lastSeq: number;
  /** The product the page shows, when it is one of the shop's listed products. */
  product: WidgetProductDto | null;
  /** The order the page shows, only when it is this buyer's own. */
  order: WidgetOrderDto | null;
  /** WIDGET-3: vouchers this buyer has claimed (the latest 500), so cards show "Claimed" after a reload. */
  claimedVoucherIds: string[];
  /** WIDGET-4: whether an agent is online, the queue position and expected wait, the offline message. */
  availability: WidgetAvailabilityDto;
}

/**
 * WIDGET-4 (docs/widget.md "Availability"). `queuePosition` (1 = next) and `expectedWaitSeconds`
 * are given only while the buyer's session is queued and an agent is online; the wait is null
 * with too few recent waits to estimate from.
 */
export interface WidgetAvailabilityDto {
  isAgentOnline: boolean;
  offlineMessage: string;
  queuePosition: number | null;
  expectedWaitSeconds: number | null;
}

/** What POST /api/widget/session answers (src/server/services/widget/start-widget-session.ts). */
export interface WidgetSession {
  token: string;
  visitorId: string | null;
  shop: { name: string };
  buyer: { id: string; nickname: string; isIdentified: boolean };
  conversationId: string | null;
  isBlocked: boolean;
}
