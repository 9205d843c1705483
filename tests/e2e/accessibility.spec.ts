// NF-5: no serious or critical axe-core violations (WCAG 2.1 A and AA rules) on any page a
// person reaches: signed out, in the console with a chat open, every settings page, analytics,
// and the widget on the demo storefront.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { SocketBuyer } from "./socket-buyer";
import { DEMO, openDemoWidget, signInAs } from "./support";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** The serious and critical violations, each with the elements concerned, readable in a failure. */
async function seriousViolations(page: Page): Promise<string[]> {
  // axe also checks inside iframes, so the widget is checked with the storefront around it.
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.slice(0, 8).map(describeNode).join("; ")}`);
}

/** The element, and for contrast the colours and ratio axe measured, so a failure says what to fix. */
function describeNode(node: { target: unknown[]; html: string; any: Array<{ data?: unknown }> }): string {
  const data = node.any[0]?.data as { fgColor?: string; bgColor?: string; contrastRatio?: number } | undefined;
  const contrast = data?.fgColor ? ` [${data.fgColor} on ${data.bgColor}, ${data.contrastRatio}:1]` : "";
  return `${node.target.join(" ")} ${node.html.slice(0, 80)}${contrast}`;
}

test.describe("NF-5 accessibility", () => {
  for (const path of ["/sign-in", "/sign-up", "/forgot-password"]) {
    test(`NF-5 ${path} has no serious or critical axe violations`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("main")).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  test("NF-5 the console, with the chat list, an open chat and the workbench, has no serious or critical axe violations", async ({ page, baseURL }) => {
    await signInAs(page, DEMO.agent1);
    const buyer = await SocketBuyer.start(baseURL!);
    try {
      const first = await buyer.say("Hello! Does the kettle come with a warranty?");
      await page.goto(`/console?c=${first.conversationId}`);
      await expect(page.getByTestId("chat-title")).toBeVisible();
      await expect(page.getByRole("log", { name: "Messages" }).getByText("Does the kettle come with a warranty?")).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      // The emoji picker open, with its list loaded; Escape closes it and focus returns to its button.
      const emojiButton = page.getByRole("button", { name: "Insert emoji" });
      await emojiButton.click();
      const picker = page.getByRole("dialog", { name: "Emoji picker" });
      await expect(picker.getByRole("gridcell").first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      // From the search box the arrow keys move the highlight, and the list follows it.
      // (A key at a time, as a person reads each step: the list renders only the rows near the view.)
      const highlightedRow = picker.getByRole("row").filter({ has: page.getByRole("gridcell", { selected: true }) });
      for (let row = 1; row <= 12; row++) {
        await page.keyboard.press("ArrowDown");
        await expect(highlightedRow).toHaveAttribute("aria-rowindex", String(row));
        await expect(picker.getByRole("gridcell", { selected: true })).toBeInViewport({ ratio: 1 });
      }
      await page.keyboard.press("Escape");
      await expect(picker).toHaveCount(0);
      await expect(emojiButton).toBeFocused();
    } finally {
      buyer.close();
    }
  });

  const SETTINGS_PAGES = [
    "/settings/personal",
    "/settings/notifications",
    "/settings/shop",
    "/settings/team",
    "/settings/agent",
    "/settings/automation",
    "/settings/automation/greeting",
    "/settings/automation/chatbot",
    "/settings/automation/proactive",
    "/settings/saved-replies",
    "/settings/faq",
    "/settings/blocked-buyers",
    "/settings/outbox",
    "/settings/api",
    "/settings/getting-started",
    "/analytics",
  ];

  test("NF-5 every settings page and analytics has no serious or critical axe violations, as the owner", async ({ page }) => {
    test.setTimeout(120_000);
    await signInAs(page, DEMO.owner);
    const found: Record<string, string[]> = {};
    for (const path of SETTINGS_PAGES) {
      await page.goto(path);
      await expect(page.getByRole("main")).toBeVisible();
      await page.waitForLoadState("networkidle");
      const violations = await seriousViolations(page);
      if (violations.length > 0) found[path] = violations;
    }
    expect(found).toEqual({});
  });

  test("NF-5 the widget on the demo storefront has no serious or critical axe violations", async ({ page }) => {
    const frame = await openDemoWidget(page);
    await expect(frame.getByRole("textbox", { name: "Message" })).toBeEditable();
    expect(await seriousViolations(page)).toEqual([]);
    // The emoji picker open: the grid of emoji from the self-hosted data.
    const emojiButton = frame.getByRole("button", { name: "Add emoji" });
    await emojiButton.click();
    const picker = frame.getByRole("dialog", { name: "Emoji picker" });
    await expect(picker.getByRole("gridcell").first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await expect(picker).toHaveCount(0);
    await expect(emojiButton).toBeFocused();
  });
});
