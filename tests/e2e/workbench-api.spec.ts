// API-1, CONSOLE-7, SET-5 in Chromium against the production build: an owner creates an API token
// in settings, an integration uses it, the owner revokes it; the workbench routes serve a signed-in
// member the buyer's orders with the carrier's contact, live products and vouchers.
// The demo data other specs rely on stays as it was: this file only adds an unlisted product, an
// order of a new buyer without a chat, and tokens it revokes.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO, signInAs } from "./support";

async function createTokenInSettings(page: Page, name: string): Promise<string> {
  await page.goto("/settings/api");
  await expect(page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();
  await page.getByLabel("Token name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = page.getByLabel("New API token");
  await expect(secret).toHaveValue(/^cpk_[A-Za-z0-9_-]{43}$/);
  return secret.inputValue();
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function miaConversationId(request: APIRequestContext, token: string): Promise<string> {
  const response = await request.get("/api/v1/conversations?buyerExternalId=cust-1001", { headers: bearer(token) });
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.data).toHaveLength(1);
  return body.data[0].id;
}

test("API-1 an owner creates a token in settings, an integration uses it, the owner revokes it", async ({ page, request }) => {
  await signInAs(page, DEMO.owner);
  const token = await createTokenInSettings(page, "E2E storefront sync");
  await expect(page.getByText("It is shown only this once.")).toBeVisible();

  // The integration upserts (idempotently) and reads conversations of its own shop.
  const product = { externalId: "E2E-SKU-1", name: "E2E linen scarf", priceCents: 1500, status: "unlisted" };
  const created = await request.post("/api/v1/products", { headers: bearer(token), data: product });
  expect(created.status()).toBe(201);
  const repeated = await request.post("/api/v1/products", { headers: bearer(token), data: product });
  expect(repeated.status()).toBe(200);
  expect((await repeated.json()).data.id).toBe((await created.json()).data.id);

  const order = await request.post("/api/v1/orders", {
    headers: bearer(token),
    data: {
      externalId: "E2E-ORD-1",
      buyer: { externalId: "e2e-buyer-1", nickname: "e2e_buyer" },
      status: "to_ship",
      totalCents: 1500,
      placedAt: new Date().toISOString(),
      items: [{ productExternalId: "E2E-SKU-1", name: "E2E linen scarf", quantity: 1, priceCents: 1500 }],
    },
  });
  expect(order.status()).toBe(201);
  expect((await order.json()).data).toMatchObject({ buyer: { externalId: "e2e-buyer-1", nickname: "e2e_buyer" }, items: [{ productExternalId: "E2E-SKU-1" }] });

  const invalid = await request.post("/api/v1/vouchers", { headers: bearer(token), data: { externalId: "E2E-V", discountType: "percentage" } });
  expect(invalid.status()).toBe(400);
  expect(Object.keys((await invalid.json()).error.fieldErrors)).toEqual(expect.arrayContaining(["code", "title", "discountValue", "quantity", "startsAt", "endsAt"]));

  const conversationId = await miaConversationId(request, token);
  const detail = await request.get(`/api/v1/conversations/${conversationId}?limit=2`, { headers: bearer(token) });
  const detailBody = await detail.json();
  expect(detailBody.data.buyer).toMatchObject({ externalId: "cust-1001", nickname: "mia_reads" });
  expect(detailBody.messages.map((message: { seq: number }) => message.seq)).toEqual([1, 2]);
  expect(detailBody.nextAfterSeq).toBe(2);

  // The settings page shows the token by its first characters and when it was last used.
  await page.reload();
  const row = page.getByTestId("api-token-row").filter({ hasText: "E2E storefront sync" });
  await expect(row).toContainText(token.slice(0, 12));
  await expect(row).not.toContainText(token);
  await expect(row).not.toContainText("Never");
  await expect(row).toContainText("Active");

  await row.getByRole("button", { name: "Revoke E2E storefront sync" }).click();
  const dialog = page.getByRole("dialog", { name: "Revoke “E2E storefront sync”?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Revoke token" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("Revoked");

  const refused = await request.get("/api/v1/conversations", { headers: bearer(token) });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: "This API token is not valid or has been revoked." } });
});

test("API-1 the OpenAPI document is served without a token and names every operation", async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const document = await response.json();
  expect(document.openapi).toBe("3.1.0");
  expect(Object.keys(document.paths).sort()).toEqual(
    ["/analytics", "/conversations", "/conversations/{conversationId}", "/faq", "/faq/csv", "/faq/{id}", "/openapi.json", "/orders", "/orders/{externalId}/events", "/products", "/vouchers"].sort(),
  );
});

test("API-1 agents can neither open API tokens nor create one", async ({ page }) => {
  await signInAs(page, DEMO.agent1);
  await page.goto("/settings/api");
  await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
  await expect(page.getByLabel("Token name")).toHaveCount(0);
  const response = await page.request.post("/api/api-tokens", { data: { name: "sneaky" } });
  expect(response.status()).toBe(403);
});

