// Appending to a conversation: the one place sequence numbers are handed out (CHAT-3).
// Callers lock the conversation row first (lockConversation), so numbers are gap-free and
// ordered, and a retried clientId is found before anything is written.
import type { Prisma } from "@/generated/prisma/client";
import type { AuthorType, MessageKind } from "@/generated/prisma/enums";
import { previewFor } from "@/core/console/preview";
import { MESSAGE_AUTHOR_INCLUDE, type MessageRow } from "@/server/services/messaging/message-dto";
import { recordMessageFacts } from "@/server/services/analytics/facts";

export type Tx = Prisma.TransactionClient;

export interface LockedConversation {
  id: string;
  shopId: string;
  buyerId: string;
  lastSeq: number;
  activeSessionId: string | null;
}

/** Locks the conversation row until the transaction ends; concurrent writers queue here. */
export async function lockConversation(tx: Tx, conversationId: string): Promise<LockedConversation | null> {
  const rows = await tx.$queryRaw<LockedConversation[]>`
    SELECT id, "shopId", "buyerId", "lastSeq", "activeSessionId"
    FROM "Conversation" WHERE id = ${conversationId}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}

export async function findMessageByClientId(tx: Tx, conversationId: string, clientId: string): Promise<MessageRow | null> {
  return tx.message.findUnique({
    where: { conversationId_clientId: { conversationId, clientId } },
    include: MESSAGE_AUTHOR_INCLUDE,
  });
}

export interface NewMessage {
  sessionId: string | null;
  clientId?: string | null;
  authorType: AuthorType;
  authorMemberId?: string | null;
  kind: MessageKind;
  body: string;
  payload?: Prisma.InputJsonValue;
  isAutomatic?: boolean;
}

/**
 * CONSOLE-1: the chat list's line for this message, or null when it must keep the previous one
 * (system notes, automatic messages). An attachment without a caption reads as its file name.
 */
export function previewOf(message: { authorType: AuthorType; kind: MessageKind; body: string; payload?: unknown; isAutomatic?: boolean }): string | null {
  const fileName = (message.kind === "image" || message.kind === "video") && message.payload && typeof message.payload === "object"
    ? (message.payload as { fileName?: unknown }).fileName
    : undefined;
  const body = message.body.trim() || (typeof fileName === "string" ? fileName : "");
  return previewFor({ authorType: message.authorType, kind: message.kind, body, isAutomatic: message.isAutomatic ?? false });
}

/** Appends one message to a locked conversation and advances its sequence number. */
export async function appendMessage(tx: Tx, conversation: LockedConversation, message: NewMessage, now: Date): Promise<MessageRow> {
  const seq = conversation.lastSeq + 1;
  const created = await tx.message.create({
    data: {
      shopId: conversation.shopId,
      conversationId: conversation.id,
      sessionId: message.sessionId,
      seq,
      clientId: message.clientId ?? null,
      authorType: message.authorType,
      authorMemberId: message.authorMemberId ?? null,
      kind: message.kind,
      body: message.body,
      payload: message.payload,
      isAutomatic: message.isAutomatic ?? false,
      createdAt: now,
    },
    include: MESSAGE_AUTHOR_INCLUDE,
  });
  await tx.conversation.update({
    where: { id: conversation.id },
    data: { lastSeq: seq, lastMessageAt: now, ...previewUpdate(previewOf(message)) },
  });
  conversation.lastSeq = seq;
  // Analytics (issue 11 item 5): an agent's reply updates the facts in this transaction; other
  // authors and automatic messages change none (decided by author and isAutomatic alone).
  await recordMessageFacts(tx, { shopId: conversation.shopId, buyerId: conversation.buyerId, sessionId: message.sessionId, authorType: message.authorType, isAutomatic: message.isAutomatic ?? false, createdAt: now });
  return created;
}

function previewUpdate(preview: string | null): { lastMessagePreview?: string } {
  return preview === null ? {} : { lastMessagePreview: preview };
}

/**
 * Transaction options for the message path: under a burst, waiting a few seconds for a pooled
 * connection beats failing the send (Prisma's default wait is 2 s); clients retry anyway.
 */
export const MESSAGE_TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;
