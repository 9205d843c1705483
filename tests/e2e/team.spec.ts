// Issue 5 in the browser: the owner invites an agent, the activation email is received by a real
// SMTP server started here (the e2e server sends to 127.0.0.1:2526), the link is followed, the
// new agent sets a password and reaches the console; the owner deactivates that agent while their
// console is open and it loses access at once; nickname review, capacity, resend and revoke.
// MAIL-1: the outbox, and a second server with no SMTP_URL at all where the owner copies the
// link from the invitation form and the outbox and the agent joins with it.
// Only people invited here are changed: the demo agents other specs use stay as they are.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { startSmtpCapture } from "./smtp-capture";
import { startNoSmtpServer, type NoSmtpServer } from "./no-smtp-server";
import { DEMO, signInAs } from "./support";

test.describe.configure({ mode: "serial" });

const SMTP_PORT = 2526;
const RUN = Date.now().toString(36);
const NORA = { email: `nora.${RUN}@example.test`, nickname: "Nora", password: "nora-password-2026" };
const OMAR = { email: `omar.${RUN}@example.test` };

let smtp: Awaited<ReturnType<typeof startSmtpCapture>> | undefined;

async function startSmtp(): Promise<void> {
  smtp = await startSmtpCapture(SMTP_PORT);
}

async function stopSmtp(): Promise<void> {
  await smtp?.close();
  smtp = undefined;
}

/** The path of the newest activation link mailed to `to` (the host may differ from the test's). */
function activationPath(to: string, after = 0): Promise<string> {
  return smtp!.linkPath(to, /https?:\/\/[^\s"<>]+(\/invitations\/[A-Za-z0-9_-]+)/, after);
}

async function openTeamPage(page: Page): Promise<void> {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings\/personal$/);
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Team", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Team", level: 1 })).toBeVisible();
}

async function invite(page: Page, email: string, language = "fr"): Promise<void> {
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("agent");
  await page.getByLabel("Default language").selectOption(language);
  await page.getByRole("button", { name: "Send invitation" }).click();
}

