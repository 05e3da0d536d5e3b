import { devices, expect, test } from "@playwright/test";
import { resultCount, watchConsole } from "./helpers";

// A phone, without JavaScript: the filters must be reachable from the top of the page with plain links and forms.
const { defaultBrowserType: _browser, ...pixel7 } = devices["Pixel 7"];
test.use({ ...pixel7, javaScriptEnabled: false });

test("search on a phone: 筛选 at the top of the results leads to the filters, which narrow the results", async ({ page }) => {
  const console = watchConsole(page);
  await page.goto("/?q=%E7%A4%BA%E8%8C%83%E5%8C%BA");
  const before = await resultCount(page);
  expect(before).toBeGreaterThan(1);
  // The filters sit below every result, out of sight; the way to them is in sight at the top.
  await expect(page.getByTestId("facets")).not.toBeInViewport();
  const jump = page.getByTestId("filters-jump");
  await expect(jump).toBeInViewport();
  await jump.click();
  await expect(page).toHaveURL(/#facets$/);
  await expect(page.getByTestId("facet-group-region")).toBeInViewport();

  // A region that narrows the results; its count is what the filtered search returns.
  const values = await page.getByTestId("facet-region").evaluateAll((els) => els.map((e) => ({ value: e.getAttribute("data-value")!, count: Number(e.querySelector("span:last-child")?.textContent) })));
  const pick = values.find((v) => v.count < before);
  expect(pick, "a region value that narrows the results").toBeTruthy();
  await page.locator(`[data-testid="facet-region"][data-value="${pick!.value}"]`).click();
  await expect(page).toHaveURL(/[?&]region=/);
  expect(new URL(page.url()).searchParams.getAll("region")).toEqual([pick!.value]);
  expect(await resultCount(page)).toBe(pick!.count);
  // Back at the top of the new results, the way to the filters says one is applied.
  await expect(page.getByTestId("filters-jump")).toBeInViewport();
  await expect(page.getByTestId("filters-jump")).toContainText("已选 1");
  console.expectNone();
});

test("timeline on a phone: the filters are at the top and narrow the milestones", async ({ page }) => {
  const console = watchConsole(page);
  await page.goto("/timeline");
  const all = await page.getByTestId("milestone").count();
  expect(all).toBeGreaterThan(1);
  await expect(page.getByTestId("filter-topic")).toBeInViewport();
  await expect(page.getByTestId("filter-submit")).toBeInViewport();

  const topics = await page.getByTestId("filter-topic").locator("option").evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value).filter(Boolean));
  let count = all;
  for (const topic of topics) {
    await page.goto("/timeline");
    await page.getByTestId("filter-topic").selectOption(topic);
    await page.getByTestId("filter-submit").click();
    await expect(page).toHaveURL(new RegExp(`topic=${encodeURIComponent(topic)}`));
    count = await page.getByTestId("milestone").count();
    if (count < all) break;
  }
  expect(count).toBeLessThan(all);
  expect(count).toBeGreaterThan(0);
  console.expectNone();
});
