/**
 * The timeline's handlers in process (no HTTP, no Next.js build) over the database in DATA_DIR: p50/p95 of
 * /api/timeline for the bench's TIMELINE_URLS, its CSV export (every row) and the timeline Atom feed.
 * `npm run bench:timeline [-- runs]` (default 15 runs after 2 warm-ups). Prints a table; writes nothing.
 */
import { TIMELINE_URLS } from "@/lib/bench/queries";
import { pct } from "@/lib/bench/server";
import { GET as timelineApi } from "@/app/api/timeline/route";
import { GET as timelineFeed } from "@/app/feeds/timeline/route";

const runs = Number(process.argv[2] ?? 15);
const cases: [string, (u: string) => Promise<Response> | Response, string][] = [
  ...Object.entries(TIMELINE_URLS).map(([name, url]) => [`/api/timeline ${name}`, timelineApi, url] as [string, typeof timelineApi, string]),
  ["/api/timeline all, CSV", timelineApi, `${TIMELINE_URLS.all}?format=csv`],
  ["/feeds/timeline", timelineFeed, "/feeds/timeline"],
].map(([name, fn, url]) => [name as string, (u: string) => (fn as (r: Request) => Response | Promise<Response>)(new Request(`http://bench.test${u}`)), url as string]);

const rows: string[][] = [];
for (const [name, call, url] of cases) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs + 2; i++) {
    const t = performance.now();
    const res = await call(url);
    bytes = (await res.arrayBuffer()).byteLength;
    if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
    if (i >= 2) times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  rows.push([name, pct(times, 50).toFixed(1), pct(times, 95).toFixed(1), String(Math.round(bytes / 1024))]);
}
console.table(rows.map(([name, p50, p95, kb]) => ({ case: name, "p50 ms": p50, "p95 ms": p95, KB: kb })));
