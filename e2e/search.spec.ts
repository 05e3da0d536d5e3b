import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { parseCsv, resultCount, screenshotBoth, watchConsole } from "./helpers";

test.describe("search", () => {
  test("searching 示范区 shows highlighted hits in the first HTML response", async ({ page, request }) => {
    const console = watchConsole(page);
    await page.goto("/");
    await page.getByTestId("search-input").fill("示范区");
    await page.getByTestId("search-input").press("Enter");
    await expect(page).toHaveURL(/[?&]q=%E7%A4%BA%E8%8C%83%E5%8C%BA/);
    await expect(page.getByTestId("search-input")).toHaveValue("示范区");
    expect(await resultCount(page)).toBeGreaterThan(0);
    await expect(page.getByTestId("hit").first()).toBeVisible();
    await expect(page.getByTestId("hits").locator("mark").first()).toBeVisible();
    await expect(page.getByTestId("hits").locator("mark").first()).toContainText(/示范/);
    // Server-rendered: the hits are in the HTML itself, not fetched by the browser.
    const html = await (await request.get("/?q=%E7%A4%BA%E8%8C%83%E5%8C%BA")).text();
    expect(html).toContain('data-testid="hit"');
    expect(html).toContain("<mark>");
    await screenshotBoth(page, "search-results");
    console.expectNone();
  });

  test("a region facet narrows the results and lives in the URL", async ({ page }) => {
    const console = watchConsole(page);
    await page.goto("/?q=%E7%A4%BA%E8%8C%83%E5%8C%BA");
    const before = await resultCount(page);
    const facets = page.getByTestId("facet-region");
    expect(await facets.count()).toBeGreaterThan(0);
    // Prefer a value that really narrows; its count is what the filtered search must return.
    const values = await facets.evaluateAll((els) => els.map((e) => ({ value: e.getAttribute("data-value")!, count: Number(e.querySelector("span:last-child")?.textContent) })));
    const pick = values.find((v) => v.count < before) ?? values[values.length - 1]!;
    await page.locator(`[data-testid="facet-region"][data-value="${pick.value}"]`).click();
    await expect(page).toHaveURL(new RegExp(`[?&]region=${encodeURIComponent(pick.value).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    await expect(page.getByTestId("search-input")).toHaveValue("示范区");
    const after = await resultCount(page);
    expect(after).toBe(pick.count);
    expect(after).toBeLessThanOrEqual(before);
    await expect(page.getByTestId("selected-filter")).toHaveCount(1);
    await expect(page.locator(`[data-testid="facet-region"][data-value="${pick.value}"]`)).toHaveAttribute("data-selected", "true");
    await screenshotBoth(page, "search-facet");
    // Removing the chip restores the unfiltered search.
    await page.getByTestId("selected-filter").click();
    await expect(page).not.toHaveURL(/region=/);
    expect(await resultCount(page)).toBe(before);
    console.expectNone();
  });

  test("traditional characters find the same articles (長三角)", async ({ page }) => {
    await page.goto("/?q=%E9%95%B7%E4%B8%89%E8%A7%92");
    const traditional = await resultCount(page);
    expect(traditional).toBeGreaterThan(0);
    await expect(page.getByTestId("hits").locator("mark").first()).toBeVisible();
    await page.goto("/?q=%E9%95%BF%E4%B8%89%E8%A7%92");
    expect(await resultCount(page)).toBe(traditional);
  });

  test("an empty result suggests queries that work", async ({ page }) => {
    await page.goto("/?q=zzqqxxyy");
    await expect(page.getByTestId("empty-state")).toBeVisible();
    const example = page.getByTestId("example-query").first();
    await example.click();
    await expect(page).toHaveURL(/q=/);
    await screenshotBoth(page, "search-example");
  });

  test("results download as CSV with a BOM, proper headers and the filters applied", async ({ page, request }) => {
    await page.goto("/?q=%E7%A4%BA%E8%8C%83%E5%8C%BA");
    const total = await resultCount(page);
    const downloadPromise = page.waitForEvent("download");
    await page.getByTestId("download-csv").click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const text = fs.readFileSync((await download.path())!, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual(expect.arrayContaining(["id", "title"]));
    expect(rows.length - 1).toBe(Math.min(total, 100));
    const titles = await page.getByTestId("hit-link").allTextContents();
    const titleCol = rows[0]!.indexOf("title");
    expect(rows.slice(1).map((r) => r[titleCol])).toEqual(expect.arrayContaining(titles.slice(0, 3)));

    const href = await page.getByTestId("download-csv").getAttribute("href");
    expect(href).toContain("format=csv");
    const res = await request.get(href!);
    expect(res.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers()["content-disposition"]).toMatch(/^attachment; filename=/);
  });

  test("keyboard only: Tab to the search box, Enter to search, Tab to a facet, Enter to filter", async ({ page }) => {
    await page.goto("/");
    let focused = "";
    for (let i = 0; i < 12 && focused !== "search-input"; i++) {
      await page.keyboard.press("Tab");
      focused = await page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? "");
    }
    expect(focused).toBe("search-input");
    await page.keyboard.type("示范区");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/q=%E7%A4%BA%E8%8C%83%E5%8C%BA/);
    expect(await resultCount(page)).toBeGreaterThan(0);

    let facet = "";
    for (let i = 0; i < 200 && !facet.startsWith("facet-"); i++) {
      await page.keyboard.press("Tab");
      facet = await page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? "");
    }
    expect(facet).toMatch(/^facet-/);
    const name = facet.slice("facet-".length);
    const value = await page.evaluate(() => document.activeElement?.getAttribute("data-value") ?? "");
    // The focused element shows a visible focus ring.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe("none");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`[?&]${name}=`));
    expect(new URL(page.url()).searchParams.getAll(name)).toContain(value);
  });
});

/*
 * Last in this file on purpose (tests of a file run in order on the one worker): it stops the
 * fixture's Meilisearch for real and checks that search degrades to SQLite and says so.
 * Later spec files (timeline) do not search.
 */
test("when Meilisearch is down, search answers from SQLite and shows a notice", async ({ page }) => {
  const info = path.join(process.env.E2E_DATA_DIR!, "meili", "server.json");
  await page.goto("/?q=%E7%A4%BA%E8%8C%83%E5%8C%BA");
  await expect(page.getByTestId("engine-notice")).toHaveCount(0);
  const before = await resultCount(page);

  const { pid } = JSON.parse(fs.readFileSync(info, "utf8")) as { pid: number };
  process.kill(pid, "SIGKILL");
  await expect.poll(() => {
    try {
      process.kill(pid, 0);
      return "alive";
    } catch {
      return "gone";
    }
  }).toBe("gone");

  const console = watchConsole(page);
  await page.goto("/?q=%E7%A4%BA%E8%8C%83%E5%8C%BA");
  await expect(page.getByTestId("engine-notice")).toBeVisible();
  const after = await resultCount(page);
  expect(after).toBeGreaterThan(0);
  expect(after).toBeLessThanOrEqual(before + 2);
  await expect(page.getByTestId("hits").locator("mark").first()).toBeVisible();
  await screenshotBoth(page, "search-fallback");
  console.expectNone();
});