async function newVisitor(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

test.beforeAll(async () => {
  await startSmtp();
});
test.afterAll(async () => {
  await stopSmtp();
});

test("TEAM-2 the owner invites an agent by email; the agent sets a password and reaches the console", async ({ page, browser }) => {
  await signInAs(page, DEMO.owner);
  await openTeamPage(page);
  await invite(page, NORA.email);
  await expect(page.getByTestId("delivery-notice")).toHaveText(`Invitation sent to ${NORA.email}.`);
  // Invited users are listed apart from added ones.
  await expect(page.getByRole("list", { name: "Invited users" }).getByTestId(`invitation-row-${NORA.email}`)).toContainText("Agent · Français");
  await expect(page.getByTestId(`member-row-${NORA.email}`)).toHaveCount(0);

  const path = await activationPath(NORA.email);
  const invitee = await newVisitor(browser);
  await invitee.goto(path);
  await expect(invitee.getByRole("heading", { name: "Join Harbor & Pine" })).toBeVisible();
  await expect(invitee.getByTestId("invitation-email")).toHaveText(NORA.email);
  await invitee.getByLabel("Nickname").fill(NORA.nickname);
  await invitee.getByLabel("Choose a password").fill(NORA.password);
  await invitee.getByLabel("Repeat the password").fill("not the same password");
  await invitee.getByRole("button", { name: "Set password and join" }).click();
  await expect(invitee.getByText("The passwords do not match")).toBeVisible();
  await invitee.getByLabel("Repeat the password").fill(NORA.password);
  await invitee.getByRole("button", { name: "Set password and join" }).click();
  await expect(invitee).toHaveURL(/\/console$/);
  await expect(invitee.getByTestId("connection-status")).toHaveText("Connected");
  await invitee.getByRole("button", { name: /Account menu/ }).click();
  await expect(invitee.getByTestId("member-nickname")).toHaveText(NORA.nickname);

  // The owner's page moves her from invited to added without a reload (member.changed).
  await expect(page.getByTestId(`member-row-${NORA.email}`)).toBeVisible();
  await expect(page.getByTestId(`invitation-row-${NORA.email}`)).toHaveCount(0);

  // The link works once.
  await invitee.goto(path);
  await expect(invitee.getByRole("heading", { name: "Invitation already used" })).toBeVisible();
  await expect(invitee.getByTestId("invitation-problem")).toContainText("already been used");
  await invitee.context().close();
});

test("SET-1 SET-2 TEAM-4 the new agent edits personal settings; a reviewed nickname waits for the owner's approval", async ({ page, browser }) => {
  const agent = await newVisitor(browser);
  await signInAs(agent, NORA.email, NORA.password);
  await agent.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  const settingsNav = agent.getByRole("navigation", { name: "Settings" });
  await expect(settingsNav.getByRole("link")).toHaveText(["Personal", "Notifications", "Shop settings", "Saved replies", "FAQ library", "Blocked buyers"]);

  await agent.getByLabel("Nickname").fill("Official Nora");
  await agent.getByLabel("Default language").selectOption("de");
  await agent.getByRole("button", { name: "Save" }).click();
  await expect(agent.getByTestId("personal-saved")).toContainText("“Official Nora” is waiting for the owner's approval");
  await expect(agent.getByTestId("nickname-under-review")).toContainText("Buyers see “Nora”");

  // SET-1 avatar: a real PNG is accepted, a text file named .png is refused by its content.
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
  await agent.getByLabel("Upload a new avatar").setInputFiles({ name: "me.png", mimeType: "image/png", buffer: png });
  await expect(agent.getByRole("img", { name: "Avatar of Nora" })).toBeVisible();
  await agent.getByLabel("Upload a new avatar").setInputFiles({ name: "fake.png", mimeType: "image/png", buffer: Buffer.from("<svg onload=alert(1)>") });
  await expect(agent.getByRole("region", { name: "Avatar" }).getByRole("alert")).toHaveText("Use a PNG, JPEG, WebP or GIF image");

  // SET-2: a notification switch keeps its state across a reload.
  await settingsNav.getByRole("link", { name: "Notifications" }).click();
  const sound = agent.getByRole("switch", { name: "Sound", exact: true });
  await expect(sound).toHaveAttribute("aria-checked", "true");
  await sound.click();
  await expect(agent.getByText("Notification settings saved.")).toBeVisible();
  // Per event too: the master switch off greys out its column.
  const dueSoonDesktop = agent.getByRole("switch", { name: "Desktop notifications: Chat due soon" });
  await dueSoonDesktop.click();
  await expect(dueSoonDesktop).toHaveAttribute("aria-checked", "false");
  await agent.reload();
  await expect(agent.getByRole("switch", { name: "Sound", exact: true })).toHaveAttribute("aria-checked", "false");
  await expect(agent.getByRole("switch", { name: "Sound: Chat due soon" })).toBeDisabled();
  await expect(agent.getByRole("switch", { name: "Desktop notifications: Chat due soon" })).toHaveAttribute("aria-checked", "false");
  await expect(agent.getByRole("switch", { name: "Desktop notifications: New buyer message" })).toHaveAttribute("aria-checked", "true");

  // TEAM-4: the owner sees the request and approves it.
  await signInAs(page, DEMO.owner);
  await openTeamPage(page);
  const row = page.getByTestId(`member-row-${NORA.email}`);
  await expect(row).toContainText("Under review: “Official Nora”");
  await row.getByRole("button", { name: "Approve nickname Official Nora" }).click();
  await expect(row).not.toContainText("Under review");
  await expect(row).toContainText("Official Nora");
  await agent.context().close();
});

test("TEAM-4 capacity takes 1 to 999 and warns under 200; the accept switch works per member", async ({ page }) => {
  await signInAs(page, DEMO.owner);
  await openTeamPage(page);
  const row = page.getByTestId(`member-row-${NORA.email}`);
  const capacity = row.getByLabel(/Max capacity of/);
  await capacity.fill("1000");
  await capacity.press("Enter");
  await expect(row.getByText("Enter a whole number from 1 to 999")).toBeVisible();
  await capacity.fill("120");
  await capacity.press("Enter");
  await expect(page.getByTestId("team-notice")).toHaveText("Official Nora's max capacity is now 120.");
  await expect(row.getByText("Under 200: assignment may suffer.")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId(`member-row-${NORA.email}`).getByLabel(/Max capacity of/)).toHaveValue("120");

  const accept = page.getByTestId(`member-row-${NORA.email}`).getByRole("switch", { name: /Accept auto-assign chats for/ });
  await expect(accept).toHaveAttribute("aria-checked", "true");
  await accept.click();
  await expect(accept).toHaveAttribute("aria-checked", "false");
});

test("TEAM-3 the owner deactivates a member whose console is open: it loses access at once; activate, then delete", async ({ page, browser }) => {
  const agent = await newVisitor(browser);
  await signInAs(agent, NORA.email, NORA.password);

  await signInAs(page, DEMO.owner);
  await openTeamPage(page);
  const row = page.getByTestId(`member-row-${NORA.email}`);
  await row.getByRole("button", { name: "Deactivate Official Nora" }).click();
  const dialog = page.getByRole("dialog", { name: "Deactivate Official Nora?" });
  await expect(dialog).toContainText("Their console closes at once");
  await dialog.getByRole("button", { name: "Deactivate", exact: true }).click();
  await expect(page.getByTestId("team-notice")).toContainText("Official Nora was deactivated");
  await expect(row).toContainText("Deactivated");

  // The open console is dropped and sent to sign-in, where signing in is refused.
  await expect(agent).toHaveURL(/\/sign-in/, { timeout: 10_000 });
  await agent.getByLabel("Email").fill(NORA.email);
  await agent.getByLabel("Password").fill(NORA.password);
  await agent.getByRole("button", { name: "Sign in" }).click();
  await expect(agent.locator("form").getByRole("alert")).toHaveText("Your access has been deactivated. Ask the shop owner to activate you again.");

  await row.getByRole("button", { name: "Activate Official Nora" }).click();
  await expect(page.getByTestId("team-notice")).toHaveText("Official Nora is active again and can sign in.");
  // Reactivation does not revive the old cookie (issue 15: deactivation revoked every sign-in
  // session); she signs in again and her console works.
  await agent.goto("/console");
  await expect(agent).toHaveURL(/\/sign-in/);
  await signInAs(agent, NORA.email, NORA.password);
  await expect(agent.getByTestId("connection-status")).toHaveText("Connected");

  await row.getByRole("button", { name: "Delete Official Nora" }).click();
  await page.getByRole("dialog", { name: "Delete Official Nora?" }).getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page.getByTestId("team-notice")).toHaveText("Official Nora was deleted and can no longer sign in to this shop.");
  await expect(page.getByTestId(`member-row-${NORA.email}`)).toHaveCount(0);
  await expect(agent).toHaveURL(/\/sign-in/, { timeout: 10_000 });
  await agent.getByLabel("Email").fill(NORA.email);
  await agent.getByLabel("Password").fill(NORA.password);
  await agent.getByRole("button", { name: "Sign in" }).click();
  await expect(agent.locator("form").getByRole("alert")).toHaveText("The email or password is incorrect.");
  await agent.context().close();
});

