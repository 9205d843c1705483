// Issue 10 item 3, console fixes, in Chromium as people use them: the list preview is the
// buyer's last words (CONSOLE-1); a buyer rates in the widget and the agent sees the stars and
// the comment (CHAT-7); blocked buyers on their settings page (SET-4); a claimed voucher after a
// widget reload (WIDGET-3); a role change asks first and a deactivated member is told why on
// the sign-in page (TEAM-3). Buyers use the real widget on the demo storefront, or a
// socket.io-client on the widget namespace where only the console is under test.
import { expect, test, type Browser, type BrowserContext, type FrameLocator, type Page } from "@playwright/test";
import { DEMO, signInAs, openDemoWidget, waitForEligible } from "./support";
import { SocketBuyer } from "./socket-buyer";

interface Console { context: BrowserContext; page: Page }

async function openConsole(browser: Browser, email: string): Promise<Console> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signInAs(page, email);
  return { context, page };
}


const chatList = (page: Page) => page.getByRole("region", { name: "Chat list" });
const chatWindow = (page: Page) => page.getByRole("region", { name: "Chat window" });

async function openFromAssigned(page: Page, text: string): Promise<void> {
  await chatList(page).getByRole("tab", { name: /^Assigned/ }).click();
  const row = chatList(page).getByRole("option").filter({ hasText: text });
  await expect(row).toHaveCount(1);
  await row.click();
  await expect(page.getByTestId("chat-title")).toBeVisible();
}

async function widgetSend(frame: FrameLocator, text: string): Promise<void> {
  await frame.getByRole("textbox", { name: "Message" }).fill(text);
  await frame.getByRole("button", { name: "Send", exact: true }).click();
  await expect(frame.getByTestId("message").filter({ hasText: text })).toBeVisible();
}

test("CONSOLE-1 the chat list shows the buyer's last words, not the greeting or 'joined the chat'; a photo reads as its file name", async ({ browser, baseURL }) => {
  const ava = await openConsole(browser, DEMO.agent1);
  await waitForEligible(ava.page, ["Ava"]);
  const buyer = await SocketBuyer.start(baseURL!);
  try {
    await buyer.say("Does the kettle work on induction?");
    const row = chatList(ava.page).getByRole("option").filter({ hasText: buyer.nickname });
    await chatList(ava.page).getByRole("tab", { name: /^Assigned/ }).click();
    // The greeting and the assignment note came after the buyer's words; the row keeps them.
    await expect(row).toContainText("Does the kettle work on induction?");
    await expect(row).not.toContainText("joined the chat");
    await buyer.sendImage("kettle-base.png");
    await expect(row).toContainText("Photo: kettle-base.png");
  } finally {
    buyer.close();
    await ava.context.close();
  }
});

test("CHAT-7 a buyer rates the ended chat in the widget with a comment; the agent sees the stars and the comment", async ({ browser, page }) => {
  const ava = await openConsole(browser, DEMO.agent1);
  await waitForEligible(ava.page, ["Ava"]);
  try {
    const frame = await openDemoWidget(page);
    await widgetSend(frame, "Can I return an opened tea tin?");
    await openFromAssigned(ava.page, "Can I return an opened tea tin?");
    await chatWindow(ava.page).getByRole("button", { name: "End chat" }).click();
    await ava.page.getByRole("dialog", { name: "End this chat?" }).getByRole("button", { name: "End chat" }).click();
    await expect(ava.page.getByTestId("session-state")).toHaveText("Ended");

    const prompt = frame.getByTestId("rating-prompt");
    await prompt.getByLabel(/Anything to add/).fill("Quick answer, thank you!");
    await prompt.getByRole("button", { name: "Satisfied", exact: true }).click();
    await expect(frame.getByTestId("rating-thanks")).toHaveText("Thank you for your feedback!");

    // Live on the ended chat's header, and in the session history beside it.
    const header = ava.page.getByTestId("session-state");
    await expect(header.getByRole("img", { name: "Rated 4 of 5" })).toBeVisible();
    await expect(header.getByTestId("session-rating-comment")).toHaveText("Quick answer, thank you!");
    const history = ava.page.getByTestId("buyer-panel").getByTestId("session-history-entry").first();
    await expect(history.getByTestId("session-rating")).toContainText("Satisfied");
    await expect(history.getByTestId("session-rating-comment")).toHaveText("Quick answer, thank you!");
    // After a reload too (the rating is stored, not only pushed).
    await ava.page.reload();
    await expect(ava.page.getByTestId("session-state").getByTestId("session-rating-comment")).toHaveText("Quick answer, thank you!");
  } finally {
    await ava.context.close();
  }
});

