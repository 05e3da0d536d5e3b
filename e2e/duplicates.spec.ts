import fs from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { expect, test } from "@playwright/test";
import { screenshotBoth, watchConsole } from "./helpers";

/** The reprint in e2e/fixtures/ (GBK HTML + sidecar): its headline and the site that published it. */
function reprint() {
  const dir = path.resolve("e2e/fixtures");
  const html = iconv.decode(fs.readFileSync(path.join(dir, "tijian-baogao-reprint.html")), "gbk");
  const title = /<h1>([^<]+)<\/h1>/.exec(html)?.[1]?.trim();
  const { site } = JSON.parse(fs.readFileSync(path.join(dir, "tijian-baogao-reprint.json"), "utf8")) as { site: string };
  if (!title) throw new Error("the reprint fixture has no <h1>");
  return { title, site };
}

test("the same story from two sites is shown once, as the better-dated copy, linked to its twin", async ({ page }) => {
  const console = watchConsole(page);
  const { title, site } = reprint();

  // Search lists the story once: the reprint, because it carries a full date and the seed copy has none.
  await page.goto(`/?q=${encodeURIComponent("体检报告")}`);
  const sameStory = page.getByTestId("hit-link").filter({ hasText: title });
  await expect(sameStory).toHaveCount(1);
  const hitMeta = await page.getByTestId("hit").filter({ has: sameStory }).locator("p").first().textContent();
  expect(hitMeta).toContain(site);

  // The article it leads to lists the other copy under 同时报道.
  await sameStory.click();
  await expect(page).toHaveURL(/\/articles\/[A-Za-z0-9_-]+$/);
  const shownPath = new URL(page.url()).pathname;
  await expect(page.getByTestId("duplicate-notice")).toHaveCount(0);
  const also = page.getByTestId("also-reported");
  await expect(also.getByRole("heading", { name: "同时报道" })).toBeVisible();
  const twinLinks = also.getByRole("link");
  await expect(twinLinks).toHaveCount(1);
  await expect(twinLinks).not.toContainText(site);
  await screenshotBoth(page, "duplicate-original");

  // The folded copy says it is a duplicate and links back to the one shown.
  await twinLinks.click();
  await expect(page).not.toHaveURL(new RegExp(`${shownPath}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  const notice = page.getByTestId("duplicate-notice");
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("内容几乎相同");
  const back = notice.getByRole("link", { name: title });
  await expect(back).toHaveAttribute("href", shownPath);
  await screenshotBoth(page, "duplicate-reprint");
  await back.click();
  await expect(page).toHaveURL(new RegExp(`${shownPath}$`));
  console.expectNone();
});
