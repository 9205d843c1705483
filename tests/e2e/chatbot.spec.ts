// AUTO-5 end to end: the owner switches the chatbot on in Settings → Automation and imports a
// small FAQ; a buyer asks an FAQ question in the widget and gets the bot's answer, then taps
// "Talk to a person": the buyer sees the hand-over note and the chat lands in Unassigned in the
// console with the note and the summary of what the buyer asked. The demo shop's settings are
// restored at the end (other specs share the demo shop). A second test: while the bot holds a
// chat, the console marks it ("Bot" in the list, a line in the chat header) and no reply clock
// runs; an owner takes it over by assigning it, and the bot stays silent from then on. A third:
// asking for a person in words (Spanish) hands over with the note, like the button.
import { expect, test } from "@playwright/test";
import { DEMO, signInAs, openDemoWidget, waitForEligible } from "./support";

const QUESTION = "Do you have a physical showroom in Harborview?";
const ANSWER = "Yes: our Harborview showroom is open Tuesday to Saturday, 10 to 6.";
const CSV = [
  "id,category,question,alternatives,answer",
  `e2e-bot-showroom,pre_purchase,${QUESTION},Can I visit your showroom | Where is your showroom,"${ANSWER}"`,
].join("\r\n");

test("AUTO-5: the bot answers an FAQ question in the widget; Talk to a person lands the chat in Unassigned with the note and summary", async ({ browser }) => {
  const ownerContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const owner = await ownerContext.newPage();
  await signInAs(owner, DEMO.owner);
  const buyerContext = await browser.newContext();
  try {
    const imported = await owner.request.post("/api/faq/csv", { data: { csv: CSV } });
    expect(imported.ok()).toBe(true);

    await owner.goto("/settings/automation");
    await expect(owner.getByTestId("tool-chatbot").getByTestId("tool-state")).toHaveText("Off");
    await owner.getByRole("link", { name: "Set up chatbot" }).click();
    await expect(owner.getByTestId("chatbot-state")).toHaveText("Off");
    await owner.getByRole("switch", { name: "Chatbot" }).click();
    await expect(owner.getByTestId("chatbot-state")).toHaveText("On");
    await owner.goto("/settings/automation");
    await expect(owner.getByTestId("tool-chatbot").getByTestId("tool-state")).toHaveText("On");

    // The hand-over lands in Unassigned only while no agent could take it: an earlier spec's
    // console may still count as online (presence grace), and the drain would assign it.
    await waitForEligible(owner, []);
    const buyer = await buyerContext.newPage();
    const frame = await openDemoWidget(buyer);
    await frame.getByRole("textbox", { name: "Message" }).fill(QUESTION);
    await frame.getByRole("button", { name: "Send", exact: true }).click();
    const botAnswer = frame.getByTestId("message").filter({ hasText: ANSWER });
    await expect(botAnswer).toBeVisible();
    // The chatbot's answer is signed as the shop's assistant, never passing for a person (the
    // greeting before it stays the shop's automatic reply).
    await expect(botAnswer.getByTestId("message-author")).toHaveText("Harbor & Pine assistant");
    await expect(botAnswer.getByTestId("bot-label")).toHaveText("Bot");
    const greeting = frame.locator('[data-testid="message"][data-author="bot"]').first();
    await expect(greeting.getByTestId("message-author")).toHaveText("Harbor & Pine");
    await expect(greeting).toContainText("automatic reply");
    await frame.getByRole("button", { name: "Talk to a person" }).click();
    await expect(frame.getByTestId("message").filter({ hasText: "Connecting you to a person…" })).toBeVisible();
    await expect(frame.getByRole("button", { name: "Talk to a person" })).toHaveCount(0);

    await owner.goto("/console");
    const list = owner.getByRole("region", { name: "Chat list" });
    await list.getByRole("tab", { name: /^Unassigned/ }).click();
    const row = list.getByRole("option").filter({ hasText: QUESTION });
    await expect(row).toHaveCount(1);
    await row.click();
    await expect(owner.getByTestId("session-state")).toHaveText("Waiting in Unassigned");
    const log = owner.getByRole("log", { name: "Messages" });
    await expect(log.getByText(ANSWER)).toBeVisible();
    await expect(log.getByTestId("system-note").filter({ hasText: "Connecting you to a person…" })).toBeVisible();
    await expect(log.getByTestId("handover-summary")).toContainText(QUESTION);
  } finally {
    // Restore the demo shop: the bot off, the FAQ entry gone.
    await owner.request.put("/api/settings/automation/chatbot", { data: { enabled: false } });
    await owner.request.delete("/api/faq/e2e-bot-showroom");
    await buyerContext.close();
    await ownerContext.close();
  }
});

