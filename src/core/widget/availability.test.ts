import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { createTranslator } from "next-intl";
import {
  DEFAULT_OFFLINE_MESSAGE, EXPECTED_WAIT_MIN_SAMPLES, EXPECTED_WAIT_SAMPLE_SIZE, expectedWaitSeconds, isAgentOnline, noteText, phraseText, queueNote,
  widgetStatusText as statusPhrases, type AvailabilityView, type StatusTranslate, type WidgetStatusInput,
} from "./availability";
import enWidget from "../../../messages/en/widget.json";
import esWidget from "../../../messages/es/widget.json";

// The phrases as the buyer reads them, through the shipped catalogs (NF-5).
const translatorFor = (widget: typeof enWidget, locale: string): StatusTranslate => {
  const t = createTranslator({ locale, messages: { widget }, namespace: "widget.status" });
  return (key, values) => t(key, values);
};
const english = translatorFor(enWidget, "en");
const spanish = translatorFor(esWidget, "es");
const WHAT_HAPPENS_OFFLINE = enWidget.status.offlineWhatNext;
function widgetStatusText(input: WidgetStatusInput, translate: StatusTranslate = english) {
  const text = statusPhrases(input);
  return { header: phraseText(translate, text.header), note: text.note && noteText(translate, text.note), noteKind: text.noteKind };
}

const online: AvailabilityView = { isAgentOnline: true, offlineMessage: "Back at 9.", queuePosition: 2, expectedWaitSeconds: 180 };
const offline: AvailabilityView = { ...online, isAgentOnline: false };
const MINUTE = 60_000;

describe("WIDGET-4 agent availability", () => {
  test("WIDGET-4: an agent is online only when an active member has the console open and accepts chats", () => {
    expect(isAgentOnline([])).toBe(false);
    expect(isAgentOnline([{ status: "active", isOnline: true, acceptAutoAssign: true }])).toBe(true);
    expect(isAgentOnline([{ status: "active", isOnline: false, acceptAutoAssign: true }])).toBe(false);
    expect(isAgentOnline([{ status: "active", isOnline: true, acceptAutoAssign: false }])).toBe(false);
    expect(isAgentOnline([{ status: "deactivated", isOnline: true, acceptAutoAssign: true }])).toBe(false);
    expect(isAgentOnline([{ status: "invited", isOnline: true, acceptAutoAssign: true }])).toBe(false);
    expect(isAgentOnline([{ status: "active", isOnline: false, acceptAutoAssign: true }, { status: "active", isOnline: true, acceptAutoAssign: true }])).toBe(true);
  });
});

describe("WIDGET-4 expected wait", () => {
  test("WIDGET-4: the median of recent waits, rounded up to minutes, at least one minute", () => {
    expect(expectedWaitSeconds([1 * MINUTE, 5 * MINUTE, 3 * MINUTE])).toBe(180);
    expect(expectedWaitSeconds([1 * MINUTE, 2 * MINUTE, 3 * MINUTE, 4 * MINUTE])).toBe(180); // 2.5 min → 3
    expect(expectedWaitSeconds([1_000, 2_000, 3_000])).toBe(60);
  });

  test("WIDGET-4: too few samples give no estimate", () => {
    expect(expectedWaitSeconds([])).toBeNull();
    expect(expectedWaitSeconds(Array(EXPECTED_WAIT_MIN_SAMPLES - 1).fill(MINUTE))).toBeNull();
    expect(expectedWaitSeconds([MINUTE, Number.NaN, -5])).toBeNull();
  });

  test("WIDGET-4: only the latest samples count (newest first)", () => {
    const latest = Array(EXPECTED_WAIT_SAMPLE_SIZE).fill(2 * MINUTE);
    expect(expectedWaitSeconds([...latest, ...Array(50).fill(60 * MINUTE)])).toBe(120);
  });

  test("WIDGET-4: the estimate lies between the shortest and longest sampled wait (in whole minutes)", () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 10 * 60 * MINUTE }), { minLength: EXPECTED_WAIT_MIN_SAMPLES, maxLength: 40 }), (waits) => {
      const estimate = expectedWaitSeconds(waits)!;
      const sample = waits.slice(0, EXPECTED_WAIT_SAMPLE_SIZE);
      expect(estimate % 60).toBe(0);
      expect(estimate).toBeGreaterThanOrEqual(60);
      expect(estimate * 1000).toBeGreaterThanOrEqual(Math.min(...sample));
      expect(estimate * 1000).toBeLessThanOrEqual(Math.max(Math.ceil(Math.max(...sample) / MINUTE), 1) * MINUTE);
    }));
  });
});

