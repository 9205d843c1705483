// ANALYTICS-1..4 in Chromium on the demo shop: the owner opens Service analytics, changes the
// range (the figures follow), sees the trend chart, sorts the per-agent table and downloads the
// CSV of the same range; an agent sees only their own figures. Seed: Ben's chat ended and rated
// 5 three days ago, Ava holds an open chat she replied to five hours ago.
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { DEMO, signInAs } from "./support";

test("ANALYTICS-1 ANALYTICS-2 ANALYTICS-4 the owner changes the range, sees the chart and downloads the CSV", async ({ page }) => {
  await signInAs(page, DEMO.owner);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Analytics" }).click();
  await expect(page.getByRole("heading", { name: "Service analytics" })).toBeVisible();
  await expect(page.getByTestId("range-summary")).toContainText("Whole shop");

  // 7 days (the default) holds Ben's rating; today does not.
  await expect(page.getByRole("button", { name: "7 days" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("figure-satisfaction")).toHaveText("100.0%");
  await page.getByRole("button", { name: "Today" }).click();
  await expect(page.getByRole("button", { name: "Today" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("figure-satisfaction")).toHaveText("—");
  await page.getByRole("button", { name: "30 days" }).click();
  await expect(page.getByTestId("figure-satisfaction")).toHaveText("100.0%");
  await expect(page.locator("[data-figure=satisfaction]")).toContainText("Ratings of 4 (satisfied) or 5 (very satisfied)");

  // A custom range: just today (the last day the 30-day preset showed).
  const today = await page.getByLabel("To", { exact: true }).inputValue();
  await page.getByLabel("From", { exact: true }).fill(today);
  await page.getByRole("button", { name: "Apply custom range" }).click();
  await expect(page.getByTestId("range-summary")).toContainText(`Whole shop, ${today} (`);
  await expect(page.getByTestId("figure-satisfaction")).toHaveText("—");
  await page.getByRole("button", { name: "30 days" }).click();
  await expect(page.getByTestId("figure-satisfaction")).toHaveText("100.0%");

  // The daily trend is drawn (an SVG line with one point a day).
  const chart = page.getByTestId("trend-chart");
  await expect(chart.locator("svg.recharts-surface")).toBeVisible();
  await expect(chart.locator(".recharts-line-curve")).toHaveCount(1);
  await page.getByRole("region", { name: "Daily trend" }).getByRole("combobox").selectOption({ label: "Chats handled" });
  await expect(chart).toHaveAttribute("aria-label", "Chats handled per day");

  // The per-agent table sorts by a column header.
  const table = page.getByRole("region", { name: "Per agent" });
  await expect(table.getByRole("rowheader", { name: "Ava" })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: "Ben" })).toBeVisible();
  await table.getByRole("button", { name: /^Agent/ }).click();
  await expect(table.getByRole("columnheader", { name: /Agent/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(table.getByRole("rowheader").first()).toHaveText("Ava");
  await table.getByRole("button", { name: /^Agent/ }).click();
  await expect(table.getByRole("columnheader", { name: /Agent/ })).toHaveAttribute("aria-sort", "descending");
  await expect(table.getByRole("rowheader").first()).not.toHaveText("Ava");

  // The CSV of the chosen range, with the same satisfaction as the card.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^analytics-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = fs.readFileSync((await file.path())!, "utf8").trim().split("\n").map((line) => line.split(","));
  const header = lines[0]!;
  expect(header.slice(0, 4)).toEqual(["section", "day", "member_id", "agent"]);
  const total = lines.find((line) => line[0] === "total")!;
  expect(total[header.indexOf("satisfaction_rate")]).toBe("1.000000");
  expect(lines.filter((line) => line[0] === "day")).toHaveLength(30);
  expect(lines.some((line) => line[0] === "agent" && line[3] === "Ben")).toBe(true);
});

test("ANALYTICS-4 an agent sees only their own figures", async ({ page }) => {
  await signInAs(page, DEMO.agent1);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Analytics" }).click();
  await expect(page.getByRole("heading", { name: "Service analytics" })).toBeVisible();
  await expect(page.getByTestId("range-summary")).toContainText("Your own figures");
  // Ben's rating is not Ava's: her satisfaction has nothing to divide.
  await expect(page.getByTestId("figure-satisfaction")).toHaveText("—");
  await expect(page.getByTestId("figure-sessionsHandled")).toHaveText("1");
  const table = page.getByRole("region", { name: "Per agent" });
  await expect(table.getByRole("rowheader")).toHaveCount(1);
  await expect(table.getByRole("rowheader", { name: "Ava" })).toBeVisible();
  await expect(table.getByText("Ben")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Download CSV" })).toHaveCount(0);
});

test("ANALYTICS-4 the open page reads the figures again every minute, without a reload", async ({ page }) => {
  await page.clock.install();
  await signInAs(page, DEMO.admin);
  await page.goto("/analytics");
  await expect(page.getByTestId("figure-satisfaction")).toHaveText("100.0%");
  const navigations: string[] = [];
  page.on("framenavigated", (frame) => { if (frame === page.mainFrame()) navigations.push(frame.url()); });
  const refreshed = page.waitForResponse((response) => response.url().includes("/api/analytics?preset=7d") && response.status() === 200);
  await page.clock.fastForward(60_000);
  await refreshed;
  await expect(page.getByTestId("figure-satisfaction")).toHaveText("100.0%");
  expect(navigations).toEqual([]);
});
