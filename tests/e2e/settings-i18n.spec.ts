// NF-5 in Chromium: the settings area in Spanish. A member picks Español as their default
// language (SET-1, TEAM-2) on Settings → Personal; from the next page load the settings pages
// (personal, team, notifications, API tokens) are in Spanish: titles, navigation, table headers,
// switches, a plural, a date in Spanish style, a field error and a confirmation dialog, with no
// serious or critical axe-core violations. The member goes back to English at the end.
import { seriousViolations } from "./axe";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, signInAs } from "./support";

async function chooseLanguage(page: Page, code: "es" | "en"): Promise<void> {
  await page.locator("#defaultLanguage").selectOption(code);
  await page.locator("form").filter({ has: page.locator("#defaultLanguage") }).getByRole("button").click();
  await expect(page.getByTestId("personal-saved")).toBeVisible();
}

test("NF-5 SET-1 a member who picks Español reads the settings pages in Spanish, with Spanish dates and plurals and no serious axe violations", async ({ page }) => {
  await signInAs(page, DEMO.admin);
  await page.goto("/settings/personal");
  await expect(page.getByRole("heading", { name: "Personal settings", level: 1 })).toBeVisible();
  // English lists Spanish by its own name and the English one.
  await expect(page.getByLabel("Default language").locator("option[value=es]")).toHaveText("Español (Spanish)");
  await chooseLanguage(page, "es");
  await expect(page.getByTestId("personal-saved")).toHaveText("Your personal settings were saved.");

  try {
    // The next page load is in Spanish.
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page).toHaveTitle("Ajustes personales · Counterpart");
    await expect(page.getByRole("heading", { name: "Ajustes personales", level: 1 })).toBeVisible();
    const language = page.getByLabel("Idioma predeterminado");
    await expect(language).toHaveValue("es");
    await expect(language.locator("option[value=es]")).toHaveText("Español");
    await expect(language.locator("option[value=en]")).toHaveText("English (inglés)");
    const nav = page.getByRole("navigation", { name: "Ajustes" });
    await expect(nav.getByRole("link", { name: "Equipo", exact: true })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Notificaciones" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Tokens de API" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Volver a la consola" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Cerrar sesión en todas partes" })).toBeVisible();
    // A field error in Spanish (the shared schema's sentence, translated).
    await page.getByLabel("Apodo").fill("");
    await page.getByRole("button", { name: "Guardar", exact: true }).click();
    await expect(page.locator("#nickname-hint")).toHaveText("Escribe un apodo");
    expect(await seriousViolations(page)).toEqual([]);

    // Team: headings, columns, a plural, the member's language and role in Spanish.
    await nav.getByRole("link", { name: "Equipo", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Equipo", level: 1 })).toBeVisible();
    await expect(page).toHaveTitle("Equipo · Counterpart");
    await expect(page.getByText("Los miembros, su capacidad y si aceptan chats. El propietario añade y quita usuarios.")).toBeVisible();
    await expect(page.getByRole("heading", { name: /^Usuarios añadidos \(\d+\)$/ })).toBeVisible();
    await expect(page.getByText(/^\d+ activos\. La capacidad es el máximo de chats que un miembro atiende a la vez \(de 1 a 999\)/)).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "Capacidad máxima" })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "Acepta chats" })).toBeVisible();
    const self = page.getByTestId(`member-row-${DEMO.admin}`);
    await expect(self).toContainText("(tú)");
    await expect(self).toContainText("Español");
    await expect(self).toContainText("Administrador");
    await expect(self.getByRole("button", { name: /^Cambiar apodo de / })).toBeVisible();
    await expect(page.getByRole("switch", { name: /^Aceptar chats asignados automáticamente para / }).first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    // Notifications: the switches by their Spanish names; a save says so in Spanish.
    await nav.getByRole("link", { name: "Notificaciones" }).click();
    await expect(page.getByRole("heading", { name: "Notificaciones", level: 1 })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "Evento" })).toBeVisible();
    const dueSoonDesktop = page.getByRole("switch", { name: "Notificaciones de escritorio: Chat a punto de vencer" });
    await expect(dueSoonDesktop).toBeVisible();
    const before = await dueSoonDesktop.getAttribute("aria-checked");
    await dueSoonDesktop.click();
    await expect(page.getByText("Se guardaron los ajustes de notificaciones.")).toBeVisible();
    await dueSoonDesktop.click();
    await expect(dueSoonDesktop).toHaveAttribute("aria-checked", before ?? "true");
    await expect(page.getByRole("switch", { name: "Sonido", exact: true })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    // API tokens: a date in Spanish style, a confirmation dialog in Spanish.
    await nav.getByRole("link", { name: "Tokens de API" }).click();
    await expect(page.getByRole("heading", { name: "Tokens de API", level: 1 })).toBeVisible();
    await page.getByLabel("Nombre del token").fill("Prueba NF-5");
    await page.getByRole("button", { name: "Crear token" }).click();
    await expect(page.getByRole("heading", { name: "Copia ahora el token de «Prueba NF-5»" })).toBeVisible();
    const row = page.getByTestId("api-token-row").filter({ hasText: "Prueba NF-5" });
    await expect(row).toContainText("Nunca");
    await expect(row).toContainText("Activo");
    // es: "13 ago 2026, 14:03" (day, abbreviated Spanish month, year, 24-hour time).
    await expect(row.locator("time").first()).toHaveText(/^\d{1,2} \p{L}+\.? \d{4}, \d{1,2}:\d{2}$/u);
    await row.getByRole("button", { name: "Revocar Prueba NF-5" }).click();
    const dialog = page.getByRole("dialog", { name: "¿Revocar «Prueba NF-5»?" });
    await expect(dialog).toContainText("dejan de funcionar de inmediato");
    await expect(dialog.getByRole("button", { name: "Cancelar" })).toBeVisible();
    await dialog.getByRole("button", { name: "Revocar el token" }).click();
    await expect(row).toContainText("Revocado");
    expect(await seriousViolations(page)).toEqual([]);
  } finally {
    // Back to English, so the member reads English as before.
    await page.goto("/settings/personal");
    await chooseLanguage(page, "en");
    await page.reload();
    await expect(page.getByRole("heading", { name: "Personal settings", level: 1 })).toBeVisible();
  }
});