test("CONSOLE-7 SET-5 the workbench gives members the buyer's orders with the carrier's contact, live products and vouchers", async ({ page, browser, baseURL }) => {
  // The owner always has chat access, so Mia's chat is visible whatever other specs did to it.
  const ownerContext = await browser.newContext({ baseURL });
  const owner = await ownerContext.newPage();
  await signInAs(owner, DEMO.owner);
  const created = await owner.request.post("/api/api-tokens", { data: { name: "E2E workbench lookup" } });
  expect(created.status()).toBe(201);
  const { token, apiToken } = (await created.json()).data;
  const conversationId = await miaConversationId(owner.request, token);
  expect((await owner.request.delete(`/api/api-tokens/${apiToken.id}`)).status()).toBe(200);

  const orders = await owner.request.get(`/api/workbench/conversations/${conversationId}/orders`);
  expect(orders.status()).toBe(200);
  const ordersBody = (await orders.json()).data;
  expect(ordersBody.buyer.nickname).toBe("mia_reads");
  expect(ordersBody.orders.map((order: { externalId: string }) => order.externalId)).toEqual(["ORD-24017", "ORD-24001"]);
  expect(ordersBody.orders[0]).toMatchObject({
    status: "shipped",
    totalCents: 5900,
    items: [{ name: "Cast-iron kettle, 0.8 l", quantity: 1 }],
    logistics: { carrier: "J&T Express", phone: "+1 800 555 0142", trackingNumber: "TRK24017US" },
  });
  await ownerContext.close();

  // Products and vouchers are the shop's: any agent reads them.
  await signInAs(page, DEMO.agent1);
  const mugs = await page.request.get("/api/workbench/products?q=MUG");
  const mugNames = (await mugs.json()).data.products.map((product: { name: string }) => product.name);
  expect(mugNames).toContain("Stoneware mug, harbor blue");
  expect(mugNames).not.toContain("Glass tea mug with infuser"); // sold out
  const bySku = await page.request.get("/api/workbench/products?q=sku-ket");
  expect((await bySku.json()).data.products.map((product: { externalId: string }) => product.externalId)).toEqual(["SKU-KET-01"]);
  const unlisted = await page.request.get("/api/workbench/products?q=E2E");
  expect((await unlisted.json()).data.products).toEqual([]);

  const vouchers = await page.request.get("/api/workbench/vouchers");
  const codes = (await vouchers.json()).data.vouchers.map((voucher: { code: string }) => voucher.code);
  expect(codes).toContain("WELCOME5");

  const badQuery = await page.request.get("/api/workbench/products?limit=1000");
  expect(badQuery.status()).toBe(400);
  expect((await badQuery.json()).error.fieldErrors.limit).toBeDefined();
});

test("CONSOLE-7 SET-5 beside an open chat the workbench shows the buyer's orders with carrier contact, searches products and lists vouchers, by keyboard too", async ({ page }) => {
  await signInAs(page, DEMO.owner);
  const created = await page.request.post("/api/api-tokens", { data: { name: "E2E console lookup" } });
  const { token, apiToken } = (await created.json()).data;
  const conversationId = await miaConversationId(page.request, token);
  expect((await page.request.delete(`/api/api-tokens/${apiToken.id}`)).status()).toBe(200);

  await page.goto(`/console?c=${conversationId}`);
  const workbench = page.getByTestId("workbench-panel");
  await expect(workbench.getByRole("tab", { name: "Orders" })).toHaveAttribute("aria-selected", "true");
  const order = workbench.getByTestId("workbench-order").filter({ hasText: "Order ORD-24017" });
  await expect(order.getByTestId("order-status")).toHaveText("Shipped");
  await expect(order.getByTestId("order-total")).toHaveText("$59.00");
  await expect(order).toContainText("Cast-iron kettle, 0.8 l");
  await expect(workbench.getByTestId("workbench-order").filter({ hasText: "Order ORD-24001" }).getByTestId("order-status")).toHaveText("Delivered");

  // SET-5: the carrier's contact opens from the order.
  const contactButton = order.getByRole("button", { name: "Carrier contact" });
  await expect(contactButton).toHaveAttribute("aria-expanded", "false");
  await contactButton.click();
  await expect(order.getByRole("button", { name: "Hide carrier" })).toHaveAttribute("aria-expanded", "true");
  await expect(order.getByRole("link", { name: "+1 800 555 0142" })).toHaveAttribute("href", "tel:+18005550142");
  await expect(order).toContainText("TRK24017US");

  // NF-5: arrow keys move between the tabs.
  await workbench.getByRole("tab", { name: "Orders" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(workbench.getByRole("tab", { name: "Products" })).toHaveAttribute("aria-selected", "true");
  await expect(workbench.getByRole("tab", { name: "Products" })).toBeFocused();
  await workbench.getByRole("searchbox", { name: "Search products" }).fill("MUG");
  await expect(workbench.getByTestId("workbench-product")).toHaveCount(1);
  await expect(workbench.getByTestId("workbench-product")).toContainText("Stoneware mug, harbor blue");
  await expect(workbench.getByRole("button", { name: "Send Stoneware mug, harbor blue" })).toBeEnabled();
  await workbench.getByRole("searchbox", { name: "Search products" }).fill("no such thing");
  await expect(workbench.getByText('No live product matches "no such thing".')).toBeVisible();

  await workbench.getByRole("tab", { name: "Vouchers" }).click();
  const welcome = workbench.getByTestId("workbench-voucher").filter({ hasText: "WELCOME5" });
  await expect(welcome).toContainText("$5 off your next order");
  await expect(welcome).toContainText("min. spend $25.00");
  await expect(welcome.getByRole("button", { name: "Send voucher WELCOME5" })).toBeVisible();
});
