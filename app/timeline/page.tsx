import type { Metadata } from "next";
import Link from "next/link";
import { getEntitiesByIds, getEntityExists } from "@/db/queries/entities";
import { getMilestoneCount, getMilestoneYearCounts, getMilestones, getTimelineOptions, type MilestoneItem } from "@/db/queries/timeline";
import { OfftopicToggle } from "@/components/offtopic-toggle";
import { MilestoneList } from "@/components/milestone-list";
import { MILESTONE_STATUSES, MILESTONE_STATUS_LABELS } from "@/lib/domain/milestones";
import { regionContainers, regionOf } from "@/lib/domain/regions";
import { toAtlasError } from "@/lib/errors";
import { parseTimelineParams, timelineHref, TIMELINE_PAGE_SIZE, type TimelineState } from "@/lib/url-state";
import { PageLinks as TimelinePagination } from "@/components/search/pagination";
import styles from "./timeline.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "里程碑时间线" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function groupByYearMonth(items: MilestoneItem[]) {
  const years = new Map<string, Map<string, MilestoneItem[]>>();
  for (const m of items) {
    const date = m.date ?? "";
    const y = date.slice(0, 4);
    const month = m.precision === "year" ? "" : date.slice(5, 7);
    const ym = years.get(y) ?? new Map<string, MilestoneItem[]>();
    ym.set(month, [...(ym.get(month) ?? []), m]);
    years.set(y, ym);
  }
  return years;
}

