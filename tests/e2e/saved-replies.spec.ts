// AUTO-2 end to end: the owner creates a shop-wide saved reply in settings (and sees an import's
// bad row by its line number); an agent types `/` in the composer with a typo, inserts the reply
// with the buyer's nickname and their own filled in, edits it and sends it; the buyer (a real
// socket.io-client on the widget namespace, as the widget does) receives the edited text.
import { expect, test, type Page } from "@playwright/test";
import { DEMO, signInAs } from "./support";
import { SocketBuyer as Buyer } from "./socket-buyer";

const chatWindow = (page: Page) => page.getByRole("region", { name: "Chat window" });
const composer = (page: Page) => chatWindow(page).getByRole("textbox", { name: "Reply" });

async function eligibleNicknames(page: Page): Promise<string[]> {
  const response = await page.request.get("/api/console/members");
  expect(response.ok()).toBe(true);
  const { data } = (await response.json()) as { data: { members: Array<{ nickname: string; isOnline: boolean; acceptAutoAssign: boolean }> } };
  return data.members.filter((member) => member.isOnline && member.acceptAutoAssign).map((member) => member.nickname).sort();
}

test("AUTO-2 the owner adds a shop-wide saved reply; an agent finds it with / and a typo, inserts it filled in, edits and sends it", async ({ browser, baseURL }) => {
  const suffix = crypto.randomUUID().slice(0, 6);
  const shortcut = `tfp${suffix}`;

  // The owner creates the reply in Settings › Saved replies.
  const ownerContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const owner = await ownerContext.newPage();
  await signInAs(owner, DEMO.owner);
  await owner.goto("/settings/saved-replies");
  await expect(owner.getByRole("navigation").getByRole("link", { name: "Saved replies" })).toBeVisible();
  await owner.getByRole("button", { name: "New reply" }).click();
  const form = owner.getByRole("form", { name: "New saved reply" });
  await form.getByLabel("Shortcut").fill(shortcut);
  await form.getByLabel("Title").fill("Thanks for your patience");
  await form.getByLabel("Reply").fill("Hi {buyr}!");
  await form.getByRole("button", { name: "Save reply" }).click();
  // An unknown variable is refused when saving, with the known ones named.
  await expect(form).toContainText("Unknown variable {buyr}");
  await form.getByLabel("Reply").fill("Hi {buyer}, thanks for your patience! I'm {agent}.");
  await form.getByRole("button", { name: "Save reply" }).click();
  await expect(owner.getByTestId("saved-replies-message")).toHaveText(`Saved /${shortcut}.`);
  await expect(owner.getByTestId("saved-reply-row").filter({ hasText: `/${shortcut}` })).toContainText("Thanks for your patience");

  // An import with one bad row names its line and adds nothing.
  await owner.getByTestId("saved-replies-import").setInputFiles({
    name: "replies.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`shortcut,title,body,scope\nok${suffix},Fine,All good,shop\nbad row,Bad,Body,shop\n`),
  });
  await expect(owner.getByTestId("saved-replies-import-errors")).toContainText("Line 3:");
  await expect(owner.getByTestId("saved-reply-row").filter({ hasText: `/ok${suffix}` })).toHaveCount(0);
  await ownerContext.close();

  // The agent gets a buyer's chat.
  const agentContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await agentContext.newPage();
  await signInAs(page, DEMO.agent1);
  await expect.poll(() => eligibleNicknames(page), { timeout: 15_000 }).toEqual(["Ava"]);
  const buyer = await Buyer.start(baseURL!);
  try {
    const first = await buyer.say("Hello, is anyone there?");
    await page.goto(`/console?c=${first.conversationId}`);
    await expect(page.getByTestId("connection-status")).toHaveText("Connected");
    await expect(page.getByTestId("session-state")).toHaveText(/assigned to you/);

    // `/` with a typo in a title word ("patiance") lists the reply, already filled in.
    const box = composer(page);
    await box.click();
    await box.pressSequentially("/patiance");
    const listbox = chatWindow(page).getByRole("listbox", { name: "Saved replies" });
    const option = listbox.getByRole("option").filter({ hasText: `/${shortcut}` });
    await expect(option).toContainText(`Hi ${buyer.nickname}, thanks for your patience! I'm Ava.`);
    await expect(option).toHaveAttribute("aria-selected", "true");
    await expect(box).toHaveAttribute("aria-activedescendant", (await option.getAttribute("id"))!);

    // Escape closes it; typing again reopens it; Enter inserts (and does not send).
    await box.press("Escape");
    await expect(listbox).toHaveCount(0);
    await box.press("Backspace");
    await box.press("e");
    await expect(option).toBeVisible();
    await box.press("Enter");
    await expect(listbox).toHaveCount(0);
    await expect(box).toHaveValue(`Hi ${buyer.nickname}, thanks for your patience! I'm Ava.`);
    expect(buyer.messages.filter((message) => message.authorType === "agent")).toEqual([]);

    // Edited before sending, then sent with Enter.
    await box.press("End");
    await box.pressSequentially(" How can I help?");
    await box.press("Enter");
    const expected = `Hi ${buyer.nickname}, thanks for your patience! I'm Ava. How can I help?`;
    await expect.poll(() => buyer.messages.find((message) => message.authorType === "agent")?.body).toBe(expected);
    await expect(box).toHaveValue("");
  } finally {
    buyer.socket.disconnect();
    await agentContext.close();
  }
});
