// CONSOLE-9 in Chromium: the console at 768 px (a tablet) and 1,024 px (a small laptop), checked
// by layout (bounding boxes), not pixels. At 768 px the chat and its composer have the room to
// themselves and the buyer panel with the workbench is a drawer; at 1,024 px the chat list, the
// chat and the workbench stand side by side.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO, signInAs } from "./support";

type Box = { x: number; y: number; width: number; height: number };

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  expect(box, "the element is laid out").not.toBeNull();
  return box!;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function isInside(inner: Box, outer: { width: number; height: number }): boolean {
  return inner.x >= 0 && inner.y >= 0 && inner.x + inner.width <= outer.width + 0.5 && inner.y + inner.height <= outer.height + 0.5;
}

async function openMiasChat(page: Page): Promise<void> {
  await signInAs(page, DEMO.agent1);
  const region = page.getByRole("region", { name: "Chat list" });
  const row = region.getByRole("option").filter({ hasText: "mia" });
  await expect(row.first()).toBeVisible();
  await row.first().click();
  await expect(page.getByTestId("chat-title")).toBeVisible();
}

test.describe("CONSOLE-9 console layout", () => {
  test("CONSOLE-9: at 768 px the chat window and composer are fully visible and not overlapped; the buyer panel and workbench are a drawer that opens and closes", async ({ browser }) => {
    const viewport = { width: 768, height: 900 };
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await openMiasChat(page);

    const chatList = page.getByRole("region", { name: "Chat list" });
    const chatWindow = page.getByRole("region", { name: "Chat window" });
    const composer = chatWindow.getByRole("textbox", { name: "Reply" });
    const drawer = page.getByRole("complementary", { name: "Buyer and workbench" });
    const sendButton = chatWindow.getByRole("button", { name: "Send", exact: true });
    await expect(drawer).toBeHidden();

    const windowBox = await boxOf(chatWindow);
    const composerBox = await boxOf(composer);
    const listBox = await boxOf(chatList);
    for (const box of [windowBox, composerBox, listBox, await boxOf(sendButton)]) expect(isInside(box, viewport)).toBe(true);
    expect(overlaps(listBox, windowBox)).toBe(false);
    expect(composerBox.width).toBeGreaterThanOrEqual(300);
    // The page does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);

    // The drawer opens from the chat header, over the chat, and closes again.
    const open = page.getByRole("button", { name: "Buyer & workbench" });
    await expect(open).toHaveAttribute("aria-expanded", "false");
    await open.click();
    await expect(drawer).toBeVisible();
    await expect(open).toHaveAttribute("aria-expanded", "true");
    const drawerBox = await boxOf(drawer);
    expect(isInside(drawerBox, viewport)).toBe(true);
    expect(drawerBox.x + drawerBox.width).toBeCloseTo(viewport.width, 0);
    await expect(drawer.getByTestId("workbench-panel")).toBeVisible();
    await drawer.getByRole("button", { name: "Close buyer and workbench" }).click();
    await expect(drawer).toBeHidden();

    // Escape closes it too, and the composer is back untouched.
    await open.click();
    await expect(drawer).toBeVisible();
    await drawer.getByRole("tab").first().press("Escape");
    await expect(drawer).toBeHidden();
    expect(await boxOf(composer)).toEqual(composerBox);
    await context.close();
  });

  test("CONSOLE-9: at 1,024 px the chat list, the chat and the workbench stand side by side without overlapping", async ({ browser }) => {
    const viewport = { width: 1024, height: 768 };
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await openMiasChat(page);

    const chatList = await boxOf(page.getByRole("region", { name: "Chat list" }));
    const chatWindow = await boxOf(page.getByRole("region", { name: "Chat window" }));
    const workbench = await boxOf(page.getByRole("complementary", { name: "Buyer and workbench" }));
    const composer = await boxOf(page.getByRole("region", { name: "Chat window" }).getByRole("textbox", { name: "Reply" }));
    await expect(page.getByRole("button", { name: "Buyer & workbench" })).toBeHidden();
    for (const box of [chatList, chatWindow, workbench, composer]) expect(isInside(box, viewport)).toBe(true);
    expect(overlaps(chatList, chatWindow)).toBe(false);
    expect(overlaps(chatWindow, workbench)).toBe(false);
    expect(overlaps(chatList, workbench)).toBe(false);
    expect(chatList.x + chatList.width).toBeLessThanOrEqual(chatWindow.x + 0.5);
    expect(chatWindow.x + chatWindow.width).toBeLessThanOrEqual(workbench.x + 0.5);
    expect(chatWindow.width).toBeGreaterThanOrEqual(320);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await context.close();
  });
});
