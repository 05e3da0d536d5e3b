import { expect, test } from "@playwright/test";
import { screenshotBoth, watchConsole } from "./helpers";

test.describe("article and entity pages", () => {
  test("open an article from search and follow an entity to its page", async ({ page }) => {
    const console = watchConsole(page);
    await page.goto("/?q=%E7%A4%BA%E8%8C%83%E5%8C%BA");
    const first = page.getByTestId("hit-link").first();
    const title = (await first.textContent())!.trim();
    await first.click();
    await expect(page).toHaveURL(/\/articles\/[A-Za-z0-9_-]+$/);
    await expect(page.getByTestId("article-title")).toHaveText(title);
    await expect(page.getByTestId("article-body").locator("p").first()).toBeVisible();
    await expect(page.getByTestId("article-meta")).toBeVisible();
    await screenshotBoth(page, "article");

    // Mentions in the text are highlighted and link to their entity.
    expect(await page.getByTestId("article-body").getByTestId("mention").count()).toBeGreaterThan(0);

    const chip = page.getByTestId("article-entities").getByTestId("entity-chip").first();
    const name = (await chip.textContent())!.trim();
    const href = (await chip.getAttribute("href"))!;
    await chip.click();
    await expect(page).toHaveURL(new RegExp(`${href.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
    await expect(page.getByTestId("entity-name")).toHaveText(name);
    // The article we came from is among the entity's articles.
    await expect(page.getByTestId("entity-articles").getByText(title, { exact: true })).toBeVisible();
    await screenshotBoth(page, "entity");
    console.expectNone();
  });

  test("the scraped text is one link away", async ({ page }) => {
    await page.goto("/?q=%E7%A4%BA%E8%8C%83%E5%8C%BA");
    await page.getByTestId("hit-link").first().click();
    await page.getByTestId("view-original").click();
    await expect(page).toHaveURL(/view=original/);
    await expect(page.getByTestId("article-original")).toBeVisible();
    await expect(page.getByTestId("article-body")).toHaveCount(0);
    await page.getByTestId("view-clean").click();
    await expect(page.getByTestId("article-body")).toBeVisible();
  });

  test("a region page lists the regions below it and links back up", async ({ page, request }) => {
    const res = await request.get("/api/search?q=&pageSize=1");
    const regions = ((await res.json()) as { facets: { region: { value: string; parent?: string | null }[] } }).facets.region;
    const child = regions.find((r) => r.parent);
    test.skip(!child, "no nested regions in the fixture");
    await page.goto(`/entities/region/${encodeURIComponent(child!.parent!.replace(/^region:/, ""))}`);
    await expect(page.getByTestId("entity-name")).toBeVisible();
    await expect(page.getByTestId("region-children").getByTestId("entity-chip").first()).toBeVisible();
    await page.getByTestId("region-children").getByTestId("entity-chip").first().click();
    await expect(page.getByTestId("breadcrumb").getByRole("link").last()).toBeVisible();
    await screenshotBoth(page, "entity-region");
  });

  test("unknown article and entity give a 404 page", async ({ page }) => {
    const a = await page.goto("/articles/doesnotexist");
    expect(a?.status()).toBe(404);
    await expect(page.getByTestId("not-found")).toBeVisible();
    const e = await page.goto("/entities/plan/doesnotexist");
    expect(e?.status()).toBe(404);
    const k = await page.goto("/entities/spaceship/x");
    expect(k?.status()).toBe(404);
    await screenshotBoth(page, "not-found");
  });
});

test("an old region address (slug id) moves to the page under the official code", async ({ page }) => {
  const res = await page.goto("/entities/region/zj-jiaxing-jiashan");
  expect(res?.ok()).toBe(true);
  await expect(page).toHaveURL(/\/entities\/region\/330421$/);
  await expect(page.getByTestId("entity-name")).toHaveText("嘉善");
});
