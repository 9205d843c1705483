// SET-3, issue 13 item 3: one message's translation, after the message committed and was
// delivered (the translator runs this from its queue, src/server/translation/translator.ts).
// A buyer's message first moves the conversation's sticky language; then the pure rules
// (src/core/translation/translation-policy.ts) say whether and how to translate; the result, or
// the engine's failure, is stored per (message, language) and announced as message.translated.
// The message itself is never changed.
import { agentLanguageOf, effectiveTranslation, planTranslation } from "@/core/translation/translation-policy";
import { nextConversationLanguage, type ConversationLanguage } from "@/core/translation/sticky-language";
import type { Database } from "@/server/db/client";
import { toConsole, toWidget, type OutgoingEvent } from "@/server/realtime/publish";
import { consoleAudience, rooms as roomNames } from "@/server/realtime/rooms";
import { serviceResult, type ServiceResult } from "@/server/services/service-result";
import { detectLanguage } from "@/server/translation/detect-language";
import { TranslationError, type TranslationEngine } from "@/server/translation/engine";
import type { TranslationJob } from "@/server/translation/translator-registry";
import type { MessageTranslationDto } from "@/shared/dto";
import { chatOverrideOf, shopSettingOf } from "./translation-settings";

type TranslationRow = {
  messageId: string;
  fromLanguage: string;
  language: string;
  status: "done" | "failed";
  text: string | null;
  engine: string;
  failure: string | null;
  createdAt: Date;
  message: { seq: number };
};

export function toTranslationDto(row: TranslationRow): MessageTranslationDto {
  return {
    messageId: row.messageId,
    seq: row.message.seq,
    from: row.fromLanguage,
    language: row.language,
    status: row.status,
    text: row.text,
    engine: row.engine,
    failure: row.failure,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function translateMessage(db: Database, input: { engine: TranslationEngine; job: TranslationJob }): Promise<ServiceResult<MessageTranslationDto | null>> {
  const { job, engine } = input;
  const message = await db.message.findUnique({
    where: { id: job.messageId },
    select: {
      id: true, shopId: true, conversationId: true, seq: true, authorType: true, kind: true, body: true, sessionId: true,
      authorMember: { select: { defaultLanguage: true } },
      session: { select: { shopId: true, state: true, assigneeId: true, assignee: { select: { defaultLanguage: true } } } },
      conversation: {
        select: {
          buyerId: true, language: true, languageSource: true, translationOverride: true,
          shop: { select: { defaultLanguage: true, settings: { select: { translationMode: true, translationBuyerLanguage: true, translationAgentLanguage: true } } } },
        },
      },
    },
  });
  if (!message) return serviceResult(null);
  const { conversation } = message;
  const detection = message.body.trim() === "" ? { language: null, reliable: false } : detectLanguage(message.body);

  // The conversation's language follows its buyer's messages (sticky), whatever the setting,
  // so that turning translation on mid-chat knows the language already.
  let language: ConversationLanguage = { language: conversation.language, source: conversation.languageSource as ConversationLanguage["source"] };
  if (message.authorType === "buyer") {
    const next = nextConversationLanguage(language, message.body, detection);
    if (next.language !== language.language || next.source !== language.source) {
      await db.conversation.update({ where: { id: message.conversationId }, data: { language: next.language, languageSource: next.source } });
      language = next;
    }
  }

  const translation = effectiveTranslation({ engineConfigured: true, shop: shopSettingOf(conversation.shop.settings), chat: chatOverrideOf(conversation) });
  const incoming = message.authorType === "buyer";
  const fixed = translation.on ? translation : { buyerLanguage: null, agentLanguage: null };
  const plan = planTranslation({
    translation,
    message: { authorType: message.authorType, kind: message.kind, body: message.body },
    detection,
    buyerLanguage: fixed.buyerLanguage ?? language.language,
    agentLanguage: agentLanguageOf({
      fixed: fixed.agentLanguage,
      // Incoming: the agent who holds the chat; outgoing: the agent who wrote (the bot: the shop).
      member: (incoming ? message.session?.assignee?.defaultLanguage : message.authorMember?.defaultLanguage) ?? null,
      shop: conversation.shop.defaultLanguage,
    }),
  });
  if (typeof plan === "string") return serviceResult(null);

  let outcome: { status: "done"; text: string; failure: null } | { status: "failed"; text: null; failure: string };
  try {
    const [text] = await engine.translate([message.body], plan.from, plan.to);
    outcome = { status: "done", text: text ?? "", failure: null };
  } catch (error) {
    // The original stands; the failure is stored so the console shows it and offers a retry.
    outcome = { status: "failed", text: null, failure: error instanceof TranslationError ? error.failure : "unavailable" };
  }
  const data = { fromLanguage: plan.from, status: outcome.status, text: outcome.text, engine: engine.name, failure: outcome.failure };
  const stored = await db.messageTranslation.upsert({
    where: { messageId_language: { messageId: message.id, language: plan.to } },
    create: { messageId: message.id, shopId: message.shopId, conversationId: message.conversationId, language: plan.to, ...data },
    update: data,
    include: { message: { select: { seq: true } } },
  });
  const dto = toTranslationDto(stored);

  const consoleRooms = job.rooms ?? (message.session ? consoleAudience(message.session) : [roomNames.shopAllChats(message.shopId)]);
  const events: OutgoingEvent[] = [toConsole([...new Set([...consoleRooms, ...(job.requestedBy ? [roomNames.member(job.requestedBy)] : [])])], "message.translated", { conversationId: message.conversationId, translation: dto })];
  // The buyer reads translations of what was sent to them, never of their own messages.
  if (plan.direction === "outgoing") events.push(toWidget(conversation.buyerId, "message.translated", { conversationId: message.conversationId, translation: dto }));
  return serviceResult(dto, events);
}

/** The stored translations of a page of messages; the buyer's widget gets those of messages sent to them only. */
export async function listTranslations(db: Database, input: { messageIds: string[]; forBuyer: boolean }): Promise<MessageTranslationDto[]> {
  if (input.messageIds.length === 0) return [];
  const rows = await db.messageTranslation.findMany({
    where: { messageId: { in: input.messageIds }, ...(input.forBuyer ? { message: { authorType: { in: ["agent", "bot"] } } } : {}) },
    include: { message: { select: { seq: true } } },
    orderBy: [{ createdAt: "asc" }],
  });
  return rows.map(toTranslationDto);
}

/** A page of messages with their translations (conversation:sync and conversation:history). */
export async function withTranslations<T extends { messages: Array<{ id: string }>; hasMore: boolean }>(db: Database, page: T, options: { forBuyer: boolean }): Promise<T & { translations: MessageTranslationDto[] }> {
  return { ...page, translations: await listTranslations(db, { messageIds: page.messages.map((message) => message.id), forBuyer: options.forBuyer }) };
}
