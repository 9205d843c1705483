// NF-5 in Chromium: the signed-out pages follow the browser's language. With a Spanish browser
// (locale es-ES, so Accept-Language es-ES) the sign-in and sign-up pages are in Spanish, sign-up
// offers Español as the shop's language (chosen for a Spanish browser), the browser's own
// validation errors are Spanish sentences (the schemas speak English; the forms translate them),
// the demo storefront is Spanish with Spanish prices, and axe-core finds no serious or critical
// violation.
import { seriousViolations } from "./axe";
import { expect, test } from "@playwright/test";

test.use({ locale: "es-ES" });

test("NF-5: with a Spanish browser the sign-in and sign-up pages are in Spanish, sign-up offers Español, validation errors are Spanish, and axe passes", async ({ page }) => {
  // Sign-in: the words, a sign-out reason, and the form's own validation.
  await page.goto("/sign-in?reason=expired");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByText("Inicia sesión en la consola de atención al cliente de tu tienda.")).toBeVisible();
  await expect(page.getByTestId("sign-out-reason")).toContainText("Tu sesión caducó");
  await expect(page.getByTestId("sign-out-reason")).toContainText("Las sesiones duran como máximo 7 días.");
  await expect(page.getByRole("link", { name: "¿Olvidaste tu contraseña?" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Crear una tienda" })).toBeVisible();
  await page.getByLabel("Correo electrónico").fill("no es un correo");
  await page.getByRole("button", { name: "Iniciar sesión" }).click();
  await expect(page.locator("#email-error")).toHaveText("Escribe una dirección de correo electrónico válida");
  await expect(page.locator("#password-error")).toHaveText("Escribe tu contraseña");
  await expect(page.getByLabel("Correo electrónico")).toHaveAttribute("aria-invalid", "true");
  expect(await seriousViolations(page)).toEqual([]);

  // Sign-up: Spanish words, Español offered (and chosen for a Spanish browser), Spanish errors.
  await page.getByRole("link", { name: "Crear una tienda" }).click();
  await expect(page).toHaveURL(/\/sign-up$/);
  await expect(page).toHaveTitle("Crea tu tienda · Counterpart");
  await expect(page.getByRole("heading", { name: "Crea tu tienda en Counterpart" })).toBeVisible();
  const language = page.getByLabel("Idioma predeterminado");
  await expect(language.getByRole("option", { name: "Español" })).toHaveCount(1);
  await expect(language.getByRole("option", { name: "English" })).toHaveCount(1);
  await expect(language).toHaveValue("es");
  await page.getByLabel("Tu nombre").fill("Lucía");
  await page.getByLabel("Correo electrónico").fill("lucia@");
  await page.getByLabel("Contraseña").fill("musgo granito tetera 1987");
  await page.getByRole("button", { name: "Crear tienda" }).click();
  await expect(page.locator("#email-error")).toHaveText("Escribe una dirección de correo electrónico válida");
  await expect(page.locator("#shopName-error")).toHaveText("Escribe el nombre de tu tienda");
  await expect(page.getByRole("form", { name: "Crea tu tienda" }).getByRole("alert")).toHaveText("Algunos campos no son válidos.");
  await expect(page.getByText(/Al menos 10 caracteres, que no sea tu correo electrónico/)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // Forgot password: the same language on the page a signed-out person reaches next.
  await page.goto("/forgot-password");
  await expect(page.getByRole("heading", { name: "¿Olvidaste tu contraseña?" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Enviarme un enlace" })).toBeVisible();

  // The demo storefront: Spanish words and prices in Spanish format (comma decimals).
  await page.goto("/demo-store");
  await expect(page.getByRole("heading", { name: "Mañanas tranquilas, buen té." })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Productos" })).toBeVisible();
  await expect(page.getByText("Navegando como invitado")).toBeVisible();
  await expect(page.getByRole("region", { name: "Productos" }).getByRole("listitem").first()).toContainText(/\d,\d{2}\s?(US\$|\$)/);
});
