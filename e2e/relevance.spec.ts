import { expect, test } from "@playwright/test";
import { watchConsole } from "./helpers";

// e2e/fixtures/offtopic-cold-wave.html is a composed off-topic page (a cold-wave warning) with one dated event.
const EVENT = /中央气象台发布寒潮蓝色预警/;

test("off-topic articles stay off the timeline until the toggle brings them back", async ({ page }) => {
  const console = watchConsole(page);
  await page.goto("/timeline");
  const milestones = page.getByTestId("milestone");
  expect(await milestones.count()).toBeGreaterThan(0);
  await expect(milestones.filter({ hasText: EVENT })).toHaveCount(0);

  const toggle = page.getByTestId("offtopic-toggle");
  await expect(toggle).toBeVisible();
  await expect(toggle).toHaveAttribute("data-shown", "false");
  const before = await milestones.count();
  await page.getByTestId("offtopic-show").click();
  await expect(page).toHaveURL(/[?&]offtopic=1/);
  await expect(milestones.filter({ hasText: EVENT })).toHaveCount(1);
  expect(await milestones.count()).toBeGreaterThan(before);

  // The state survives filtering with the form, and the other link hides them again.
  await page.getByTestId("filter-submit").click();
  await expect(page).toHaveURL(/[?&]offtopic=1/);
  await expect(milestones.filter({ hasText: EVENT })).toHaveCount(1);
  await page.getByTestId("offtopic-hide").click();
  await expect(page).not.toHaveURL(/offtopic=/);
  await expect(milestones.filter({ hasText: EVENT })).toHaveCount(0);
  console.expectNone();
});

test("the article page shows the score; search still finds the article", async ({ page }) => {
  await page.goto("/?q=寒潮蓝色预警");
  const hit = page.getByRole("link", { name: /寒潮蓝色预警发布/ }).first();
  await expect(hit).toBeVisible();
  await hit.click();
  await expect(page.getByTestId("article-relevance")).toContainText("关系不大");
  await expect(page.getByTestId("offtopic-notice")).toBeVisible();
});

test("a bad toggle value is a Chinese error, not a crash", async ({ request }) => {
  const r = await request.get("/api/timeline?offtopic=yes");
  expect(r.status()).toBe(400);
  expect(((await r.json()) as { message: string }).message).toMatch(/offtopic/);
});
