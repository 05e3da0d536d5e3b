import { expect, test } from "@playwright/test";
import { DESKTOP, PHONE, screenshotBoth, watchConsole } from "./helpers";

/** Every page type, desktop and phone: no console errors, landmarks present, nothing wider than the screen. */
test("no console errors and a usable layout on every page", async ({ page, request }) => {
  const search = (await (await request.get("/api/search?q=%E7%A4%BA%E8%8C%83%E5%8C%BA&pageSize=1")).json()) as { hits: { id: string }[] };
  const articleId = search.hits[0]!.id;
  const article = (await (await request.get(`/api/articles/${articleId}`)).json()) as { mentions: { kind: string; entityId: string }[] };
  const mention = article.mentions.find((m) => m.kind !== "date");
  const urls = ["/", "/?q=%E7%A4%BA%E8%8C%83%E5%8C%BA", `/articles/${articleId}`, `/articles/${articleId}?view=original`, "/timeline", "/entities/region", "/entities/plan"];
  if (mention) {
    const [kind, ...slug] = mention.entityId.split(":");
    urls.push(`/entities/${kind}/${encodeURIComponent(slug.join(":"))}`);
  }
  for (const url of urls) {
    for (const viewport of [DESKTOP, PHONE]) {
      await page.setViewportSize(viewport);
      const console = watchConsole(page);
      const res = await page.goto(url);
      expect(res?.status(), url).toBe(200);
      await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
      await expect(page.getByRole("main")).toBeVisible();
      await expect(page.getByRole("navigation", { name: "主导航" })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${url} is wider than a ${viewport.width}px screen`).toBeLessThanOrEqual(1);
      console.expectNone();
    }
  }
  await page.goto("/");
  await screenshotBoth(page, "home");
});

test("API answers: JSON for article, entity and timeline", async ({ request }) => {
  const search = (await (await request.get("/api/search?q=&pageSize=1")).json()) as { hits: { id: string }[] };
  const id = search.hits[0]!.id;
  const a = await request.get(`/api/articles/${id}`);
  expect(a.status()).toBe(200);
  const body = (await a.json()) as { article: { id: string }; paragraphs: unknown[] };
  expect(body.article.id).toBe(id);
  expect(body.paragraphs.length).toBeGreaterThan(0);
  const csv = await request.get(`/api/articles/${id}?format=csv`);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect((await request.get("/api/articles/nope")).status()).toBe(404);
  const t = await request.get("/api/timeline");
  expect(((await t.json()) as { total: number }).total).toBeGreaterThanOrEqual(0);
});
