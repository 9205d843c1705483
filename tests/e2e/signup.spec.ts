// SHOP-1..SHOP-5 in Chromium: a new seller signs up from the sign-in page, lands on getting
// started, copies the widget snippet onto their own storefront page (a plain HTML page this test
// serves on another port), allows that storefront's address in Shop settings as docs/security.md
// says a seller does, and a buyer's message from that page reaches the seller's console. Then an
// existing account adds a second shop and switches between its shops.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";

const STOREFRONT_PORT = Number(process.env.E2E_PORT ?? 3210) + 1;

/** The seller's storefront: a plain page with whatever snippet they pasted. */
function serveStorefront(snippet: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const html = `<!doctype html><html><head><title>Fern & Co storefront</title></head><body><h1>Fern & Co</h1><p>Handmade planters.</p>\n${snippet}\n</body></html>`;
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(html);
  });
  return new Promise((resolve) => {
    server.listen(STOREFRONT_PORT, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ origin: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

async function fillSignUp(page: Page, fields: { name: string; email: string; password: string; shopName: string }) {
  await page.getByLabel("Your name").fill(fields.name);
  await page.getByLabel("Email").fill(fields.email);
  await page.getByLabel("Password").fill(fields.password);
  await page.getByLabel("Shop name").fill(fields.shopName);
  await page.getByLabel("Currency").selectOption("EUR");
  await page.getByLabel("Time zone").selectOption("Europe/Berlin");
  await page.getByRole("button", { name: "Create shop" }).click();
}

test("SHOP-1 SHOP-3 SHOP-4 SHOP-5 a new seller signs up, installs the snippet on their storefront and answers a buyer's message", async ({ browser }) => {
  const seller = await browser.newContext();
  await seller.grantPermissions(["clipboard-read", "clipboard-write"]);
  const page = await seller.newPage();

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Create a shop" }).click();
  await expect(page).toHaveURL(/\/sign-up$/);

  // A weak password is refused with the server's reason, and nothing is lost from the form.
  const email = `fern-${Date.now()}@example.test`;
  await fillSignUp(page, { name: "Fern", email, password: "password1234", shopName: "Fern & Co" });
  await expect(page.locator("#password-error")).toBeVisible();
  await expect(page.getByLabel("Shop name")).toHaveValue("Fern & Co");

  await page.getByLabel("Password").fill("mossy granite teapot 1987");
  await page.getByRole("button", { name: "Create shop" }).click();
  await expect(page).toHaveURL(/\/settings\/getting-started\?welcome=1$/);
  await expect(page.getByTestId("welcome-notice")).toContainText("Fern & Co is ready");
  await expect(page.getByTestId("shop-name")).toHaveText("Fern & Co");
  await expect(page.getByTestId("verify-email-banner")).toContainText(`We sent a link to ${email}`);
  await expect(page.locator('[data-step="automation"]')).toHaveAttribute("data-state", "coming");
  await expect(page.locator('[data-step="test_message"]')).toHaveAttribute("data-state", "todo");

  // The identity secret is hidden until revealed.
  await expect(page.getByTestId("identity-secret")).not.toContainText("is_");
  await page.getByRole("button", { name: "Reveal" }).click();
  await expect(page.getByTestId("identity-secret")).toContainText("is_");

  // Copy the snippet, as the seller would, and paste it into their storefront page.
  await page.getByRole("button", { name: "Copy snippet" }).click();
  await expect(page.getByText("Copied.")).toBeVisible();
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  const publicKey = (await page.getByTestId("public-key").textContent()) ?? "";
  expect(snippet).toBe(`<script src="${new URL(page.url()).origin}/widget.js" data-shop-key="${publicKey}" async></script>`);
  const storefront = await serveStorefront(snippet);

  try {
    // docs/security.md: the seller lists the storefront's origin in Shop settings.
    await page.getByRole("link", { name: "Edit the allowed websites" }).click();
    await page.getByLabel("Origins, one per line").fill(storefront.origin);
    await page.getByRole("button", { name: "Save shop settings" }).click();
    await expect(page.getByTestId("shop-settings-saved")).toBeVisible();

    // A buyer on the storefront opens the chat and writes.
    const buyerContext = await browser.newContext();
    const buyer = await buyerContext.newPage();
    await buyer.goto(storefront.origin);
    await buyer.getByTestId("counterpart-launcher").click();
    const widget = buyer.frameLocator("iframe.cp-frame");
    await expect(widget.getByRole("heading", { name: "Fern & Co" })).toBeVisible();
    await widget.getByRole("textbox", { name: "Message" }).fill("Do the planters have drainage holes?");
    await widget.getByRole("button", { name: "Send", exact: true }).click();
    await expect(widget.getByTestId("message").filter({ hasText: "Do the planters have drainage holes?" })).toBeVisible();

    // ASSIGN-1: the seller is the shop's only member, so the chat is theirs: in Assigned.
    await page.goto("/console");
    await expect(page.getByTestId("connection-status")).toHaveText("Connected");
    const list = page.getByRole("region", { name: "Chat list" });
    await list.getByRole("tab", { name: /^Assigned/ }).click();
    await list.getByRole("listbox").getByRole("option").first().click();
    await expect(page.getByText("Do the planters have drainage holes?").last()).toBeVisible();

    await page.goto("/settings/getting-started");
    await expect(page.locator('[data-step="test_message"]')).toHaveAttribute("data-state", "done");
    await expect(page.locator('[data-step="allow_origin"]')).toHaveAttribute("data-state", "done");
    await buyerContext.close();
  } finally {
    await storefront.close();
    await seller.close();
  }
});

test("SHOP-2 an existing account adds a second shop with its password (no second account) and switches between its shops", async ({ page }) => {
  const email = `rowan-${Date.now()}@example.test`;
  const password = "copper lantern meadow 77";
  await page.goto("/sign-up");
  await fillSignUp(page, { name: "Rowan", email, password, shopName: "Rowan Books" });
  await expect(page).toHaveURL(/\/settings\/getting-started/);
  await page.goto("/console");
  await expect(page.getByTestId("connection-status")).toHaveText("Connected");
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Create another shop" }).click();
  await expect(page).toHaveURL(/\/sign-up$/);
  await expect(page.getByTestId("signed-in-note")).toContainText(email);
  await expect(page.getByLabel("Email")).toHaveValue(email);

  // The same email with a wrong password: the sign-in answer, and no shop is made.
  await fillSignUp(page, { name: "Rowan", email, password: "not the password at all 1", shopName: "Rowan Maps" });
  await expect(page.getByRole("alert").filter({ hasText: "The email or password is incorrect" })).toBeVisible();

  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create shop" }).click();
  await expect(page).toHaveURL(/\/settings\/getting-started/);
  await expect(page.getByTestId("shop-name")).toHaveText("Rowan Maps");

  await page.goto("/console");
  await expect(page.getByTestId("connection-status")).toHaveText("Connected");
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: /Rowan Books/ }).click();
  await expect(page.getByTestId("shop-name")).toHaveText("Rowan Books");
  await expect(page.getByTestId("connection-status")).toHaveText("Connected");
  await page.reload();
  await expect(page.getByTestId("shop-name")).toHaveText("Rowan Books");
});