test("SET-4 CHAT-9 a buyer blocked in the console is not asked to rate, is listed with reason and who blocked, is found by search, and chats again after unblock", async ({ browser, page }) => {
  const ava = await openConsole(browser, DEMO.agent1);
  await waitForEligible(ava.page, ["Ava"]);
  try {
    const frame = await openDemoWidget(page);
    await widgetSend(frame, "This is spam spam spam");
    await openFromAssigned(ava.page, "This is spam spam spam");
    const nickname = (await ava.page.getByTestId("buyer-panel").getByTestId("buyer-nickname").innerText()).trim();

    await ava.page.getByTestId("buyer-panel").getByRole("button", { name: "Block buyer" }).click();
    const dialog = ava.page.getByRole("dialog", { name: `Block ${nickname}?` });
    await dialog.getByLabel(/Reason/).fill("Sends spam");
    await dialog.getByRole("button", { name: "Block buyer" }).click();

    // The buyer is told, and the ended chat asks them nothing.
    await expect(frame.getByTestId("blocked-notice")).toBeVisible();
    await expect(frame.getByTestId("message").filter({ hasText: "This chat was closed by the shop." })).toBeVisible();
    await expect(frame.getByTestId("rating-prompt")).toHaveCount(0);

    // "Unblock them in Settings" is a link to the page.
    await chatWindow(ava.page).getByTestId("composer-blocked").getByRole("link", { name: "Settings › Blocked buyers" }).click();
    await expect(ava.page).toHaveURL(/\/settings\/blocked-buyers$/);
    await expect(ava.page.getByRole("heading", { name: "Blocked buyers", level: 1 })).toBeVisible();
    const row = ava.page.getByTestId("blocked-buyer-row").filter({ hasText: nickname });
    await expect(row).toContainText("Sends spam");
    await expect(row).toContainText("by Ava");

    const search = ava.page.getByRole("searchbox", { name: "Search blocked buyers" });
    await search.fill("no-such-buyer-anywhere");
    await ava.page.getByRole("button", { name: "Search" }).click();
    await expect(ava.page.getByTestId("blocked-buyers-empty")).toHaveText("No blocked buyer matches “no-such-buyer-anywhere”.");
    await search.fill(nickname.slice(-4).toLowerCase());
    await ava.page.getByRole("button", { name: "Search" }).click();
    await expect(ava.page.getByTestId("blocked-buyer-row")).toHaveCount(1);
    await expect(row).toBeVisible();

    await row.getByRole("button", { name: `Unblock ${nickname}` }).click();
    await expect(ava.page.getByTestId("blocked-buyers-message")).toHaveText(`${nickname} is unblocked and can chat again.`);
    await expect(row).toHaveCount(0);

    // The buyer's open widget lets them write again at once, without a reload.
    await expect(frame.getByTestId("blocked-notice")).toHaveCount(0);
    await widgetSend(frame, "Sorry about that, I have a real question");
    await expect(frame.getByTestId("message").filter({ hasText: "Sorry about that" }).getByTestId("read-state")).toBeVisible();
  } finally {
    await ava.context.close();
  }
});

test("WIDGET-3 a claimed voucher still shows Claimed after the buyer reloads the widget", async ({ browser, page }) => {
  const ava = await openConsole(browser, DEMO.agent1);
  await waitForEligible(ava.page, ["Ava"]);
  try {
    const frame = await openDemoWidget(page);
    await widgetSend(frame, "Any discount today?");
    await openFromAssigned(ava.page, "Any discount today?");
    const workbench = ava.page.getByTestId("workbench-panel");
    await workbench.getByRole("tab", { name: "Vouchers" }).click();
    await workbench.getByRole("button", { name: /^Send voucher / }).first().click();

    const card = frame.getByTestId("voucher-card");
    await card.getByRole("button", { name: "Claim" }).click();
    await expect(card.getByRole("button", { name: "Claimed" })).toBeDisabled();

    await page.reload();
    await page.getByTestId("counterpart-launcher").click();
    await expect(frame.getByTestId("voucher-card").getByRole("button", { name: "Claimed" })).toBeDisabled();
    await expect(frame.getByTestId("voucher-card").getByRole("button", { name: "Claim", exact: true })).toHaveCount(0);
  } finally {
    await ava.context.close();
  }
});

test("TEAM-3 a role change asks for confirmation: cancel keeps the role, confirm applies it", async ({ page }) => {
  await signInAs(page, DEMO.owner);
  await page.goto("/settings/team");
  const role = page.getByLabel("Role of Chloe");
  await expect(role).toHaveValue("agent");

  await role.selectOption("admin");
  const dialog = page.getByRole("dialog", { name: "Make Chloe an admin?" });
  await expect(dialog).toContainText("Admins manage the team's settings");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(role).toHaveValue("agent");

  await role.selectOption("admin");
  await dialog.getByRole("button", { name: "Change role to Admin" }).click();
  await expect(page.getByTestId("team-notice")).toHaveText("Chloe is now an admin.");
  await expect(role).toHaveValue("admin");

  // And back, through the same confirmation.
  await role.selectOption("agent");
  await page.getByRole("dialog", { name: "Make Chloe an agent?" }).getByRole("button", { name: "Change role to Agent" }).click();
  await expect(page.getByTestId("team-notice")).toHaveText("Chloe is now an agent.");
  await expect(role).toHaveValue("agent");
});

test("TEAM-3 a member deactivated while in the console lands on a sign-in page that says why; text in the URL is never shown", async ({ browser, page }) => {
  const chloe = await openConsole(browser, DEMO.agent3);
  try {
    await signInAs(page, DEMO.owner);
    await page.goto("/settings/team");
    await page.getByRole("button", { name: "Deactivate Chloe" }).click();
    await page.getByRole("dialog", { name: "Deactivate Chloe?" }).getByRole("button", { name: "Deactivate" }).click();
    await expect(page.getByTestId("team-notice")).toContainText("Chloe was deactivated");

    await expect(chloe.page).toHaveURL(/\/sign-in\?reason=deactivated$/);
    await expect(chloe.page.getByTestId("sign-out-reason")).toContainText("Your access was deactivated");
    await expect(chloe.page.getByTestId("sign-out-reason")).toContainText("Ask the owner to reactivate you");

    await chloe.page.goto(`/sign-in?reason=${encodeURIComponent("You won a prize, call 555")}&revoked=hello`);
    await expect(chloe.page.getByRole("button", { name: "Sign in" })).toBeVisible();
    await expect(chloe.page.getByTestId("sign-out-reason")).toHaveCount(0);
    await expect(chloe.page.getByText("You won a prize")).toHaveCount(0);
  } finally {
    await page.getByRole("button", { name: "Activate Chloe" }).click();
    await expect(page.getByTestId("team-notice")).toHaveText("Chloe is active again and can sign in.");
    await chloe.context.close();
  }
});
