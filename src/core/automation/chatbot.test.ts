// AUTO-5: the chatbot's pure rules: when it answers, asks to rephrase, or hands over; and that
// it never speaks once the session left it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AutoSendDecision } from "@/core/faq/auto-send";
import {
  botHolds, decideBotTurn, decideButton, handoverPayload, handoverSummary, LOW_CONFIDENCE_SCORE, readHandoverSummary,
  type BuyerTurn, type ChatbotSessionView,
} from "./chatbot";

const withBot: ChatbotSessionView = { state: "queued", assigneeId: null, botActive: true, handedOverAt: null, botUnansweredTurns: 0 };
const confident: AutoSendDecision = { send: true, entry: { key: "entry-1", externalId: "shipping", score: 0.9 } } as AutoSendDecision;
const unsure: AutoSendDecision = { send: false, reason: "below_threshold" };
const turn = (text: string, decision: AutoSendDecision, bestScore: number | null, kind: BuyerTurn["kind"] = "text"): BuyerTurn => ({ kind, text, decision, bestScore });

describe("AUTO-5 chatbot turn rules", () => {
  it.each([
    ["a confident FAQ match is answered", withBot, turn("how long is shipping?", confident, 0.9), { kind: "answer", entryKey: "entry-1", unansweredTurns: 0 }],
    ["'talk to a person' (en) hands over", withBot, turn("I want to talk to a human", confident, 0.9), { kind: "hand_over", reason: "person_requested" }],
    ["'hablar con una persona' (es) hands over", withBot, turn("quiero hablar con una persona", unsure, 0.5), { kind: "hand_over", reason: "person_requested" }],
    ["'bicara dengan manusia' (id) hands over", withBot, turn("saya mau bicara dengan manusia", unsure, 0.5), { kind: "hand_over", reason: "person_requested" }],
    ["a question about the buyer's own order hands over", withBot, turn("where is my order #12345?", confident, 0.9), { kind: "hand_over", reason: "needs_agent" }],
    ["an image or card hands over", withBot, turn("", unsure, null, "other"), { kind: "hand_over", reason: "needs_agent" }],
    ["nothing close in the FAQ hands over (low confidence)", withBot, turn("do you like jazz?", { send: false, reason: "no_match" }, null), { kind: "hand_over", reason: "low_confidence" }],
    ["a score under the low mark hands over", withBot, turn("hmm", unsure, LOW_CONFIDENCE_SCORE - 0.01), { kind: "hand_over", reason: "low_confidence" }],
    ["a first unsure turn asks to rephrase", withBot, turn("shipping thing?", unsure, 0.5), { kind: "rephrase", unansweredTurns: 1 }],
    ["the second unsure turn hands over", { ...withBot, botUnansweredTurns: 1 }, turn("shipping thing?", unsure, 0.5), { kind: "hand_over", reason: "unanswered_turns" }],
    ["an answer keeps the unanswered count", { ...withBot, botUnansweredTurns: 1 }, turn("how long is shipping?", confident, 0.9), { kind: "answer", entryKey: "entry-1", unansweredTurns: 1 }],
    ["after the hand-over the bot stays out", { ...withBot, botActive: false, handedOverAt: new Date() }, turn("how long is shipping?", confident, 0.9), { kind: "stay_out" }],
    ["after an agent joined the bot stays out", { ...withBot, state: "open", assigneeId: "m1" }, turn("how long is shipping?", confident, 0.9), { kind: "stay_out" }],
    ["a session without the bot stays out", { ...withBot, botActive: false }, turn("how long is shipping?", confident, 0.9), { kind: "stay_out" }],
  ] as const)("AUTO-5: %s", (_label, session, buyerTurn, expected) => {
    expect(decideBotTurn(session as ChatbotSessionView, { chatbotEnabled: true, turn: buyerTurn })).toEqual(expected);
  });

  it("AUTO-5: a shop that switched the bot off hands its held session over instead of answering", () => {
    expect(decideBotTurn(withBot, { chatbotEnabled: false, turn: turn("how long is shipping?", confident, 0.9) })).toEqual({ kind: "hand_over", reason: "bot_off" });
  });

  it("AUTO-5: the Talk to a person button hands over only while the bot holds the chat", () => {
    expect(decideButton(withBot)).toEqual({ kind: "hand_over", reason: "button" });
    expect(decideButton({ ...withBot, botActive: false, handedOverAt: new Date() })).toEqual({ kind: "stay_out" });
    expect(decideButton({ ...withBot, state: "ended" })).toEqual({ kind: "stay_out" });
  });

  const sessionArb: fc.Arbitrary<ChatbotSessionView> = fc.record({
    state: fc.constantFrom("queued", "open", "ended", "expired"),
    assigneeId: fc.option(fc.constant("member"), { nil: null }),
    botActive: fc.boolean(),
    handedOverAt: fc.option(fc.constant(new Date(0)), { nil: null }),
    botUnansweredTurns: fc.integer({ min: 0, max: 1 }),
  });
  const turnArb: fc.Arbitrary<BuyerTurn> = fc.record({
    kind: fc.constantFrom("text", "other"),
    text: fc.string({ maxLength: 40 }),
    decision: fc.constantFrom(confident, unsure, { send: false, reason: "no_match" } as AutoSendDecision),
    bestScore: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
  });

  it("AUTO-5 property: the bot never speaks in a session it does not hold (handed over, taken by an agent, closed)", () => {
    fc.assert(fc.property(sessionArb, turnArb, fc.boolean(), (session, buyerTurn, enabled) => {
      const action = decideBotTurn(session, { chatbotEnabled: enabled, turn: buyerTurn });
      if (!botHolds(session)) expect(action).toEqual({ kind: "stay_out" });
      if (session.handedOverAt !== null || session.assigneeId !== null) expect(action.kind).toBe("stay_out");
    }));
  });

  it("AUTO-5 property: no more than two unanswered turns; a rephrase is only ever the first", () => {
    fc.assert(fc.property(sessionArb, turnArb, (session, buyerTurn) => {
      const action = decideBotTurn(session, { chatbotEnabled: true, turn: buyerTurn });
      if (action.kind === "rephrase") expect(action.unansweredTurns).toBe(1);
    }));
  });

  it("AUTO-5 property: a hand-over leaves the bot out of every later turn (no loops)", () => {
    fc.assert(fc.property(fc.array(turnArb, { minLength: 1, maxLength: 8 }), (turns) => {
      let session: ChatbotSessionView = { ...withBot };
      let handovers = 0;
      for (const buyerTurn of turns) {
        const action = decideBotTurn(session, { chatbotEnabled: true, turn: buyerTurn });
        if (action.kind === "hand_over") { handovers += 1; session = { ...session, botActive: false, handedOverAt: new Date(0) }; }
        if (action.kind === "rephrase" || action.kind === "answer") session = { ...session, botUnansweredTurns: action.unansweredTurns };
      }
      expect(handovers).toBeLessThanOrEqual(1);
      expect(decideButton(session).kind === "hand_over").toBe(handovers === 0);
    }));
  });

  it("AUTO-5: the agent's summary lists the last five questions, shortened, and reads back from the payload", () => {
    const asked = ["  one ", "", "two", "three", "four", "five", "x".repeat(300)];
    expect(handoverSummary(asked)).toEqual(["two", "three", "four", "five", `${"x".repeat(199)}…`]);
    const payload = handoverPayload("button", ["How long is shipping?"]);
    expect(readHandoverSummary(JSON.parse(JSON.stringify(payload)))).toEqual({ reason: "button", asked: ["How long is shipping?"] });
    expect(readHandoverSummary({ event: "assigned" })).toBeNull();
    expect(readHandoverSummary(null)).toBeNull();
  });
});
