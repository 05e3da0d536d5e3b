// A small knowledge base written straight into SQLite, shaped like the pipeline's output.
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { articles, articleTopics, entities, mentions, type NewArticle } from "@/db/schema";

type E = typeof entities.$inferInsert;

export const REGIONS: E[] = [
  { id: "region:31", kind: "region", slug: "31", name: "上海", type: "province", parentId: null, path: ["上海"] },
  { id: "region:310118", kind: "region", slug: "310118", name: "青浦", type: "district", parentId: "region:31", path: ["上海", "青浦"] },
  { id: "region:33", kind: "region", slug: "33", name: "浙江", type: "province", parentId: null, path: ["浙江"] },
  { id: "region:3304", kind: "region", slug: "3304", name: "嘉兴", type: "city", parentId: "region:33", path: ["浙江", "嘉兴"] },
  { id: "region:330421", kind: "region", slug: "330421", name: "嘉善", type: "county", parentId: "region:3304", path: ["浙江", "嘉兴", "嘉善"] },
  { id: "region:3301", kind: "region", slug: "3301", name: "杭州", type: "city", parentId: "region:33", path: ["浙江", "杭州"] },
];

export const PLAN: E = {
  id: "plan:shifanqu-zonggui",
  kind: "plan",
  slug: "shifanqu-zonggui",
  name: "长三角生态绿色一体化发展示范区国土空间总体规划",
  type: "规划",
  aliases: ["示范区总规"],
};
export const ORG: E = { id: "organization:zju", kind: "organization", slug: "zju", name: "浙江大学", aliases: [] };

export interface FixtureArticle {
  id: string;
  title: string;
  body: string;
  published: string | null;
  site: string;
  regions?: string[];
  topics?: string[];
  entities?: string[];
  duplicateOf?: string;
}

export const ARTICLES: FixtureArticle[] = [
  {
    id: "a1",
    title: "上海大都市区空间协同规划发布",
    body: "上海大都市区空间协同规划正式发布，青浦新城将建设沪苏嘉城际铁路枢纽。",
    published: "2024-03-05",
    site: "上海发布",
    regions: ["region:310118"],
    topics: ["交通与基础设施"],
  },
  {
    id: "a2",
    title: "嘉善推进生态绿色发展",
    body: "嘉善县深入推进长三角一体化，生态环境持续改善，示范区总规实施一周年。",
    published: "2023-06-01",
    site: "嘉兴日报",
    regions: ["region:330421"],
    topics: ["生态环境", "交通与基础设施"],
    entities: [PLAN.id as string],
  },
  {
    id: "a3",
    title: "嘉兴文旅新地标",
    body: "嘉兴南湖旅游景点接待游客创新高，公共服务水平提升。",
    published: "2022-10-01",
    site: "嘉兴日报",
    regions: ["region:3304"],
    topics: ["公共服务与民生"],
  },
  {
    id: "a4",
    title: "杭州推出经典剧目",
    body: "杭州大剧院上演经典剧目，浙江大学师生参与演出。",
    published: "2021-05-20",
    site: "杭州网",
    regions: ["region:3301"],
    topics: ["公共服务与民生"],
    entities: [ORG.id as string],
  },
  {
    id: "a5",
    title: "长江三角洲区域合作新进展",
    body: "长江三角洲地区三省一市签署合作协议，共建长三角生态绿色一体化发展示范区。",
    published: null,
    site: "新华网",
    topics: ["规划与制度创新"],
  },
  {
    id: "a6",
    title: "网页安全提示",
    body: "有网站在正文中插入 <script>alert(\"x\")</script> 代码，长三角网信部门提醒注意 & 防范。",
    published: "2024-01-10",
    site: "新华网",
    topics: ["政务服务"],
  },
  {
    id: "a7",
    title: "上海大都市区空间协同规划发布（转载）",
    body: "上海大都市区空间协同规划正式发布，青浦新城将建设沪苏嘉城际铁路枢纽。",
    published: "2024-03-06",
    site: "转载网",
    regions: ["region:310118"],
    topics: ["交通与基础设施"],
    duplicateOf: "a1",
  },
];

export function insertArticle(db: Db, a: FixtureArticle): void {
  const row: NewArticle = {
    id: a.id,
    url: `https://example.test/${a.id}`,
    contentHash: crypto.createHash("sha256").update(a.body).digest("hex"),
    simhash: "0000000000000000",
    title: a.title,
    published: a.published,
    publishedPrecision: a.published ? "day" : null,
    site: a.site,
    encoding: "utf-8",
    body: a.body,
    original: a.body,
    duplicateOf: a.duplicateOf ?? null,
    recordHash: crypto.createHash("sha256").update(JSON.stringify(a)).digest("hex"),
  } as NewArticle;
  db.insert(articles).values(row).run();
  for (const id of [...(a.regions ?? []), ...(a.entities ?? [])]) {
    db.insert(mentions).values({ articleId: a.id, entityId: id, paragraph: 0, start: 0, end: 1, text: id }).run();
  }
  for (const topic of a.topics ?? []) db.insert(articleTopics).values({ articleId: a.id, topic, score: 1 }).run();
}

export function loadFixture(db: Db): void {
  for (const e of [...REGIONS, PLAN, ORG]) db.insert(entities).values(e).onConflictDoNothing().run();
  for (const a of ARTICLES) insertArticle(db, a);
}

export function updateArticleTitle(db: Db, id: string, title: string): void {
  db.update(articles).set({ title }).where(eq(articles.id, id)).run();
}

export function deleteArticle(db: Db, id: string): void {
  db.delete(articles).where(eq(articles.id, id)).run();
}
