// NF-5: every console action from the keyboard, as a person without a mouse uses it: the
// shortcuts (docs/keyboard.md), with focus visible where each one lands.
import { expect, test, type Page } from "@playwright/test";
import { SocketBuyer } from "./socket-buyer";
import { DEMO, signInAs } from "./support";

const chatList = (page: Page) => page.getByRole("region", { name: "Chat list" });
const chatWindow = (page: Page) => page.getByRole("region", { name: "Chat window" });

async function eligibleNicknames(page: Page): Promise<string[]> {
  const response = await page.request.get("/api/console/members");
  const body = (await response.json()) as { data: { members: Array<{ nickname: string; isOnline: boolean; acceptAutoAssign: boolean }> } };
  return body.data.members.filter((member) => member.isOnline && member.acceptAutoAssign).map((member) => member.nickname);
}

test("NF-5 the console from the keyboard: lists, filters, search, open a chat with J and K, reply, star, transfer, end, accept switch, and the shortcut list", async ({ page, baseURL }) => {
  await signInAs(page, DEMO.agent1);
  await expect.poll(() => eligibleNicknames(page), { timeout: 15_000 }).toEqual(["Ava"]);
  const buyer = await SocketBuyer.start(baseURL!);
  try {
    const first = await buyer.say("Hello, I would like to ask about a teapot.");
    await expect(chatList(page).getByRole("option").filter({ hasText: buyer.nickname })).toBeVisible();

    // ? lists the shortcuts; Escape closes the list.
    await page.keyboard.press("?");
    const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(help).toContainText("Open the next chat in the list");
    await page.keyboard.press("Escape");
    await expect(help).toHaveCount(0);

    // 2 and 1 switch lists.
    await page.keyboard.press("2");
    await expect(chatList(page).getByRole("tab", { name: /Unassigned/ })).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("1");
    await expect(chatList(page).getByRole("tab", { name: /Assigned/ }).first()).toHaveAttribute("aria-selected", "true");

    // F focuses the status filters; Enter applies one and applies it off again.
    await page.keyboard.press("f");
    const firstFilter = chatList(page).getByRole("group", { name: "Status filters" }).getByRole("button").first();
    await expect(firstFilter).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(firstFilter).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.press("Enter");
    await expect(firstFilter).toHaveAttribute("aria-pressed", "false");
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

    // J opens the next chat each time, until the buyer's; K goes back one.
    const title = page.getByTestId("chat-title");
    const rows = chatList(page).getByRole("listbox", { name: "Assigned chats" }).getByRole("option");
    // The filter just went off: count the rows once the list is back.
    await expect(rows.filter({ hasText: buyer.nickname })).toBeVisible();
    const options = await rows.count();
    let previousTitle: string | null = null;
    for (let index = 0; index < options; index += 1) {
      await page.keyboard.press("j");
      await expect(rows.nth(index)).toHaveAttribute("aria-selected", "true");
      const shown = await title.textContent();
      if (page.url().includes(first.conversationId)) break;
      previousTitle = shown;
    }
    await expect(page).toHaveURL(new RegExp(`c=${first.conversationId}`));
    if (previousTitle !== null) {
      await page.keyboard.press("k");
      await expect(title).toHaveText(previousTitle);
      await page.keyboard.press("j");
      await expect(page).toHaveURL(new RegExp(`c=${first.conversationId}`));
    }

    // R writes a reply; letters typed there are text, not shortcuts; Escape leaves the box.
    const star = chatWindow(page).getByRole("button", { name: /Star(red)? for follow-up/ });
    await expect(star).toHaveAttribute("aria-pressed", "false");
    await page.keyboard.press("r");
    const reply = chatWindow(page).getByRole("textbox", { name: "Reply" });
    await expect(reply).toBeFocused();
    await page.keyboard.type("Sure, ask away: sizes, tea and teapots.");
    await page.keyboard.press("Enter");
    await expect.poll(() => buyer.messages.at(-1)?.body).toBe("Sure, ask away: sizes, tea and teapots.");
    await expect(star).toHaveAttribute("aria-pressed", "false");
    await page.keyboard.press("Escape");
    await expect(reply).not.toBeFocused();

    // S stars and unstars.
    await page.keyboard.press("s");
    await expect(star).toHaveAttribute("aria-pressed", "true");
    // The button is busy while the star is saved; S, like a click, waits for it.
    await expect(star).toBeEnabled();
    await page.keyboard.press("s");
    await expect(star).toHaveAttribute("aria-pressed", "false");

    // T opens the transfer dialog, with the search focused; Escape closes it.
    await page.keyboard.press("t");
    const transfer = page.getByRole("dialog", { name: "Transfer chat" });
    await expect(transfer.getByRole("searchbox")).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(transfer).toHaveCount(0);

    // A turns accepting chats off and on.
    const accept = page.getByRole("switch", { name: "Accept auto-assign chats" });
    await expect(accept).toHaveAttribute("aria-checked", "true");
    await page.keyboard.press("a");
    await expect(accept).toHaveAttribute("aria-checked", "false");
    await expect(accept).toBeEnabled();
    await page.keyboard.press("a");
    await expect(accept).toHaveAttribute("aria-checked", "true");

    // / focuses the search.
    await page.keyboard.press("/");
    await expect(chatList(page).getByRole("searchbox", { name: "Search chats" })).toBeFocused();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

    // E asks to end the chat; Enter on the confirmation ends it.
    await page.keyboard.press("e");
    const end = page.getByRole("dialog", { name: "End this chat?" });
    await expect(end).toBeVisible();
    // Cancel has the focus first, so a stray Enter never ends a chat.
    await expect(end.getByRole("button", { name: "Cancel" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(end.getByRole("button", { name: "End chat" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(end).toHaveCount(0);
    await expect.poll(() => buyer.sessionStates.at(-1)).toBe("ended");
  } finally {
    buyer.close();
  }
});
