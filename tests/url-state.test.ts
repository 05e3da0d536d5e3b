// One URL grammar: the search and the timeline (pages, APIs and exports) accept the same names and ids
// and answer the same 400 with a Chinese message for a bad value.
import { describe, expect, it } from "vitest";
import { GET as searchApi } from "@/app/api/search/route";
import { GET as timelineApi } from "@/app/api/timeline/route";
import { AtlasError } from "@/lib/errors";
import { parseFormat, parseSearchParams, parseTimelineParams, timelineHref } from "@/lib/url-state";

const JIASHAN = "region:330421";

describe("the same names and ids everywhere", () => {
  it.each(["嘉善", "嘉善县", "浙江嘉善", JIASHAN, "330421"])("region=%s means 嘉善 for search and timeline", (v) => {
    expect(parseSearchParams({ region: v }).filters.region).toEqual([JIASHAN]);
    expect(parseTimelineParams({ region: v }).region).toBe(JIASHAN);
  });

  it("topics are the taxonomy's, for both", () => {
    expect(parseTimelineParams({ topic: "生态环境" }).topic).toBe("生态环境");
    expect(() => parseTimelineParams({ topic: "体育" })).toThrow(/没有“体育”这个主题/);
    expect(() => parseSearchParams({ topic: "体育" })).toThrow(/没有“体育”这个主题/);
  });

  it("bad values are the same bad-request in both, in Chinese", () => {
    for (const parse of [parseSearchParams, parseTimelineParams]) {
      const err = (() => {
        try {
          parse({ region: "nonsense" });
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(AtlasError);
      expect((err as AtlasError).code).toBe("bad-request");
      expect((err as AtlasError).userMessage).toMatch(/^请求参数有误：地区：不认识“nonsense”/);
      expect(() => parse({ colour: "red" })).toThrow(/不认识的参数：colour/);
    }
    expect(() => parseTimelineParams({ from: "2024-13" })).toThrow(/YYYY、YYYY-MM 或 YYYY-MM-DD/);
    expect(() => parseTimelineParams({ from: "2025", to: "2024" })).toThrow(/from 晚于 to/);
    expect(() => parseTimelineParams({ plan: "plan:abc" }, { entityExists: () => false })).toThrow(/没有编号为 plan:abc 的条目/);
    expect(() => parseFormat({ format: "xml" })).toThrow(/format：应为 json、csv 之一/);
  });

  it("writes canonical URLs that parse back to the same state", () => {
    const state = parseTimelineParams({ region: "嘉善", topic: "生态环境", from: "2020" });
    expect(timelineHref(state)).toBe(`/timeline?region=${encodeURIComponent(JIASHAN)}&topic=${encodeURIComponent("生态环境")}&from=2020`);
    expect(parseTimelineParams(new URL(timelineHref(state), "http://x").searchParams)).toEqual(state);
  });
});

describe("the APIs answer the same 400", () => {
  it.each([
    ["/api/search?region=nonsense", searchApi],
    ["/api/timeline?region=nonsense", timelineApi],
    ["/api/timeline?region=嘉善&format=xml", timelineApi],
    ["/api/search?q=x&page=0", searchApi],
  ] as const)("%s", async (url, handler) => {
    const res = await handler(new Request(`http://localhost${url}`));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe("bad-request");
    expect(body.message).toMatch(/^请求参数有误：/);
  });
});
