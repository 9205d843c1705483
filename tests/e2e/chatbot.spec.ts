// AUTO-5 end to end: the owner switches the chatbot on in Settings → Automation and imports a
// small FAQ; a buyer asks an FAQ question in the widget and gets the bot's answer, then taps
// "Talk to a person": the buyer sees the hand-over note and the chat lands in Unassigned in the
// console with the note and the summary of what the buyer asked. The demo shop's settings are
// restored at the end (other specs share the demo shop).
import { expect, test } from "@playwright/test";
import { DEMO, signInAs, openDemoWidget } from "./support";

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

    const buyer = await buyerContext.newPage();
    const frame = await openDemoWidget(buyer);
    await frame.getByRole("textbox", { name: "Message" }).fill(QUESTION);
    await frame.getByRole("button", { name: "Send", exact: true }).click();
    await expect(frame.getByTestId("message").filter({ hasText: ANSWER })).toBeVisible();
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
