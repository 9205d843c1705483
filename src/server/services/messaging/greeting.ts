// AUTO-1: the greeting sent when a buyer starts a chat, with {buyer} and {shop} filled in.
import type { Tx } from "@/server/services/messaging/append-message";

export function fillGreetingTemplate(template: string, values: { buyer: string; shop: string }): string {
  return template.replaceAll("{buyer}", values.buyer).replaceAll("{shop}", values.shop).trim();
}

export async function renderGreeting(tx: Tx, input: { shopId: string; buyerNickname: string }): Promise<string | null> {
  const shop = await tx.shop.findUnique({ where: { id: input.shopId }, select: { name: true, settings: true } });
  if (!shop?.settings?.greetingEnabled) return null;
  const text = fillGreetingTemplate(shop.settings.greetingTemplate, { buyer: input.buyerNickname, shop: shop.name });
  return text.length > 0 ? text : null;
}
