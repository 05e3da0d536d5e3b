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

  test("the timeline is paged: bounded pages, keyboard page links, totals from the whole filter", async ({ page, request }) => {
    const all = (await (await request.get("/api/timeline?limit=500")).json()) as { total: number; items: { id: string }[] };
    expect(all.total).toBeGreaterThan(10);
    expect(all.items).toHaveLength(all.total);

    // Page 1 of 5 a page: at most 5 milestones, the total and the year counts are those of the whole timeline.
    await page.goto("/timeline?limit=5");
    await expect(page.getByTestId("milestone")).toHaveCount(5);
    await expect(page.getByTestId("timeline-count")).toContainText(`共 ${all.total} 个里程碑，第 1/${Math.ceil(all.total / 5)} 页`);
    const yearSum = async () => (await page.getByTestId("year-link").locator("span:last-child").allTextContents()).reduce((n, t) => n + Number(t), 0);
    expect(await yearSum()).toBe(all.total);
    const ids1 = await page.getByTestId("milestone").evaluateAll((els) => els.map((e) => e.getAttribute("data-id")));
    expect(ids1).toEqual(all.items.slice(0, 5).map((m) => m.id));
    await expect(page.getByTestId("page-current")).toHaveText("1");
    await expect(page.getByTestId("page-prev-disabled")).toBeVisible();

    // Next page by keyboard: focus the link, Enter.
    await page.getByTestId("page-next").focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/[?&]page=2/);
    await expect(page).toHaveURL(/[?&]limit=5/);
    await expect(page.getByTestId("page-current")).toHaveText("2");
    const ids2 = await page.getByTestId("milestone").evaluateAll((els) => els.map((e) => e.getAttribute("data-id")));
    expect(ids2).toEqual(all.items.slice(5, 10).map((m) => m.id));
    expect(await yearSum()).toBe(all.total);
    await screenshotBoth(page, "timeline-page-2");

    // The CSV link exports every matching milestone, whatever the page; the JSON link is this page.
    const csvHref = (await page.getByTestId("timeline-csv").getAttribute("href"))!;
    expect(csvHref).not.toMatch(/page=|limit=/);
    expect(parseCsv((await (await request.get(csvHref)).text()).slice(1)).length - 1).toBe(all.total);

    // A year link leaves the page number behind (filter by year, from page 1).
    const year = page.getByTestId("year-link").first();
    const y = (await year.getAttribute("title"))!.slice(0, 4);
    await year.click();
    await expect(page).toHaveURL(new RegExp(`from=${y}&to=${y}`));
    expect(page.url()).not.toMatch(/page=/);

    // The API: one page, the total, and links to the next and previous pages.
    const p2 = (await (await request.get("/api/timeline?limit=5&page=2")).json()) as { total: number; page: number; next: string | null; prev: string | null; items: { id: string }[] };
    expect(p2).toMatchObject({ total: all.total, page: 2, prev: "/api/timeline?limit=5" });
    expect(p2.items.map((m) => m.id)).toEqual(all.items.slice(5, 10).map((m) => m.id));
    expect(p2.next).toBe(all.total > 10 ? "/api/timeline?page=3&limit=5" : null);
    const bad = await request.get("/api/timeline?limit=100000");
    expect(bad.status()).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toContain("limit");
  });
});
