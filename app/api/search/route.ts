import { csvResponse, toCsv, type CsvColumn } from "@/lib/format";
import { AtlasError } from "@/lib/ingest/types";
import { parseSearchParams, search, type SearchHit } from "@/lib/search";

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

/** GET /api/search?q=&region=&topic=&site=&year=&plan=&kind=&sort=&page=&pageSize=[&format=csv] */
export async function GET(request: Request) {
  const sp = new URL(request.url).searchParams;
  const format = sp.get("format") ?? "json";
  sp.delete("format");
  if (format !== "json" && format !== "csv") {
    return Response.json({ error: "invalid_params", message: "format: one of json, csv" }, { status: 400 });
  }
  let params;
  try {
    params = parseSearchParams(sp);
  } catch (e) {
    if (e instanceof AtlasError) return Response.json({ error: "invalid_params", message: e.message }, { status: 400 });
    throw e;
  }
  const response = await search(params);
  if (format === "csv") return csvResponse(toCsv(response.hits, columns), "delta-atlas-search.csv");
  return Response.json(response);
}
