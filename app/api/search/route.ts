import { errorResponse } from "@/lib/errors";
import { csvResponse, csvStream, type CsvColumn } from "@/lib/format";
import { getEntityExists } from "@/db/queries/entities";
import { search, searchAllHits, type SearchHit } from "@/lib/search";
import { parseFormat, parseSearchParams } from "@/lib/url-state";

export const dynamic = "force-dynamic";

const columns: CsvColumn<SearchHit>[] = [
  { header: "id", value: (h) => h.id },
  { header: "title", value: (h) => h.title },
  { header: "published", value: (h) => h.published },
  { header: "site", value: (h) => h.site },
  { header: "url", value: (h) => h.url },
  { header: "regions", value: (h) => h.regions.map((r) => r.name) },
  { header: "topics", value: (h) => h.topics },
];

/** GET /api/search?q=&region=&topic=&site=&year=&plan=&kind=&sort=&page=&pageSize=[&format=csv] — CSV streams every hit. */
export async function GET(request: Request) {
  try {
    const sp = new URL(request.url).searchParams;
    const format = parseFormat(sp);
    const params = parseSearchParams(sp, { extraKeys: ["format"], entityExists: (id) => getEntityExists({ id }) });
    if (format === "csv") return csvResponse(csvStream(searchAllHits(params), columns), "delta-atlas-search.csv");
    return Response.json(await search(params));
  } catch (e) {
    return errorResponse(e);
  }
}
