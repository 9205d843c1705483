import { expect, type FrameLocator, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "counterpart-demo";
export const DEMO = {
  owner: "owner@demo.counterpart.local",
  admin: "admin@demo.counterpart.local",
  agent1: "agent1@demo.counterpart.local",
  agent2: "agent2@demo.counterpart.local",
  agent3: "agent3@demo.counterpart.local",
} as const;

/** Signs in through the form, as a person does, and waits for the console. */
export async function signInAs(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/console$/);
  await expect(page.getByTestId("connection-status")).toHaveText("Connected");
}

/** The demo storefront with the chat opened: the widget's frame, ready for typing. */
export async function openDemoWidget(page: Page): Promise<FrameLocator> {
  await page.goto("/demo-store");
  await page.getByTestId("counterpart-launcher").click();
  const frame = page.frameLocator("iframe.cp-frame");
  await expect(frame.getByRole("textbox", { name: "Message" })).toBeEditable();
  return frame;
}

/**
 * Waits until exactly these members could take auto-assigned chats (online with accept on), as
 * the console's member list says. Up to 45 s: beyond the presence grace of a console an earlier
 * spec closed (its socket may only be given up after the transport's ping timeout).
 */
export async function waitForEligible(page: Page, nicknames: string[]): Promise<void> {
  await expect
    .poll(async () => {
      const response = await page.request.get("/api/console/members");
      const { data } = (await response.json()) as { data: { members: Array<{ nickname: string; isOnline: boolean; acceptAutoAssign: boolean }> } };
      return data.members.filter((member) => member.isOnline && member.acceptAutoAssign).map((member) => member.nickname).sort();
    }, { timeout: 45_000 })
    .toEqual([...nicknames].sort());
}

/** NF-5: sets the signed-in member's language (SET-1) through the product's own API. */
export async function setMemberLanguage(page: Page, defaultLanguage: "en" | "es"): Promise<void> {
  const response = await page.request.patch("/api/me", { data: { defaultLanguage } });
  expect(response.ok(), await response.text()).toBe(true);
}