const WORKSHOP_QUESTION = "Do you run tea tasting workshops?";
const WORKSHOP_ANSWER = "Yes: every first Saturday of the month, in small groups of eight.";
const WORKSHOP_CSV = [
  "id,category,question,alternatives,answer",
  `e2e-bot-showroom,pre_purchase,${QUESTION},Can I visit your showroom | Where is your showroom,"${ANSWER}"`,
  `e2e-bot-workshop,pre_purchase,${WORKSHOP_QUESTION},Can I join a tasting class | Tea workshop dates,"${WORKSHOP_ANSWER}"`,
].join("\r\n");

test("AUTO-5: a chat the bot holds shows a Bot badge and header line with no reply clock; an owner takes it over and the bot answers no more", async ({ browser }) => {
  const ownerContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const owner = await ownerContext.newPage();
  await signInAs(owner, DEMO.owner);
  const buyerContext = await browser.newContext();
  try {
    expect((await owner.request.post("/api/faq/csv", { data: { csv: WORKSHOP_CSV } })).ok()).toBe(true);
    expect((await owner.request.put("/api/settings/automation/chatbot", { data: { enabled: true } })).ok()).toBe(true);

    const buyer = await buyerContext.newPage();
    const frame = await openDemoWidget(buyer);
    await frame.getByRole("textbox", { name: "Message" }).fill(WORKSHOP_QUESTION);
    await frame.getByRole("button", { name: "Send", exact: true }).click();
    await expect(frame.getByTestId("message").filter({ hasText: WORKSHOP_ANSWER })).toBeVisible();
    await expect(frame.getByRole("button", { name: "Talk to a person" })).toBeVisible();

    await owner.goto("/console");
    const list = owner.getByRole("region", { name: "Chat list" });
    await list.getByRole("tab", { name: /^Unassigned/ }).click();
    const row = list.getByRole("option").filter({ hasText: WORKSHOP_QUESTION });
    await expect(row).toHaveCount(1);
    // Marked in words, not by colour alone; and no reply clock while the bot answers.
    await expect(row.getByTestId("bot-badge")).toHaveText("Bot: the FAQ bot is answering");
    await expect(row.getByText("Not replied")).toHaveCount(0);
    await expect(row.getByTestId("waiting-time")).toHaveCount(0);
    // The same chat in All open carries the badge too.
    await list.getByRole("tab", { name: /^All open/ }).click();
    await expect(list.getByRole("option").filter({ hasText: WORKSHOP_QUESTION }).getByTestId("bot-badge")).toBeVisible();
    await list.getByRole("tab", { name: /^Unassigned/ }).click();
    await row.click();
    await expect(owner.getByTestId("session-state")).toHaveText("With the FAQ bot · in Unassigned");
    await expect(owner.getByTestId("bot-holds")).toHaveText("The FAQ bot is answering; it hands over when the buyer asks for a person. Assign the chat to take over.");

    // The owner takes it over: the bot's part ends for good.
    const chatWindow = owner.getByRole("region", { name: "Chat window" });
    await chatWindow.locator("header").getByRole("button", { name: "Assign to me" }).click();
    await expect(owner.getByTestId("session-state")).toHaveText("Ongoing · assigned to you");
    await expect(owner.getByTestId("bot-holds")).toHaveCount(0);
    await expect(frame.getByRole("button", { name: "Talk to a person" })).toHaveCount(0);

    // A question the bot would answer now gets none: the buyer's message, then only the owner's reply.
    await frame.getByRole("textbox", { name: "Message" }).fill(QUESTION);
    await frame.getByRole("button", { name: "Send", exact: true }).click();
    const log = owner.getByRole("log", { name: "Messages" });
    await expect(log.getByText(QUESTION)).toBeVisible();
    const reply = "Hi, Olivia here: yes, come by any day from Tuesday.";
    await chatWindow.getByRole("textbox", { name: "Reply" }).fill(reply);
    await chatWindow.getByRole("textbox", { name: "Reply" }).press("Enter");
    // The widget receives in order: a bot answer to the question would arrive before the reply.
    await expect(frame.getByTestId("message").filter({ hasText: reply })).toBeVisible();
    await expect(frame.getByTestId("message").filter({ hasText: ANSWER })).toHaveCount(0);
    await expect(log.getByText(ANSWER)).toHaveCount(0);

    // Leave the demo shop as it was: the chat ended.
    await chatWindow.getByRole("button", { name: "End chat" }).click();
    await owner.getByRole("dialog", { name: "End this chat?" }).getByRole("button", { name: "End chat" }).click();
    await expect(owner.getByTestId("session-state")).toHaveText("Ended");
  } finally {
    await owner.request.put("/api/settings/automation/chatbot", { data: { enabled: false } });
    await owner.request.delete("/api/faq/e2e-bot-showroom");
    await owner.request.delete("/api/faq/e2e-bot-workshop");
    await buyerContext.close();
    await ownerContext.close();
  }
});

