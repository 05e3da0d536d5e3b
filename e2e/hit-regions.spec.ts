import { expect, test } from "@playwright/test";

test("a result card shows 嘉善 among its region chips whenever the article names 嘉善", async ({ page }) => {
  await page.goto(`/?q=${encodeURIComponent("嘉善")}`);
  // data-regions lists every region the article names; the card shows the first few as chips.
  const naming = page.locator('[data-testid="hit"][data-regions~="region:330421"]');
  expect(await naming.count()).toBeGreaterThanOrEqual(3);
  for (const card of await naming.all()) {
    const title = await card.getByTestId("hit-link").textContent();
    await expect(card.locator('.chip[data-kind="region"]').getByText("嘉善", { exact: true }), `card: ${title}`).toHaveCount(1);
  }
});
