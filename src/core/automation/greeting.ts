// AUTO-1: the greeting's rules. Variables: {buyer} (the buyer's nickname) and {shop} (the shop's
// name). {agent} is refused: the greeting goes out as the chat opens, before anyone is assigned.
import type { TemplateRules } from "./template";

export const GREETING_VARIABLES = ["buyer", "shop"] as const;

export const GREETING_RULES: TemplateRules = {
  allowed: GREETING_VARIABLES,
  notHere: {
    agent: "the greeting is sent when the chat opens, before an agent joins.",
    order_id: "the greeting is sent before any order is known.",
  },
};

export const DEFAULT_GREETING_TEMPLATE = "Hi {buyer}, welcome to {shop}! How can we help you today?";

/** Default and bounds of the repeat window: 0 greets every new chat; at most 30 days. */
export const DEFAULT_GREETING_REPEAT_AFTER_HOURS = 24;
export const MAX_GREETING_REPEAT_AFTER_HOURS = 720;

/**
 * Whether a chat that is opening now gets the greeting: always for a buyer never greeted, and
 * for a returning buyer only when the last greeting is at least `repeatAfterHours` old.
 */
export function shouldGreet(input: { lastGreetedAt: Date | null; now: Date; repeatAfterHours: number }): boolean {
  if (input.lastGreetedAt === null) return true;
  return input.now.getTime() - input.lastGreetedAt.getTime() >= input.repeatAfterHours * 3_600_000;
}
