import type { Metadata } from "next";
import Link from "next/link";
import { getEntityExists } from "@/db/queries/entities";
import { toAtlasError } from "@/lib/errors";
import { search, type SearchParams, type SearchResponse } from "@/lib/search";
import { OFFTOPIC_KEY, parseOfftopic, parseSearchParams, SORTS, type SortOrder } from "@/lib/url-state";
import { OfftopicToggle } from "@/components/offtopic-toggle";
import { FacetPanel, SelectedFilters } from "@/components/search/facet-panel";
import { HitList } from "@/components/search/hit-list";
import { exportHref, feedHref, searchHref, sortHref } from "@/components/search/href";
import { Pagination } from "@/components/search/pagination";
import { SearchBox } from "@/components/search/search-box";
import { EntityCards } from "@/components/search/entity-card";
import { loadEntityCards } from "./entity-cards";
import { DateText } from "@/components/date-text";
import { getLatestMilestones, getMilestoneCount } from "@/db/queries/timeline";
import styles from "@/components/search/search.module.css";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const SORT_LABELS: Record<SortOrder, string> = { relevance: "相关度", newest: "最新", oldest: "最早" };
const EXAMPLES = ["示范区", "长三角一体化", "体检报告", "城际铁路", "嘉善", "制度创新", "生态环境", "大都市区"];

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = (await searchParams).q;
  const text = Array.isArray(q) ? q[0] : q;
  return { title: text ? `${text} · 检索` : "检索长三角一体化政策" };
}

export default async function SearchPage({ searchParams }: Props) {
  const raw = await searchParams;
  let params: SearchParams;
  let paramError: string | null = null;
  let offtopic = false;
  try {
    params = parseSearchParams(raw, { extraKeys: [OFFTOPIC_KEY], entityExists: (id) => getEntityExists({ id }) });
    offtopic = parseOfftopic(raw);
  } catch (e) {
    const err = toAtlasError(e);
    if (err.code !== "bad-request") throw err;
    paramError = err.userMessage;
    params = parseSearchParams({});
  }
  const response: SearchResponse = await search(params);
  const filtered = Object.values(params.filters).some((v) => v && v.length > 0);
  const offset = (params.page - 1) * params.pageSize;
  const hasFacets = Object.values(response.facets).some((v) => v.length > 0);
  const selectedCount = Object.values(params.filters).reduce((n, v) => n + (v?.length ?? 0), 0);
  const landing = !params.q && !filtered && params.page === 1;
  const latest = landing ? getLatestMilestones({ limit: 4, offtopic }) : [];
  // Milestones only off-topic or word-spun articles report (?offtopic=1 brings them back).
  const offtopicCount = landing ? getMilestoneCount({ filter: { offtopic: true } }) - getMilestoneCount({ filter: {} }) : 0;
  const cards = params.q && params.page === 1 ? loadEntityCards(response.linked) : [];

  return (
    <div className={styles.page}>
      <section className={styles.hero} aria-label="检索">
        {params.q || filtered ? null : (
          <p className={styles.tagline}>长三角一体化政策新闻知识库：规划、项目、机构、地区与里程碑，都能追溯到原文。</p>
        )}
        <SearchBox params={params} />
      </section>

      {latest.length ? (
        <section className={styles.latest} aria-labelledby="latest-h" data-testid="latest-milestones">
          <h2 id="latest-h">最近的里程碑 <Link href="/timeline" className="small">全部时间线 →</Link></h2>
          <ol>
            {latest.map((m) => (
              <li key={m.id} className="card">
                <span className={styles.latestDate}><DateText value={m.date} precision={m.precision} /> · {m.action}</span>
                <Link href={m.sources[0] ? `/articles/${m.sources[0].articleId}#p${m.sources[0].paragraph}` : "/timeline"}>{m.event}</Link>
              </li>
            ))}
          </ol>
          <OfftopicToggle shown={offtopic} count={offtopicCount} what="个里程碑" showHref="/?offtopic=1" hideHref="/" />
        </section>
      ) : null}

      {paramError ? <p className="notice" role="alert">{paramError}（已按默认条件检索）</p> : null}
      {response.engine === "sqlite" ? (
        <p className="notice" role="status" data-testid="engine-notice">
          {response.notice ?? "检索引擎暂时不可用，当前结果来自备用的 SQLite 全文检索，排序和高亮可能略有不同。"}
        </p>
      ) : null}

      <div className={hasFacets ? styles.layout : styles.layoutSingle}>
        <div className={styles.results} id="results">
          <EntityCards cards={cards} />
          <div className={styles.toolbar}>
            <p className={styles.summary} data-testid="result-summary" aria-live="polite">
              {params.q ? <>“<strong>{params.q}</strong>”</> : "全部文章"}：共 <strong data-testid="result-count">{response.total}</strong> 篇
              <span className="muted small">（{response.tookMs} 毫秒）</span>
            </p>
            {/* On a narrow screen the filters come after the results: this jumps there (shown only then). */}
            {hasFacets ? (
              <a href="#facets" className={`button ${styles.filtersJump}`} data-testid="filters-jump">
                筛选{selectedCount ? `（已选 ${selectedCount}）` : ""}
              </a>
            ) : null}
            <div className={styles.sort} role="group" aria-label="排序">
              {SORTS.map((s) => (
                <Link key={s} href={sortHref(params, s)} aria-current={params.sort === s ? "true" : undefined} data-testid={`sort-${s}`}>
                  {SORT_LABELS[s]}
                </Link>
              ))}
            </div>
          </div>
          <SelectedFilters params={params} response={response} />

          {response.hits.length === 0 ? (
            <div className={`card ${styles.empty}`} data-testid="empty-state">
              <h2>没有找到相关文章</h2>
              <p className="muted">
                {filtered ? <>试试 <Link href={searchHref(params, { filters: {} })}>去掉筛选条件</Link>，或者</> : "可以"}
                换个更短的关键词（两个字也行，比如“都市”能找到“大都市区”），繁体字同样可以检索。试试这些：
              </p>
              <ul className="chips">
                {EXAMPLES.map((q) => (
                  <li key={q}><Link className="chip" href={`/?q=${encodeURIComponent(q)}`} data-testid="example-query">{q}</Link></li>
                ))}
              </ul>
            </div>
          ) : (
            <HitList hits={response.hits} offset={offset} />
          )}

          <Pagination params={params} total={response.total} />

          <p className={styles.downloads}>
            {response.total > 0 ? (
              <>
                下载本次结果：
                <a href={exportHref(params, "json")} data-testid="download-json">JSON</a>
                <a href={exportHref(params, "csv")} download data-testid="download-csv">CSV</a>
                {" · "}
              </>
            ) : null}
            <a href={feedHref(params)} type="application/atom+xml" data-testid="search-feed">订阅这个检索（Atom）</a>
            {/* React hoists this into <head>; a relative href, unlike metadata alternates, which need an absolute base. */}
            <link rel="alternate" type="application/atom+xml" title={params.q ? `检索“${params.q}”的最新文章` : "最新文章"} href={feedHref(params)} />
          </p>
        </div>
        {hasFacets ? <FacetPanel params={params} response={response} /> : null}
      </div>
    </div>
  );
}
