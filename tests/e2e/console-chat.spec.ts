// Over 300 lines on purpose: the console journeys share one browser set-up and their helpers; split by journey when one more is added.
// The agent's chat window end to end (issue 3 item 2, issue 4 item 5): a buyer (a real
// socket.io-client on the widget namespace, as the widget does) and agents in Chromium consoles.
// Every test makes its own buyers, so nothing depends on what other spec files left behind.
import zlib from "node:zlib";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { io } from "socket.io-client";
import { DEMO, signInAs, waitForEligible } from "./support";
import { PNG, SocketBuyer as Buyer, type Ack, type WireMessage } from "./socket-buyer";


/** A real PNG of random pixels (noise does not compress): about 3 × side² bytes, for a visible progress bar. */
function noisePng(side: number): Buffer {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (bytes: Buffer) => {
    let crc = 0xffffffff;
    for (const byte of bytes) crc = table[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows: Buffer[] = [];
  for (let y = 0; y < side; y += 1) {
    const row = Buffer.alloc(1 + side * 3);
    for (let i = 1; i < row.length; i += 1) row[i] = (Math.random() * 256) | 0;
    rows.push(row);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", zlib.deflateSync(Buffer.concat(rows), { level: 1 })), chunk("IEND", Buffer.alloc(0))]);
}


interface Console {
  context: BrowserContext;
  page: Page;
}

async function openConsole(browser: Browser, email: string, options: { initScript?: () => void } = {}): Promise<Console> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  if (options.initScript) await context.addInitScript(options.initScript);
  const page = await context.newPage();
  await signInAs(page, email);
  return { context, page };
}

/** Replaces Notification and counts chimes, so a test can read what the console announced. */
function recordNotificationsAndChimes(): void {
  const record = window as unknown as { __notifications: Array<{ title: string; body: string }>; __chimes: number };
  record.__notifications = [];
  record.__chimes = 0;
  class FakeNotification {
    static permission: NotificationPermission = "default";
    static async requestPermission(): Promise<NotificationPermission> {
      FakeNotification.permission = "granted";
      return "granted";
    }
    onclick: (() => void) | null = null;
    constructor(title: string, options?: { body?: string }) {
      record.__notifications.push({ title, body: options?.body ?? "" });
    }
    close() {}
  }
  Object.defineProperty(window, "Notification", { value: FakeNotification, configurable: true });
  const RealAudioContext = window.AudioContext;
  class CountingAudioContext extends RealAudioContext {
    override createOscillator() {
      record.__chimes += 0.5;
      return super.createOscillator();
    }
  }
  Object.defineProperty(window, "AudioContext", { value: CountingAudioContext, configurable: true });
}

const ALL_ON = { sound: true, desktop: true, badge: true };
const ALL_NOTIFICATIONS_ON = { ...ALL_ON, events: { chat_assigned: ALL_ON, buyer_message: ALL_ON, transfer_to_me: ALL_ON, due_soon: ALL_ON } };

async function putNotificationPrefs(page: Page, prefs: object): Promise<void> {
  const saved = await page.request.put("/api/me/notifications", { data: prefs });
  expect(saved.ok()).toBe(true);
}

const recordedNotifications = (page: Page) => page.evaluate(() => (window as unknown as { __notifications: Array<{ title: string; body: string }> }).__notifications);

const setTabHidden = (page: Page, isHidden: boolean) =>
  page.evaluate((hidden) => {
    Object.defineProperty(document, "visibilityState", { value: hidden ? "hidden" : "visible", configurable: true });
    Object.defineProperty(document, "hidden", { value: hidden, configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
  }, isHidden);

/** Opens a chat in the console by its address (the list links to the same place). */
async function openChat(page: Page, conversationId: string): Promise<void> {
  await page.goto(`/console?c=${conversationId}`);
  await expect(page.getByTestId("connection-status")).toHaveText("Connected");
  await expect(page.getByTestId("chat-title")).toBeVisible();
}

/** Opens a chat the way a person does: the list's tab, then the chat's row. */
async function openFromList(page: Page, list: "Assigned" | "Unassigned" | "All open" | "History", nickname: string): Promise<void> {
  const region = page.getByRole("region", { name: "Chat list" });
  await region.getByRole("tab", { name: new RegExp(`^${list}`) }).click();
  const row = region.getByRole("option").filter({ hasText: nickname });
  await expect(row).toHaveCount(1);
  await row.click();
  await expect(page.getByTestId("chat-title")).toContainText(nickname);
}

const listRow = (page: Page, nickname: string) => page.getByRole("region", { name: "Chat list" }).getByRole("option").filter({ hasText: nickname });



const chatWindow = (page: Page) => page.getByRole("region", { name: "Chat window" });
const messageLog = (page: Page) => page.getByRole("log", { name: "Messages" });
const composer = (page: Page) => chatWindow(page).getByRole("textbox", { name: "Reply" });

async function expectSeqsUniqueAndOrdered(page: Page): Promise<number[]> {
  const seqs = (await messageLog(page).locator("[data-seq]").evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute("data-seq")))));
  expect(seqs).toEqual([...new Set(seqs)].sort((a, b) => a - b));
  return seqs;
}

test("CHAT-1 CHAT-2 CHAT-4 CONSOLE-6 the agent receives a chat and exchanges text, emoji and images with the buyer, and sees Read", async ({ browser, baseURL }) => {
  const ava = await openConsole(browser, DEMO.agent1);
  await waitForEligible(ava.page, ["Ava"]);
  const buyer = await Buyer.start(baseURL!);
  try {
    const first = await buyer.say("Hello 👋 is the kettle\nstill in stock?");
    const { page } = ava;
    // The chat arrives live in Ava's Assigned list (CHAT-1), and opens from there.
    await expect(listRow(page, buyer.nickname)).toBeVisible();
    await openFromList(page, "Assigned", buyer.nickname);
    await expect(page).toHaveURL(new RegExp(`c=${first.conversationId}`));

    // Routed to Ava (the only eligible member), with the buyer's text, emoji and line break.
    await expect(page.getByTestId("session-state")).toHaveText(/assigned to you/);
    const buyerBubble = messageLog(page).locator(`[data-seq="${first.seq}"]`);
    await expect(buyerBubble).toContainText("Hello 👋 is the kettle");
    expect(await buyerBubble.locator("p.whitespace-pre-wrap").innerText()).toBe("Hello 👋 is the kettle\nstill in stock?");
    await expect(page.getByTestId("buyer-panel")).toContainText(buyer.nickname);
    await expect(page.getByTestId("buyer-panel")).toContainText("Anonymous visitor");
    await expect(messageLog(page).getByTestId("system-note").filter({ hasText: "Ava joined the chat" })).toBeVisible();

    // The agent read it: the buyer sees "read" (CHAT-4).
    await expect.poll(() => buyer.reads.filter((read) => read.reader === "shop").map((read) => read.seq).at(-1) ?? 0).toBeGreaterThanOrEqual(first.seq);

    // Text with Enter; Shift+Enter keeps a line break.
    await composer(page).fill("Hi! Yes, we have 12 left 😊");
    await composer(page).press("Enter");
    await expect.poll(() => buyer.messages.find((message) => message.authorType === "agent")?.body).toBe("Hi! Yes, we have 12 left 😊");
    await composer(page).pressSequentially("Line one");
    await composer(page).press("Shift+Enter");
    await composer(page).pressSequentially("Line two");
    await composer(page).press("Enter");
    await expect.poll(() => buyer.messages.at(-1)?.body).toBe("Line one\nLine two");

    // An emoji from the picker.
    await chatWindow(page).getByRole("button", { name: "Insert emoji" }).click();
    const picker = page.getByRole("dialog", { name: "Emoji picker" });
    const emojiSearch = picker.getByRole("searchbox", { name: "Search emoji" });
    await expect(emojiSearch).toBeFocused();
    // The search knows both languages (issue 13 item 5): Spanish words find it in the English picker.
    await emojiSearch.fill("pulgar");
    await expect(picker.getByRole("gridcell", { name: "Thumbs up" })).toBeVisible();
    // Typing highlights the first match, which Enter chooses. ("thumbs" alone ranks 👎 first:
    // Emojibase tags it "thumbs", and frimousse puts label matches before tag matches.)
    await emojiSearch.fill("thumbs up");
    await expect(picker.getByRole("gridcell")).toHaveCount(1);
    await expect(picker.getByRole("gridcell", { name: "Thumbs up", selected: true })).toBeVisible();
    await emojiSearch.press("Enter");
    await expect(picker).toHaveCount(0);
    await expect(composer(page)).toHaveValue(/👍/);
    await expect(composer(page)).toBeFocused();
    await composer(page).press("Enter");
    await expect.poll(() => buyer.messages.at(-1)?.body).toContain("👍");
    const lastAgent = buyer.messages.at(-1)!;

    // Each agent message says Sent until the buyer reads it, then Read.
    const lastBubble = messageLog(page).locator(`[data-seq="${lastAgent.seq}"]`);
    await expect(lastBubble.getByTestId("read-state")).toHaveText("· Sent");
    await buyer.read(lastAgent.seq);
    await expect(lastBubble.getByTestId("read-state")).toHaveText("· Read");

    // The buyer types and the agent sees it; the buyer's reply ends it.
    await buyer.typing(true);
    await expect(page.getByTestId("buyer-typing")).toContainText(`${buyer.nickname} is typing`);
    const thanks = await buyer.say("Great, thanks 🙏");
    await expect(messageLog(page).locator(`[data-seq="${thanks.seq}"]`)).toContainText("Great, thanks 🙏");
    await expect(page.getByTestId("buyer-typing")).toHaveCount(0);

    // Images both ways: the agent attaches one (progress, then the stored image)...
    await chatWindow(page).getByTestId("attachment-input").setInputFiles({ name: "kettle.png", mimeType: "image/png", buffer: PNG });
    await expect.poll(() => buyer.messages.at(-1)?.kind).toBe("image");
    await expect(messageLog(page).locator(`[data-seq="${buyer.messages.at(-1)!.seq}"][data-kind="image"] img`)).toBeVisible();
    // ...the buyer sends one, and a click enlarges it; Escape closes.
    const photo = await buyer.sendImage();
    const photoBubble = messageLog(page).locator(`[data-seq="${photo.seq}"]`);
    await photoBubble.getByRole("button", { name: /Enlarge image/ }).click();
    const enlarged = page.getByRole("dialog", { name: /buyer-photo\.png/ });
    await expect(enlarged.locator("img")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(enlarged).toHaveCount(0);

    // A refused upload shows the server's reason.
    await chatWindow(page).getByTestId("attachment-input").setInputFiles({ name: "notes.png", mimeType: "image/png", buffer: Buffer.from("just some text, not an image") });
    const failed = messageLog(page).getByTestId("pending-message").filter({ hasText: "Failed" });
    await expect(failed).toBeVisible();
    await expect(failed).toContainText(/not|support|type/i);
    await failed.getByRole("button", { name: "Remove" }).click();
    await expect(failed).toHaveCount(0);

    await expectSeqsUniqueAndOrdered(page);
  } finally {
    buyer.close();
    await ava.context.close();
  }
});

test("CHAT-2 CHAT-4 CONSOLE-6 two browsers: a buyer on the demo storefront and Ava in the console exchange text, emoji and images (with upload progress) and see Read both ways", async ({ browser }) => {
  const ava = await openConsole(browser, DEMO.agent1);
  await waitForEligible(ava.page, ["Ava"]);
  const shopper = await browser.newContext();
  try {
    const store = await shopper.newPage();
    const started = store.waitForResponse((response) => response.url().endsWith("/api/widget/session") && response.ok());
    await store.goto("/demo-store");
    await store.getByTestId("counterpart-launcher").click();
    const { data: visitor } = (await (await started).json()) as { data: { buyer: { nickname: string } } };
    const widget = store.frameLocator("iframe.cp-frame");
    const storedInWidget = (text: string) => widget.getByTestId("message").filter({ hasText: text });
    const opening = `Hi from the storefront 👋 ${crypto.randomUUID().slice(0, 6)}`;
    await widget.getByRole("textbox", { name: "Message" }).fill(opening);
    await widget.getByRole("button", { name: "Send", exact: true }).click();
    await expect(storedInWidget(opening)).toBeVisible();

    // The chat arrives in Ava's Assigned list; she opens it from there.
    const { page } = ava;
    await expect(listRow(page, visitor.buyer.nickname)).toBeVisible();
    await openFromList(page, "Assigned", visitor.buyer.nickname);
    await expect(messageLog(page).getByText(opening)).toBeVisible();

    // Text and emoji both ways; opening the chat read the buyer's message, and the widget says so.
    await expect(storedInWidget(opening).getByTestId("read-state")).toHaveText(/Read/);
    await composer(page).fill("Welcome! How can I help? 😊");
    await composer(page).press("Enter");
    await expect(storedInWidget("Welcome! How can I help? 😊")).toBeVisible();
    // The buyer's open widget read Ava's reply: Read in the console.
    await expect(messageLog(page).locator('[data-author="agent"]').filter({ hasText: "Welcome! How can I help?" }).getByTestId("read-state")).toHaveText("· Read");
    await widget.getByRole("textbox", { name: "Message" }).fill("Do you have the kettle in black? 🖤");
    await widget.getByRole("button", { name: "Send", exact: true }).click();
    await expect(messageLog(page).getByText("Do you have the kettle in black? 🖤")).toBeVisible();

    // Images both ways. The buyer's photo arrives in the console...
    await widget.getByTestId("widget-file-input").setInputFiles({ name: "my-kitchen.png", mimeType: "image/png", buffer: PNG });
    await expect(messageLog(page).locator('[data-kind="image"][data-author="buyer"] img')).toBeVisible();
    // ...and Ava's upload shows its progress on a slow uplink, then reaches the widget.
    const cdp = await ava.context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 600 * 1024 });
    await chatWindow(page).getByTestId("attachment-input").setInputFiles({ name: "black-kettle.png", mimeType: "image/png", buffer: noisePng(700) });
    const progress = chatWindow(page).getByRole("progressbar", { name: "Uploading black-kettle.png" });
    await expect(progress).toBeVisible();
    await expect.poll(async () => Number(await progress.getAttribute("aria-valuenow").catch(() => "100")), { timeout: 15_000 }).toBeGreaterThan(0);
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await expect(messageLog(page).locator('[data-kind="image"][data-author="agent"] img')).toBeVisible({ timeout: 30_000 });
    await expect(widget.locator("[data-testid=message] img[src^='/api/uploads/']")).toHaveCount(2, { timeout: 15_000 });
    await expectSeqsUniqueAndOrdered(page);
  } finally {
    await shopper.close();
    await ava.context.close();
  }
});

