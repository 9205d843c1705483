// AUTO-3, AUTO-4 end to end: the owner imports an FAQ CSV in Settings → FAQ library (a file with
// one bad row is refused with that row's line number, then a valid one is imported), and an agent
// sees the suggested answers for a buyer's message beside the composer and clicks one in.
import { expect, test, type Page } from "@playwright/test";
import { DEMO, signInAs } from "./support";
import { SocketBuyer as Buyer } from "./socket-buyer";

const HEADER = "id,category,question,alternatives,answer";
const VALID = [
  HEADER,
  'e2e-kettle-warranty,after_sales,How long is the warranty on kettles?,Is there a guarantee on the kettle | Kettle warranty,"Every kettle has a 2-year warranty, repairs included."',
  "e2e-gift-wrap,pre_purchase,Do you offer gift wrapping?,Can you wrap it as a present,Yes: add gift wrapping at checkout for $3.",
].join("\r\n");
const WITH_BAD_ROW = [VALID, "e2e-bad,somewhere,Which category is this?,,No category."].join("\r\n");

async function importFile(page: Page, name: string, content: string) {
  await page.getByTestId("faq-import-file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(content, "utf8") });
}

test("AUTO-3 AUTO-4: the owner imports an FAQ CSV (a bad row is named by its line), and an agent inserts a suggested answer", async ({ browser, baseURL }) => {
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await signInAs(owner, DEMO.owner);
  await owner.goto("/settings/faq");
  await expect(owner.getByRole("heading", { name: "FAQ library" })).toBeVisible();

  await importFile(owner, "faq-bad.csv", WITH_BAD_ROW);
  await expect(owner.getByTestId("faq-import-errors")).toContainText("Line 4: category must be one of");
  await expect(owner.getByTestId("faq-import-result")).toContainText("nothing was changed");
  await owner.getByLabel("Search").fill("e2e-");
  await expect(owner.getByTestId("faq-entries")).toContainText("No entry matches.");

  await importFile(owner, "faq.csv", VALID);
  await expect(owner.getByTestId("faq-import-result")).toContainText("Imported faq.csv");
  await expect(owner.getByTestId("faq-entry")).toHaveCount(2);
  await ownerContext.close();

  const agentContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const agent = await agentContext.newPage();
  await signInAs(agent, DEMO.agent1);
  const buyer = await Buyer.start(baseURL!);
  try {
    const message = await buyer.say("hi! how long is the warranty on your kettles? 🫖");
    await agent.goto(`/console?c=${message.conversationId}`);
    await expect(agent.getByTestId("chat-title")).toBeVisible();
    const suggestions = agent.getByTestId("recommendations");
    await expect(suggestions).toBeVisible();
    const first = suggestions.getByTestId("recommendation").first();
    await expect(first).toContainText("How long is the warranty on kettles?");
    await expect(first).toContainText("%");
    await first.click();
    const composer = agent.getByRole("region", { name: "Chat window" }).getByRole("textbox", { name: "Reply" });
    await expect(composer).toHaveValue("Every kettle has a 2-year warranty, repairs included.");
    // Still the agent's draft: it can be edited before sending.
    await composer.press("End");
    await composer.pressSequentially(" 😊");
    await expect(composer).toHaveValue("Every kettle has a 2-year warranty, repairs included. 😊");
  } finally {
    buyer.close();
    await agentContext.close();
  }
});
