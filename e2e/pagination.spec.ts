import { expect, test, type Page } from "@playwright/test";
import { resultCount, watchConsole } from "./helpers";

async function hitIds(page: Page): Promise<string[]> {
  return page.getByTestId("hit-link").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
}

/** Tab until the focused element has this data-testid; false if it never gets focus. */
async function tabTo(page: Page, testId: string, max = 120): Promise<boolean> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if ((await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))) === testId) return true;
  }
  return false;
}

test("pageSize in the URL pages through the hits; previous and next work from the keyboard", async ({ page }) => {
  const console = watchConsole(page);
  await page.goto(`/?q=${encodeURIComponent("长三角")}&pageSize=2`);
  const total = await resultCount(page);
  expect(total).toBeGreaterThan(2);
  const first = await hitIds(page);
  expect(first).toHaveLength(2);
  await expect(page.getByTestId("page-current")).toHaveText("1");
  await expect(page.getByTestId("page-prev-disabled")).toBeVisible();
  await expect(page.getByTestId("pagination").getByRole("link")).not.toHaveCount(0);

  // Next, by keyboard.
  expect(await tabTo(page, "page-next")).toBe(true);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);
  const url = new URL(page.url());
  expect(url.searchParams.get("pageSize")).toBe("2");
  expect(url.searchParams.get("q")).toBe("长三角");
  await expect(page.getByTestId("page-current")).toHaveText("2");
  expect(await resultCount(page)).toBe(total);
  const second = await hitIds(page);
  expect(second.length).toBeGreaterThan(0);
  expect(second.length).toBeLessThanOrEqual(2);
  expect(second.filter((id) => first.includes(id))).toEqual([]);
  // The list numbering continues from page 1.
  await expect(page.getByTestId("hits")).toHaveAttribute("start", "3");

  // Previous, by keyboard, comes back to the same first page.
  expect(await tabTo(page, "page-prev")).toBe(true);
  await page.keyboard.press("Enter");
  await expect(page).not.toHaveURL(/[?&]page=/);
  await expect(page.getByTestId("page-current")).toHaveText("1");
  expect(await hitIds(page)).toEqual(first);

  // The last page, by its number: no next link there, and every hit seen exactly once.
  const last = Math.ceil(total / 2);
  const seen = new Set(first);
  for (let n = 2; n <= last; n++) {
    await page.getByTestId("pagination").getByRole("link", { name: `第 ${n} 页` }).click();
    await expect(page.getByTestId("page-current")).toHaveText(String(n));
    for (const id of await hitIds(page)) {
      expect(seen.has(id), `${id} shown on two pages`).toBe(false);
      seen.add(id);
    }
  }
  expect(seen.size).toBe(total);
  await expect(page.getByTestId("page-next-disabled")).toBeVisible();
  await expect(page.getByTestId("page-next")).toHaveCount(0);
  console.expectNone();
});
