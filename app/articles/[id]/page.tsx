import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getArticleById, getArticleTitle, getRelatedArticlesById, type ArticleDetail } from "@/db/queries/articles";
import { getMilestonesByArticleId } from "@/db/queries/timeline";
import { AnnotatedParagraph, KindLegend } from "@/components/annotated-paragraph";
import { locate, type Annotation } from "@/components/annotate";
import { DateText } from "@/components/date-text";
import { EntityChip } from "@/components/entity-chip";
import { entityHref, kindLabel } from "@/lib/domain/kinds";
import { MilestoneList } from "@/components/milestone-list";
import { formatQuantity, safeHttpUrl } from "@/lib/format";
import { RELEVANCE_THRESHOLD } from "@/lib/extract/relevance";
import styles from "./article.module.css";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  // The title only: the page reads the article (body, paragraphs, mentions, figures) once, below.
  return { title: getArticleTitle({ id }) ?? "文章不存在" };
}

function annotationsByParagraph(d: ArticleDetail): Map<number, Annotation[]> {
  const map = new Map<number, Annotation[]>();
  const add = (p: number, a: Annotation) => map.set(p, [...(map.get(p) ?? []), a]);
  for (const m of d.mentions) {
    add(m.paragraph, { start: m.start, end: m.end, kind: m.kind, ref: m.entityId, label: m.name, href: entityHref(m) });
  }
  const textOf = new Map(d.paragraphs.map((p) => [p.idx, p.text]));
  const cursor = new Map<string, number>();
  for (const f of d.figures) {
    const text = textOf.get(f.paragraph);
    if (!text) continue;
    const key = `${f.paragraph}:${f.text}`;
    const hit = locate(text, f.text, cursor.get(key) ?? 0);
    if (!hit) continue;
    cursor.set(key, hit.end);
    add(f.paragraph, { ...hit, kind: "figure", ref: `figure:${f.id}`, label: f.subject ?? f.text });
  }
  return map;
}

const ENTITY_KINDS = ["plan", "project", "organization", "region"] as const;

