import fs from "node:fs";
import path from "node:path";
import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import { processPage } from "@/lib/ingest/process";
import { profileFor, SITE_PROFILES } from "@/lib/ingest/profiles";
import { parseDate } from "@/lib/extract/dates";
import { CORPUS } from "./fetch-helpers/site";

/*
 * Site profiles over every page of their sites in ../shared/corpus/gne (read in place): the page is processed with a
 * sidecar URL on the site's host (the profile applies) and the result is checked against the page's own markup, read
 * here with cheerio independently of the profile's code path.
 */

const GNE = path.join(CORPUS, "gne/tests");
const SITES: { dir: string; url: string; name: string }[] = [
  { dir: "163", url: "https://www.163.com/dy/article/TEST.html", name: "网易" },
  { dir: "thepaper", url: "https://www.thepaper.cn/newsDetail_forward_1", name: "澎湃新闻" },
  { dir: "xinhuanet", url: "https://sh.news.cn/test/c.htm", name: "新华网" },
];
const squash = (s: string) => s.replace(/\s+/g, "");

describe("site profiles", () => {
  it("match a host and its subdomains only", () => {
    expect(profileFor("https://www.163.com/dy/article/X.html")?.name).toBe("网易");
    expect(profileFor("https://m.163.com/dy/article/X.html")?.name).toBe("网易");
    expect(profileFor("https://not163.com/a")).toBeNull();
    expect(profileFor("http://sh.news.cn/2022-07/01/c_1310636153.htm")?.name).toBe("新华网");
    expect(profileFor("https://www.xinhuanet.com/a")?.name).toBe("新华网");
    expect(profileFor("not a url")).toBeNull();
    expect(profileFor(undefined)).toBeNull();
    expect(SITE_PROFILES.length).toBeGreaterThanOrEqual(3);
  });

  for (const site of SITES) {
    it(`${site.name}: the body comes from the content element, the date and source from the template`, () => {
      const files = fs.readdirSync(path.join(GNE, site.dir)).filter((f) => f.endsWith(".html"));
      expect(files.length).toBeGreaterThan(0);
      const profile = profileFor(site.url)!;
      let applied = 0;
      for (const f of files) {
        const bytes = fs.readFileSync(path.join(GNE, site.dir, f));
        const $ = cheerio.load(bytes.toString("utf8"));
        const content = profile.content.map((sel) => $(sel).first()).find((el) => el.length && squash(el.text()).length >= 50);
        const withProfile = processPage(bytes, { fileName: f, sidecar: { url: site.url } });
        if (!content) {
          // The template does not match: the generic cleaner's result, untouched.
          const generic = processPage(bytes, { fileName: f, sidecar: { url: "https://example.org/a.html" } });
          expect(withProfile.paragraphs, f).toEqual(generic.paragraphs);
          continue;
        }
        applied++;
        expect(withProfile.site, f).toBe(site.name);
        // Every paragraph comes from inside the content element (normalization aside: compare the originals).
        const inside = squash(content.text());
        for (const p of withProfile.originalParagraphs) expect(inside, `${f}: ${p.slice(0, 40)}`).toContain(squash(p).slice(0, 20));
        for (const sel of profile.remove) for (const el of content.find(sel).toArray()) {
          const removed = squash($(el).text());
          if (removed.length >= 10) expect(squash(withProfile.original), f).not.toContain(removed);
        }
        const dateText = profile.date.map((sel) => $(sel).first().text()).find((t) => t.trim());
        if (dateText) expect(withProfile.published, f).toBe(parseDate(dateText)?.value ?? null);
        const sourceText = profile.source.map((sel) => $(sel).first().text().trim()).find(Boolean);
        // A 来源 that names the hosting site itself is not an original publisher (metadata.ts drops it).
        if (sourceText) expect(withProfile.source, f).toBe(sourceText === site.name ? null : sourceText);
      }
      // The profile fits every page of its site in the corpus.
      expect(applied).toBe(files.length);
    });
  }

  it("leaves a page of another site alone", () => {
    const dir = path.join(GNE, "sina");
    const f = fs.readdirSync(dir).find((x) => x.endsWith(".html"))!;
    const bytes = fs.readFileSync(path.join(dir, f));
    const a = processPage(bytes, { fileName: f, sidecar: { url: "https://news.sina.com.cn/a.html" } });
    const b = processPage(bytes, { fileName: f });
    expect(a.paragraphs).toEqual(b.paragraphs);
    expect(a.site).toBe(b.site);
  });
});