export default async function TimelinePage({ searchParams }: Props) {
  let params: TimelineState = {};
  let error: string | null = null;
  try {
    params = parseTimelineParams(await searchParams, { entityExists: (id) => getEntityExists({ id }) });
  } catch (e) {
    error = toAtlasError(e).userMessage;
  }
  const { page: askedPage = 1, limit = TIMELINE_PAGE_SIZE, ...filter } = params;
  // One page in SQL, oldest first as the years read; the totals come from count queries (aggregates, no rows fetched).
  const total = getMilestoneCount({ filter });
  const lastPage = Math.max(1, Math.ceil(total / limit));
  const page = Math.min(askedPage, lastPage);
  const items = getMilestones({ filter, limit, offset: (page - 1) * limit });
  const years = getMilestoneYearCounts({ filter });
  const options = getTimelineOptions();
  // Milestones only off-topic or word-spun articles report: hidden unless ?offtopic=1.
  const offtopicCount = getMilestoneCount({ filter: { ...filter, offtopic: true } }) - (filter.offtopic ? getMilestoneCount({ filter: { ...filter, offtopic: false } }) : total);
  const maxYear = Math.max(1, ...years.map((y) => y.count));
  const grouped = groupByYearMonth(items);
  const regionName = params.region ? (regionOf(params.region)?.name ?? params.region) : null;
  const planName = params.plan
    ? (options.plans.find((p) => p.id === params.plan)?.name ?? getEntitiesByIds({ ids: [params.plan] })[0]?.name ?? params.plan)
    : null;
  const active: { key: "region" | "topic" | "plan" | "from" | "to" | "status"; label: string }[] = [];
  if (regionName) active.push({ key: "region", label: `地区：${regionName}` });
  if (params.topic) active.push({ key: "topic", label: `主题：${params.topic}` });
  if (planName) active.push({ key: "plan", label: `规划：${planName}` });
  if (params.from) active.push({ key: "from", label: `起：${params.from}` });
  if (params.to) active.push({ key: "to", label: `止：${params.to}` });
  if (params.status) active.push({ key: "status", label: `类型：${MILESTONE_STATUS_LABELS[params.status]}` });
  const planned = filter.status === "done" ? 0 : filter.status === "planned" ? total : getMilestoneCount({ filter: { ...filter, status: "planned" } });
  // JSON: this page; CSV: every matching milestone (the export ignores paging, so its link carries none).
  const api = timelineHref({ ...params, page }, {}, "/api/timeline");
  const csv = timelineHref(filter, {}, "/api/timeline");

  return (
    <div className={styles.page}>
      <header className={styles.head}>
        <div>
          <h1>里程碑时间线</h1>
          <p className="muted">规划批复、文件印发、项目开工与建成……每个事件都标注了日期精度，并链接到报道它的文章。</p>
        </div>
        <p className={styles.downloads}>
          <a className="button" href={api}>JSON</a>
          <a className="button" href={`${csv}${csv.includes("?") ? "&" : "?"}format=csv`} download data-testid="timeline-csv">下载 CSV（全部 {total} 个）</a>
          <a className="button" href={timelineHref(filter, {}, "/feeds/timeline")} type="application/atom+xml" data-testid="timeline-feed">订阅（Atom）</a>
          <link rel="alternate" type="application/atom+xml" title="最新的里程碑" href={timelineHref(filter, {}, "/feeds/timeline")} />
        </p>
      </header>

      {error ? <p className="notice" role="alert" data-testid="timeline-error">{error}</p> : null}

      <form method="get" action="/timeline" className={`card ${styles.filters}`} data-testid="timeline-filters" aria-label="筛选里程碑">
        <label>
          <span>地区</span>
          <select name="region" defaultValue={params.region ?? ""} data-testid="filter-region">
            <option value="">全部地区</option>
            {options.regions.map((r) => (
              <option key={r.id} value={r.id}>
                {"\u3000".repeat(Math.max(0, (r.path?.length ?? 1) - 1))}
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>主题</span>
          <select name="topic" defaultValue={params.topic ?? ""} data-testid="filter-topic">
            <option value="">全部主题</option>
            {options.topics.map((t) => (
              <option key={t} value={t}>{t}</option>
            ))}
          </select>
        </label>
        <label className={styles.wide}>
          <span>规划文件</span>
          <select name="plan" defaultValue={params.plan ?? ""} data-testid="filter-plan">
            <option value="">全部规划</option>
            {options.plans.map((p) => (
              <option key={p.id} value={p.id}>{p.name}</option>
            ))}
          </select>
        </label>
        <label>
          <span>起</span>
          <input name="from" defaultValue={params.from ?? ""} placeholder="2019 或 2019-12" pattern="\d{4}(-\d{2}(-\d{2})?)?" inputMode="numeric" data-testid="filter-from" />
        </label>
        <label>
          <span>止</span>
          <input name="to" defaultValue={params.to ?? ""} placeholder="2024-07" pattern="\d{4}(-\d{2}(-\d{2})?)?" inputMode="numeric" data-testid="filter-to" />
        </label>
        <label>
          <span>类型</span>
          <select name="status" defaultValue={params.status ?? ""} data-testid="filter-status">
            <option value="">全部（目标另行标出）</option>
            {MILESTONE_STATUSES.map((st) => (
              <option key={st} value={st}>{MILESTONE_STATUS_LABELS[st]}</option>
            ))}
          </select>
        </label>
        {params.offtopic ? <input type="hidden" name="offtopic" value="1" /> : null}
        <div className={styles.submit}>
          <button type="submit" className="button primary" data-testid="filter-submit">筛选</button>
          {active.length ? <Link href="/timeline" className="button">清除</Link> : null}
        </div>
      </form>

      <details className={styles.help}>
        <summary>地区筛选是怎么算的？</summary>
        <p>
          一个里程碑属于某地区，当且仅当以下任一项是该地区或其下辖地区：里程碑本身涉及的地区；它涉及的项目或机构所在的地区；
          报道这一事件的那一段原文中提到的地区。只在文章其他段落出现的地名不算，以免一篇综述把所有事件都算进每个地方。
        </p>
      </details>

      {active.length ? (
        <ul className={`chips ${styles.active}`} aria-label="已选条件" data-testid="active-filters">
          {active.map((a) => (
            <li key={a.key}>
              <Link className="chip" href={timelineHref(params, { [a.key]: undefined })} aria-label={`移除 ${a.label}`}>
                {a.label} <span aria-hidden="true">×</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}

      <nav className={`card ${styles.years}`} aria-label="按年份查看" data-testid="year-overview">
        {years.length === 0 ? <span className="muted small">没有符合条件的年份</span> : null}
        {years.map((y) => {
          const selected = params.from === y.year && params.to === y.year;
          return (
            <Link
              key={y.year}
              href={selected ? timelineHref(params, { from: undefined, to: undefined }) : timelineHref(params, { from: y.year, to: y.year })}
              className={styles.year}
              aria-current={selected ? "true" : undefined}
              data-testid="year-link"
              title={`${y.year}年：${y.count} 个里程碑`}
            >
              <span className={styles.bar} style={{ height: `${Math.round((y.count / maxYear) * 48) + 4}px` }} aria-hidden="true" />
              <span className={styles.yearLabel}>{y.year}</span>
              <span className={styles.yearCount}>{y.count}</span>
            </Link>
          );
        })}
      </nav>

      <p className="muted small" data-testid="timeline-count" aria-live="polite">
        共 {total} 个里程碑{lastPage > 1 ? `，第 ${page}/${lastPage} 页（每页 ${limit} 个，第 ${(page - 1) * limit + 1}–${(page - 1) * limit + items.length} 个）` : ""}{planned ? `，其中 ${planned} 个是目标或计划（虚线标出，日期为期限）` : ""}
      </p>
      <OfftopicToggle shown={Boolean(params.offtopic)} count={offtopicCount} what="个里程碑" showHref={timelineHref(params, { offtopic: true })} hideHref={timelineHref(params, { offtopic: false })} />

      {items.length === 0 ? (
        <div className="card" data-testid="timeline-empty">
          <h2>没有符合条件的里程碑</h2>
          <p className="muted">试试放宽日期范围，或 <Link href="/timeline">查看全部里程碑</Link>。</p>
        </div>
      ) : (
        <div data-testid="timeline">
          {[...grouped].map(([year, months]) => (
            <section key={year} className={styles.yearBlock} aria-labelledby={`y${year}`}>
              <h2 id={`y${year}`} className={styles.yearHead}>{year}年</h2>
              <div className={`card ${styles.yearCard}`}>
                {[...months].map(([month, list]) => (
                  <div key={month || "year"} className={styles.month}>
                    <h3 className={styles.monthHead}>{month ? `${Number(month)}月` : "月份不详"}</h3>
                    <MilestoneList items={list} closure={regionContainers} headingLevel={4} />
                  </div>
                ))}
              </div>
            </section>
          ))}
        </div>
      )}
      <TimelinePagination page={page} last={lastPage} href={(n) => timelineHref(params, { page: n })} />
    </div>
  );
}
