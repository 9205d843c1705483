// How a stored message says which automation wrote it (its payload's `automation` field), in a
// module with no imports, so the widget's bundle can tell chatbot answers apart cheaply.
export const CHATBOT_PAYLOAD_KEY = "automation";
export const CHATBOT_AUTOMATION = "chatbot";

/** AUTO-5: a message the FAQ chatbot wrote (greetings, proactive and auto-sent answers are not). */
export function isChatbotMessage(message: { authorType: string; payload: Record<string, unknown> | null }): boolean {
  return message.authorType === "bot" && message.payload?.[CHATBOT_PAYLOAD_KEY] === CHATBOT_AUTOMATION;
}