export default async function ArticlePage({ params, searchParams }: Props) {
  const { id } = await params;
  const sp = await searchParams;
  const view = sp.view === "original" ? "original" : "clean";
  const d = getArticleById({ id });
  if (!d) notFound();
  const { article } = d;
  const related = getRelatedArticlesById({ id });
  const milestones = getMilestonesByArticleId({ articleId: id });
  const annotations = annotationsByParagraph(d);
  const sourceHref = safeHttpUrl(article.url);

  const uniqueEntities = new Map<string, { id: string; kind: string; slug: string; name: string; n: number }>();
  for (const m of d.mentions) {
    if (m.kind === "date") continue;
    const e = uniqueEntities.get(m.entityId) ?? { id: m.entityId, kind: m.kind, slug: m.slug, name: m.name, n: 0 };
    e.n++;
    uniqueEntities.set(m.entityId, e);
  }
  const kindsPresent = [...new Set([...d.mentions.map((m) => m.kind), ...(d.figures.length ? ["figure"] : [])])];
  const originalParas = d.paragraphs.length ? d.paragraphs.map((p) => p.original) : article.original.split(/\n\s*\n/);

  return (
    <article className={styles.page} data-testid="article">
      <nav className="crumbs" aria-label="位置">
        <ol>
          <li><Link href="/">检索</Link></li>
          <li>{article.site ?? "文章"}</li>
        </ol>
      </nav>
      <div className="two-col">
        <div className={`card ${styles.main}`}>
          <header className={styles.header}>
            <h1 data-testid="article-title">{article.title}</h1>
            <p className={styles.byline}>
              <DateText value={article.published} precision={article.publishedPrecision} fallback={article.publishedText ?? "日期不详"} />
              {article.site ? <span>{article.site}</span> : null}
              {article.source && article.source !== article.site ? <span>来源：{article.source}</span> : null}
              {article.author ? <span>作者：{article.author}</span> : null}
            </p>
            {d.topics.length ? (
              <ul className="chips" aria-label="主题">
                {d.topics.map((t) => (
                  <li key={t.topic}>
                    <Link className="chip" href={`/?topic=${encodeURIComponent(t.topic)}`}>{t.topic}</Link>
                  </li>
                ))}
              </ul>
            ) : null}
          </header>

          {article.lowQuality || (article.relevance !== null && article.relevance < RELEVANCE_THRESHOLD) ? (
            <p className="notice" data-testid="offtopic-notice">
              {article.lowQuality ? "这篇文章的文字像是同义词替换软件生成的（如“成长”代替“发展”、“重年夜”代替“重大”），质量较低" : "这篇文章与长三角一体化关系不大"}
              ，它的里程碑和实体默认不出现在时间线、首页和实体列表中（加上 <code>?offtopic=1</code> 可以看到）；检索仍能找到它，排在相关文章之后。
            </p>
          ) : null}

          {d.duplicateOf ? (
            <p className="notice" data-testid="duplicate-notice">
              这篇文章与 <Link href={`/articles/${d.duplicateOf.id}`}>{d.duplicateOf.title}</Link>
              {d.duplicateOf.site ? `（${d.duplicateOf.site}）` : ""} 内容几乎相同，检索结果中只显示那一篇。
            </p>
          ) : null}

          <div className={styles.viewBar} role="group" aria-label="正文版本">
            <Link href={`/articles/${id}`} aria-current={view === "clean" ? "true" : undefined} className={styles.viewLink} data-testid="view-clean">
              整理后的正文
            </Link>
            <Link href={`/articles/${id}?view=original`} aria-current={view === "original" ? "true" : undefined} className={styles.viewLink} data-testid="view-original">
              抓取原文
            </Link>
            <a className={styles.viewLink} href={`/api/articles/${id}`}>JSON</a>
            <a className={styles.viewLink} href={`/api/articles/${id}?format=csv`} download>实体 CSV</a>
          </div>

          {view === "clean" ? (
            <section aria-label="正文" data-testid="article-body">
              {kindsPresent.length ? <KindLegend kinds={kindsPresent} /> : null}
              {d.paragraphs.map((p) => (
                <AnnotatedParagraph key={p.idx} id={`p${p.idx}`} text={p.text} annotations={annotations.get(p.idx) ?? []} />
              ))}
            </section>
          ) : (
            <section aria-label="抓取原文" data-testid="article-original" className={styles.original}>
              <p className="muted small">以下是抓取时的原始文字（未做繁简转换与清理），供核对出处。</p>
              {originalParas.map((p, i) => (
                <p key={i}>{p}</p>
              ))}
            </section>
          )}

          <section className="section" aria-labelledby="ms-h">
            <h2 id="ms-h">本文报道的里程碑 <span className="count">{milestones.length}</span></h2>
            <MilestoneList items={milestones} empty="本文没有识别出里程碑。" />
            {milestones.some((m) => !m.date) ? (
              <p className="muted small" data-testid="undated-note">“日期不详”的事件：原文没有给出能确定年份的日期，只在本文列出，不进入时间线。</p>
            ) : null}
          </section>
        </div>

        <aside className={styles.aside} aria-label="文章信息">
          <section className="card">
            <h2>信息</h2>
            <dl className="meta" data-testid="article-meta">
              <dt>网站</dt>
              <dd>{article.site ?? "—"}</dd>
              {article.source ? (<><dt>原始来源</dt><dd>{article.source}</dd></>) : null}
              <dt>发布日期</dt>
              <dd>
                <DateText value={article.published} precision={article.publishedPrecision} fallback={article.publishedText ?? "不详"} />
                {article.publishedPrecision && article.publishedPrecision !== "day" ? (
                  <span className="muted small">（精确到{article.publishedPrecision === "month" ? "月" : "年"}）</span>
                ) : null}
              </dd>
              <dt>相关度</dt>
              <dd data-testid="article-relevance" title="与长三角一体化的相关程度（0–1）：长三角地名、规划、功能区、一体化主题词与实体密度">
                {article.relevance === null ? (
                  <span className="muted">未评分（重新导入后计算）</span>
                ) : (
                  <>
                    {article.relevance.toFixed(2)}{" "}
                    <span className="muted small">（阈值 {RELEVANCE_THRESHOLD}，{article.relevance >= RELEVANCE_THRESHOLD ? "相关" : "关系不大"}{article.lowQuality ? "；疑似同义词替换，质量低" : ""}）</span>
                  </>
                )}
              </dd>
              {article.editor ? (<><dt>编辑</dt><dd>{article.editor}</dd></>) : null}
              <dt>原文链接</dt>
              <dd data-testid="source-url">
                {sourceHref ? (
                  <a href={sourceHref} rel="noopener noreferrer nofollow" target="_blank">{new URL(sourceHref).hostname}</a>
                ) : article.url ? (
                  // Not a web address (a local path, file: …): shown for the record, never a link.
                  <span className="muted">{article.url}</span>
                ) : (
                  <span className="muted">无（{article.filePath ?? "本地文件"}）</span>
                )}
              </dd>
            </dl>
          </section>

          {d.twins.length ? (
            <section className="card" data-testid="also-reported">
              <h2>同时报道</h2>
              <ul className="plain-list small">
                {d.twins.map((t) => (
                  <li key={t.id}>
                    <Link href={`/articles/${t.id}`}>{t.site ?? t.title}</Link>{" "}
                    <span className="muted"><DateText value={t.published} precision={t.publishedPrecision} /></span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          <section className="card" data-testid="article-entities">
            <h2>实体</h2>
            {uniqueEntities.size === 0 ? <p className="muted small">未识别出实体。</p> : null}
            {ENTITY_KINDS.map((k) => {
              const list = [...uniqueEntities.values()].filter((e) => e.kind === k).sort((a, b) => b.n - a.n);
              if (!list.length) return null;
              return (
                <div key={k} className={styles.kindGroup}>
                  <h3>{kindLabel(k)}</h3>
                  <ul className="chips">
                    {list.map((e) => (
                      <li key={e.id}><EntityChip entity={e} /></li>
                    ))}
                  </ul>
                </div>
              );
            })}
          </section>

          {d.figures.length ? (
            <section className="card">
              <h2>关键数据</h2>
              <ul className="plain-list small" data-testid="article-figures">
                {d.figures.slice(0, 12).map((f) => (
                  <li key={f.id}>
                    <a href={`#p${f.paragraph}`}>{f.text}</a>
                    <div className="muted">
                      {f.subject ? `${f.subject}：` : ""}
                      {f.before !== null ? `${formatQuantity(f.before, f.unit)} → ` : ""}
                      {formatQuantity(f.after ?? f.value, f.unit)}
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {related.length ? (
            <section className="card" data-testid="related">
              <h2>相关文章</h2>
              <ul className="plain-list small">
                {related.map((r) => (
                  <li key={r.id}>
                    <Link href={`/articles/${r.id}`}>{r.title}</Link>
                    <div className="muted">共同实体 {r.shared} 个：{r.sharedNames.join("、")}</div>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </aside>
      </div>
    </article>
  );
}
