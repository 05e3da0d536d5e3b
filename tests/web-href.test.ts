import { describe, expect, it } from "vitest";
import { facetQueryHref, exportHref, feedHref, searchHref, searchQueryPairs, toggleFilterHref } from "@/components/search/href";
import { parseSearchParams } from "@/lib/url-state";

const parse = (qs: string) => parseSearchParams(new URLSearchParams(qs));

describe("facet value filters (<facet>Query) in search links", () => {
  const p = parse("q=示范区&topic=生态环境&sort=newest&page=2&pageSize=5&regionQuery=嘉&planQuery=规划");

  it("lists every URL parameter, facet queries included, in a form's hidden-input order", () => {
    expect(searchQueryPairs(p)).toEqual([
      ["q", "示范区"],
      ["topic", "生态环境"],
      ["sort", "newest"],
      ["page", "2"],
      ["pageSize", "5"],
      ["regionQuery", "嘉"],
      ["planQuery", "规划"],
    ]);
  });

  it("round-trips through parseSearchParams", () => {
    const href = searchHref(p, { page: p.page });
    expect(parseSearchParams(new URLSearchParams(href.slice(2)))).toEqual(p);
  });

  it("keeps the narrowed facet lists when a value is toggled, and goes back to page 1", () => {
    const sp = new URLSearchParams(toggleFilterHref(p, "region", "region:330421").slice(2));
    expect(sp.get("regionQuery")).toBe("嘉");
    expect(sp.get("planQuery")).toBe("规划");
    expect(sp.getAll("region")).toEqual(["region:330421"]);
    expect(sp.get("page")).toBeNull();
  });

  it("sets, replaces and removes one facet's query, keeping the page and the others", () => {
    const set = new URLSearchParams(facetQueryHref(p, "site", " 萧山 ").slice(2));
    expect(set.get("siteQuery")).toBe("萧山");
    expect(set.get("regionQuery")).toBe("嘉");
    expect(set.get("page")).toBe("2");
    const cleared = new URLSearchParams(facetQueryHref(p, "region", "").slice(2));
    expect(cleared.has("regionQuery")).toBe(false);
    expect(cleared.get("planQuery")).toBe("规划");
    expect(cleared.get("q")).toBe("示范区");
  });

  it("leaves the facet queries out of downloads (they do not change the results)", () => {
    const sp = new URLSearchParams(exportHref(p, "csv").split("?")[1]);
    expect(sp.has("regionQuery")).toBe(false);
    expect(sp.has("planQuery")).toBe(false);
    expect(sp.get("topic")).toBe("生态环境");
    expect(sp.get("format")).toBe("csv");
  });

  it("gives the search's Atom feed: query and filters only, one feed whatever the sort, page or facet queries", () => {
    expect(feedHref(p)).toBe(`/feeds/search?q=${encodeURIComponent("示范区")}&topic=${encodeURIComponent("生态环境")}`);
    expect(feedHref(parse(""))).toBe("/feeds/search");
    // What the feed route parses back is the same search.
    const back = parse(feedHref(p).split("?")[1]!);
    expect(back.q).toBe(p.q);
    expect(back.filters).toEqual(p.filters);
  });
});
