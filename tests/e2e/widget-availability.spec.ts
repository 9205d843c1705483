// WIDGET-4 in Chromium: the honest widget. With no one online it shows the shop's offline message
// (set on Settings → Shop) and what happens next; when an agent opens the console the header
// changes live; a queued buyer sees their place in the queue.
import { expect, test, type Browser, type FrameLocator, type Page } from "@playwright/test";
import { DEMO, signInAs } from "./support";

const OFFLINE_MESSAGE = "We're back Monday to Friday, 9:00–17:00.";
const WHAT_HAPPENS = "Leave a message and we'll reply here when we're back.";

function widget(page: Page): FrameLocator {
  return page.frameLocator("iframe.cp-frame");
}

async function openWidget(browser: Browser): Promise<{ page: Page; frame: FrameLocator; close: () => Promise<void> }> {
  // A browser context of its own: a new visitor.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/demo-store");
  await page.getByTestId("counterpart-launcher").click();
  const frame = widget(page);
  await expect(frame.getByRole("textbox", { name: "Message" })).toBeEditable();
  return { page, frame, close: () => context.close() };
}

async function send(frame: FrameLocator, text: string): Promise<void> {
  await frame.getByRole("textbox", { name: "Message" }).fill(text);
  await frame.getByRole("button", { name: "Send", exact: true }).click();
  await expect(frame.getByTestId("message").filter({ hasText: text })).toBeVisible();
}

test.describe.configure({ mode: "serial" });

interface MemberRow { memberId: string; email: string; maxCapacity: number; acceptAutoAssign: boolean }

async function asOwner<T>(browser: Browser, run: (owner: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, DEMO.owner);
  try {
    return await run(page);
  } finally {
    await context.close();
  }
}

async function teamOf(owner: Page): Promise<MemberRow[]> {
  return (await (await owner.request.get("/api/team/members")).json()).data.members as MemberRow[];
}

test.describe("WIDGET-4 honest widget", () => {
  let saved: { members: MemberRow[]; shopSettings: Record<string, unknown> } | null = null;

  // Later specs share this server and the demo shop: put back what this one changed.
  test.afterAll(async ({ browser }) => {
    const before = saved;
    if (!before) return;
    await asOwner(browser, async (owner) => {
      expect((await owner.request.put("/api/team/shop-settings", { data: before.shopSettings })).ok()).toBe(true);
      for (const member of before.members) {
        const response = await owner.request.patch(`/api/team/members/${member.memberId}`, { data: { maxCapacity: member.maxCapacity, acceptAutoAssign: member.acceptAutoAssign } });
        expect(response.ok()).toBe(true);
      }
    });
  });

  test.beforeAll(async ({ browser }) => {
    // The owner writes the offline message on Settings → Shop, and sets the team up so new chats
    // wait in the queue while Ava is online: Ava's capacity is her one seeded open chat, and the
    // owner and admin do not take chats automatically.
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, DEMO.owner);
    const members = await teamOf(page);
    saved = {
      members: members.filter((member) => [DEMO.owner, DEMO.admin, DEMO.agent1].includes(member.email as typeof DEMO.owner)),
      shopSettings: (await (await page.request.get("/api/team/shop-settings")).json()).data,
    };
    await page.goto("/settings/shop");
    const field = page.getByLabel("Offline message");
    await expect(field).toHaveValue("We're not online right now.");
    await field.fill(OFFLINE_MESSAGE);
    await page.getByRole("button", { name: "Save shop settings" }).click();
    await expect(page.getByTestId("shop-settings-saved")).toBeVisible();

    const idOf = (email: string) => members.find((member) => member.email === email)!.memberId;
    for (const email of [DEMO.owner, DEMO.admin]) {
      expect((await page.request.patch(`/api/team/members/${idOf(email)}`, { data: { acceptAutoAssign: false } })).ok()).toBe(true);
    }
    expect((await page.request.patch(`/api/team/members/${idOf(DEMO.agent1)}`, { data: { maxCapacity: 1 } })).ok()).toBe(true);
    await context.close();
  });

  test("WIDGET-4: with no one online the widget says so and shows the shop's offline message and what happens next", async ({ browser }) => {
    const buyer = await openWidget(browser);
    // The owner's console closed a moment ago; after the grace period no one is online.
    await expect(buyer.frame.getByTestId("availability")).toHaveText("No one is online right now");
    await expect(buyer.frame.getByTestId("availability")).toHaveAttribute("data-online", "false");
    await expect(buyer.frame.getByTestId("offline-note")).toHaveText(`${OFFLINE_MESSAGE} ${WHAT_HAPPENS}`);
    await send(buyer.frame, "Do you ship to Norway?");
    await expect(buyer.frame.getByTestId("offline-note")).toHaveText(`${OFFLINE_MESSAGE} ${WHAT_HAPPENS}`);
    await expect(buyer.frame.locator("body")).not.toContainText(/shortly|within a few minutes/);
    await buyer.close();
  });

  test("WIDGET-4: when an agent opens the console, the header changes live; a queued buyer sees their place in the queue", async ({ browser }) => {
    const first = await openWidget(browser);
    await expect(first.frame.getByTestId("availability")).toHaveAttribute("data-online", "false");

    const agentContext = await browser.newContext();
    const agentPage = await agentContext.newPage();
    await signInAs(agentPage, DEMO.agent1);
    // No reload: the availability.changed event.
    await expect(first.frame.getByTestId("availability")).toHaveText("An agent is online");
    await expect(first.frame.getByTestId("offline-note")).toBeHidden();

    // Ava is at her capacity, so the chat waits in the queue, behind the ones already waiting.
    await send(first.frame, "Is the kettle in stock?");
    const note = first.frame.getByTestId("queue-note");
    await expect(note).toHaveText(/^You're (next|number \d+) in the queue\.( Expected wait: about \d+ minutes?\.)? You can keep writing\.$/);
    const text = (await note.textContent()) ?? "";
    const position = /number (\d+)/.exec(text) ? Number(/number (\d+)/.exec(text)![1]) : 1;

    const second = await openWidget(browser);
    await expect(second.frame.getByTestId("availability")).toHaveText("An agent is online");
    await send(second.frame, "Do you gift-wrap?");
    await expect(second.frame.getByTestId("queue-note")).toContainText(`You're number ${position + 1} in the queue.`);

    // Ava signs out: after the grace period both widgets say no one is online, live.
    await agentContext.close();
    await expect(first.frame.getByTestId("availability")).toHaveText("No one is online right now");
    await expect(second.frame.getByTestId("offline-note")).toHaveText(`${OFFLINE_MESSAGE} ${WHAT_HAPPENS}`);
    await first.close();
    await second.close();
  });
});
