// TEAM-5 in Chromium: when an owner grants or removes a role's chat access, or changes a member's
// role, that member's open console follows at once: the All open list appears or goes, and the
// list shown is refetched, without a tab change or a reload (the `access.changed` event).
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO, signInAs } from "./support";

async function ownerPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, DEMO.owner);
  return page;
}

async function setChatAccess(owner: Page, chatAccessRoles: string[]): Promise<void> {
  const response = await owner.request.put("/api/team/agent-settings", { data: { assignmentMode: "lowest_workload", chatAccessRoles } });
  expect(response.ok()).toBe(true);
}

test.describe("TEAM-5 live lists on access change", () => {
  test("TEAM-5: an agent's open console shows the All open list the moment agents are granted chat access, and loses it, with the list refetched, the moment it is removed", async ({ page, browser }) => {
    const owner = await ownerPage(browser);
    await signInAs(page, DEMO.agent2);
    const region = page.getByRole("region", { name: "Chat list" });
    const allOpen = region.getByRole("tab", { name: /^All open/ });
    await expect(region.getByRole("tab", { name: /^Assigned/ })).toBeVisible();
    await expect(allOpen).toHaveCount(0);

    await setChatAccess(owner, ["agent"]);
    await expect(allOpen).toBeVisible();
    await allOpen.click();
    // Mia's chat is Ava's: Ben sees it only through chat access.
    const miasRow = region.getByRole("option").filter({ hasText: "mia_reads" });
    await expect(miasRow).toHaveCount(1);

    try {
      await setChatAccess(owner, ["owner", "admin"]);
      // No tab change, no reload: the All open list goes and the list shown is Assigned again.
      await expect(allOpen).toHaveCount(0);
      await expect(region.getByRole("tab", { name: /^Assigned/ })).toHaveAttribute("aria-selected", "true");
      await expect(miasRow).toHaveCount(0);
    } finally {
      await setChatAccess(owner, ["owner", "admin"]);
      await owner.context().close();
    }
  });

  test("TEAM-5 TEAM-3: an admin made an agent loses the All open list at once, and gets it back when made admin again", async ({ page, browser }) => {
    const owner = await ownerPage(browser);
    const members = (await (await owner.request.get("/api/team/members")).json()).data.members as Array<{ memberId: string; email: string }>;
    const adminId = members.find((member) => member.email === DEMO.admin)!.memberId;
    await signInAs(page, DEMO.admin);
    const region = page.getByRole("region", { name: "Chat list" });
    const allOpen = region.getByRole("tab", { name: /^All open/ });
    await allOpen.click();
    await expect(region.getByRole("option").filter({ hasText: "mia_reads" })).toHaveCount(1);

    try {
      expect((await owner.request.put(`/api/team/members/${adminId}/role`, { data: { role: "agent" } })).ok()).toBe(true);
      await expect(allOpen).toHaveCount(0);
      await expect(region.getByRole("option").filter({ hasText: "mia_reads" })).toHaveCount(0);
    } finally {
      expect((await owner.request.put(`/api/team/members/${adminId}/role`, { data: { role: "admin" } })).ok()).toBe(true);
    }
    await expect(allOpen).toBeVisible();
    await owner.context().close();
  });
});
