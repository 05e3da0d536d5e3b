import { expect, test } from "@playwright/test";
import { parseCsv, screenshotBoth, watchConsole } from "./helpers";

test.describe("timeline", () => {
  test("filtering by region keeps only that region's milestones", async ({ page }) => {
    const console = watchConsole(page);
    await page.goto("/timeline");
    const all = await page.getByTestId("milestone").count();
    expect(all).toBeGreaterThan(0);
    await screenshotBoth(page, "timeline");

    const options = await page.getByTestId("filter-region").locator("option").evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value).filter(Boolean));
    expect(options.length).toBeGreaterThan(0);
    // Try regions until one narrows the list (the first may well contain every milestone).
    let picked = "";
    let count = all;
    for (const value of options.slice(0, 8)) {
      await page.goto("/timeline");
      await page.getByTestId("filter-region").selectOption(value);
      await page.getByTestId("filter-submit").click();
      await expect(page).toHaveURL(new RegExp(`region=${encodeURIComponent(value).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
      picked = value;
      count = await page.getByTestId("milestone").count();
      if (count < all) break;
    }
    expect(count).toBeLessThanOrEqual(all);
    // Every milestone shown is in the region or below it.
    const regionSets = await page.getByTestId("milestone").evaluateAll((els) => els.map((e) => (e.getAttribute("data-regions") ?? "").split(" ")));
    for (const set of regionSets) expect(set).toContain(picked);
    await expect(page.getByTestId("filter-region")).toHaveValue(picked);
    await expect(page.getByTestId("active-filters")).toBeVisible();
    await screenshotBoth(page, "timeline-region");
    console.expectNone();
  });

  test("the year overview filters by year and dates show their precision", async ({ page }) => {
    await page.goto("/timeline");
    const year = page.getByTestId("year-link").first();
    const label = (await year.getAttribute("title"))!;
    const y = label.slice(0, 4);
    await year.click();
    await expect(page).toHaveURL(new RegExp(`from=${y}&to=${y}`));
    const dates = await page.getByTestId("milestone").evaluateAll((els) => els.map((e) => e.getAttribute("data-date") ?? ""));
    expect(dates.length).toBeGreaterThan(0);
    for (const d of dates) expect(d.startsWith(y)).toBe(true);
    // Dates read as 2023年2月 / 2020年 / 2024年7月25日, never as ISO.
    const shown = await page.getByTestId("milestone").locator("time").allTextContents();
    for (const t of shown) expect(t).toMatch(/^\d{4}年(\d{1,2}月(\d{1,2}日)?)?$/);
  });

  test("targets are shown apart: a badge and a dashed style, and a status filter", async ({ page, request }) => {
    await page.goto("/timeline");
    const statuses = await page.getByTestId("milestone").evaluateAll((els) => els.map((e) => e.getAttribute("data-status")));
    expect(statuses).toContain("planned");
    expect(statuses).toContain("done");
    const planned = page.locator('[data-testid="milestone"][data-status="planned"]').first();
    await expect(planned.getByTestId("milestone-planned")).toHaveText("目标 · 期限");
    // The planned style differs from a done one (italic event text, dashed rule between entries).
    const fontOf = (status: string) => page.locator(`[data-testid="milestone"][data-status="${status}"] h4`).first().evaluate((e) => getComputedStyle(e).fontStyle);
    expect(await fontOf("planned")).toBe("italic");
    expect(await fontOf("done")).toBe("normal");
    await expect(page.getByTestId("timeline-count")).toContainText("目标或计划");

    await page.getByTestId("filter-status").selectOption("planned");
    await page.getByTestId("filter-submit").click();
    await expect(page).toHaveURL(/status=planned/);
    const only = await page.getByTestId("milestone").evaluateAll((els) => els.map((e) => e.getAttribute("data-status")));
    expect(only.length).toBeGreaterThan(0);
    expect(new Set(only)).toEqual(new Set(["planned"]));
    await expect(page.getByTestId("active-filters")).toContainText("目标·计划");
    await screenshotBoth(page, "timeline-planned");

    const api = (await (await request.get("/api/timeline?status=planned")).json()) as { items: { status: string; subject: string | null }[] };
    expect(api.items.length).toBe(only.length);
    expect(api.items.every((m) => m.status === "planned")).toBe(true);
    const csv = parseCsv((await (await request.get("/api/timeline?status=planned&format=csv")).text()).slice(1));
    expect(csv[0]).toEqual(expect.arrayContaining(["status", "subject", "date_end"]));
    const bad = await request.get("/api/timeline?status=maybe");
    expect(bad.status()).toBe(400);
  });

  test("milestones download as CSV with the filters applied", async ({ page, request }) => {
    await page.goto("/timeline");
    const year = (await page.getByTestId("year-link").first().getAttribute("title"))!.slice(0, 4);
    await page.goto(`/timeline?from=${year}&to=${year}`);
    const shown = await page.getByTestId("milestone").count();
    const href = (await page.getByTestId("timeline-csv").getAttribute("href"))!;
    expect(href).toContain(`from=${year}`);
    const res = await request.get(href);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers()["content-disposition"]).toMatch(/^attachment; filename=".+\.csv"/);
    const body = await res.text();
    expect(body.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(body.slice(1));
    expect(rows[0]).toEqual(expect.arrayContaining(["date", "precision", "event"]));
    expect(rows.length - 1).toBe(shown);
    const dateCol = rows[0]!.indexOf("date");
    for (const r of rows.slice(1)) expect(r[dateCol]!.startsWith(year)).toBe(true);
  });

  test("bad filter values get a clear 400 from the API and a message on the page", async ({ page, request }) => {
    const res = await request.get("/api/timeline?from=yesterday");
    expect(res.status()).toBe(400);
    expect(((await res.json()) as { message: string }).message).toContain("from");
    await page.goto("/timeline?from=yesterday");
    await expect(page.getByTestId("timeline-error")).toContainText("日期格式");
    const bad = await request.get("/api/timeline?region=nonsense");
    expect(bad.status()).toBe(400);
    expect(await bad.json()).toMatchObject({ error: "bad-request", message: expect.stringContaining("不认识“nonsense”") });
    await page.goto("/timeline?region=nonsense");
    await expect(page.getByTestId("timeline-error")).toContainText("不认识“nonsense”");
  });

  test("a region given by name means the same as its id, on the page and the API", async ({ page, request }) => {
    const byName = (await (await request.get(`/api/timeline?region=${encodeURIComponent("嘉善")}`)).json()) as { total: number; filter: { region: string } };
    const byId = (await (await request.get("/api/timeline?region=region:330421")).json()) as { total: number };
    expect(byName.filter.region).toBe("region:330421");
    expect(byName.total).toBeGreaterThan(0);
    expect(byName.total).toBe(byId.total);
    await page.goto(`/timeline?region=${encodeURIComponent("嘉善")}`);
    await expect(page.getByTestId("milestone")).toHaveCount(byName.total);
    await expect(page.getByTestId("active-filters")).toContainText("嘉善");
  });
});
