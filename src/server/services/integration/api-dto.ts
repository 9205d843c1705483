// Database rows to the /api/v1 response shapes (src/shared/api-v1-schemas.ts). Members appear by
// nickname only (TEAM-6); no internal ids of members, no emails.
import type { Prisma } from "@/generated/prisma/client";
import type {
  ConversationDetail,
  ConversationSummary,
  MessageOut,
  OrderOut,
  ProductOut,
  SessionOut,
  VoucherOut,
} from "@/shared/api-v1-schemas";

export function toProductOut(row: Prisma.ProductGetPayload<object>): ProductOut {
  return {
    id: row.id,
    externalId: row.externalId,
    name: row.name,
    description: row.description,
    priceCents: row.priceCents,
    currency: row.currency,
    imageUrl: row.imageUrl,
    url: row.url,
    stock: row.stock,
    status: row.status,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const ORDER_OUT_INCLUDE = {
  buyer: { select: { id: true, externalId: true, nickname: true } },
  // No position column: items come back by name, which is at least stable.
  items: { orderBy: [{ name: "asc" }, { id: "asc" }], include: { product: { select: { externalId: true } } } },
  events: { orderBy: [{ occurredAt: "asc" }, { createdAt: "asc" }] },
} satisfies Prisma.OrderInclude;

export type OrderOutRow = Prisma.OrderGetPayload<{ include: typeof ORDER_OUT_INCLUDE }>;

export function toOrderOut(row: OrderOutRow): OrderOut {
  return {
    id: row.id,
    externalId: row.externalId,
    buyer: { id: row.buyer.id, externalId: row.buyer.externalId, nickname: row.buyer.nickname },
    status: row.status,
    totalCents: row.totalCents,
    currency: row.currency,
    placedAt: row.placedAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    carrier: row.carrier,
    carrierPhone: row.carrierPhone,
    carrierEmail: row.carrierEmail,
    trackingNumber: row.trackingNumber,
    items: row.items.map((item) => ({
      name: item.name,
      quantity: item.quantity,
      priceCents: item.priceCents,
      productExternalId: item.product?.externalId ?? null,
    })),
    events: row.events.map((event) => ({
      id: event.id,
      status: event.status,
      occurredAt: event.occurredAt.toISOString(),
      note: event.note,
      eta: event.eta?.toISOString() ?? null,
    })),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toVoucherOut(row: Prisma.VoucherGetPayload<object>): VoucherOut {
  return {
    id: row.id,
    externalId: row.externalId,
    code: row.code,
    title: row.title,
    discountType: row.discountType,
    discountValue: row.discountValue,
    minSpendCents: row.minSpendCents,
    currency: row.currency,
    quantity: row.quantity,
    claimedCount: row.claimedCount,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    isPublic: row.isPublic,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const SESSION_OUT_INCLUDE = { assignee: { select: { nickname: true } } } satisfies Prisma.ChatSessionInclude;
type SessionOutRow = Prisma.ChatSessionGetPayload<{ include: typeof SESSION_OUT_INCLUDE }>;

export function toSessionOut(row: SessionOutRow): SessionOut {
  return {
    id: row.id,
    state: row.state,
    category: row.category,
    assignee: row.assignee ? { nickname: row.assignee.nickname } : null,
    rating: row.rating,
    ratingComment: row.ratingComment,
    queuedAt: row.queuedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}

export const CONVERSATION_SUMMARY_INCLUDE = {
  buyer: { select: { id: true, externalId: true, nickname: true } },
  activeSession: { include: SESSION_OUT_INCLUDE },
} satisfies Prisma.ConversationInclude;
type ConversationSummaryRow = Prisma.ConversationGetPayload<{ include: typeof CONVERSATION_SUMMARY_INCLUDE }>;

export function toConversationSummary(row: ConversationSummaryRow): ConversationSummary {
  return {
    id: row.id,
    buyer: { id: row.buyer.id, externalId: row.buyer.externalId, nickname: row.buyer.nickname },
    createdAt: row.createdAt.toISOString(),
    lastMessageAt: row.lastMessageAt?.toISOString() ?? null,
    lastMessagePreview: row.lastMessagePreview,
    lastSeq: row.lastSeq,
    activeSession: row.activeSession ? toSessionOut(row.activeSession) : null,
  };
}

export function toConversationDetail(row: ConversationSummaryRow, sessions: SessionOutRow[]): ConversationDetail {
  return { ...toConversationSummary(row), sessions: sessions.map(toSessionOut) };
}

export const MESSAGE_OUT_INCLUDE = { authorMember: { select: { nickname: true } } } satisfies Prisma.MessageInclude;
type MessageOutRow = Prisma.MessageGetPayload<{ include: typeof MESSAGE_OUT_INCLUDE }>;

export function toMessageOut(row: MessageOutRow): MessageOut {
  const payload = row.payload;
  return {
    id: row.id,
    seq: row.seq,
    sessionId: row.sessionId,
    authorType: row.authorType,
    author: row.authorType === "agent" && row.authorMember ? { nickname: row.authorMember.nickname } : null,
    kind: row.kind,
    body: row.body,
    payload: payload && typeof payload === "object" && !Array.isArray(payload) ? (payload as Record<string, unknown>) : null,
    isAutomatic: row.isAutomatic,
    createdAt: row.createdAt.toISOString(),
  };
}
