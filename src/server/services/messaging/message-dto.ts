// Database rows to the shapes browsers receive. Agents appear by nickname and avatar only (TEAM-6).
import type { MessageDto, SessionDto } from "@/shared/dto";
import type { WidgetSessionDto } from "@/shared/events";
import { slaClockStart } from "@/core/sla/sla";

export interface MessageRow {
  id: string;
  conversationId: string;
  sessionId: string | null;
  seq: number;
  clientId: string | null;
  authorType: MessageDto["authorType"];
  authorMemberId?: string | null;
  kind: MessageDto["kind"];
  body: string;
  payload: unknown;
  isAutomatic: boolean;
  createdAt: Date;
  authorMember?: { nickname: string; avatarUrl: string | null } | null;
}

export function toMessageDto(row: MessageRow): MessageDto {
  return {
    id: row.id,
    conversationId: row.conversationId,
    sessionId: row.sessionId,
    seq: row.seq,
    clientId: row.clientId,
    authorType: row.authorType,
    author: row.authorType === "agent" && row.authorMember ? { nickname: row.authorMember.nickname, avatarUrl: row.authorMember.avatarUrl } : null,
    kind: row.kind,
    body: row.body,
    payload: (row.payload as Record<string, unknown> | null) ?? null,
    isAutomatic: row.isAutomatic,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Prisma `include` that brings what toMessageDto needs. */
export const MESSAGE_AUTHOR_INCLUDE = { authorMember: { select: { nickname: true, avatarUrl: true } } } as const;

export interface SessionRow {
  id: string;
  conversationId: string;
  state: SessionDto["state"];
  category: SessionDto["category"];
  assigneeId: string | null;
  starred: boolean;
  rating: number | null;
  /** Absent on rows read without it (the buyer-message fast path: open sessions have no rating). */
  ratingComment?: string | null;
  queuedAt: Date;
  assignedAt: Date | null;
  oldestUnansweredAt: Date | null;
  lastBuyerMessageAt: Date | null;
  closedAt: Date | null;
  /** AUTO-5: the chatbot holds the session (absent on rows read without it: false). */
  botActive?: boolean;
  /** AUTO-5: when the bot let go (absent on rows read without it: never held). */
  handedOverAt?: Date | null;
  assignee?: { nickname: string; avatarUrl: string | null } | null;
}

export const SESSION_ASSIGNEE_INCLUDE = { assignee: { select: { nickname: true, avatarUrl: true } } } as const;

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** AUTO-5: the chatbot is answering this queued chat nobody took (botHolds, without the hand-over time). */
function holdsWithBot(row: Pick<SessionRow, "botActive" | "state" | "assigneeId">): boolean {
  return row.botActive === true && row.state === "queued" && row.assigneeId === null;
}

export function toSessionDto(row: SessionRow): SessionDto {
  return {
    id: row.id,
    conversationId: row.conversationId,
    state: row.state,
    category: row.category,
    assigneeId: row.assigneeId,
    assigneeNickname: row.assignee?.nickname ?? null,
    starred: row.starred,
    rating: row.rating,
    ratingComment: row.ratingComment ?? null,
    queuedAt: row.queuedAt.toISOString(),
    assignedAt: iso(row.assignedAt),
    // The people's reply clock: none while the bot holds the chat, never before its hand-over.
    oldestUnansweredAt: iso(slaClockStart({ oldestUnansweredAt: row.oldestUnansweredAt, botActive: row.botActive ?? false, handedOverAt: row.handedOverAt ?? null })),
    lastBuyerMessageAt: iso(row.lastBuyerMessageAt),
    closedAt: iso(row.closedAt),
    withBot: holdsWithBot(row),
  };
}

/** The buyer's view of a session: no member ids, no emails (TEAM-6). */
export function toWidgetSessionDto(row: SessionRow): WidgetSessionDto {
  return {
    id: row.id,
    state: row.state,
    agent: row.state === "open" && row.assignee ? { nickname: row.assignee.nickname, avatarUrl: row.assignee.avatarUrl } : null,
    rating: row.rating,
    withBot: holdsWithBot(row),
  };
}
