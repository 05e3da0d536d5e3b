/* The fixed request mixes of `npm run bench` (scripts/bench.ts): the same 50 searches and timeline filters every run. */

const SHORT = ["示范区", "长三角", "一体化", "虹桥", "G60", "嘉善", "青浦", "吴江", "交通", "生态", "科创", "铁路", "规划"];

const LONG = [
  "长三角生态绿色一体化发展示范区国土空间总体规划",
  "虹桥国际开放枢纽建设总体方案北向拓展带",
  "长江三角洲区域一体化发展规划纲要",
  "跨省域国土空间规划实施体检评估报告",
  "沪苏嘉城际铁路开工建设",
  "长三角科技创新共同体建设发展规划",
  "示范区制度创新成果复制推广",
  "上海大都市圈空间协同规划",
  "跨区域居民服务一体化便利共享",
  "长三角产业链联盟成立",
  "元荡生态岸线贯通工程",
  "浙江大都市区建设行动计划",
];

const FACETS = [
  "q=示范区&region=嘉善",
  "q=规划&region=浙江",
  "q=交通&topic=交通与基础设施",
  "q=创新&topic=产业与科技创新",
  "q=一体化&year=2020",
  "q=长三角&year=2023&topic=规划与制度创新",
  "region=青浦",
  "topic=生态环境",
  "year=2021",
  "kind=plan",
  "q=铁路&kind=project",
  "q=虹桥&region=上海",
  "q=生态&region=吴江&topic=生态环境",
];

const TRADITIONAL = ["長三角一體化", "示範區", "規劃綱要", "虹橋樞紐", "長江三角洲", "生態綠色", "科創走廊", "鐵路建設", "區域合作", "國土空間規劃", "嘉善縣", "產業鏈", "一體化發展示範區"];

/** 50 searches as /api/search query strings: 13 short, 12 long, 13 with facets, 12 in traditional characters. */
export const BENCH_QUERIES: string[] = [
  ...SHORT.map((q) => `q=${encodeURIComponent(q)}`),
  ...LONG.map((q) => `q=${encodeURIComponent(q)}`),
  ...FACETS.map((s) => new URLSearchParams(Object.fromEntries(s.split("&").map((kv) => kv.split("=") as [string, string]))).toString()),
  ...TRADITIONAL.slice(0, 12).map((q) => `q=${encodeURIComponent(q)}`),
];

/** /api/timeline without and with filters. */
export const TIMELINE_URLS: Record<string, string> = {
  all: "/api/timeline",
  region: `/api/timeline?region=${encodeURIComponent("嘉善")}`,
  "region+topic+dates": `/api/timeline?region=${encodeURIComponent("浙江")}&topic=${encodeURIComponent("交通与基础设施")}&from=2019&to=2023`,
};
