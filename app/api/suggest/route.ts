import { errorResponse } from "@/lib/errors";
import { suggest } from "@/lib/search";

export const dynamic = "force-dynamic";

/** GET /api/suggest?q= — entities (plans, projects, organizations, places) named by what is typed, with their kind. */
export function GET(request: Request) {
  try {
    const q = new URL(request.url).searchParams.get("q") ?? "";
    return Response.json({ query: q, suggestions: suggest(q) }, { headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    return errorResponse(e);
  }
}
