// ACCOUNT-1, ACCOUNT-2 in the browser, with the e2e server's SMTP to a real server here: a new
// agent (invited here, so the demo accounts other specs use keep their passwords) forgets her
// password, asks for a link from the sign-in page, follows the mailed link, sets a new password
// and is signed out everywhere; the old password stops working, the link works once. Then she
// changes it from personal settings: her other browser is signed out, this one stays.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { startSmtpCapture } from "./smtp-capture";
import { DEMO, signInAs } from "./support";

test.describe.configure({ mode: "serial" });

const RUN = Date.now().toString(36);
const PIA = { email: `pia.${RUN}@example.test`, nickname: "Pia", password: "pia-first-passphrase-41", reset: "copper meadow whistle 2026", changed: "silver harbor lantern 9031" };
const RESET_LINK = /https?:\/\/[^\s"<>]+(\/reset-password\/[A-Za-z0-9_-]{43})/;
const ANSWER = "If an account uses that email, we sent it a link to set a new password. The link works once, for 30 minutes.";

let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
test.beforeAll(async () => {
  smtp = await startSmtpCapture();
});
test.afterAll(async () => {
  await smtp.close();
});

async function freshPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

async function askForLink(page: Page, email: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByRole("status")).toHaveText(ANSWER);
}

test("ACCOUNT-1 a member resets a forgotten password from the emailed link; the old password and every session stop working", async ({ page, browser }) => {
  // Several sign-ins (argon2 each), three browsers and two mails: more than a minute on a busy machine.
  test.setTimeout(150_000);
  // Pia joins the demo shop from an emailed invitation.
  await signInAs(page, DEMO.owner);
  await page.goto("/settings/team");
  await page.getByLabel("Email", { exact: true }).fill(PIA.email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByTestId("delivery-notice")).toHaveText(`Invitation sent to ${PIA.email}.`);
  const invitation = await smtp.linkPath(PIA.email, /https?:\/\/[^\s"<>]+(\/invitations\/[A-Za-z0-9_-]+)/);
  const consolePage = await freshPage(browser);
  await consolePage.goto(invitation);
  await consolePage.getByLabel("Nickname").fill(PIA.nickname);
  await consolePage.getByLabel("Choose a password").fill(PIA.password);
  await consolePage.getByLabel("Repeat the password").fill(PIA.password);
  await consolePage.getByRole("button", { name: "Set password and join" }).click();
  await expect(consolePage.getByTestId("connection-status")).toHaveText("Connected");

  // An unknown address gets the very same answer, and no mail.
  const visitor = await freshPage(browser);
  const before = smtp.mails.length;
  await askForLink(visitor, `nobody.${RUN}@example.test`);
  await askForLink(visitor, PIA.email);
  const resetPath = await smtp.linkPath(PIA.email, RESET_LINK, before);
  expect(smtp.mails.slice(before).every((mail) => mail.to.includes(PIA.email))).toBe(true);

  await visitor.goto(resetPath);
  await expect(visitor.getByRole("heading", { name: "Set a new password" })).toBeVisible();
  await expect(visitor.getByTestId("reset-email")).toHaveText(PIA.email);
  await visitor.getByLabel("New password", { exact: true }).fill("password123");
  await visitor.getByLabel("Repeat the new password").fill("password123");
  await visitor.getByRole("button", { name: "Set new password" }).click();
  await expect(visitor.locator("#password-hint")).toContainText(/too easy to guess/);
  await visitor.getByLabel("New password", { exact: true }).fill(PIA.reset);
  await visitor.getByLabel("Repeat the new password").fill(PIA.reset);
  await visitor.getByRole("button", { name: "Set new password" }).click();
  await expect(visitor).toHaveURL(/\/sign-in\?reset=done$/);
  await expect(visitor.getByRole("status")).toContainText("Your password was changed and you were signed out everywhere.");

  // The console that was open is signed out.
  await expect(consolePage).toHaveURL(/\/sign-in/, { timeout: 10_000 });

  // The old password no longer works; the new one does.
  await visitor.getByLabel("Email").fill(PIA.email);
  await visitor.getByLabel("Password").fill(PIA.password);
  await visitor.getByRole("button", { name: "Sign in" }).click();
  await expect(visitor.locator("form").getByRole("alert")).toHaveText("The email or password is incorrect.");
  await signInAs(visitor, PIA.email, PIA.reset);

  // The link works once.
  const again = await freshPage(browser);
  await again.goto(resetPath);
  await expect(again.getByRole("heading", { name: "This link does not work" })).toBeVisible();
  await again.getByRole("link", { name: "Ask for a new link" }).click();
  await expect(again).toHaveURL(/\/forgot-password$/);
  for (const opened of [consolePage, visitor, again]) await opened.context().close();
});

test("ACCOUNT-2 a member changes her password in personal settings; her other browser is signed out, this one stays", async ({ page, browser }) => {
  test.setTimeout(150_000);
  // Two sign-ins elsewhere: the one left from the test above, and another browser open now.
  const other = await freshPage(browser);
  await signInAs(other, PIA.email, PIA.reset);
  await signInAs(page, PIA.email, PIA.reset);
  await page.goto("/settings/personal");
  const form = page.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password").fill("not my password at all");
  await form.getByLabel("New password", { exact: true }).fill(PIA.changed);
  await form.getByLabel("Repeat the new password").fill(PIA.changed);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.locator("#change-currentPassword-hint")).toHaveText("This is not your current password");

  await form.getByLabel("Current password").fill(PIA.reset);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("password-changed")).toHaveText("Your password was changed. 2 other sign-ins were signed out.");
  await expect(other).toHaveURL(/\/sign-in/, { timeout: 10_000 });

  // This browser stays signed in.
  await page.goto("/console");
  await expect(page.getByTestId("connection-status")).toHaveText("Connected");
  await other.goto("/sign-in");
  await other.getByLabel("Email").fill(PIA.email);
  await other.getByLabel("Password").fill(PIA.reset);
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other.locator("form").getByRole("alert")).toHaveText("The email or password is incorrect.");
  await signInAs(other, PIA.email, PIA.changed);
  await other.context().close();
  // Pia leaves for good: signing out everywhere drops her console on the server at once, so the
  // specs after this one see only the demo team online (a closed tab may take until Socket.IO's
  // ping timeout to be noticed).
  const signedOut = await page.request.delete("/api/me/sessions", { headers: { origin: new URL(page.url()).origin } });
  expect(signedOut.ok()).toBe(true);
  await expect(page).toHaveURL(/\/sign-in/, { timeout: 10_000 });
});
