import type { Command } from "commander";
import type { FacetName } from "@/lib/search/types";

const collect = (value: string, previous: string[] = []) => [...previous, value];
const plain = (html: string) => html.replace(/<mark>/g, "[").replace(/<\/mark>/g, "]").replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)));

export function registerSearch(program: Command) {
  const cmd = program
    .command("search")
    .description("search the knowledge base (the same engine and parameters as /api/search)")
    .argument("[query...]", "query text", [])
    .option("--sort <order>", "relevance | newest | oldest")
    .option("--page <n>", "page number (1-based)")
    .option("--page-size <n>", "hits per page")
    .option("--json", "print the full response as JSON");
  // The facet options come from the facet registry, which loads the region tables (~80 MB of RSS in the kb process):
  // they are added when `kb search` is the command run (its --help included), so no other command loads them.
  let facets: readonly FacetName[] = [];
  program.hook("preSubcommand", async (_program, sub) => {
    if (sub !== cmd) return;
    ({ FACETS: facets } = await import("@/lib/search/types"));
    for (const f of facets) cmd.option(`--${f} <value>`, `filter on ${f} (repeat for OR)`, collect);
  });
  cmd.action(async (query: string[], opts: Record<string, string | string[] | boolean | undefined>) => {
    const sp = new URLSearchParams();
    if (query.length) sp.set("q", query.join(" "));
    if (typeof opts.sort === "string") sp.set("sort", opts.sort);
    if (typeof opts.page === "string") sp.set("page", opts.page);
    if (typeof opts.pageSize === "string") sp.set("pageSize", opts.pageSize);
    for (const f of facets) for (const v of (opts[f] as string[] | undefined) ?? []) sp.append(f, v);
    const { parseSearchParams, search } = await import("@/lib/search"); // not loaded by the other commands
    const response = await search(parseSearchParams(sp));
    if (opts.json) {
      console.log(JSON.stringify(response, null, 2));
      return;
    }
    if (response.notice) console.error(`note: ${response.notice}`);
    console.log(`${response.total} results (${response.engine}, ${response.tookMs} ms)`);
    response.hits.forEach((h, i) => {
      const n = (response.page - 1) * response.pageSize + i + 1;
      console.log(`\n${n}. ${plain(h.titleHtml)}  [${h.id}]`);
      console.log(`   ${[h.published, h.site, h.regions.map((r) => r.name).join("、"), h.topics.join("、")].filter(Boolean).join(" · ")}`);
      console.log(`   ${plain(h.snippet)}`);
    });
    for (const f of facets) {
      const values = response.facets[f].slice(0, 8);
      if (values.length) console.log(`\n${f}: ${values.map((v) => `${v.selected ? "*" : ""}${v.label} (${v.count})`).join(", ")}`);
    }
  });
}
