// NF-5 in Chromium: the console in Spanish. Ava chooses Spanish as her default language (SET-1,
// through her personal settings' API) and the console follows: the header, the lists, the
// status filters, the chat list's waiting times and relative times, the search with its plural,
// the keyboard shortcuts, the transfer dialog and the avatar menu, the tab title, and no serious
// or critical axe-core violations. Her language is set back to English afterwards, so the other
// specs see the English console. Demo data: mia_reads has an open logistics chat with Ava that
// waits for a reply (order ORD-24017).
import { seriousViolations } from "./axe";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, setMemberLanguage, signInAs } from "./support";

const chatList = (page: Page) => page.getByRole("region", { name: "Lista de chats" });

test("NF-5: a member whose language is Spanish uses the console in Spanish (lists, filters, times, plurals, search, shortcuts, transfer, menu), with no serious axe violations", async ({ page }) => {
  await signInAs(page, DEMO.agent1);
  await setMemberLanguage(page, "es");
  try {
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.getByTestId("connection-status")).toHaveText("Conectado");
    await expect(page).toHaveTitle(/^(\(\d+\+?\) )?Consola · Harbor & Pine · Counterpart$/);
    await expect(page.getByRole("navigation", { name: "Principal" }).getByRole("link", { name: "Ajustes" })).toBeVisible();
    await expect(page.getByRole("switch", { name: "Aceptar chats asignados automáticamente" })).toBeVisible();

    // The lists and the filters.
    const list = chatList(page);
    await expect(list.getByRole("tab", { name: /^Asignados/ })).toHaveAttribute("aria-selected", "true");
    await expect(list.getByRole("tab", { name: /^Sin asignar/ })).toBeVisible();
    await expect(list.getByRole("tab", { name: "Historial" })).toBeVisible();
    const filters = list.getByRole("group", { name: "Filtros de estado" });
    await expect(filters.getByRole("button", { name: /^Sin responder/ })).toBeVisible();
    await expect(filters.getByRole("button", { name: /^Vencen pronto/ })).toBeVisible();
    await expect(list.getByRole("combobox", { name: "Categoría" }).locator("option:checked")).toHaveText("Todas las categorías");
    await expect(list.getByRole("combobox", { name: "Ordenar chats" }).locator("option", { hasText: "Tiempo de espera" })).toHaveCount(1);
    await expect(list.getByRole("searchbox", { name: "Buscar chats" })).toHaveAttribute("placeholder", "Buscar palabra clave, comprador o n.º de pedido");

    // Mia's chat: Spanish tags, the waiting time and the time of the last message in Spanish.
    const rows = list.getByRole("listbox", { name: "Chats asignados" }).getByRole("option");
    const mia = rows.filter({ has: page.getByTestId("buyer-nickname").getByText("mia_reads", { exact: true }) });
    await expect(mia).toContainText("Sin responder");
    await expect(mia).toContainText("Envíos");
    await expect(mia.getByTestId("waiting-time")).toHaveText(/^Esperando (menos de 1 min|\d+ min|\d+ h( \d+ min)?|\d+ días?( \d+ h)?)$/);
    await expect(mia.locator("time")).toHaveText(/^(ahora|\d+ min|\d+ h|Ayer|[a-zé]{3}\.?|\d{1,2} [a-z]{3,4}\.?( \d{4})?)$/);
    expect(await seriousViolations(page)).toEqual([]);

    // Search: the plural, the matched field, and nothing found.
    const search = list.getByRole("searchbox", { name: "Buscar chats" });
    await search.fill("ORD-24017");
    const results = list.getByRole("listbox", { name: "Resultados de la búsqueda" });
    await expect(results.getByRole("option").filter({ hasText: "mia_reads" })).toContainText("N.º de pedido");
    // One chat is "1 chat encontrado", any other number "N chats encontrados" (ICU plural).
    await expect(list.getByText(/^(1 chat encontrado|(0|[2-9]|\d{2,}) chats encontrados)$/)).toBeVisible();
    await search.fill("qqzzxxnothing");
    await expect(list.getByText("0 chats encontrados", { exact: true })).toBeVisible();
    await expect(list.getByText("Ningún chat coincide con «qqzzxxnothing».")).toBeVisible();
    await list.getByRole("button", { name: "Borrar la búsqueda" }).click();
    await expect(search).toHaveValue("");

    // The keyboard shortcuts, in Spanish.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press("?");
    const help = page.getByRole("dialog", { name: "Atajos de teclado" });
    await expect(help).toContainText("Abrir el chat siguiente de la lista");
    await expect(help).toContainText("Transferir el chat abierto");
    expect(await seriousViolations(page)).toEqual([]);
    await help.getByRole("button", { name: "Cerrar" }).click();
    await expect(help).toHaveCount(0);

    // The transfer dialog of Mia's chat: the team with load and presence in Spanish.
    await mia.click();
    await expect(page.getByTestId("chat-title")).toContainText("mia_reads");
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press("t");
    const transfer = page.getByRole("dialog", { name: "Transferir el chat" });
    await expect(transfer.getByRole("searchbox", { name: "Buscar por apodo" })).toBeFocused();
    const team = transfer.getByRole("radiogroup", { name: "Transferir a" });
    await expect(team.getByTestId("member-option").first()).toBeVisible();
    await expect(team.getByTestId("member-option").filter({ hasText: "Ava (tú)" })).toContainText("Este chat es tuyo");
    await expect(team.getByLabel(/^\d+ chats? abiertos? de \d+$/).first()).toBeVisible();
    await expect(transfer.getByText("Solo este chat")).toBeVisible();
    await expect(transfer.getByRole("button", { name: "Transferir", exact: true })).toBeDisabled();
    expect(await seriousViolations(page)).toEqual([]);
    await transfer.getByRole("button", { name: "Cancelar" }).click();
    await expect(transfer).toHaveCount(0);

    // The avatar menu.
    await page.getByRole("button", { name: "Menú de la cuenta de Ava" }).click();
    const menu = page.getByRole("menu");
    await expect(menu).toContainText("agente");
    await expect(menu.getByRole("menuitem", { name: "Cerrar sesión" })).toBeVisible();
    await page.keyboard.press("Escape");
  } finally {
    await setMemberLanguage(page, "en");
  }
  await page.reload();
  await expect(page.getByTestId("connection-status")).toHaveText("Connected");
  await expect(chatList(page)).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Chat list" }).getByRole("tab", { name: /^Assigned/ })).toBeVisible();
});
