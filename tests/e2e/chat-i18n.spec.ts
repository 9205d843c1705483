// NF-5 in Chromium: the chat window and the workbench in Spanish. A member whose default language
// is Spanish (SET-1, set through the product's own personal settings, PATCH /api/me) opens a
// buyer's chat: the header, the composer, the history (times and the day separator), the buyer
// panel, the workbench tabs and the cards it sends, and the end-of-chat dialog and note are in
// Spanish, with no serious or critical axe-core violations. The browser stays English: the
// member's language chooses the console's (docs/i18n.md).
import { seriousViolations } from "./axe";
import { expect, test } from "@playwright/test";
import { DEMO, setMemberLanguage, signInAs, waitForEligible } from "./support";
import { SocketBuyer as Buyer } from "./socket-buyer";


test("NF-5: a Spanish-speaking member uses the chat window and the workbench in Spanish (times, dates, money, numbers), with no serious axe violations", async ({ browser, baseURL }) => {
  // It may wait out the presence grace of an earlier spec's console (below).
  test.setTimeout(120_000);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signInAs(page, DEMO.agent1);
  await setMemberLanguage(page, "es");
  const buyer = await Buyer.start(baseURL!);
  try {
    await waitForEligible(page, ["Ava"]);
    const first = await buyer.say("Hola, ¿tienen té verde?");
    await page.goto(`/console?c=${first.conversationId}`);
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    const chatWindow = page.getByRole("region", { name: "Ventana del chat" });
    await expect(page.getByTestId("chat-title")).toContainText(buyer.nickname);
    await expect(page.getByTestId("session-state")).toHaveText("En curso · asignado a ti");
    await expect(chatWindow.getByLabel("Categoría")).toBeVisible();
    await expect(chatWindow.getByRole("button", { name: "Destacar para seguimiento" })).toBeVisible();
    await expect(chatWindow.getByRole("button", { name: "Finalizar chat" })).toBeVisible();

    // The composer: its words, and the counter's number in Spanish style (4000, not 4,000).
    const reply = chatWindow.getByRole("textbox", { name: "Respuesta" });
    await expect(reply).toHaveAttribute("placeholder", "Escribe una respuesta… (/ para respuestas guardadas)");
    await expect(chatWindow.getByTestId("char-counter")).toHaveText("0 / 4000");
    await expect(chatWindow.getByRole("button", { name: "Insertar emoji" })).toBeVisible();
    await reply.fill("¡Hola! Sí, tenemos té verde.");
    await chatWindow.getByRole("button", { name: "Enviar", exact: true }).click();

    // The history: the day separator, 24-hour times, the delivery state.
    const log = page.getByRole("log", { name: "Mensajes" });
    await expect(log.getByText("Hoy", { exact: true })).toBeVisible();
    // The product's own system note, rebuilt in Spanish from its facts (stored in English).
    await expect(log.getByTestId("system-note").filter({ hasText: "Ava se unió al chat" })).toBeVisible();
    const mine = log.locator('[data-author="agent"]').filter({ hasText: "tenemos té verde" });
    await expect(mine.getByTestId("read-state")).toHaveText(/^· (Enviado|Leído)$/);
    await expect(mine.locator("time")).toHaveText(/^\d{2}:\d{2}$/);
    await expect(page.getByRole("region", { name: "Historial de la conversación" })).toBeVisible();

    // The buyer panel: an anonymous visitor and their session, started today in Spanish.
    const panel = page.getByTestId("buyer-panel");
    await expect(panel).toContainText("Visitante anónimo");
    await expect(panel).toContainText("Historial de sesiones");
    await expect(panel.getByRole("button", { name: "Bloquear comprador" })).toBeVisible();
    const today = new Date().toLocaleString("es", { month: "short", day: "numeric" });
    await expect(panel.getByTestId("session-history-entry").first()).toContainText(`Iniciada ${today}`);

    // The workbench: tabs, an empty order list, products with stock, a product card in Spanish money.
    const workbench = page.getByTestId("workbench-panel");
    await expect(workbench.getByRole("tablist", { name: "Herramientas" })).toBeVisible();
    await expect(workbench).toContainText("todavía no tiene pedidos.");
    await workbench.getByRole("tab", { name: "Productos" }).click();
    await expect(workbench.getByRole("searchbox", { name: "Buscar productos" })).toHaveAttribute("placeholder", "Buscar por nombre o ID de producto");
    await expect(workbench.getByTestId("workbench-product").first()).toContainText("en stock");
    await workbench.getByRole("button", { name: /^Enviar / }).first().click();
    const productCard = log.locator('[data-kind="product_card"]');
    await expect(productCard).toContainText("Producto");
    await expect(productCard).toContainText("Ver producto");
    await expect(productCard).toContainText(/\d+,\d{2}\s(US\$|€|£)/);
    await workbench.getByRole("tab", { name: "Cupones" }).click();
    await expect(workbench.getByTestId("voucher-remaining").first()).toHaveText(/^Quedan \d+ de \d+$/);
    const sendVoucher = workbench.getByRole("button", { name: /^Enviar el cupón / }).first();
    await sendVoucher.click();
    const voucherCard = log.locator('[data-kind="voucher_card"]');
    await expect(voucherCard).toContainText("de descuento");
    await expect(voucherCard).toContainText(/Válido hasta el \d{1,2} [a-z]{3,4}\.? \d{4}/);
    // "Enviado" shows for 2.5 s after a send (as "Sent" does in English, whose accessible name
    // "Send voucher …" does not contain it either); axe looks once the button says Enviar again.
    await expect(sendVoucher).toHaveText("Enviar");
    expect(await seriousViolations(page)).toEqual([]);

    // Ending: the dialog, the state, the blocked composer and the product's own note in Spanish.
    await chatWindow.getByRole("button", { name: "Finalizar chat" }).click();
    const confirm = page.getByRole("dialog", { name: "¿Finalizar este chat?" });
    await expect(confirm).toContainText(`${buyer.nickname} recibirá una solicitud para valorar la conversación.`);
    expect(await seriousViolations(page)).toEqual([]);
    await confirm.getByRole("button", { name: "Finalizar chat" }).click();
    await expect(confirm).toHaveCount(0);
    await expect(page.getByTestId("session-state")).toHaveText("Finalizado");
    await expect(chatWindow.getByTestId("composer-blocked")).toContainText("Este chat está cerrado.");
    await expect(log.getByTestId("system-note").filter({ hasText: "El chat ha finalizado. ¿Qué tal lo hicimos?" })).toBeVisible();
    await expect(panel.getByTestId("session-history-entry").first()).toContainText("Finalizada");
    expect(await seriousViolations(page)).toEqual([]);
  } finally {
    buyer.close();
    await setMemberLanguage(page, "en").catch(() => undefined);
    await context.close();
  }
});
