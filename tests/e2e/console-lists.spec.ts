// The chat list end to end (CONSOLE-1..5): an agent filters by status and category, searches by
// order id and opens the chat, changes the sort order (remembered across a reload), drives the
// list with the keyboard, and sees a new chat arrive live. Demo data: mia_reads (orders
// ORD-24017, ORD-24001) has an open logistics chat with Ava that waits for a reply. Other spec
// files may have added chats; every check here looks at the chats it knows about.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { io, type Socket } from "socket.io-client";
import { DEMO, signInAs } from "./support";

const PUBLIC_KEY = "pk_demo_harbor_and_pine";
type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

/** A new anonymous buyer, driven the way the widget drives one. */
async function startBuyer(baseURL: string): Promise<{ nickname: string; socket: Socket; say(body: string): Promise<void> }> {
  const response = await fetch(`${baseURL}/api/widget/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ publicKey: PUBLIC_KEY }),
  });
  expect(response.status).toBe(200);
  const { data } = (await response.json()) as { data: { token: string; buyer: { nickname: string } } };
  const socket = io(`${baseURL}/widget`, { auth: { token: data.token }, transports: ["websocket"], forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once("widget.ready", () => resolve());
    socket.once("connect_error", reject);
  });
  return {
    nickname: data.buyer.nickname,
    socket,
    say: (body) =>
      new Promise<void>((resolve, reject) => {
        socket.timeout(10_000).emit("message:send", { clientId: `buyer${crypto.randomUUID().replaceAll("-", "")}`, content: { kind: "text", body } }, (error: Error | null, reply: Ack<unknown>) => {
          if (error) reject(error);
          else if (reply.ok) resolve();
          else reject(new Error(reply.error.message));
        });
      }),
  };
}

/**
 * Waits until Ava is the only member who can take auto-assigned chats, so a new buyer's chat
 * lands in her Assigned list (another spec's console may still count as online for a moment).
 */
async function waitUntilOnlyEligible(page: Page, nickname: string): Promise<void> {
  await expect
    .poll(async () => {
      const response = await page.request.get("/api/console/members");
      const { data } = (await response.json()) as { data: { members: Array<{ nickname: string; acceptAutoAssign: boolean; isOnline: boolean }> } };
      return data.members.filter((member) => member.isOnline && member.acceptAutoAssign).map((member) => member.nickname);
    }, { timeout: 15_000 })
    .toEqual([nickname]);
}

const chatList = (page: Page) => page.getByRole("region", { name: "Chat list" });
const listbox = (page: Page) => chatList(page).getByRole("listbox");
const chatItem = (page: Page, nickname: string) => listbox(page).getByRole("option").filter({ has: page.getByTestId("buyer-nickname").getByText(nickname, { exact: true }) });
const chip = (page: Page, name: string) => chatList(page).getByRole("group", { name: "Status filters" }).getByRole("button", { name: new RegExp(`^${name}`) });

async function chipCount(chipLocator: Locator): Promise<number> {
  const text = (await chipLocator.textContent()) ?? "";
  return Number(text.replace(/\D+/g, "") || "0");
}

/** Nicknames in the order the list shows them. */
async function shownNicknames(page: Page): Promise<string[]> {
  return listbox(page).getByTestId("buyer-nickname").allTextContents();
}

test.describe.configure({ mode: "serial" });

test("CONSOLE-1 CONSOLE-2 CONSOLE-3 an agent filters the Assigned list by status and category, with live counts", async ({ page, baseURL }) => {
  await signInAs(page, DEMO.agent1);
  const list = chatList(page);
  await expect(list.getByRole("tab", { name: /Assigned/ })).toHaveAttribute("aria-selected", "true");
  // Agents have no All open list (TEAM-5).
  await expect(list.getByRole("tab", { name: /All open/ })).toHaveCount(0);

  const mia = chatItem(page, "mia_reads");
  await expect(mia).toBeVisible();
  await expect(mia).toContainText("Not replied");
  await expect(mia).toContainText("Logistics");
  await expect(mia.getByTestId("waiting-time")).toContainText(/Waiting \d/);

  // Status filter: Unreplied keeps Mia; Starred does not hold her.
  await chip(page, "Unreplied").click();
  await expect(chip(page, "Unreplied")).toHaveAttribute("aria-pressed", "true");
  await expect(mia).toBeVisible();
  const unreplied = await chipCount(chip(page, "Unreplied"));
  expect(unreplied).toBeGreaterThanOrEqual(1);
  await expect(listbox(page).getByRole("option")).toHaveCount(unreplied);
  await chip(page, "Starred").click();
  await expect(chip(page, "Unreplied")).toHaveAttribute("aria-pressed", "false");
  await expect(mia).toHaveCount(0);
  await chip(page, "Starred").click();

  // Category filter: Logistics keeps Mia, Pre-purchase does not.
  await list.getByRole("combobox", { name: "Category" }).selectOption("logistics");
  await expect(mia).toBeVisible();
  await expect(listbox(page).getByRole("option").filter({ hasNotText: "Logistics" })).toHaveCount(0);
  await list.getByRole("combobox", { name: "Category" }).selectOption("pre_purchase");
  await expect(mia).toHaveCount(0);
  await list.getByRole("combobox", { name: "Category" }).selectOption("all");
  await expect(mia).toBeVisible();

  // Live: a new buyer writes; the chat arrives (auto-assigned to Ava, who is online) and the
  // Unreplied count goes up without a reload.
  await waitUntilOnlyEligible(page, "Ava");
  const before = await chipCount(chip(page, "Unreplied"));
  const buyer = await startBuyer(baseURL!);
  try {
    await buyer.say("Hello, is the tasting set a good gift?");
    await expect(chatItem(page, buyer.nickname)).toBeVisible({ timeout: 15_000 });
    await expect(chatItem(page, buyer.nickname)).toContainText("Not replied");
    await expect(chatItem(page, buyer.nickname).getByTestId("unread-dot")).toHaveCount(1);
    await expect.poll(() => chipCount(chip(page, "Unreplied"))).toBe(before + 1);
  } finally {
    buyer.socket.disconnect();
  }

  // Closed is the History list: Ava has no closed chats of her own in the demo.
  await chip(page, "Closed").click();
  await expect(list.getByRole("tab", { name: "History" })).toHaveAttribute("aria-selected", "true");
  await expect(mia).toHaveCount(0);
});

test("CONSOLE-4 an agent finds Mia's chat by order id, sees the match marked, and opens it", async ({ page }) => {
  await signInAs(page, DEMO.agent1);
  const search = chatList(page).getByRole("searchbox", { name: "Search chats" });
  await search.fill("ORD-24017");
  const results = chatList(page).getByRole("listbox", { name: "Search results" });
  const result = results.getByRole("option").filter({ hasText: "mia_reads" });
  await expect(result).toBeVisible();
  await expect(result).toContainText("Order ID");
  await expect(result.locator("mark")).toHaveText("ORD-24017");
  await result.click();
  await expect(page.getByTestId("chat-title")).toContainText("mia_reads");
  await expect(page).toHaveURL(/\?c=[0-9a-f-]{36}/);

  // A keyword in a message, and a nickname part, find the same chat; Escape clears the search.
  await search.fill("delivery address");
  await expect(results.getByRole("option").filter({ hasText: "mia_reads" }).locator("mark")).toHaveText("delivery address");
  await search.fill("mia_r");
  await expect(results.getByRole("option").first().locator("mark")).toHaveText("mia_r");
  await search.press("Escape");
  await expect(chatList(page).getByRole("tab", { name: /Assigned/ })).toBeVisible();

  // Another agent's chats stay out of reach: Ben finds nothing for Mia's order.
  const ben = await page.context().browser()!.newContext();
  const benPage = await ben.newPage();
  await signInAs(benPage, DEMO.agent2);
  await chatList(benPage).getByRole("searchbox", { name: "Search chats" }).fill("ORD-24017");
  await expect(chatList(benPage).getByText("0 chats found")).toBeVisible();
  await ben.close();
});

test("CONSOLE-5 an agent sorts by waiting time or latest message, the choice is remembered, and the keyboard opens a chat", async ({ page, baseURL }) => {
  await signInAs(page, DEMO.agent1);
  const sort = chatList(page).getByRole("combobox", { name: "Sort chats" });
  // A chat that has waited a few seconds, beside Mia's that has waited hours.
  await waitUntilOnlyEligible(page, "Ava");
  const buyer = await startBuyer(baseURL!);
  try {
    await buyer.say("Quick question about the stoneware mug");
    await expect(chatItem(page, buyer.nickname)).toBeVisible({ timeout: 15_000 });

    await sort.selectOption("waiting_time");
    await expect.poll(async () => {
      const names = await shownNicknames(page);
      return names.indexOf("mia_reads") >= 0 && names.indexOf("mia_reads") < names.indexOf(buyer.nickname);
    }).toBe(true);

    await sort.selectOption("latest");
    await expect.poll(async () => {
      const names = await shownNicknames(page);
      return names.indexOf(buyer.nickname) >= 0 && names.indexOf(buyer.nickname) < names.indexOf("mia_reads");
    }).toBe(true);

    // Remembered per member (PATCH /api/console/preferences).
    await page.reload();
    await expect(page.getByTestId("connection-status")).toHaveText("Connected");
    await expect(chatList(page).getByRole("combobox", { name: "Sort chats" })).toHaveValue("latest");
    await expect(chatItem(page, buyer.nickname)).toBeVisible();
    const names = await shownNicknames(page);
    expect(names.indexOf(buyer.nickname)).toBeLessThan(names.indexOf("mia_reads"));

    // NF-5: arrows move through the list, Enter opens the chat.
    await listbox(page).focus();
    const target = names.indexOf("mia_reads");
    for (let step = 0; step < target; step += 1) await page.keyboard.press("ArrowDown");
    await expect(chatItem(page, "mia_reads")).toHaveClass(/ring-2/);
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("chat-title")).toContainText("mia_reads");
    await expect(chatItem(page, "mia_reads")).toHaveAttribute("aria-selected", "true");
  } finally {
    buyer.socket.disconnect();
    await chatList(page).getByRole("combobox", { name: "Sort chats" }).selectOption("waiting_time");
  }
});
