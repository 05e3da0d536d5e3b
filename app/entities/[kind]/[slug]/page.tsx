import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { DateText } from "@/components/date-text";
import { EntityChip } from "@/components/entity-chip";
import { kindLabel } from "@/lib/domain/kinds";
import { actionLabel } from "@/lib/domain/milestones";
import { regionLevelLabel, regionSlug } from "@/lib/domain/regions";
import { FigureChart } from "@/components/figure-chart";
import { MAX_CHART_POINTS } from "@/lib/domain/indicators";
import { MilestoneList } from "@/components/milestone-list";
import { formatQuantity } from "@/lib/format";
import { toAtlasError } from "@/lib/errors";
import { ENTITY_ARTICLES_PAGE_SIZE, ENTITY_TARGETS_PAGE_SIZE, entityPageHref, parseEntityPageParams, type EntityPageState } from "@/lib/url-state";
import { decodeParam, ENTITY_MILESTONES, loadEntityPage, resolveEntity } from "./load";
import styles from "./entity.module.css";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ kind: string; slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { kind, slug } = await params;
  // The name only: the page's lists are loaded once, by the page.
  const resolved = resolveEntity(kind, slug);
  return { title: resolved ? resolved.entity.name : "实体不存在" };
}

export default async function EntityPage({ params, searchParams }: Props) {
  const { kind, slug } = await params;
  let state: EntityPageState = {};
  let error: string | null = null;
  try {
    state = parseEntityPageParams(await searchParams);
  } catch (e) {
    error = toAtlasError(e).userMessage;
  }
  const data = loadEntityPage(kind, slug, state);
  if (!data) notFound();
  // An old address (a region's slug id from before the official codes) moves to the canonical one.
  if (decodeParam(slug) !== data.entity.slug) permanentRedirect(`/entities/${data.entity.kind}/${encodeURIComponent(data.entity.slug)}`);
  const { entity, ancestors, children, located, articles, articleCount, articlesPage, articlePages, milestones, milestoneCount, targets, targetCount, targetsPage, targetPages } = data;
  const { figures, figureCount, charts, hiddenCharts, learned } = data;
  const pageBase = `/entities/${entity.kind}/${encodeURIComponent(entity.slug)}`;
  const firstTarget = (targetsPage - 1) * ENTITY_TARGETS_PAGE_SIZE + 1;
  const firstArticle = (articlesPage - 1) * ENTITY_ARTICLES_PAGE_SIZE + 1;
  // Pager links move one list and keep the other's page.
  const shown: EntityPageState = { targetsPage, articlesPage };
  const apiBase = `/api/entities/${entity.kind}/${encodeURIComponent(entity.slug)}`;
  const feedHref = `/feeds/entities/${entity.kind}/${encodeURIComponent(entity.slug)}`;
  const timelineHref = entity.kind === "region" ? `/timeline?region=${encodeURIComponent(entity.id)}` : entity.kind === "plan" ? `/timeline?plan=${encodeURIComponent(entity.id)}` : null;

  return (
    <div data-testid="entity-page" data-entity-id={entity.id}>
      {error ? <p className="notice" role="alert" data-testid="entity-params-error">{error}</p> : null}
      <nav className="crumbs" aria-label="位置">
        <ol data-testid="breadcrumb">
          <li><Link href="/">检索</Link></li>
          <li><Link href={`/entities/${entity.kind}`}>{kindLabel(entity.kind)}</Link></li>
          {ancestors.map((a) => (
            <li key={a.name}><Link href={`/entities/region/${encodeURIComponent(regionSlug(a.id))}`}>{a.name}</Link></li>
          ))}
        </ol>
      </nav>

      <header className={`card ${styles.header}`}>
        <span className="chip" data-kind={entity.kind}>{kindLabel(entity.kind)}</span>
        <h1 data-testid="entity-name">{entity.kind === "plan" && !entity.name.startsWith("《") ? `《${entity.name}》` : entity.name}</h1>
        <dl className="meta">
          {entity.type ? (<><dt>类型</dt><dd>{entity.kind === "region" ? regionLevelLabel(entity.type) : entity.type}</dd></>) : null}
          {entity.period ? (<><dt>期限</dt><dd>{entity.period}</dd></>) : null}
          {entity.kind === "region" && entity.path?.length ? (<><dt>层级</dt><dd>{entity.path.join(" › ")}</dd></>) : null}
          {entity.aliases.length ? (
            <>
              <dt>别称</dt>
              <dd>
                {entity.aliases.slice(0, 6).join("、")}
                {entity.aliases.length > 6 ? (
                  <details className={styles.aliases}>
                    <summary>另外 {entity.aliases.length - 6} 个写法</summary>
                    {entity.aliases.slice(6).join("、")}
                  </details>
                ) : null}
              </dd>
            </>
          ) : null}
          {learned.length ? (
            <>
              <dt>文中简称</dt>
              <dd data-testid="learned-aliases">
                {learned.map((a, i) => (
                  <span key={a.alias} data-status={a.status}>
                    {i ? "、" : ""}
                    <Link href={`/articles/${a.sources[0]!.articleId}#p${a.sources[0]!.paragraph}`} title={`${a.sources[0]!.text}（${a.status === "confirmed" ? "已确认" : "待审"}，${a.sources.length} 处）`}>
                      {a.alias}
                    </Link>
                  </span>
                ))}
              </dd>
            </>
          ) : null}
          <dt>报道</dt>
          <dd>{articleCount} 篇文章 · {milestoneCount} 个里程碑 · {figureCount} 项数据</dd>
        </dl>
        <p className={styles.actions}>
          {timelineHref && milestones.length ? <Link className="button" href={timelineHref}>在时间线中查看</Link> : null}
          <a className="button" href={apiBase}>JSON</a>
          <a className="button" href={`${apiBase}?format=csv`} download data-testid="entity-csv">提及 CSV</a>
          <a className="button" href={feedHref} type="application/atom+xml" data-testid="entity-feed">订阅（Atom）</a>
          <link rel="alternate" type="application/atom+xml" title={`提到${entity.name}的最新文章`} href={feedHref} />
        </p>
      </header>

      {children.length || located.length ? (
        <section className="section card">
          {children.length ? (
            <>
              <h2>下辖地区</h2>
              <ul className="chips" data-testid="region-children">
                {children.map((c) => (
                  <li key={c.id}><EntityChip entity={{ kind: "region", slug: c.slug, name: c.name }} /></li>
                ))}
              </ul>
            </>
          ) : null}
          {located.length ? (
            <>
              <h2 className={children.length ? styles.spaced : undefined}>位于此地的项目与机构</h2>
              <ul className="chips">
                {located.map((e) => (
                  <li key={e.id}><EntityChip entity={e} /></li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      <div className={`two-col ${styles.cols}`}>
        <div>
          <section className="card" aria-labelledby="ms-h">
            <h2 id="ms-h">里程碑 <span className="muted small">{milestoneCount}</span></h2>
            {milestoneCount > milestones.length ? (
              <p className="muted small" data-testid="entity-milestones-more">
                显示最近的 {ENTITY_MILESTONES} 个（共 {milestoneCount} 个）
                {timelineHref ? <>，<Link href={timelineHref}>在时间线中查看全部</Link></> : null}。
              </p>
            ) : null}
            <MilestoneList items={milestones} empty="还没有关于它的里程碑。" />
          </section>

          {targets.length ? (
            <section className="card section" aria-labelledby="tg-h" data-testid="entity-targets">
              <h2 id="tg-h">目标与完成情况 <span className="muted small">{targetCount}</span></h2>
              {targetPages > 1 ? (
                <p className="muted small" data-testid="entity-targets-pager">
                  按期限先后，显示第 {firstTarget}–{firstTarget + targets.length - 1} 个（共 {targetCount} 个，第 {targetsPage}/{targetPages} 页）
                  {targetsPage > 1 ? <>，<Link href={entityPageHref(pageBase, { ...shown, targetsPage: targetsPage - 1 })} rel="prev">上一页</Link></> : null}
                  {targetsPage < targetPages ? <>，<Link href={entityPageHref(pageBase, { ...shown, targetsPage: targetsPage + 1 })} rel="next">下一页</Link></> : null}。
                </p>
              ) : null}
              <ul className="plain-list">
                {targets.map(({ target, metBy, late }) => (
                  <li key={target.id} data-testid="entity-target" data-met={metBy ? "yes" : "no"}>
                    <strong>{actionLabel(target.action)}</strong>，期限 <DateText value={target.date} precision={target.precision} />：{target.event}
                    <div className="muted small">
                      {metBy ? (
                        <>
                          {late ? "已完成（晚于期限）" : "已按期完成"}：<DateText value={metBy.date} precision={metBy.precision} /> {actionLabel(metBy.action)}
                        </>
                      ) : (
                        "尚无报道表明已完成"
                      )}
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          <section className="card section" aria-labelledby="art-h">
            <h2 id="art-h">提到它的文章 <span className="muted small">{articleCount}</span></h2>
            {articles.length === 0 ? <p className="muted">暂无。</p> : null}
            {articlePages > 1 ? (
              <p className="muted small" data-testid="entity-articles-pager">
                按提及次数，显示第 {firstArticle}–{firstArticle + articles.length - 1} 篇（共 {articleCount} 篇，第 {articlesPage}/{articlePages} 页）
                {articlesPage > 1 ? <>，<Link href={entityPageHref(pageBase, { ...shown, articlesPage: articlesPage - 1 }, "art-h")} rel="prev">上一页</Link></> : null}
                {articlesPage < articlePages ? <>，<Link href={entityPageHref(pageBase, { ...shown, articlesPage: articlesPage + 1 }, "art-h")} rel="next">下一页</Link></> : null}。
              </p>
            ) : null}
            <ul className="plain-list" data-testid="entity-articles">
              {articles.map((a) => (
                <li key={a.id}>
                  <Link href={`/articles/${a.id}`} data-testid="entity-article-link">{a.title}</Link>
                  <div className="muted small">
                    <DateText value={a.published} precision={a.publishedPrecision} /> · {a.site ?? "未知网站"} · 提及 {a.mentionCount} 次
                  </div>
                </li>
              ))}
            </ul>
          </section>
        </div>

        <aside aria-label="数据">
          <section className="card">
            <h2>相关数据 <span className="muted small">{figureCount}</span></h2>
            {figureCount === 0 ? <p className="muted small">还没有归到它名下的数据。</p> : null}
            {charts.length ? (
              <div className={styles.charts}>
                {charts.map((c) => (
                  <FigureChart key={`${c.subject}|${c.unit}`} indicator={c} />
                ))}
              </div>
            ) : null}
            {hiddenCharts || charts.some((c) => c.totalPoints > c.points.length) ? (
              <p className="muted small" data-testid="entity-charts-more">
                图中为数值最多的 {charts.length} 项指标{hiddenCharts ? `（另有 ${hiddenCharts} 项未绘图）` : ""}，每项最近的 {MAX_CHART_POINTS} 个数值；全部数据见 JSON。
              </p>
            ) : null}
            <ul className="plain-list small" data-testid="entity-figures">
              {figures.map((f) => (
                <li key={f.id}>
                  <strong>{f.subject ?? f.text}</strong>
                  <div>
                    {f.before !== null ? `${formatQuantity(f.before, f.unit)} → ` : ""}
                    {formatQuantity(f.after ?? f.value, f.unit)}
                  </div>
                  <Link className="muted" href={`/articles/${f.articleId}#p${f.paragraph}`}>
                    「{f.text}」 · <DateText value={f.published} precision={f.publishedPrecision} />
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        </aside>
      </div>
    </div>
  );
}
