// AUTO-1 and AUTO-6 in Chromium against the production build: an owner edits the greeting with a
// live preview and a buyer gets it; an order event through /api/v1 shows the proactive message
// live in that buyer's widget. The demo data other specs rely on stays as it was: this file adds
// a new buyer (through an order) and puts the greeting and the order messages back at the end.
import { expect, test, type FrameLocator, type Page } from "@playwright/test";
import { DEFAULT_GREETING_TEMPLATE } from "../../src/core/automation/greeting";
import { DEFAULT_PROACTIVE_TEMPLATES } from "../../src/core/automation/proactive";
import { DEMO, signInAs } from "./support";

async function createTokenInSettings(page: Page, name: string): Promise<string> {
  await page.goto("/settings/api");
  await page.getByLabel("Token name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = page.getByLabel("New API token");
  await expect(secret).toHaveValue(/^cpk_/);
  return secret.inputValue();
}

function widget(page: Page): FrameLocator {
  return page.frameLocator("iframe.cp-frame");
}

test("AUTO-1 AUTO-6 the owner edits the greeting with a live preview, a buyer gets it, and an order event shows a proactive message in the widget", async ({ page, browser, request }) => {
  await signInAs(page, DEMO.owner);

  // The overview lists the six tools with their state.
  await page.goto("/settings/automation");
  await expect(page.getByRole("link", { name: "Automation" })).toHaveAttribute("aria-current", "page");
  const tools = page.getByTestId("automation-tools").getByRole("listitem");
  await expect(tools.getByRole("heading")).toHaveText(["Greeting", "Saved replies", "FAQ library", "Reply recommendation & auto-send", "Chatbot", "Proactive order messages"]);
  await expect(page.getByTestId("tool-chatbot").getByTestId("tool-state")).toHaveText("Off");
  await expect(page.getByTestId("tool-proactive").getByTestId("tool-state")).toHaveText("Off");
  await page.getByRole("link", { name: "Set up greeting" }).click();

  // The preview follows the typing; an unknown variable is named before saving.
  await expect(page.getByRole("heading", { name: "Greeting", level: 1 })).toBeVisible();
  const template = page.getByLabel("Greeting message");
  const preview = page.getByTestId("greeting-preview");
  await template.fill("Hello {buyer}, I am {agent}");
  await expect(page.getByText("{agent} cannot be used here")).toBeVisible();
  await template.fill("Hello {buyer}!\nThanks for visiting {shop}.");
  await expect(preview).toHaveText("Hello Sam!\nThanks for visiting Harbor & Pine.");
  await page.getByRole("button", { name: "Save greeting" }).click();
  await expect(page.getByTestId("greeting-saved")).toBeVisible();

  // The shipped message on, with a template of our own.
  await page.goto("/settings/automation/proactive");
  const shipped = page.getByRole("region", { name: "Shipped" });
  await shipped.getByRole("switch", { name: "Send when shipped" }).click();
  await shipped.getByLabel("Message").fill("Your order {order_id} is on its way with {carrier}.\nTracking number: {tracking_number}");
  await expect(page.getByTestId("proactive-shipped-preview")).toHaveText("Your order ORD-24017 is on its way with J&T Express.\nTracking number: JT0024017US");
  await page.getByRole("button", { name: "Save order messages" }).click();
  await expect(page.getByTestId("proactive-saved")).toBeVisible();

  // The integration knows a new customer with an order to ship.
  const token = await createTokenInSettings(page, "E2E order updates");
  const headers = { authorization: `Bearer ${token}` };
  const order = await request.post("/api/v1/orders", {
    headers,
    data: {
      externalId: "E2E-AUTO-1",
      buyer: { externalId: "e2e-auto-1", nickname: "e2e_auto" },
      status: "to_ship",
      totalCents: 2400,
      placedAt: new Date().toISOString(),
      carrier: "J&T Express",
      trackingNumber: "JT-E2E-0001",
      items: [{ name: "Oolong tea, 100 g", quantity: 1, priceCents: 2400 }],
    },
  });
  expect(order.status()).toBe(201);

  // That customer starts a chat on the storefront and is greeted with the new text.
  const buyerContext = await browser.newContext();
  const buyerPage = await buyerContext.newPage();
  await buyerPage.goto("/demo-store/account?as=e2e-auto-1");
  await expect(buyerPage.getByText("Signed in as")).toContainText("e2e_auto");
  await buyerPage.getByTestId("counterpart-launcher").click();
  const frame = widget(buyerPage);
  await frame.getByRole("textbox", { name: "Message" }).fill("Hi! When will my tea ship?");
  await frame.getByRole("button", { name: "Send", exact: true }).click();
  const greeting = frame.getByTestId("message").filter({ hasText: "Hello e2e_auto!" });
  await expect(greeting).toContainText("Thanks for visiting Harbor & Pine.");
  await expect(greeting).toContainText("automatic reply");

  // The order ships: the message appears live, once, even when the event is delivered twice.
  const event = { status: "shipped", occurredAt: new Date().toISOString() };
  expect((await request.post("/api/v1/orders/E2E-AUTO-1/events", { headers, data: event })).status()).toBe(201);
  expect((await request.post("/api/v1/orders/E2E-AUTO-1/events", { headers, data: event })).status()).toBe(200);
  const proactive = frame.getByTestId("message").filter({ hasText: "Your order E2E-AUTO-1 is on its way with J&T Express." });
  await expect(proactive).toContainText("Tracking number: JT-E2E-0001");
  await buyerPage.reload();
  await buyerPage.getByTestId("counterpart-launcher").click();
  await expect(widget(buyerPage).getByTestId("message").filter({ hasText: "Your order E2E-AUTO-1 is on its way" })).toHaveCount(1);
  await buyerContext.close();

  // Back to the demo's settings for the specs that follow.
  const restoreGreeting = await page.request.put("/api/settings/automation/greeting", { data: { enabled: true, template: DEFAULT_GREETING_TEMPLATE, repeatAfterHours: 24 } });
  expect(restoreGreeting.status()).toBe(200);
  const restoreShipped = await page.request.put("/api/settings/automation/proactive", { data: { templates: [{ status: "shipped", enabled: false, template: DEFAULT_PROACTIVE_TEMPLATES.shipped }] } });
  expect(restoreShipped.status()).toBe(200);
});

test("AUTO-1 agents cannot open the automation settings", async ({ page }) => {
  await signInAs(page, DEMO.agent1);
  await page.goto("/settings/personal");
  await expect(page.getByRole("link", { name: "Automation" })).toHaveCount(0);
  await page.goto("/settings/automation");
  await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
  const response = await page.request.get("/api/settings/automation");
  expect(response.status()).toBe(403);
});
