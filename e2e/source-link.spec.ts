import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";

const sidecar = (name: string) => JSON.parse(fs.readFileSync(path.resolve("e2e/fixtures", name), "utf8")) as { url: string };

/** The article whose recorded URL is `url`, found through search. */
async function articleIdByUrl(request: APIRequestContext, q: string, url: string): Promise<string> {
  const res = await request.get(`/api/search?q=${encodeURIComponent(q)}&pageSize=20`);
  const hit = ((await res.json()) as { hits: { id: string; url: string | null }[] }).hits.find((h) => h.url === url);
  expect(hit, `an article with url ${url} in the fixture`).toBeTruthy();
  return hit!.id;
}

test("a local file path given as the page's URL is not stored, never linked or shown as 原文链接", async ({ page, request }) => {
  // e2e/fixtures/local-file-url.json gives a file:///C:/… path as the page's url: ingest stores only http(s) URLs.
  const { url } = sidecar("local-file-url.json");
  const res = await request.get(`/api/search?q=${encodeURIComponent("南太湖")}&pageSize=20`);
  const hit = ((await res.json()) as { hits: { id: string; url: string | null; title: string }[] }).hits.find((h) => h.title.includes("南太湖新区数字经济产业园"));
  expect(hit, "the page with the file: URL in the fixture").toBeTruthy();
  expect(hit!.url).toBeNull();
  await page.goto(`/articles/${hit!.id}`);
  await expect(page.getByTestId("article-meta")).toContainText("原文链接");
  await expect(page.locator('a[href^="file:"], a[href*="C:/Users"]')).toHaveCount(0);
  const source = page.getByTestId("source-url");
  await expect(source).not.toContainText(url);
  await expect(source.getByRole("link")).toHaveCount(0);
});

test("a web address is still the 原文链接 link", async ({ page, request }) => {
  const { url } = sidecar("tijian-baogao-reprint.json");
  await page.goto(`/articles/${await articleIdByUrl(request, "体检报告", url)}`);
  const link = page.getByTestId("source-url").getByRole("link");
  await expect(link).toHaveAttribute("href", url);
  await expect(link).toHaveText(new URL(url).hostname);
});