test("AUTO-5: a buyer who asks for a person in words (Spanish) lands in Unassigned with the note, and the console shows no Bot badge then", async ({ browser }) => {
  const ownerContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const owner = await ownerContext.newPage();
  await signInAs(owner, DEMO.owner);
  const buyerContext = await browser.newContext();
  const ask = "Hola, quiero hablar con una persona, por favor";
  try {
    expect((await owner.request.put("/api/settings/automation/chatbot", { data: { enabled: true } })).ok()).toBe(true);
    // As above: nobody who could take the chat is online when it is handed over.
    await waitForEligible(owner, []);
    const buyer = await buyerContext.newPage();
    const frame = await openDemoWidget(buyer);
    await frame.getByRole("textbox", { name: "Message" }).fill(ask);
    await frame.getByRole("button", { name: "Send", exact: true }).click();
    await expect(frame.getByTestId("message").filter({ hasText: "Connecting you to a person…" })).toBeVisible();
    await expect(frame.getByRole("button", { name: "Talk to a person" })).toHaveCount(0);

    await owner.goto("/console");
    const list = owner.getByRole("region", { name: "Chat list" });
    await list.getByRole("tab", { name: /^Unassigned/ }).click();
    const row = list.getByRole("option").filter({ hasText: ask });
    await expect(row).toHaveCount(1);
    // With people now: the reply clock runs, and no Bot badge.
    await expect(row.getByText("Not replied")).toBeVisible();
    await expect(row.getByTestId("bot-badge")).toHaveCount(0);
    await row.click();
    await expect(owner.getByTestId("session-state")).toHaveText("Waiting in Unassigned");
    await expect(owner.getByTestId("bot-holds")).toHaveCount(0);
    const log = owner.getByRole("log", { name: "Messages" });
    await expect(log.getByTestId("system-note").filter({ hasText: "Connecting you to a person…" })).toBeVisible();
    await expect(log.getByTestId("handover-summary")).toContainText(ask);

    // Leave the demo shop as it was: the chat ended.
    await owner.getByRole("region", { name: "Chat window" }).locator("header").getByRole("button", { name: "End chat" }).click();
    await owner.getByRole("dialog", { name: "End this chat?" }).getByRole("button", { name: "End chat" }).click();
    await expect(owner.getByTestId("session-state")).toHaveText("Ended");
  } finally {
    await owner.request.put("/api/settings/automation/chatbot", { data: { enabled: false } });
    await buyerContext.close();
    await ownerContext.close();
  }
});
