// NF-5 in Chromium: the buyer widget in Spanish. A storefront that asks for Spanish on the embed
// tag (data-lang="es") gets it whatever the browser's language; a Spanish browser (Accept-Language
// and navigator.language es-ES) gets it on a storefront that asks for nothing. The words, the
// launcher's name, the frame's lang, the emoji picker (Spanish names, search in both languages)
// and no serious or critical axe-core violations.
import { seriousViolations } from "./axe";
import { expect, test, type FrameLocator, type Page } from "@playwright/test";

/**
 * A storefront of another origin with the one-tag embed (docs/widget.md), served by the test.
 * Its host is "localhost" (the app is 127.0.0.1): another origin. Chromium asks before a page
 * reaches a loopback address (Local Network Access), as a real storefront reaches a public one,
 * so the permission is granted first.
 */
async function openStorefront(page: Page, baseURL: string, tagAttributes: string): Promise<void> {
  await page.context().grantPermissions(["local-network-access"]);
  const storefront = `${baseURL.replace("127.0.0.1", "localhost")}/__storefront-test`;
  const html = `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Tienda</title></head>
<body><main><h1>Tienda de prueba</h1></main>
<script src="${baseURL}/widget.js" data-shop-key="pk_demo_harbor_and_pine" ${tagAttributes} async></script></body></html>`;
  await page.route(storefront, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
  await page.goto(storefront);
}

async function expectSpanishWidget(page: Page): Promise<FrameLocator> {
  const launcher = page.getByTestId("counterpart-launcher");
  // The frame hands the launcher its words once it is ready.
  await expect(launcher).toHaveAttribute("aria-label", /^Abrir el chat con /);
  await launcher.click();
  await expect(launcher).toHaveAttribute("aria-label", "Cerrar el chat");
  const frame = page.frameLocator("iframe.cp-frame");
  await expect(frame.locator("html")).toHaveAttribute("lang", "es");
  const textbox = frame.getByRole("textbox", { name: "Mensaje" });
  await expect(textbox).toBeEditable();
  await expect(textbox).toHaveAttribute("placeholder", "Escribe un mensaje…");
  await expect(frame.getByRole("button", { name: "Enviar", exact: true })).toBeVisible();
  await expect(frame.getByRole("button", { name: "Adjuntar una imagen o un vídeo" })).toBeVisible();
  await expect(frame.getByRole("button", { name: "Cerrar el chat" })).toBeVisible();
  await expect(frame.getByTestId("availability")).toHaveText(/^(Ahora no hay nadie en línea|Hay un agente en línea)$/);
  return frame;
}

test.describe("NF-5 the widget in Spanish", () => {
  test("NF-5 a storefront that chooses Spanish (data-lang) gets the widget in Spanish in an English browser, with the emoji picker in Spanish and no serious axe violations", async ({ page, baseURL }) => {
    await openStorefront(page, baseURL!, 'data-lang="es"');
    const frame = await expectSpanishWidget(page);

    // A message: its time in Spanish style and the delivery state in Spanish.
    await frame.getByRole("textbox", { name: "Mensaje" }).fill("Hola, ¿tenéis té verde?");
    await frame.getByRole("button", { name: "Enviar", exact: true }).click();
    await expect(frame.getByTestId("message").filter({ hasText: "¿tenéis té verde?" })).toBeVisible();
    await expect(frame.getByTestId("read-state")).toHaveText(/· (Enviado|Leído)/);
    expect(await seriousViolations(page)).toEqual([]);

    // The emoji picker: Spanish words and names, and both languages' search terms.
    await frame.getByRole("button", { name: "Añadir un emoji" }).click();
    const picker = frame.getByRole("dialog", { name: "Selector de emoji" });
    await expect(picker.getByRole("gridcell").first()).toBeVisible();
    const search = picker.getByRole("searchbox", { name: "Buscar emoji" }).or(picker.getByRole("textbox", { name: "Buscar emoji" }));
    await search.fill("pulgar");
    await expect(picker.getByRole("gridcell", { name: "Pulgar hacia arriba" })).toBeVisible();
    await search.fill("thumbs up");
    await expect(picker.getByRole("gridcell")).toHaveCount(1);
    await expect(picker.getByRole("gridcell", { name: "Pulgar hacia arriba" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await expect(picker).toHaveCount(0);
  });

  test("NF-5 the storefront's choice wins over the browser's language", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ locale: "es-ES" });
    const page = await context.newPage();
    try {
      await openStorefront(page, baseURL!, 'data-lang="en"');
      const launcher = page.getByTestId("counterpart-launcher");
      await expect(launcher).toHaveAttribute("aria-label", /^Open chat with /);
      await launcher.click();
      const frame = page.frameLocator("iframe.cp-frame");
      await expect(frame.locator("html")).toHaveAttribute("lang", "en");
      await expect(frame.getByRole("textbox", { name: "Message" })).toBeEditable();
    } finally {
      await context.close();
    }
  });

  test("NF-5 a Spanish browser (locale es-ES) gets the widget in Spanish on a storefront that chooses nothing, with no serious axe violations", async ({ browser }) => {
    const context = await browser.newContext({ locale: "es-ES" });
    const page = await context.newPage();
    try {
      await page.goto("/demo-store");
      await expectSpanishWidget(page);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
