import * as OpenCC from "opencc-js";
import { expect, test, type Page } from "@playwright/test";
import { resultCount, screenshotBoth, watchConsole } from "./helpers";

const START = `/?q=${encodeURIComponent("长三角")}&sort=newest&pageSize=2`;

async function regionLabels(page: Page): Promise<string[]> {
  return page.getByTestId("facet-region").evaluateAll((els) => els.map((e) => e.getAttribute("data-label") ?? ""));
}

/** A region name that some, but not all, listed region values contain. */
function narrowingText(labels: string[]): string {
  const pick = labels.find((l) => l && labels.filter((o) => o.includes(l)).length < labels.length);
  if (!pick) throw new Error(`no region label narrows the list: ${labels.join(" ")}`);
  return pick;
}

/** Select the most frequent topic (a link, works without JavaScript) so there is a filter to keep. */
async function selectTopTopic(page: Page): Promise<string> {
  const topic = page.getByTestId("facet-topic").first();
  const value = (await topic.getAttribute("data-value"))!;
  await topic.click();
  await expect(page).toHaveURL(/[?&]topic=/);
  return value;
}

test.describe("narrowing the region facet without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a GET form sets regionQuery, keeps the other URL parameters and lists only matching regions", async ({ page }) => {
    await page.goto(START);
    const topic = await selectTopTopic(page);
    const total = await resultCount(page);
    const before = await regionLabels(page);
    const text = narrowingText(before);
    const hitsBefore = await page.getByTestId("hit-link").allTextContents();

    const box = page.getByRole("searchbox", { name: "筛选地区" });
    await expect(box).toBeVisible();
    await box.fill(text);
    await box.press("Enter");
    await expect(page).toHaveURL(/[?&]regionQuery=/);

    const url = new URL(page.url());
    expect(url.searchParams.get("regionQuery")).toBe(text);
    expect(url.searchParams.get("q")).toBe("长三角");
    expect(url.searchParams.get("sort")).toBe("newest");
    expect(url.searchParams.get("pageSize")).toBe("2");
    expect(url.searchParams.getAll("topic")).toEqual([topic]);

    const after = await regionLabels(page);
    expect(after.length).toBeGreaterThan(0);
    expect(after.length).toBeLessThan(before.length);
    for (const label of after) expect(label).toContain(text);
    // Only the facet list narrows: the hits are the same.
    expect(await resultCount(page)).toBe(total);
    expect(await page.getByTestId("hit-link").allTextContents()).toEqual(hitsBefore);
    await expect(box).toHaveValue(text);
    await screenshotBoth(page, "facet-filter");

    // Choosing a region keeps the narrowed list; clearing the text brings every region back.
    const value = await page.getByTestId("facet-region").first().getAttribute("data-value");
    await page.getByTestId("facet-region").first().click();
    await expect(page).toHaveURL(/[?&]region=/);
    expect(new URL(page.url()).searchParams.get("regionQuery")).toBe(text);
    expect(new URL(page.url()).searchParams.getAll("region")).toEqual([value]);
    await page.getByTestId("selected-filter").filter({ hasText: "地区" }).click();
    await page.getByTestId("value-filter-clear-region").click();
    await expect(page).not.toHaveURL(/regionQuery=/);
    expect(await regionLabels(page)).toEqual(before);
  });

  test("a text that matches no region says so and keeps the box to change it", async ({ page }) => {
    await page.goto(`${START}&regionQuery=${encodeURIComponent("不存在的地名")}`);
    await expect(page.getByTestId("facet-none-region")).toContainText("不存在的地名");
    await expect(page.getByTestId("facet-region")).toHaveCount(0);
    await expect(page.getByRole("searchbox", { name: "筛选地区" })).toHaveValue("不存在的地名");
    expect(await resultCount(page)).toBeGreaterThan(0);
  });
});

test("with JavaScript, typing filters the rendered regions at once and Enter asks the server", async ({ page }) => {
  const console = watchConsole(page);
  await page.goto(START);
  const before = await regionLabels(page);
  const text = narrowingText(before);
  const box = page.getByRole("searchbox", { name: "筛选地区" });
  await box.fill(text);
  // No navigation yet: the list is filtered in place.
  expect(new URL(page.url()).searchParams.get("regionQuery")).toBeNull();
  const visible = page.locator('[data-testid="facet-region"]:visible');
  await expect.poll(() => visible.count()).toBeLessThan(before.length);
  // Each region left visible matches, or one of its sub-regions does.
  const unexplained = await visible.evaluateAll((els, t) =>
    els
      .filter((e) => {
        const sub = [...(e.closest("li")?.querySelectorAll('[data-testid="facet-region"]') ?? [])];
        return !sub.some((s) => (s.getAttribute("data-label") ?? "").includes(t) && (s as HTMLElement).offsetParent !== null);
      })
      .map((e) => e.getAttribute("data-label")), text);
  expect(unexplained).toEqual([]);
  await box.fill("");
  await expect(visible).toHaveCount(before.length);
  await box.fill(text);
  await box.press("Enter");
  await expect(page).toHaveURL(/[?&]regionQuery=/);
  for (const label of await regionLabels(page)) expect(label).toContain(text);
  console.expectNone();
});

test("with JavaScript, a name in traditional characters hides the list, says to press Enter, and the server finds it", async ({ page }) => {
  await page.goto(START);
  const labels = await regionLabels(page);
  // A region whose traditional spelling differs, so no rendered label contains it as typed.
  const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });
  const pick = labels.find((l) => toTraditional(l) !== l && !labels.some((o) => o.includes(toTraditional(l))));
  expect(pick, `a region label with traditional variants among ${labels.join(" ")}`).toBeTruthy();
  const typed = toTraditional(pick!);

  const box = page.getByRole("searchbox", { name: "筛选地区" });
  const hint = page.getByTestId("value-filter-hint-region");
  await expect(hint).toBeEmpty();
  await box.fill(typed);
  await expect(page.locator('[data-testid="facet-region"]:visible')).toHaveCount(0);
  await expect(hint).toContainText(`没有“${typed}”`);
  await screenshotBoth(page, "facet-filter-hint");
  await box.press("Enter");
  await expect(page).toHaveURL(/[?&]regionQuery=/);
  expect(new URL(page.url()).searchParams.get("regionQuery")).toBe(typed);
  expect(await regionLabels(page)).toContain(pick);
  await expect(hint).toBeEmpty();
});