describe("WIDGET-4 the words the buyer reads", () => {
  test("WIDGET-4: with no one online, the shop's offline message and what happens next, never a quick-reply promise", () => {
    for (const sessionState of [null, "queued", "ended", "expired"] as const) {
      const text = widgetStatusText({ availability: offline, sessionState, agentNickname: null });
      expect(text.header).toBe("No one is online right now");
      expect(text.note).toBe(`Back at 9. ${WHAT_HAPPENS_OFFLINE}`);
      expect(text.noteKind).toBe("offline");
      expect(`${text.header} ${text.note}`).not.toMatch(/shortly|within a few minutes/i);
    }
    expect(widgetStatusText({ availability: { ...offline, offlineMessage: "  " }, sessionState: null, agentNickname: null }).note).toBe(`${DEFAULT_OFFLINE_MESSAGE} ${WHAT_HAPPENS_OFFLINE}`);
  });

  test("WIDGET-4: with an agent online, a queued buyer sees their position and the expected wait", () => {
    expect(widgetStatusText({ availability: online, sessionState: "queued", agentNickname: null })).toEqual({
      header: "An agent is online", note: "You're number 2 in the queue. Expected wait: about 3 minutes. You can keep writing.", noteKind: "queue",
    });
    expect(widgetStatusText({ availability: online, sessionState: null, agentNickname: null })).toEqual({ header: "An agent is online", note: null, noteKind: null });
    expect(noteText(english, queueNote(1, null))).toBe("You're next in the queue. You can keep writing.");
    expect(noteText(english, queueNote(null, 60))).toBe("You're in the queue. Expected wait: about 1 minute. You can keep writing.");
  });

  test("WIDGET-4: an open session names its agent, whoever else is online", () => {
    expect(widgetStatusText({ availability: offline, sessionState: "open", agentNickname: "Ava" })).toEqual({ header: "Ava is helping you", note: null, noteKind: null });
  });

  test("WIDGET-4: before the availability is known it says it is connecting", () => {
    expect(widgetStatusText({ availability: null, sessionState: null, agentNickname: null }).header).toBe("Connecting…");
  });
});

describe("NF-5 WIDGET-4 the words in Spanish", () => {
  test("NF-5 WIDGET-4: the status reads in Spanish, with plural minutes; the default offline message is translated, the shop's own is not", () => {
    expect(widgetStatusText({ availability: online, sessionState: "queued", agentNickname: null }, spanish)).toEqual({
      header: "Hay un agente en línea", note: "Eres el número 2 en la cola. Espera estimada: alrededor de 3 minutos. Puedes seguir escribiendo.", noteKind: "queue",
    });
    expect(noteText(spanish, queueNote(1, 60))).toBe("Eres el siguiente en la cola. Espera estimada: alrededor de 1 minuto. Puedes seguir escribiendo.");
    expect(widgetStatusText({ availability: offline, sessionState: "open", agentNickname: "Ava" }, spanish).header).toBe("Ava te está atendiendo");
    expect(widgetStatusText({ availability: { ...offline, offlineMessage: DEFAULT_OFFLINE_MESSAGE }, sessionState: null, agentNickname: null }, spanish).note)
      .toBe("Ahora mismo no estamos en línea. Deja un mensaje y te responderemos aquí cuando volvamos.");
    expect(widgetStatusText({ availability: offline, sessionState: null, agentNickname: null }, spanish).note).toBe("Back at 9. Deja un mensaje y te responderemos aquí cuando volvamos.");
  });
});