test("TEAM-2 an email that cannot be sent still creates the invitation; Resend delivers a new link; a revoked link says so", async ({ page, browser }) => {
  await signInAs(page, DEMO.owner);
  await openTeamPage(page);
  await stopSmtp();
  await invite(page, OMAR.email, "en");
  await expect(page.getByTestId("delivery-notice")).toContainText(`Invitation created for ${OMAR.email}, but the email could not be sent`);
  const invitation = page.getByTestId(`invitation-row-${OMAR.email}`);
  await expect(invitation).toBeVisible();

  await startSmtp();
  const before = smtp!.mails.length;
  await invitation.getByRole("button", { name: `Resend invitation to ${OMAR.email}` }).click();
  await expect(invitation.getByTestId("delivery-notice")).toHaveText(`Invitation sent again to ${OMAR.email}. The earlier link no longer works.`);
  const path = await activationPath(OMAR.email, before);

  await invitation.getByRole("button", { name: `Revoke invitation to ${OMAR.email}` }).click();
  await expect(page.getByTestId(`invitation-row-${OMAR.email}`)).toHaveCount(0);
  const visitor = await newVisitor(browser);
  await visitor.goto(path);
  await expect(visitor.getByRole("heading", { name: "Invitation revoked" })).toBeVisible();
  await visitor.goto("/invitations/not-a-real-token-but-long-enough-to-look-like-one");
  await expect(visitor.getByRole("heading", { name: "This link does not work" })).toBeVisible();
  await visitor.context().close();
});

