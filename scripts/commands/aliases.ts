import fs from "node:fs";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { getLearnedAliases, setLearnedAliasStatus, type AliasStatus } from "@/db/queries/aliases";
import { ALIAS_STATUSES } from "@/lib/domain/aliases";
import { AtlasError } from "@/lib/errors";
import type { ReviewedAliases } from "@/lib/extract/aliases";

/** The reviewer's file, applied on every ingest (lib/extract/aliases.ts reads it). */
export const REVIEWED_FILE = fileURLToPath(new URL("../../lib/extract/data/aliases-reviewed.json", import.meta.url));
const LABEL: Record<AliasStatus, string> = { proposed: "待审", confirmed: "已确认", rejected: "已否决" };

async function review(entityId: string, alias: string, verdict: "confirmed" | "rejected", note: string | undefined): Promise<void> {
  // Loaded here, not with the CLI: both reach the extraction modules (region tables, jieba), which every other
  // command (kb ingest's writer thread above all) would otherwise load for nothing.
  const [{ getEntityExists }, { withVerdict }] = await Promise.all([import("@/db/queries/entities"), import("@/lib/extract/aliases")]);
  if (!getEntityExists({ id: entityId })) throw new AtlasError("bad-request", `没有编号为 ${entityId} 的条目（用 kb aliases list 查看编号）`);
  const data = JSON.parse(fs.readFileSync(REVIEWED_FILE, "utf8")) as ReviewedAliases;
  fs.writeFileSync(REVIEWED_FILE, `${JSON.stringify(withVerdict(data, entityId, alias, verdict, note), null, 2)}\n`);
  const n = setLearnedAliasStatus({ entityId, alias, status: verdict });
  console.log(`${LABEL[verdict]}：${entityId} “${alias}”（数据库中 ${n} 条出处已更新；${REVIEWED_FILE} 在下次导入时生效）`);
  if (n === 0) console.log("注意：语料中还没有这条别名的出处；它会在出现时直接按审定结果处理。");
  console.log("搜索用的同义词在下一次 `kb index` 时更新。");
}

export function registerAliases(program: Command) {
  const cmd = program.command("aliases").description("aliases learned from the corpus (以下简称, 又称, 原名, 即, parenthesized short forms): list, confirm, reject");
  cmd
    .command("list", { isDefault: true })
    .description("list learned aliases with their sources")
    .option("--entity <id>", "only this entity (plan:…, project:…, organization:…, region:…)")
    .option("--status <status>", "proposed | confirmed | rejected")
    .option("--json", "print JSON")
    .action((opts: { entity?: string; status?: string; json?: boolean }) => {
      if (opts.status && !ALIAS_STATUSES.includes(opts.status as AliasStatus)) throw new AtlasError("bad-request", `--status 只能是 ${ALIAS_STATUSES.join("、")}`);
      const rows = getLearnedAliases({ entityId: opts.entity, status: opts.status as AliasStatus | undefined });
      if (opts.json) {
        console.log(JSON.stringify(rows, null, 2));
        return;
      }
      if (!rows.length) {
        console.log("没有学到的别名。");
        return;
      }
      for (const r of rows) {
        console.log(`[${LABEL[r.status]}] ${r.entityId}  ${r.entityName} → “${r.alias}”  (${r.sources.length} 处)`);
        for (const s of r.sources.slice(0, 3)) console.log(`    ${s.pattern} · ${s.articleTitle} ¶${s.paragraph}: ${s.text}`);
      }
    });
  cmd
    .command("confirm")
    .description("confirm an alias (kept in lib/extract/data/aliases-reviewed.json, applied on every ingest)")
    .argument("<entity>", "entity id")
    .argument("<alias>", "the alias")
    .option("--note <text>", "why")
    .action((entity: string, alias: string, opts: { note?: string }) => review(entity, alias, "confirmed", opts.note));
  cmd
    .command("reject")
    .description("reject an alias: never used by search or entity pages")
    .argument("<entity>", "entity id")
    .argument("<alias>", "the alias")
    .option("--note <text>", "why")
    .action((entity: string, alias: string, opts: { note?: string }) => review(entity, alias, "rejected", opts.note));
}
