// AUTO-5: the chatbot's rules, pure. A session a buyer opens while the shop's chatbot is on
// starts "with the bot": it stays queued but the drain skips it (ChatSession.botActive). For each
// buyer turn the bot either answers from the FAQ, asks the buyer to rephrase (an unanswered
// turn), or hands over to people. Hand-over is one-way: once a session left the bot (hand-over,
// an agent took it, the shop switched the bot off) the bot never speaks in it again.
import type { AutoSendDecision } from "@/core/faq/auto-send";
import { autoSendBlock } from "@/core/faq/intent";
import { CHATBOT_AUTOMATION, CHATBOT_PAYLOAD_KEY } from "./message-markers";

/** Below this best score the FAQ clearly has nothing: hand over at once. */
export const LOW_CONFIDENCE_SCORE = 0.35;
/** The second turn the bot could not answer hands over. */
export const MAX_UNANSWERED_TURNS = 2;

/** What the buyer sees when the bot hands over (never a silent hand-over). */
export const HANDOVER_NOTE = "Connecting you to a person…";
/** What the bot says when it did not understand a turn. */
export const REPHRASE_REPLY = "Sorry, I'm not sure I understood. Could you ask that in another way? You can also tap \"Talk to a person\".";

export { CHATBOT_AUTOMATION, CHATBOT_PAYLOAD_KEY };

export type HandoverReason =
  /** The buyer asked for a person in words (detector: English, Spanish, Indonesian). */
  | "person_requested"
  /** The buyer tapped "Talk to a person" in the widget. */
  | "button"
  /** The question needs the buyer's own order data, or shows something the bot cannot see. */
  | "needs_agent"
  /** The FAQ has nothing close. */
  | "low_confidence"
  /** Two turns the bot could not answer. */
  | "unanswered_turns"
  /** The shop switched the bot off while the session was with it. */
  | "bot_off";

export interface ChatbotSessionView {
  state: "queued" | "open" | "ended" | "expired";
  assigneeId: string | null;
  botActive: boolean;
  handedOverAt: Date | null;
  botUnansweredTurns: number;
}

/** The bot may speak only in a live, queued session nobody took, that it still holds. */
export function botHolds(session: ChatbotSessionView): boolean {
  return session.botActive && session.handedOverAt === null && session.state === "queued" && session.assigneeId === null;
}

export interface BuyerTurn {
  /** Text messages can be answered; images, videos and cards show something the bot cannot see. */
  kind: "text" | "other";
  text: string;
  /** The FAQ's verdict at the bot's threshold (recommendReplies(...).autoSend). */
  decision: AutoSendDecision;
  /** The best recommendation's score, or null when nothing scored. */
  bestScore: number | null;
}

export type ChatbotAction =
  | { kind: "stay_out" }
  | { kind: "answer"; entryKey: string; unansweredTurns: number }
  | { kind: "rephrase"; unansweredTurns: number }
  | { kind: "hand_over"; reason: HandoverReason };

/** What the bot does with a buyer's turn. */
export function decideBotTurn(session: ChatbotSessionView, input: { chatbotEnabled: boolean; turn: BuyerTurn }): ChatbotAction {
  if (!botHolds(session)) return { kind: "stay_out" };
  if (!input.chatbotEnabled) return { kind: "hand_over", reason: "bot_off" };
  const { turn } = input;
  if (turn.kind !== "text") return { kind: "hand_over", reason: "needs_agent" };
  const block = autoSendBlock(turn.text);
  if (block === "person") return { kind: "hand_over", reason: "person_requested" };
  if (block === "order_data") return { kind: "hand_over", reason: "needs_agent" };
  if (turn.decision.send) return { kind: "answer", entryKey: turn.decision.entry.key, unansweredTurns: session.botUnansweredTurns };
  if (turn.bestScore === null || turn.bestScore < LOW_CONFIDENCE_SCORE) return { kind: "hand_over", reason: "low_confidence" };
  const unansweredTurns = session.botUnansweredTurns + 1;
  if (unansweredTurns >= MAX_UNANSWERED_TURNS) return { kind: "hand_over", reason: "unanswered_turns" };
  return { kind: "rephrase", unansweredTurns };
}

/** The "Talk to a person" button: hands over when the bot holds the session, else nothing. */
export function decideButton(session: ChatbotSessionView): ChatbotAction {
  return botHolds(session) ? { kind: "hand_over", reason: "button" } : { kind: "stay_out" };
}

const SUMMARY_QUESTIONS = 5;
const SUMMARY_QUESTION_CHARS = 200;

/** The agent's summary: the buyer's last questions to the bot, oldest first, shortened. */
export function handoverSummary(buyerTexts: readonly string[]): string[] {
  return buyerTexts
    .map((text) => text.trim().replace(/\s+/g, " "))
    .filter((text) => text.length > 0)
    .slice(-SUMMARY_QUESTIONS)
    .map((text) => (text.length > SUMMARY_QUESTION_CHARS ? `${text.slice(0, SUMMARY_QUESTION_CHARS - 1)}…` : text));
}

export interface HandoverPayload {
  automation: typeof CHATBOT_AUTOMATION;
  handover: { reason: HandoverReason; asked: string[] };
}

export function handoverPayload(reason: HandoverReason, buyerTexts: readonly string[]): HandoverPayload {
  return { automation: CHATBOT_AUTOMATION, handover: { reason, asked: handoverSummary(buyerTexts) } };
}

/** The summary a console shows under the hand-over note, or null for any other message. */
export function readHandoverSummary(payload: unknown): { reason: string; asked: string[] } | null {
  if (!payload || typeof payload !== "object") return null;
  const value = payload as { automation?: unknown; handover?: { reason?: unknown; asked?: unknown } };
  if (value.automation !== CHATBOT_AUTOMATION || !value.handover) return null;
  const asked = Array.isArray(value.handover.asked) ? value.handover.asked.filter((item): item is string => typeof item === "string") : [];
  return { reason: typeof value.handover.reason === "string" ? value.handover.reason : "", asked };
}
