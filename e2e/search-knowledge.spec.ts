import { expect, test } from "@playwright/test";
import { resultCount, watchConsole } from "./helpers";

// Issue 12 in the browser: results follow typing, suggestions by keyboard, the entity card; the form still works
// without JavaScript.
test.describe("search that knows the knowledge base", () => {
  test("results follow the text as it is typed, and the URL says what is shown", async ({ page }) => {
    const console = watchConsole(page);
    await page.goto("/");
    const input = page.getByTestId("search-input");
    await input.click();
    await input.pressSequentially("嘉善", { delay: 60 });
    // No Enter: the debounced instant search replaces the URL and the server-rendered results (the first search of a
    // fresh server also starts its engine, hence the longer wait).
    await expect(page).toHaveURL(/[?&]q=%E5%98%89%E5%96%84/, { timeout: 45_000 });
    await expect(page.getByTestId("result-summary")).toContainText("嘉善");
    expect(await resultCount(page)).toBeGreaterThan(0);
    await expect(input).toHaveValue("嘉善");
    await expect(input).toBeFocused();
    console.expectNone();
  });

  test("suggestions show entities with their kind and are chosen with the keyboard", async ({ page }) => {
    const console = watchConsole(page);
    await page.goto("/");
    const input = page.getByTestId("search-input");
    await input.click();
    await input.pressSequentially("祥符", { delay: 60 });
    const list = page.getByTestId("suggestions");
    await expect(list).toBeVisible();
    const first = list.getByTestId("suggestion").first();
    await expect(first).toContainText("祥符荡创新中心");
    await expect(first).toHaveAttribute("data-kind", "项目");
    await input.press("ArrowDown");
    await expect(first).toHaveAttribute("aria-selected", "true");
    await expect(input).toHaveAttribute("aria-activedescendant", /.+/);
    await input.press("Enter");
    await expect(page).toHaveURL(/[?&]q=%E7%A5%A5%E7%AC%A6%E8%8D%A1%E5%88%9B%E6%96%B0%E4%B8%AD%E5%BF%83/);
    await expect(input).toHaveValue("祥符荡创新中心");
    await expect(page.getByTestId("entity-card").first()).toContainText("祥符荡创新中心");
    // Escape closes the list.
    await input.pressSequentially("x", { delay: 60 });
    await input.press("Escape");
    await expect(list).toBeHidden();
    console.expectNone();
  });

  test("a query naming an entity shows its card: kind, where, counts, links to its page and timeline", async ({ page }) => {
    const console = watchConsole(page);
    await page.goto("/?q=%E5%98%89%E5%96%84");
    const card = page.getByTestId("entity-card").first();
    await expect(card).toBeVisible();
    await expect(card.getByTestId("entity-card-name")).toHaveText("嘉善");
    await expect(card.getByTestId("entity-card-kind")).toHaveText(/^县/);
    await expect(card.getByTestId("entity-card-where")).toContainText("浙江");
    await expect(card.getByTestId("entity-card-counts")).toContainText(/[1-9]\d* 篇文章提到/);
    await expect(card.getByTestId("entity-card-timeline")).toHaveAttribute("href", /^\/timeline\?region=/);
    await card.getByTestId("entity-card-page").click();
    await expect(page).toHaveURL(/\/entities\/region\//);
    await expect(page.getByTestId("entity-name")).toHaveText("嘉善");
    console.expectNone();
  });

  test("without JavaScript the search box is a plain form", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/");
    await page.getByTestId("search-input").fill("嘉善");
    await page.getByTestId("search-input").press("Enter");
    await expect(page).toHaveURL(/[?&]q=%E5%98%89%E5%96%84/);
    expect(await resultCount(page)).toBeGreaterThan(0);
    await expect(page.getByTestId("entity-card").first()).toBeVisible();
    await context.close();
  });
});
