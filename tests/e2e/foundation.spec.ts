// Issue 2: sign in as a seeded member and see the console; a wrong password shows the error;
// an unauthenticated socket is refused.
import { expect, test } from "@playwright/test";
import { io } from "socket.io-client";
import { DEMO, signInAs } from "./support";

test("a seeded agent signs in and sees the console frame", async ({ page }) => {
  await signInAs(page, DEMO.agent1);
  await expect(page.getByTestId("shop-name")).toHaveText("Harbor & Pine");
  await expect(page.getByRole("region", { name: "Chat list" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Chat window" })).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Workbench" })).toBeVisible();
  await expect(page.getByRole("tab", { name: "Unassigned" })).toBeVisible();
  await expect(page.getByRole("switch", { name: "Accept auto-assign chats" })).toBeVisible();
  // ANALYTICS-4: agents get Analytics for their own figures (analytics:read_own).
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Analytics" })).toBeVisible();

  await page.getByRole("button", { name: /Account menu/ }).click();
  await expect(page.getByTestId("member-nickname")).toHaveText("Ava");
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/console");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("TEAM-1 owners and admins also see Settings and Analytics", async ({ page }) => {
  await signInAs(page, DEMO.owner);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Settings" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Analytics" })).toBeVisible();
});

test("the accept switch keeps its state across a reload (ASSIGN-6)", async ({ page }) => {
  await signInAs(page, DEMO.agent2);
  const toggle = page.getByRole("switch", { name: "Accept auto-assign chats" });
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  // The switch answers at once; the reload waits for the server to have stored the change.
  const saved = page.waitForResponse((response) => response.url().endsWith("/api/console/me") && response.request().method() === "PATCH");
  await toggle.click();
  await expect(page.getByText("Not accepting")).toBeVisible();
  expect((await saved).ok()).toBe(true);
  await page.reload();
  await expect(page.getByRole("switch", { name: "Accept auto-assign chats" })).toHaveAttribute("aria-checked", "false");
  await page.getByRole("switch", { name: "Accept auto-assign chats" }).click();
  await expect(page.getByText("Accepting chats")).toBeVisible();
});

test("a wrong password shows a clear error and reveals nothing more", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(DEMO.agent1);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("The email or password is incorrect.");
  await expect(page).toHaveURL(/\/sign-in/);

  await page.getByLabel("Email").fill("nobody@example.com");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("The email or password is incorrect.");
});

test("the form explains a malformed email before sending anything", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("not an email");
  await page.getByLabel("Password").fill("x");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
});

test("an unauthenticated socket is refused", async ({ baseURL }) => {
  const error = await new Promise<string>((resolve) => {
    const socket = io(`${baseURL}/console`, { reconnection: false });
    socket.on("connect", () => resolve("connected"));
    socket.on("connect_error", (reason) => resolve(reason.message));
  });
  expect(error).toBe("unauthorized");
});

test("an unauthenticated API call gets 401 with a clear message", async ({ request }) => {
  const response = await request.patch("/api/console/me", { data: { acceptAutoAssign: false } });
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: "Sign in to continue." } });
});
