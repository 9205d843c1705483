// SET-3, issue 13 item 4: live two-way translation end to end, in Chromium, through a real Apertium
// APY server (scripts/e2e-server.mjs starts it and configures the engine). The owner turns on
// auto-detect in the shop settings; a buyer writes Spanish in the widget; Ava reads English with
// the original one click away and answers in English; the buyer reads Spanish, original available.
import { seriousViolations } from "./axe";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO, signInAs } from "./support";

const SPANISH = "¿Dónde está mi pedido? Lo compré hace una semana";
const ENGLISH_REPLY = "Your order ships tomorrow morning";

async function signedIn(browser: Browser, email: string): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signInAs(page, email);
  return { page, close: () => context.close() };
}

// Later specs expect the demo shop without translation: put the default back whatever happened.
test.afterAll(async ({ browser }) => {
  const owner = await signedIn(browser, DEMO.owner);
  try {
    const response = await owner.page.request.put("/api/settings/translation", { data: { mode: "off" } });
    expect(response.ok()).toBe(true);
  } finally {
    await owner.close();
  }
});

test("SET-3 a Spanish-speaking buyer and an English-speaking agent each read their own language, the original one click away", async ({ browser }) => {
  // It may wait out the presence grace of an earlier spec's console (below).
  test.setTimeout(120_000);
  // The owner chooses auto-detect in the shop settings.
  const owner = await signedIn(browser, DEMO.owner);
  try {
    await owner.page.goto("/settings/shop");
    const form = owner.page.getByRole("form", { name: "Translation settings" });
    await form.getByLabel(/Auto-detect the buyer's language/).check();
    await form.getByRole("button", { name: "Save translation" }).click();
    await expect(owner.page.getByTestId("translation-saved")).toBeVisible();
    expect(await seriousViolations(owner.page)).toEqual([]);
  } finally {
    await owner.close();
  }

  const ava = await signedIn(browser, DEMO.agent1);
  // A Spanish-speaking buyer: the storefront and the widget follow the browser's language (NF-5).
  const shopper = await browser.newContext({ locale: "es-ES" });
  try {
    // Only Ava takes new chats (the owner's console closed; presence forgets it after its grace).
    await expect.poll(async () => {
      const response = await ava.page.request.get("/api/console/members");
      const { data } = (await response.json()) as { data: { members: Array<{ nickname: string; isOnline: boolean; acceptAutoAssign: boolean }> } };
      return data.members.filter((member) => member.isOnline && member.acceptAutoAssign).map((member) => member.nickname);
    // Up to 45 s: beyond the 30 s presence grace of a console an earlier spec closed.
    }, { timeout: 45_000 }).toEqual(["Ava"]);

    const store = await shopper.newPage();
    const started = store.waitForResponse((response) => response.url().endsWith("/api/widget/session") && response.ok());
    await store.goto("/demo-store");
    await store.getByTestId("counterpart-launcher").click();
    const { data: visitor } = (await (await started).json()) as { data: { buyer: { nickname: string } } };
    const widget = store.frameLocator("iframe.cp-frame");
    await widget.getByRole("textbox", { name: "Mensaje" }).fill(SPANISH);
    await widget.getByRole("button", { name: "Enviar", exact: true }).click();
    // Delivered at once, as written.
    await expect(widget.getByTestId("message").filter({ hasText: SPANISH })).toBeVisible();

    // Ava opens the chat: the buyer's message reads in English, the Spanish one click away.
    const { page } = ava;
    const region = page.getByRole("region", { name: "Chat list" });
    await region.getByRole("tab", { name: /^Assigned/ }).click();
    await region.getByRole("option").filter({ hasText: visitor.buyer.nickname }).click();
    await expect(page.getByTestId("chat-title")).toContainText(visitor.buyer.nickname);
    const log = page.getByRole("log", { name: "Messages" });
    const buyerMessage = log.locator('[data-author="buyer"]').first();
    await expect(buyerMessage.getByTestId("translation")).toContainText("Translated from Spanish");
    await expect(buyerMessage).toContainText(/Where .* request\?/);
    await expect(buyerMessage).not.toContainText(SPANISH);
    await buyerMessage.getByTestId("translation-toggle").click();
    await expect(buyerMessage).toContainText(SPANISH);
    await buyerMessage.getByTestId("translation-toggle").click();
    await expect(buyerMessage).not.toContainText(SPANISH);
    await expect(page.getByTestId("chat-translation")).toHaveValue("shop");
    expect(await seriousViolations(page)).toEqual([]);

    // Ava answers in English; her bubble keeps her words, with what the buyer sees one click away.
    const reply = page.getByRole("region", { name: "Chat window" }).getByRole("textbox", { name: "Reply" });
    await reply.fill(ENGLISH_REPLY);
    await reply.press("Enter");
    const agentMessage = log.locator('[data-author="agent"]').filter({ hasText: ENGLISH_REPLY });
    await expect(agentMessage.getByTestId("translation")).toHaveAttribute("data-language", "es");
    await agentMessage.getByTestId("translation-toggle").click();
    await expect(agentMessage.getByTestId("translation-text")).toContainText(/mañana/);

    // The buyer reads Spanish, with Ava's English one click away; the product's own note too.
    await expect(widget.getByTestId("message").filter({ hasText: "Ava se unió al chat" })).toBeVisible();
    const answer = widget.locator('[data-testid="message"][data-author="agent"]').last();
    await expect(answer.getByTestId("widget-translation")).toHaveAttribute("data-language", "es");
    await expect(answer).toContainText(/mañana/);
    await expect(answer).not.toContainText(ENGLISH_REPLY);
    await answer.getByTestId("widget-translation-toggle").click();
    await expect(answer).toContainText(ENGLISH_REPLY);
    expect(await seriousViolations(store)).toEqual([]);
  } finally {
    await shopper.close();
    await ava.close();
  }
});