test("CONSOLE-6 the composer counts to 4,000 characters and refuses more with a reason", async ({ browser, baseURL }) => {
  const ava = await openConsole(browser, DEMO.agent1);
  await waitForEligible(ava.page, ["Ava"]);
  const buyer = await Buyer.start(baseURL!);
  try {
    const first = await buyer.say("Quick question about sizes");
    await openChat(ava.page, first.conversationId);
    const { page } = ava;
    await composer(page).fill("x".repeat(4_000));
    await expect(page.getByTestId("char-counter")).toContainText("4,000 / 4,000");
    await expect(chatWindow(page).getByRole("button", { name: "Send", exact: true })).toBeEnabled();
    await composer(page).press("End");
    await composer(page).pressSequentially("y");
    await expect(page.getByTestId("char-counter")).toContainText("4,001 / 4,000");
    await expect(chatWindow(page).getByRole("button", { name: "Send", exact: true })).toBeDisabled();
    await expect(chatWindow(page).getByRole("alert")).toContainText("at most 4,000 characters");
    await composer(page).press("Enter");
    await expect(messageLog(page).getByTestId("pending-message")).toHaveCount(0);
  } finally {
    buyer.close();
    await ava.context.close();
  }
});

test("CHAT-3 after a disconnect the chat window resumes from its last message: nothing lost, nothing twice; a failed send retries with the same id", async ({ browser, baseURL }) => {
  const ava = await openConsole(browser, DEMO.agent1);
  await waitForEligible(ava.page, ["Ava"]);
  const buyer = await Buyer.start(baseURL!);
  try {
    const first = await buyer.say("Are you there?");
    await openChat(ava.page, first.conversationId);
    const { page, context } = ava;
    await expect(messageLog(page).locator(`[data-seq="${first.seq}"]`)).toBeVisible();

    await context.setOffline(true);
    await expect(page.getByTestId("connection-status")).toHaveText("Connecting…", { timeout: 30_000 });
    const missed = [await buyer.say("Missed one"), await buyer.say("Missed two"), await buyer.say("Missed three")];
    // Written while offline: the bubble waits, then fails with Retry.
    await composer(page).fill("Sorry, one moment");
    await composer(page).press("Enter");
    const pending = messageLog(page).getByTestId("pending-message");
    await expect(pending).toHaveCount(1);
    await expect(pending).toHaveAttribute("data-status", "failed", { timeout: 20_000 });
    await expect(pending.getByRole("button", { name: "Retry" })).toBeVisible();

    await context.setOffline(false);
    await expect(page.getByTestId("connection-status")).toHaveText("Connected", { timeout: 30_000 });
    for (const message of missed) await expect(messageLog(page).locator(`[data-seq="${message.seq}"]`)).toHaveCount(1);
    // The retry (if the buffered first attempt did not already land) reuses the client id. The
    // bubble can go between the count and the click (the first attempt landed): the click then
    // gives up after a few seconds instead of waiting for a button that is gone until the test's timeout.
    if (await pending.count()) await pending.getByRole("button", { name: "Retry" }).click({ timeout: 3_000 }).catch(() => undefined);
    await expect(pending).toHaveCount(0);
    await expect(messageLog(page).locator('[data-author="agent"]').filter({ hasText: "Sorry, one moment" })).toHaveCount(1);
    await expect.poll(() => buyer.messages.filter((message) => message.body === "Sorry, one moment").length).toBe(1);
    await expectSeqsUniqueAndOrdered(page);
  } finally {
    buyer.close();
    await ava.context.close();
  }
});

