import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTopEntitiesByKind } from "@/db/queries/entities";
import { isPageKind, kindLabel, PAGE_KINDS } from "@/lib/domain/kinds";
import { EntityChip } from "@/components/entity-chip";
import { OfftopicToggle } from "@/components/offtopic-toggle";
import { parseOfftopic } from "@/lib/url-state";
import { toAtlasError } from "@/lib/errors";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ kind: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { kind } = await params;
  return { title: isPageKind(kind) ? kindLabel(kind) : "实体" };
}

/** The most reported entities of one kind, with links to the other kinds. */
export default async function EntityKindPage({ params, searchParams }: Props) {
  const { kind } = await params;
  if (!isPageKind(kind)) notFound();
  // ?all=1 also lists the names found by their suffix in one article only (possibly sentence fragments).
  const sp = await searchParams;
  const all = sp.all === "1";
  // ?offtopic=1 also counts mentions in off-topic or word-spun articles (lib/extract/relevance.ts).
  let offtopic = false;
  let paramError: string | null = null;
  try {
    offtopic = parseOfftopic(sp);
  } catch (e) {
    // A malformed value keeps the default view and says why.
    paramError = toAtlasError(e).userMessage;
  }
  const { items: list, hidden, offtopicHidden } = getTopEntitiesByKind({ kind, limit: 300, all, offtopic });
  const href = (patch: { all?: boolean; offtopic?: boolean }) => {
    const next = { all, offtopic, ...patch };
    const qs = new URLSearchParams();
    if (next.all) qs.set("all", "1");
    if (next.offtopic) qs.set("offtopic", "1");
    return `/entities/${kind}${qs.size ? `?${qs}` : ""}`;
  };
  return (
    <div data-testid="entity-kind-page">
      <nav className="crumbs" aria-label="位置">
        <ol>
          <li><Link href="/">检索</Link></li>
          <li>{kindLabel(kind)}</li>
        </ol>
      </nav>
      <h1>{kindLabel(kind)}</h1>
      {paramError ? <p className="notice" role="alert">{paramError}</p> : null}
      <p className="chips" role="navigation" aria-label="实体类型">
        {PAGE_KINDS.map((k) => (
          <Link key={k} className="chip" data-kind={k} href={`/entities/${k}`} aria-current={k === kind ? "page" : undefined}>
            {kindLabel(k)}
          </Link>
        ))}
      </p>
      <section className="card section">
        <h2>按报道篇数 <span className="muted small">{list.length}</span></h2>
        {list.length === 0 ? <p className="muted">还没有这一类实体。</p> : null}
        {hidden > 0 ? (
          <p className="muted small" data-testid="unsure-toggle">
            {all ? (
              <>含 {hidden} 个只在一篇文章中按后缀识别、把握较低的名称（已标出）。<Link href={href({ all: false })}>只看可靠的名称</Link></>
            ) : (
              <>另有 {hidden} 个只在一篇文章中按后缀识别、把握较低的名称未列出。<Link href={href({ all: true })}>显示全部</Link></>
            )}
          </p>
        ) : null}
        <OfftopicToggle shown={offtopic} count={offtopicHidden} what="个名称" showHref={href({ offtopic: true })} hideHref={href({ offtopic: false })} />
        <ul className="chips">
          {list.map((e) => (
            <li key={e.id} data-testid="entity-list-item" data-sure={e.sure ? "true" : "false"}>
              <EntityChip entity={e} /> <span className="muted small">{e.articleCount}{e.sure ? "" : " ？"}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
