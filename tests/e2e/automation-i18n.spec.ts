// NF-5 in Chromium: an admin whose language is Spanish (Member.defaultLanguage = "es", set through
// the product's own settings route, PATCH /api/me) uses the automation settings and Service
// analytics and reads them in Spanish: the words, the live preview's problems, the FAQ import
// report's "line N" reasons (translated by code), numbers with comma decimals, Spanish dates and
// plurals, and no serious or critical axe-core violations. The language goes back to English at
// the end so the demo data other specs rely on stays as it was.
import { seriousViolations } from "./axe";
import { expect, test } from "@playwright/test";
import { DEMO, setMemberLanguage, signInAs } from "./support";

test.describe("NF-5 automation settings and analytics in Spanish", () => {
  test.beforeEach(async ({ page }) => {
    await signInAs(page, DEMO.admin);
    await setMemberLanguage(page, "es");
  });
  test.afterEach(async ({ page }) => {
    await setMemberLanguage(page, "en");
  });

  test("NF-5: a Spanish-speaking admin edits the greeting, reads the automation tools and gets the FAQ import report in Spanish, with no serious axe violations", async ({ page }) => {
    await page.goto("/settings/automation");
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page).toHaveTitle("Automatización · Counterpart");
    await expect(page.getByRole("heading", { name: "Automatización", level: 1 })).toBeVisible();
    const tools = page.getByTestId("automation-tools").getByRole("listitem");
    await expect(tools.getByRole("heading")).toHaveText(["Saludo", "Respuestas guardadas", "Biblioteca de preguntas frecuentes", "Respuestas recomendadas y envío automático", "Chatbot", "Mensajes proactivos de pedidos"]);
    await expect(page.getByTestId("tool-saved_replies").getByTestId("tool-state")).toHaveText("Gestionar");
    expect(await seriousViolations(page)).toEqual([]);

    // The greeting: the words, the live preview, and a variable that is not allowed named in Spanish.
    await page.getByRole("link", { name: "Configurar el saludo" }).click();
    await expect(page.getByRole("heading", { name: "Saludo", level: 1 })).toBeVisible();
    await expect(page.getByRole("switch", { name: "Enviar un saludo" })).toBeVisible();
    const template = page.getByLabel("Mensaje de saludo");
    await template.fill("Hola {buyer}, soy {agent}");
    await expect(page.getByText("{agent} no se puede usar aquí: el saludo se envía al abrirse el chat, antes de que entre un agente. Usa {buyer}, {shop}.")).toBeVisible();
    await template.fill("¡Hola {buyer}!");
    await expect(page.getByTestId("greeting-preview")).toHaveText("¡Hola Sam!");
    await expect(page.getByText("Tal como lo vería el comprador «Sam».")).toBeVisible();
    await expect(page.getByRole("button", { name: "Guardar saludo" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    // The FAQ library: a bad CSV row is reported by line, in Spanish, and nothing is imported.
    await page.goto("/settings/faq");
    await expect(page.getByRole("heading", { name: "Biblioteca de preguntas frecuentes", level: 1 })).toBeVisible();
    await page.getByTestId("faq-import-file").setInputFiles({
      name: "faq.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("id,category,question,alternatives,answer\nok-row,logistics,Question?,,Answer.\nbad-row,nope,Question?,,Answer.\n"),
    });
    const report = page.getByTestId("faq-import-result");
    await expect(report).toContainText("El archivo no se importó (1 fila incorrecta); no se cambió nada.");
    await expect(page.getByTestId("faq-import-errors")).toHaveText("Línea 3: category debe ser una de pre_purchase, logistics, after_sales (se encontró «nope»).");
    await expect(page.getByRole("button", { name: "Nueva entrada" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("NF-5: a Spanish-speaking admin reads Service analytics in Spanish: comma decimals, Spanish dates and plurals, chart labels, and no serious axe violations", async ({ page }) => {
    await page.goto("/analytics");
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.getByRole("heading", { name: "Analítica del servicio" })).toBeVisible();
    await expect(page.getByRole("button", { name: "7 días" })).toHaveAttribute("aria-pressed", "true");

    // Ben's rating of three days ago: 100,0 % over one rating (the plural's "one" form).
    const satisfaction = page.locator("[data-figure=satisfaction]");
    await expect(page.getByTestId("figure-satisfaction")).toHaveText("100,0 %");
    await expect(satisfaction).toContainText("1 de 1 valoración");
    await expect(satisfaction).toContainText("Valoraciones de 4 (satisfecho) o 5 (muy satisfecho)");
    // The range in Spanish dates ("del 3 may 2025 al 9 may 2025").
    await expect(page.getByTestId("range-summary")).toContainText(/^Toda la tienda, del \d{1,2} \p{L}+\.? \d{4} al \d{1,2} \p{L}+\.? \d{4} \(/u);
    await expect(page.getByTestId("range-summary")).toContainText("se actualiza cada minuto");

    await page.getByRole("button", { name: "Hoy" }).click();
    await expect(page.getByTestId("figure-satisfaction")).toHaveText("—");
    await page.getByRole("button", { name: "30 días" }).click();
    await expect(page.getByTestId("figure-satisfaction")).toHaveText("100,0 %");

    // The chart: its name and the axis in Spanish (days as "3 may", rates with a comma).
    const trend = page.getByRole("region", { name: "Evolución diaria" });
    const chart = page.getByTestId("trend-chart");
    await expect(chart).toHaveAttribute("aria-label", "Tasa de respuesta en 24 h por día");
    const ticks = chart.locator(".recharts-cartesian-axis-tick-value");
    await expect(ticks.filter({ hasText: /^\d{1,2} \p{L}+\.?$/u }).first()).toBeVisible();
    await expect(ticks.filter({ hasText: /^\d+,\d %$/ }).first()).toBeVisible();
    await expect(ticks.filter({ hasText: /^\d{2}-\d{2}$/ })).toHaveCount(0);
    await trend.getByRole("combobox").selectOption({ label: "Chats atendidos" });
    await expect(chart).toHaveAttribute("aria-label", "Chats atendidos por día");

    const table = page.getByRole("region", { name: "Por agente" });
    await expect(table.getByRole("button", { name: /^Agente/ })).toBeVisible();
    await expect(table.getByRole("rowheader", { name: "Ben" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Descargar CSV" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