test("TEAM-1 SET-6 an agent reaches personal and read-only shop settings, never the team", async ({ page }) => {
  await signInAs(page, DEMO.agent3);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  const settingsNav = page.getByRole("navigation", { name: "Settings" });
  await expect(settingsNav.getByRole("link", { name: "Team", exact: true })).toHaveCount(0);
  await settingsNav.getByRole("link", { name: "Shop settings" }).click();
  await expect(page.getByText("Only the owner and admins can change them.")).toBeVisible();
  await expect(page.getByLabel("Due soon threshold (minutes)")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Save shop settings" })).toHaveCount(0);
  await page.goto("/settings/team");
  await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
  const response = await page.request.get("/api/team/members");
  expect(response.status()).toBe(403);
});

test("TEAM-5 agent settings: granting agents chat access includes admins", async ({ page }) => {
  await signInAs(page, DEMO.admin);
  await page.goto("/settings/agent");
  await expect(page.getByRole("radio", { name: /Lowest workload/ })).toBeChecked();
  const admins = page.getByRole("checkbox", { name: /^Admins/ });
  await expect(admins).toBeChecked();
  await page.getByRole("checkbox", { name: "Agents" }).check();
  await expect(admins).toBeDisabled();
  await expect(page.getByText("an admin never has less than an agent")).toBeVisible();
  // Not saved: other specs rely on the demo shop's defaults.
});

test("MAIL-1 the outbox lists the shop's invitations; /dev/mail leads there; agents have no outbox", async ({ page, browser }) => {
  await signInAs(page, DEMO.owner);
  await page.goto("/dev/mail");
  await expect(page).toHaveURL(/\/settings\/outbox$/);
  await expect(page.getByRole("heading", { name: "Outbox", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Outbox" })).toHaveAttribute("aria-current", "page");
  // Nora's invitation went out by SMTP: listed as sent, its link not kept.
  const nora = page.getByTestId(`outbox-mail-${NORA.email}`);
  await expect(nora).toContainText("Sent");
  await expect(nora).toContainText("Join Harbor & Pine on Counterpart");
  await expect(nora.getByRole("button", { name: "Copy invitation link" })).toHaveCount(0);
  // Omar's first email failed: listed with the mail server's reason and the link.
  await expect(page.getByTestId(`outbox-mail-${OMAR.email}`).filter({ hasText: "Failed" })).toContainText("The mail server said:");

  const agent = await newVisitor(browser);
  await signInAs(agent, DEMO.agent3);
  await agent.goto("/settings/outbox");
  await expect(agent.getByRole("heading", { name: "No access" })).toBeVisible();
  await agent.context().close();
});

test.describe("without a mail server", () => {
  let server: NoSmtpServer;
  const LINA = { email: `lina.${RUN}@example.test`, nickname: "Lina", password: "lina-lantern-orchard-7" };

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    server = await startNoSmtpServer();
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test("TEAM-2 MAIL-1 the owner copies the invitation link from the form and the outbox; the agent joins with it and signs in", async ({ browser }) => {
    const ownerContext = await browser.newContext({ baseURL: server.baseURL, permissions: ["clipboard-read", "clipboard-write"] });
    const owner = await ownerContext.newPage();
    await signInAs(owner, DEMO.owner);
    await openTeamPage(owner);
    await invite(owner, LINA.email, "en");
    await expect(owner.getByTestId("delivery-notice")).toContainText(`Invitation created for ${LINA.email}. No mail server is configured (SMTP_URL), so the email to ${LINA.email} was not sent.`);
    await owner.getByRole("button", { name: "Copy invitation link" }).click();
    await expect(owner.getByRole("button", { name: "Copy invitation link" })).toHaveText("Copied");
    const copied = await owner.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/\/invitations\/[A-Za-z0-9_-]{43}$/);

    // The same link waits in the outbox, newest first.
    await owner.getByTestId("delivery-notice").getByRole("link", { name: "Open the outbox" }).click();
    await expect(owner.getByRole("heading", { name: "Outbox", level: 1 })).toBeVisible();
    await expect(owner.getByText("No mail server is configured (SMTP_URL), so emails are not sent")).toBeVisible();
    const mail = owner.getByTestId(`outbox-mail-${LINA.email}`);
    await expect(mail).toContainText("Not sent: no mail server");
    await expect(mail.getByRole("textbox", { name: "Invitation link" })).toHaveValue(copied);
    await owner.evaluate(() => navigator.clipboard.writeText(""));
    await mail.getByRole("button", { name: "Copy invitation link" }).click();
    await expect.poll(() => owner.evaluate(() => navigator.clipboard.readText())).toBe(copied);

    // The agent opens the copied link in a browser of their own.
    const agentContext = await browser.newContext({ baseURL: server.baseURL });
    const agent = await agentContext.newPage();
    await agent.goto(new URL(copied).pathname);
    await expect(agent.getByRole("heading", { name: "Join Harbor & Pine" })).toBeVisible();
    await agent.getByLabel("Nickname").fill(LINA.nickname);
    await agent.getByLabel("Choose a password").fill(LINA.password);
    await agent.getByLabel("Repeat the password").fill(LINA.password);
    await agent.getByRole("button", { name: "Set password and join" }).click();
    await expect(agent).toHaveURL(/\/console$/);
    await expect(agent.getByTestId("connection-status")).toHaveText("Connected");
    await agentContext.close();

    // And signs in again later, in a fresh browser.
    const later = await browser.newContext({ baseURL: server.baseURL });
    await signInAs(await later.newPage(), LINA.email, LINA.password);
    await later.close();
    await ownerContext.close();
  });

  test("ACCOUNT-1 MAIL-1 a reset link is never shown in the app: the server log has it, the owner's outbox does not", async ({ browser }) => {
    const context = await browser.newContext({ baseURL: server.baseURL });
    const visitor = await context.newPage();
    await visitor.goto("/forgot-password");
    await visitor.getByLabel("Email").fill(LINA.email);
    await visitor.getByRole("button", { name: "Email me a link" }).click();
    await expect(visitor.getByRole("status")).toContainText("If an account uses that email, we sent it a link");
    let path: string | undefined;
    await expect.poll(() => (path = new RegExp(`mail to ${LINA.email.replace(/\./g, "\\.")}[\\s\\S]*?(/reset-password/[A-Za-z0-9_-]{43})`).exec(server.output())?.[1]), { message: "the reset mail in the server log" }).toBeTruthy();

    const owner = await (await browser.newContext({ baseURL: server.baseURL })).newPage();
    await signInAs(owner, DEMO.owner);
    await owner.goto("/settings/outbox");
    await expect(owner.getByTestId(`outbox-mail-${LINA.email}`)).toHaveCount(1); // the invitation only
    await expect(owner.locator("body")).not.toContainText("/reset-password/");

    await visitor.goto(path!);
    await visitor.getByLabel("New password", { exact: true }).fill("quiet harbor copper 5150");
    await visitor.getByLabel("Repeat the new password").fill("quiet harbor copper 5150");
    await visitor.getByRole("button", { name: "Set new password" }).click();
    await expect(visitor).toHaveURL(/\/sign-in\?reset=done$/);
    await signInAs(visitor, LINA.email, "quiet harbor copper 5150");
    await owner.context().close();
    await context.close();
  });
});
