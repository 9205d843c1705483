// Issue 15 item 4 in the browser: repeated wrong passwords end in "Too many attempts. Try again
// in N minutes." on the sign-in page; "Sign out everywhere" in personal settings signs out this
// browser and drops another browser's open console at once; a foreign callbackUrl is ignored.
import { expect, test } from "@playwright/test";
import { DEMO, signInAs } from "./support";

test.describe.configure({ mode: "serial" });

const RUN = Date.now().toString(36);

test("NF-3 after 10 wrong passwords the sign-in page says to wait, even for the right password", async ({ page }) => {
  test.setTimeout(150_000);
  // An email nobody has: unknown accounts are counted like real ones, and no demo user is locked.
  const email = `guesser.${RUN}@example.test`;
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  for (let attempt = 1; attempt <= 10; attempt += 1) {
    await page.getByLabel("Password").fill(`wrong-password-${attempt}`);
    const answered = page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials"));
    await page.getByRole("button", { name: "Sign in" }).click();
    await answered;
    await expect(page.locator("form").getByRole("alert")).toHaveText("The email or password is incorrect.");
  }
  await page.getByLabel("Password").fill("wrong-password-11");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Too many attempts. Try again in 15 minutes.");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("NF-3 a callbackUrl on another host is ignored after signing in", async ({ page }) => {
  await page.goto("/sign-in?callbackUrl=https%3A%2F%2Fevil.example%2Fsteal");
  await page.getByLabel("Email").fill(DEMO.agent2);
  await page.getByLabel("Password").fill("counterpart-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/console$/);
});

test("NF-3 sign out everywhere signs this browser out and drops another browser's console", async ({ browser }) => {
  // Three sign-ins (argon2 each) and two browsers: more than the default minute on a busy machine.
  test.setTimeout(150_000);
  const laptop = await browser.newContext();
  const phone = await browser.newContext();
  try {
    const laptopPage = await laptop.newPage();
    const phonePage = await phone.newPage();
    await signInAs(laptopPage, DEMO.agent3);
    await signInAs(phonePage, DEMO.agent3);

    await laptopPage.goto("/settings/personal");
    await laptopPage.getByRole("button", { name: "Sign out everywhere" }).click();
    await laptopPage.getByRole("dialog").getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(laptopPage).toHaveURL(/\/sign-in/);

    // The other browser's console is told and leaves at once, without reloading.
    await expect(phonePage).toHaveURL(/\/sign-in/);
    // Its cookie no longer opens anything.
    await phonePage.goto("/console");
    await expect(phonePage).toHaveURL(/\/sign-in/);
    expect((await phonePage.request.get("/api/me")).status()).toBe(401);

    // Signing in again works as before.
    await signInAs(phonePage, DEMO.agent3);
  } finally {
    await laptop.close();
    await phone.close();
  }
});
