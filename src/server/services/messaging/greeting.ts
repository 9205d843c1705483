// AUTO-1: the greeting sent when a buyer starts a chat, with {buyer} and {shop} filled in
// (src/core/automation/template.ts). A returning buyer is greeted again only when the last
// greeting is at least the shop's repeat window old (greetingRepeatAfterHours, default 24 h).
// Called inside the transaction that opens the session, with the conversation row locked, so two
// sessions opening at once cannot both greet.
import { shouldGreet } from "@/core/automation/greeting";
import { renderTemplate } from "@/core/automation/template";
import type { Tx } from "@/server/services/messaging/append-message";

/** The greeting's text, or null when none is due (off, empty, or greeted within the window). */
export async function greetingDue(tx: Tx, input: { shopId: string; conversationId: string; buyerNickname: string; now: Date }): Promise<string | null> {
  const shop = await tx.shop.findUnique({ where: { id: input.shopId }, select: { name: true, settings: true } });
  const settings = shop?.settings;
  if (!shop || !settings?.greetingEnabled) return null;
  const conversation = await tx.conversation.findUnique({ where: { id: input.conversationId }, select: { lastGreetedAt: true } });
  if (!shouldGreet({ lastGreetedAt: conversation?.lastGreetedAt ?? null, now: input.now, repeatAfterHours: settings.greetingRepeatAfterHours })) return null;
  const text = renderTemplate(settings.greetingTemplate, { buyer: input.buyerNickname, shop: shop.name });
  return text.length > 0 ? text : null;
}

/** Remembers that the buyer was greeted now (the start of the next repeat window). */
export async function recordGreeting(tx: Tx, conversationId: string, now: Date): Promise<void> {
  await tx.conversation.update({ where: { id: conversationId }, data: { lastGreetedAt: now } });
}

/** What a greeting message carries in its payload, so it can be told from other automatic messages. */
export const GREETING_PAYLOAD = { automation: "greeting" } as const;
