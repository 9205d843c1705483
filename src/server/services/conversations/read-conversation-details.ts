// CONSOLE-6, ASSIGN-8: what the chat window's header and buyer panel need in one read: the
// buyer, the active session, the read marks, the context card (the product or order the buyer
// was viewing, WIDGET-2) and the session history with every assignment record (who, when, why).
// Visibility is the messaging rule: a chat the member may not see is "not found".
import { assertCan, can } from "@/core/permissions";
import type { Database } from "@/server/db/client";
import { loadVisibleConversation } from "@/server/services/messaging/conversation-access";
import { readChatTranslation } from "@/server/services/translation/translation-settings";
import { SESSION_ASSIGNEE_INCLUDE, toSessionDto } from "@/server/services/messaging/message-dto";
import type { MemberContext } from "@/server/services/resolve-member";
import { buildOrderCard, buildProductCard } from "@/server/services/workbench/cards";
import type { ConversationDetailsDto } from "@/components/console/chat-window/conversation-types";

/** Older sessions than this stay out of the panel; the History list holds them all. */
const SESSION_HISTORY_LIMIT = 20;

const NICKNAME = { select: { nickname: true } } as const;

interface ComparedFigures {
  memberId: string;
  openSessions: number;
  maxCapacity: number;
  assignedToday: number;
}

function comparedFigures(detail: unknown): ComparedFigures[] {
  if (!detail || typeof detail !== "object" || !Array.isArray((detail as { compared?: unknown }).compared)) return [];
  return ((detail as { compared: unknown[] }).compared).filter(
    (item): item is ComparedFigures => typeof item === "object" && item !== null && typeof (item as ComparedFigures).memberId === "string",
  );
}

/** Auto-assignment records name members by id (ASSIGN-8); the panel shows nicknames. */
async function comparedNicknames(db: Database, shopId: string, details: unknown[]): Promise<Map<string, string>> {
  const ids = [...new Set(details.flatMap((detail) => comparedFigures(detail).map((item) => item.memberId)))];
  if (ids.length === 0) return new Map();
  const rows = await db.member.findMany({ where: { shopId, id: { in: ids } }, select: { id: true, nickname: true } });
  return new Map(rows.map((row) => [row.id, row.nickname]));
}

function comparedOf(detail: unknown, nicknames: Map<string, string>) {
  const figures = comparedFigures(detail);
  if (figures.length === 0) return null;
  return figures.map((item) => ({
    nickname: nicknames.get(item.memberId) ?? "A former member",
    openSessions: Number(item.openSessions) || 0,
    maxCapacity: Number(item.maxCapacity) || 0,
    assignedToday: Number(item.assignedToday) || 0,
  }));
}

export async function readConversationDetails(
  db: Database,
  input: { member: MemberContext; conversationId: string },
): Promise<ConversationDetailsDto> {
  const { member } = input;
  assertCan(member, "conversation:read");
  const conversation = await loadVisibleConversation(db, member, input.conversationId);
  const [sessions, myRead] = await Promise.all([
    db.chatSession.findMany({
      where: { conversationId: conversation.id, shopId: member.shopId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: SESSION_HISTORY_LIMIT,
      include: {
        ...SESSION_ASSIGNEE_INCLUDE,
        assignments: {
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          include: { toMember: NICKNAME, fromMember: NICKNAME, actorMember: NICKNAME },
        },
      },
    }),
    db.conversationRead.findUnique({ where: { memberId_conversationId: { memberId: member.memberId, conversationId: conversation.id } } }),
  ]);
  const nicknames = await comparedNicknames(db, member.shopId, sessions.flatMap((session) => session.assignments.map((record) => record.detail)));
  const current = sessions.find((session) => session.id === conversation.activeSessionId) ?? sessions[0] ?? null;
  const [product, order] = await Promise.all([
    current?.contextProductId ? db.product.findFirst({ where: { id: current.contextProductId, shopId: member.shopId } }) : null,
    current?.contextOrderId ? db.order.findFirst({ where: { id: current.contextOrderId, shopId: member.shopId, buyerId: conversation.buyerId }, include: { items: true } }) : null,
  ]);
  const { buyer } = conversation;
  return {
    conversation: {
      id: conversation.id,
      lastSeq: conversation.lastSeq,
      buyerReadSeq: conversation.buyerReadSeq,
      shopReadSeq: conversation.shopReadSeq,
      myReadSeq: myRead?.lastReadSeq ?? 0,
    },
    buyer: {
      id: buyer.id,
      nickname: buyer.nickname,
      avatarUrl: buyer.avatarUrl,
      isIdentified: buyer.externalId !== null,
      externalId: buyer.externalId,
      isBlocked: buyer.blocked !== null,
    },
    activeSession: conversation.activeSession ? toSessionDto({ ...conversation.activeSession, assignee: sessions.find((s) => s.id === conversation.activeSessionId)?.assignee ?? null }) : null,
    currentSession: current ? toSessionDto(current) : null,
    context: {
      product: product ? buildProductCard(product) : null,
      order: order ? buildOrderCard(order) : null,
    },
    sessions: sessions.map((session) => ({
      session: toSessionDto(session),
      createdAt: session.createdAt.toISOString(),
      assignments: session.assignments.map((record) => ({
        id: record.id,
        kind: record.kind,
        mode: record.mode,
        detail: (record.detail as Record<string, unknown> | null) ?? null,
        toNickname: record.toMember?.nickname ?? null,
        fromNickname: record.fromMember?.nickname ?? null,
        actorNickname: record.actorMember?.nickname ?? null,
        compared: comparedOf(record.detail, nicknames),
        createdAt: record.createdAt.toISOString(),
      })),
    })),
    permissions: {
      canAssignOther: can(member, "session:assign_other"),
      canTransferAny: can(member, "session:transfer_any"),
      canSendCards: can(member, "card:send"),
      canUpload: can(member, "upload:create"),
    },
    translation: await readChatTranslation(db, { shopId: member.shopId, conversation }),
  };
}