test("CONSOLE-6 history scrolls upwards without end: older pages load at the top, in order", async ({ browser, baseURL }) => {
  const ava = await openConsole(browser, DEMO.agent1);
  await waitForEligible(ava.page, ["Ava"]);
  const buyer = await Buyer.start(baseURL!);
  const cookies = (await ava.context.cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
  const agentSocket = io(`${baseURL}/console`, { extraHeaders: { cookie: cookies }, transports: ["websocket"], forceNew: true });
  const isReady = new Promise<void>((resolve, reject) => {
    agentSocket.once("console.ready", () => resolve());
    agentSocket.once("connect_error", (error) => reject(new Error(`agent socket refused: ${error.message}`)));
  });
  try {
    const first = await buyer.say("Message number zero");
    await expect.poll(() => buyer.sessionStates.at(-1)).toBe("open");
    await isReady;
    for (let index = 1; index <= 45; index++) {
      const reply = await new Promise<Ack<WireMessage>>((resolve) =>
        agentSocket.timeout(10_000).emit("message:send", { conversationId: first.conversationId, clientId: `hist${index}x${crypto.randomUUID().slice(0, 8)}`, content: { kind: "text", body: `Reply number ${index}` } }, (error: Error | null, ack: Ack<WireMessage>) =>
          resolve(error ? { ok: false, error: { code: "TIMEOUT", message: error.message } } : ack)),
      );
      expect(reply).toMatchObject({ ok: true });
    }
    await openChat(ava.page, first.conversationId);
    const { page } = ava;
    await expect(messageLog(page).getByText("Reply number 45")).toBeVisible();
    await expect(messageLog(page).getByText("Message number zero")).toHaveCount(0);
    for (let attempt = 0; attempt < 5 && !(await messageLog(page).getByText("Start of the conversation").isVisible()); attempt++) {
      await page.getByTestId("message-scroller").evaluate((element) => element.scrollTo({ top: 0 }));
      await page.waitForTimeout(400);
    }
    await expect(messageLog(page).getByText("Start of the conversation")).toBeVisible();
    await expect(messageLog(page).getByText("Message number zero")).toBeVisible();
    const seqs = await expectSeqsUniqueAndOrdered(page);
    expect(seqs[0]).toBe(1);
    expect(seqs.length).toBeGreaterThanOrEqual(47);
  } finally {
    agentSocket.disconnect();
    buyer.close();
    await ava.context.close();
  }
});

test("CHAT-5 CONSOLE-3 CHAT-7 star, category and ending with a confirmation", async ({ browser, baseURL }) => {
  const ava = await openConsole(browser, DEMO.agent1);
  await waitForEligible(ava.page, ["Ava"]);
  const buyer = await Buyer.start(baseURL!);
  try {
    const first = await buyer.say("My parcel is late");
    await openChat(ava.page, first.conversationId);
    const { page } = ava;

    const star = chatWindow(page).getByRole("button", { name: /Star for follow-up|Starred/ });
    await expect(star).toHaveAttribute("aria-pressed", "false");
    await star.click();
    await expect(star).toHaveAttribute("aria-pressed", "true");
    await chatWindow(page).getByLabel("Category").selectOption("logistics");

    // Both survive a reload: they were stored.
    await page.reload();
    await expect(page.getByTestId("chat-title")).toBeVisible();
    await expect(chatWindow(page).getByRole("button", { name: /Starred/ })).toHaveAttribute("aria-pressed", "true");
    await expect(chatWindow(page).getByLabel("Category")).toHaveValue("logistics");

    // End asks first; Escape cancels, the keyboard reaches every button.
    await chatWindow(page).getByRole("button", { name: "End chat" }).click();
    const confirm = page.getByRole("dialog", { name: "End this chat?" });
    await expect(confirm).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(confirm).toHaveCount(0);
    await expect(page.getByTestId("session-state")).toHaveText(/Ongoing/);

    await chatWindow(page).getByRole("button", { name: "End chat" }).click();
    await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(confirm.getByRole("button", { name: "End chat" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
    await confirm.getByRole("button", { name: "End chat" }).click();
    await expect(confirm).toHaveCount(0);
    await expect(page.getByTestId("session-state")).toHaveText("Ended");
    await expect(chatWindow(page).getByTestId("composer-blocked")).toContainText("This chat is closed");
    await expect(messageLog(page).getByTestId("system-note").filter({ hasText: /ended/i })).toBeVisible();
    // The buyer is asked to rate: their session is ended.
    await expect.poll(() => buyer.sessionStates.at(-1)).toBe("ended");
  } finally {
    buyer.close();
    await ava.context.close();
  }
});

test("CHAT-9 blocking the buyer from the buyer panel closes the chat and stops their messages", async ({ browser, baseURL }) => {
  const ava = await openConsole(browser, DEMO.agent1);
  await waitForEligible(ava.page, ["Ava"]);
  const buyer = await Buyer.start(baseURL!);
  try {
    const first = await buyer.say("You are all useless!!!");
    await openChat(ava.page, first.conversationId);
    const { page } = ava;
    await page.getByTestId("buyer-panel").getByRole("button", { name: "Block buyer" }).click();
    const dialog = page.getByRole("dialog", { name: `Block ${buyer.nickname}?` });
    await dialog.getByLabel(/Reason/).fill("Abusive language");
    await dialog.getByRole("button", { name: "Block buyer" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId("buyer-panel")).toContainText("Blocked");
    await expect(chatWindow(page).getByTestId("composer-blocked")).toContainText("This buyer is blocked");
    await expect(buyer.say("Hello?")).rejects.toThrow(/FORBIDDEN/);

    await page.getByTestId("buyer-panel").getByRole("button", { name: "Unblock buyer" }).click();
    await page.getByRole("dialog", { name: `Unblock ${buyer.nickname}?` }).getByRole("button", { name: "Unblock" }).click();
    await expect(page.getByTestId("buyer-panel").getByRole("button", { name: "Block buyer" })).toBeVisible();
  } finally {
    buyer.close();
    await ava.context.close();
  }
});

test("CHAT-6 ASSIGN-6 ASSIGN-8 Ava transfers a chat to Ben, who does not accept auto-assignment; Ben sees it arrive with the note", async ({ browser, baseURL }) => {
  const ava = await openConsole(browser, DEMO.agent1);
  await waitForEligible(ava.page, ["Ava"]);
  const buyer = await Buyer.start(baseURL!);
  // Routed to Ava while she is the only eligible member; then Ben opens his console.
  const first = await buyer.say("Can someone check my refund?");
  await expect.poll(() => buyer.sessionStates.at(-1)).toBe("open");
  const ben = await openConsole(browser, DEMO.agent2);
  const benSwitch = ben.page.getByRole("switch", { name: "Accept auto-assign chats" });
  try {
    // Ben stops accepting new chats: a transfer still reaches him (ASSIGN-6).
    await benSwitch.click();
    await expect(ben.page.getByText("Not accepting")).toBeVisible();

    await openChat(ava.page, first.conversationId);
    await expect(ava.page.getByTestId("session-state")).toHaveText(/assigned to you/);
    await chatWindow(ava.page).getByRole("button", { name: "Transfer" }).click();
    const dialog = ava.page.getByRole("dialog", { name: "Transfer chat" });
    await expect(dialog.getByRole("searchbox")).toBeFocused();
    await dialog.getByRole("searchbox").fill("be");
    const benOption = dialog.getByRole("radio", { name: /Ben/ });
    await expect(benOption).toContainText("Online");
    await expect(benOption).toContainText("Not accepting");
    await expect(benOption).toContainText(/\d+\/\d+/);
    await expect(dialog.getByRole("radio", { name: /Ava/ })).toHaveCount(0);
    await benOption.click();
    await expect(dialog.getByRole("radio", { name: "This chat only" })).toBeChecked();
    await dialog.getByRole("button", { name: "Transfer to Ben" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(ava.page.getByRole("status").filter({ hasText: "Chat transferred to Ben." })).toBeVisible();
    await expect(ava.page.getByText("Select a chat to start replying.")).toBeVisible();
    await expect(listRow(ava.page, buyer.nickname)).toHaveCount(0);

    // Ben has it in his Assigned list, with the note the buyer sees too, and the record of who moved it.
    await expect(listRow(ben.page, buyer.nickname)).toBeVisible();
    await openFromList(ben.page, "Assigned", buyer.nickname);
    await expect(ben.page.getByTestId("session-state")).toHaveText(/assigned to you/);
    await expect(messageLog(ben.page).getByTestId("system-note").filter({ hasText: "Ava transferred the chat to Ben" })).toBeVisible();
    await expect.poll(() => buyer.messages.some((message) => message.authorType === "system" && message.body === "Ava transferred the chat to Ben")).toBe(true);
    await expect(ben.page.getByTestId("assignment-record").filter({ hasText: "Transferred to Ben" })).toContainText("From Ava, by Ava");
    await expect(ben.page.getByTestId("assignment-record").filter({ hasText: "Assigned to Ava" })).toContainText(/Auto/);
    await composer(ben.page).fill("Hi, Ben here. Your refund is on its way.");
    await composer(ben.page).press("Enter");
    await expect.poll(() => buyer.messages.at(-1)?.body).toBe("Hi, Ben here. Your refund is on its way.");

  } finally {
    if ((await benSwitch.getAttribute("aria-checked")) === "false") {
      await benSwitch.click();
      await expect(ben.page.getByText("Accepting chats")).toBeVisible();
    }
    buyer.close();
    await ava.context.close();
    await ben.context.close();
  }
});

test("CHAT-6 TEAM-5 an owner with chat access management replies in Ava's chat, takes it with Transfer to me, and gets the pop-up after handing it on", async ({ browser, baseURL }) => {
  const ava = await openConsole(browser, DEMO.agent1);
  await waitForEligible(ava.page, ["Ava"]);
  const buyer = await Buyer.start(baseURL!);
  const first = await buyer.say("Could a manager look at my complaint?");
  await expect.poll(() => buyer.sessionStates.at(-1)).toBe("open");
  const owner = await openConsole(browser, DEMO.owner);
  try {
    await openFromList(owner.page, "All open", buyer.nickname);
    await expect(owner.page.getByTestId("session-state")).toHaveText(/Ava/);
    // Replying in a chat someone else holds: allowed for a chat manager, and the chat stays with Ava.
    await expect(owner.page.getByTestId("held-by-other")).toContainText("Ava holds this chat");
    await composer(owner.page).fill("Olivia here, the shop owner. I'm looking into it.");
    await composer(owner.page).press("Enter");
    await expect.poll(() => buyer.messages.at(-1)?.body).toBe("Olivia here, the shop owner. I'm looking into it.");
    await openChat(ava.page, first.conversationId);
    await expect(messageLog(ava.page)).toContainText("Olivia here, the shop owner.");
    await expect(ava.page.getByTestId("session-state")).toHaveText(/assigned to you/);

    // Transfer to me: the chat moves to the owner, and Ava can no longer reply.
    await chatWindow(owner.page).getByRole("button", { name: "Transfer to me" }).first().click();
    await expect(owner.page.getByTestId("session-state")).toHaveText(/assigned to you/);
    await expect(owner.page.getByTestId("held-by-other")).toHaveCount(0);
    await expect.poll(() => buyer.messages.some((message) => message.authorType === "system" && message.body === "Olivia took over the chat from Ava")).toBe(true);

    // Handing it on to Ben shows the pop-up, whose "Transfer to me" takes it back.
    await chatWindow(owner.page).getByRole("button", { name: "Transfer", exact: true }).click();
    const dialog = owner.page.getByRole("dialog", { name: "Transfer chat" });
    await dialog.getByRole("searchbox").fill("Ben");
    await dialog.getByRole("radio", { name: /Ben/ }).click();
    await dialog.getByRole("button", { name: "Transfer to Ben" }).click();
    const popup = owner.page.getByRole("dialog", { name: "Chat transferred" });
    await expect(popup).toContainText("transferred to Ben");
    await expect(popup.getByRole("button", { name: "Transfer to others" })).toBeVisible();
    await popup.getByRole("button", { name: "Transfer to me" }).click();
    await expect(popup).toHaveCount(0);
    await expect(owner.page.getByTestId("session-state")).toHaveText(/assigned to you/);
    await expect.poll(() => buyer.messages.some((message) => message.authorType === "system" && message.body === "Olivia took over the chat from Ben")).toBe(true);
  } finally {
    buyer.close();
    await ava.context.close();
    await owner.context.close();
  }
});

test("ASSIGN-4 a buyer writes while no agent is online: the chat waits in Unassigned until an agent opens the console", async ({ browser, baseURL }) => {
  const owner = await openConsole(browser, DEMO.owner);
  await waitForEligible(owner.page, []);
  const buyer = await Buyer.start(baseURL!);
  let chloe: Console | null = null;
  try {
    const first = await buyer.say("Hello? Anyone around tonight?");
    await expect.poll(() => buyer.sessionStates.at(-1)).toBe("queued");
    await openFromList(owner.page, "Unassigned", buyer.nickname);
    await expect(owner.page.getByTestId("session-state")).toHaveText("Waiting in Unassigned");

    chloe = await openConsole(browser, DEMO.agent3);
    // Chloe coming online drains the queue to her: it leaves Unassigned, the owner's window follows live.
    await expect(owner.page.getByTestId("session-state")).toHaveText("Ongoing · with Chloe");
    await expect(messageLog(owner.page).getByTestId("system-note").filter({ hasText: "Chloe joined the chat" })).toBeVisible();
    await expect(listRow(owner.page, buyer.nickname)).toHaveCount(0);
    await expect(listRow(chloe.page, buyer.nickname)).toBeVisible();
    await openFromList(chloe.page, "Assigned", buyer.nickname);
    await expect(chloe.page).toHaveURL(new RegExp(`c=${first.conversationId}`));
    await expect(chloe.page.getByTestId("session-state")).toHaveText(/assigned to you/);
    await expect(messageLog(chloe.page).getByText("Hello? Anyone around tonight?")).toBeVisible();
    await expect.poll(() => buyer.sessionStates.at(-1)).toBe("open");
  } finally {
    buyer.close();
    await owner.context.close();
    await chloe?.context.close();
  }
});

test("ASSIGN-5 CHAT-6 from Unassigned: assign to me, assign to another member, then transfer all my ongoing chats", async ({ browser, baseURL }) => {
  const admin = await openConsole(browser, DEMO.admin);
  await waitForEligible(admin.page, []);
  const buyers = [await Buyer.start(baseURL!), await Buyer.start(baseURL!), await Buyer.start(baseURL!)];
  try {
    const [mine, forBen, alsoMine] = await Promise.all(buyers.map((buyer, index) => buyer.say(`Queued question ${index + 1}`)));
    const { page } = admin;

    // Assign to me: the composer explains why it is closed, then opens.
    await openChat(page, mine!.conversationId);
    await expect(chatWindow(page).getByTestId("composer-blocked")).toContainText("Assign it to yourself to reply");
    await chatWindow(page).getByRole("button", { name: "Assign to me" }).first().click();
    await expect(page.getByTestId("session-state")).toHaveText(/assigned to you/);
    await expect(messageLog(page).getByTestId("system-note").filter({ hasText: "Adam joined the chat" })).toBeVisible();
    await composer(page).fill("Adam here, looking into it.");
    await composer(page).press("Enter");
    await expect.poll(() => buyers[0]!.messages.at(-1)?.body).toBe("Adam here, looking into it.");

    // Assign to… any active member, whatever their accept switch or presence.
    await openChat(page, forBen!.conversationId);
    await chatWindow(page).getByRole("button", { name: "Assign to…" }).click();
    const assign = page.getByRole("dialog", { name: "Assign chat" });
    await assign.getByRole("searchbox").fill("ben");
    await expect(assign.getByRole("radio", { name: /Ben/ })).toContainText("Offline");
    await assign.getByRole("radio", { name: /Ben/ }).click();
    await assign.getByRole("button", { name: "Assign to Ben" }).click();
    await expect(assign).toHaveCount(0);
    await expect(page.getByTestId("session-state")).toHaveText("Ongoing · with Ben");
    await expect(messageLog(page).getByTestId("system-note").filter({ hasText: "Adam assigned the chat to Ben" })).toBeVisible();
    await expect(page.getByTestId("assignment-record").filter({ hasText: "Assigned to Ben" })).toContainText("Manually, by Adam");

    // Transfer all my ongoing chats to Chloe (offline): both of Adam's chats move.
    await openChat(page, alsoMine!.conversationId);
    await chatWindow(page).getByRole("button", { name: "Assign to me" }).first().click();
    await expect(page.getByTestId("session-state")).toHaveText(/assigned to you/);
    await chatWindow(page).getByRole("button", { name: "Transfer" }).click();
    const transfer = page.getByRole("dialog", { name: "Transfer chat" });
    await transfer.getByRole("searchbox").fill("chl");
    await transfer.getByRole("radio", { name: /Chloe/ }).click();
    await transfer.getByText("All my ongoing chats").click();
    await transfer.getByRole("button", { name: "Transfer to Chloe" }).click();
    // Adam manages all chats, so he still sees them: the pop-up offers to take them back.
    const transferred = page.getByRole("dialog", { name: "Chat transferred" });
    await expect(transferred).toContainText("2 chats have been transferred to Chloe");
    await transferred.getByRole("button", { name: "Done" }).click();
    await expect(transferred).toHaveCount(0);
    for (const message of [mine!, alsoMine!]) {
      await openChat(page, message.conversationId);
      await expect(page.getByTestId("session-state")).toHaveText("Ongoing · with Chloe");
    }
  } finally {
    for (const buyer of buyers) buyer.close();
    await admin.context.close();
  }
});

test("CONSOLE-8 sound, desktop notification and tab badge for buyer messages outside the open chat, per the member's settings", async ({ browser, baseURL }) => {
  const ava = await openConsole(browser, DEMO.agent1, { initScript: recordNotificationsAndChimes });
  // This test is about buyer messages: assignments stay silent (the per-event test covers them).
  await putNotificationPrefs(ava.page, { ...ALL_NOTIFICATIONS_ON, events: { chat_assigned: { sound: false, desktop: false, badge: false } } });
  await ava.page.reload();
  const { page } = ava;
  await waitForEligible(page, ["Ava"]);
  const open = await Buyer.start(baseURL!);
  const other = await Buyer.start(baseURL!);
  const setHidden = (isHidden: boolean) => setTabHidden(page, isHidden);
  const notifications = () => recordedNotifications(page);
  const chimes = () => page.evaluate(() => (window as unknown as { __chimes: number }).__chimes);
  try {
    const first = await open.say("I am in the open chat");
    const otherFirst = await other.say("I am in another chat");
    await openChat(page, first.conversationId);

    // The desktop permission is asked from a button the member presses.
    const banner = page.getByRole("region", { name: "Desktop notifications" });
    await banner.getByRole("button", { name: "Turn on notifications" }).click();
    await expect(banner).toHaveCount(0);

    // A message in the open chat, tab visible: nothing.
    await expect(page).toHaveTitle(/^Console · Harbor & Pine/);
    await open.say("Still here");
    await expect(messageLog(page).getByText("Still here")).toBeVisible();
    await expect(page).toHaveTitle(/^Console · Harbor & Pine/);

    // Another chat: chime and badge, but no desktop notification while the tab is in front.
    await other.say("Hello from the other chat");
    await expect(page).toHaveTitle(/^\(1\) Console · Harbor & Pine · Counterpart$/);
    await expect.poll(chimes).toBeGreaterThanOrEqual(1);
    expect(await notifications()).toEqual([]);
    await other.say("And again");
    await expect(page).toHaveTitle(/^\(2\) Console/);

    // Tab in the background: a desktop notification with the buyer's name and text.
    await setHidden(true);
    await open.say("Are you still there?");
    await expect(page).toHaveTitle(/^\(3\) Console/);
    await expect.poll(notifications).toContainEqual({ title: `${open.nickname} · Harbor & Pine`, body: "Are you still there?" });
    // Back in front: the open chat is read, its count clears; the other chat's remains.
    await setHidden(false);
    await expect(page).toHaveTitle(/^\(2\) Console/);
    await openChat(page, otherFirst.conversationId);
    await expect(page).toHaveTitle(/^Console · Harbor & Pine/);

    // Preferences off: no sound, no badge.
    const saved = await page.request.put("/api/me/notifications", { data: { sound: false, desktop: false, badge: false } });
    expect(saved.ok()).toBe(true);
    await openChat(page, first.conversationId);
    const chimesBefore = await chimes();
    await other.say("Quietly");
    await page.waitForTimeout(1_500);
    await expect(page).toHaveTitle(/^Console · Harbor & Pine/);
    expect(await chimes()).toBe(chimesBefore);
  } finally {
    await putNotificationPrefs(page, ALL_NOTIFICATIONS_ON);
    open.close();
    other.close();
    await ava.context.close();
  }
});

test("SET-2 CONSOLE-8 per event: a chat assigned to Ava and one transferred to her announce themselves; an event she switched off stays silent", async ({ browser, baseURL }) => {
  const ava = await openConsole(browser, DEMO.agent1, { initScript: recordNotificationsAndChimes });
  const { page } = ava;
  await putNotificationPrefs(page, { ...ALL_NOTIFICATIONS_ON, events: { buyer_message: { sound: false, desktop: false, badge: false } } });
  await page.goto("/settings/notifications");
  const perEvent = page.getByRole("table", { name: "Notifications per event" });
  await expect(perEvent.getByRole("switch", { name: "Sound: New buyer message" })).toHaveAttribute("aria-checked", "false");
  await expect(perEvent.getByRole("switch", { name: "Desktop notifications: Chat transferred to me" })).toHaveAttribute("aria-checked", "true");
  await page.goto("/console");
  await waitForEligible(page, ["Ava"]);
  await page.getByRole("region", { name: "Desktop notifications" }).getByRole("button", { name: "Turn on notifications" }).click();
  const buyer = await Buyer.start(baseURL!);
  const owner = await openConsole(browser, DEMO.owner);
  try {
    await setTabHidden(page, true);
    const first = await buyer.say("Hello, is anyone there?");
    await expect.poll(() => recordedNotifications(page)).toContainEqual({ title: "New chat assigned to you · Harbor & Pine", body: `${buyer.nickname} is waiting for a reply.` });
    await expect(page).toHaveTitle(/^\(1\) Console/);
    await buyer.say("I have a question about a teapot.");
    await expect(page).toHaveTitle(/^\(1\) Console/);
    expect((await recordedNotifications(page)).some((shown) => shown.body === "I have a question about a teapot.")).toBe(false);
    await setTabHidden(page, false);
    // From the list, not by address: a new page would forget the granted permission of the fake.
    await openFromList(page, "Assigned", buyer.nickname);
    await expect(page).toHaveURL(new RegExp(`c=${first.conversationId}`));
    await expect(page).toHaveTitle(/^Console · Harbor & Pine/);

    // Olivia takes the chat and hands it back: Ava hears of the transfer, Olivia of nothing she did.
    await openFromList(owner.page, "All open", buyer.nickname);
    await chatWindow(owner.page).getByRole("button", { name: "Transfer to me" }).first().click();
    await expect(owner.page.getByTestId("session-state")).toHaveText(/assigned to you/);
    await setTabHidden(page, true);
    await chatWindow(owner.page).getByRole("button", { name: "Transfer", exact: true }).click();
    const dialog = owner.page.getByRole("dialog", { name: "Transfer chat" });
    await dialog.getByRole("searchbox").fill("Ava");
    await dialog.getByRole("radio", { name: /Ava/ }).click();
    await dialog.getByRole("button", { name: "Transfer to Ava" }).click();
    await expect.poll(() => recordedNotifications(page)).toContainEqual({ title: "Chat transferred to you · Harbor & Pine", body: `${buyer.nickname}'s chat is now yours.` });
    await expect(page).toHaveTitle(/^\(1\) Console/);
    await expect(owner.page).toHaveTitle(/^Console · Harbor & Pine/);
  } finally {
    await putNotificationPrefs(page, ALL_NOTIFICATIONS_ON);
    buyer.close();
    await ava.context.close();
    await owner.context.close();
  }
});

test("CONSOLE-6 CONSOLE-7 WIDGET-2 the buyer panel shows what the buyer was viewing; the workbench sends cards into the chat (screenshot)", async ({ browser, baseURL }) => {
  const ava = await openConsole(browser, DEMO.agent1);
  const { page } = ava;
  await waitForEligible(page, ["Ava"]);
  const products = (await (await page.request.get("/api/workbench/products")).json()) as { data: { products: Array<{ id: string; name: string }> } };
  const viewed = products.data.products[0]!;
  const other = products.data.products[1]!;
  const buyer = await Buyer.start(baseURL!);
  try {
    const first = await buyer.command<WireMessage>("message:send", {
      clientId: `buyer${crypto.randomUUID().replaceAll("-", "")}`,
      content: { kind: "text", body: "Hi! Is this dishwasher safe? ☕" },
      context: { productId: viewed.id },
    });
    await openChat(page, first.conversationId);
    const panel = page.getByTestId("buyer-panel");
    await expect(panel.getByTestId("product-card")).toContainText(viewed.name);
    await expect(chatWindow(page).getByLabel("Category")).toHaveValue("pre_purchase");

    await composer(page).fill("Hello! It is best washed by hand with warm water, then dried so it never rusts. 😊");
    await composer(page).press("Enter");
    await expect(messageLog(page).locator('[data-kind="text"]').getByText("It is best washed by hand")).toBeVisible();
    const workbench = page.getByTestId("workbench-panel");
    await workbench.getByRole("tab", { name: "Products" }).click();
    await workbench.getByRole("button", { name: `Send ${other.name}` }).click();
    await expect(messageLog(page).locator('[data-kind="product_card"]')).toContainText(other.name);
    await expect.poll(() => buyer.messages.at(-1)?.kind).toBe("product_card");
    await workbench.getByRole("tab", { name: "Vouchers" }).click();
    await workbench.getByRole("button", { name: /^Send voucher / }).first().click();
    await expect(messageLog(page).locator('[data-kind="voucher_card"]')).toBeVisible();
    await expect.poll(() => buyer.messages.at(-1)?.kind).toBe("voucher_card");

    await buyer.say("Perfect, thank you.\nDo you ship to Canada?");
    await expect(messageLog(page).getByText("Do you ship to Canada?")).toBeVisible();
    await buyer.read(Math.max(...buyer.messages.map((message) => message.seq)));
    await expect(messageLog(page).getByTestId("read-state").last()).toHaveText("· Read");
    await page.screenshot({ path: "/tmp/console.png" });
  } finally {
    buyer.close();
    await ava.context.close();
  }
});
