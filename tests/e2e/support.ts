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

/** NF-5: sets the signed-in member's language (SET-1) through the product's own API. */
export async function setMemberLanguage(page: Page, defaultLanguage: "en" | "es"): Promise<void> {
  const response = await page.request.patch("/api/me", { data: { defaultLanguage } });
  expect(response.ok(), await response.text()).toBe(true);
}
