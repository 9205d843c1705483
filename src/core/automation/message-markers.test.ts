import { describe, expect, it } from "vitest";
import { isChatbotMessage } from "./message-markers";

describe("AUTO-5 which messages are the chatbot's", () => {
  it("AUTO-5 a bot message with the chatbot marker is the chatbot's", () => {
    expect(isChatbotMessage({ authorType: "bot", payload: { automation: "chatbot", rephrase: true } })).toBe(true);
  });
  it("AUTO-1 AUTO-4 AUTO-6 greetings, auto-sent answers and proactive messages are the shop's automatic replies, not the chatbot", () => {
    expect(isChatbotMessage({ authorType: "bot", payload: { automation: "greeting" } })).toBe(false);
    expect(isChatbotMessage({ authorType: "bot", payload: null })).toBe(false);
    expect(isChatbotMessage({ authorType: "agent", payload: { automation: "chatbot" } })).toBe(false);
  });
});
