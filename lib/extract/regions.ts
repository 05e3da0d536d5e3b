import gazetteer from "./data/gazetteer.json";
import { Dictionary } from "./text";

export type RegionKind = "province" | "city" | "district" | "county" | "town" | "zone";

export interface Region {
  id: string;
  name: string;
  kind: RegionKind;
  parentId: string | null;
  /** Names from the root to this region, e.g. ["浙江", "嘉兴", "嘉善"]. */
  path: string[];
  /** Every surface form that resolves to this region (full name, short name, prefixed forms …). */
  aliases: string[];
  /** Zones only: regions that belong to the zone (一体化示范区 = 青浦 + 吴江 + 嘉善). */
  members?: string[];
}

export interface RegionMatch {
  id: string;
  text: string;
  start: number;
  end: number;
  /** Matched through an alias that is only valid once the article names the region in full (示范区). */
  contextual: boolean;
}

interface TreeNode {
  slug: string;
  full: string;
  name?: string;
  kind: string;
  noShort?: boolean;
  aliases?: string[];
  children?: TreeNode[];
}
interface ZoneNode {
  id: string;
  name: string;
  full?: string;
  kind: string;
  parentId: string | null;
  aliases: string[];
  contextAliases?: string[];
  members: string[];
}
interface GazetteerFile {
  tree: TreeNode[];
  zones: ZoneNode[];
  composites: Record<string, string[]>;
  stopPhrases: string[];
}

const data = gazetteer as GazetteerFile;

function shortName(full: string): string {
  for (const suffix of ["新片区", "街道", "省", "市", "区", "县", "镇"]) {
    if (full.endsWith(suffix) && full.length - suffix.length >= 2 && suffix !== "新片区") return full.slice(0, -suffix.length);
  }
  return full;
}

interface Built {
  regions: Map<string, Region>;
  dict: Dictionary<{ ids: string[]; contextual: boolean }>;
  stop: Dictionary<true>;
}

function build(): Built {
  const regions = new Map<string, Region>();
  const forms: [string, { ids: string[]; contextual: boolean }][] = [];
  const add = (form: string, id: string) => forms.push([form, { ids: [id], contextual: false }]);

  const walk = (nodes: TreeNode[], parent: Region | null, parentForms: string[][]) => {
    for (const n of nodes) {
      const id = parent ? `${parent.id}-${n.slug}` : n.slug;
      const name = n.name ?? shortName(n.full);
      const own = [...new Set([n.full, name, ...(n.aliases ?? [])])];
      const matchable = n.noShort ? own.filter((f) => f !== name || f === n.full) : own;
      const region: Region = {
        id,
        name,
        kind: n.kind as RegionKind,
        parentId: parent?.id ?? null,
        path: [...(parent?.path ?? []), name],
        aliases: [],
      };
      const all = new Set<string>(matchable);
      // Prefixed forms: 上海青浦, 上海市青浦区, 嘉兴嘉善, 浙江嘉善, 浙江省嘉兴市嘉善县 …
      const p = parentForms[parentForms.length - 1];
      const gp = parentForms[parentForms.length - 2];
      for (const s of own) {
        for (const pf of p ?? []) all.add(pf + s);
        for (const gf of gp ?? []) {
          all.add(gf + s);
          for (const pf of p ?? []) all.add(gf + pf + s);
        }
      }
      region.aliases = [...all];
      regions.set(id, region);
      for (const f of all) add(f, id);
      if (n.children) walk(n.children, region, [...parentForms, [name, n.full]]);
    }
  };
  walk(data.tree, null, []);

  for (const z of data.zones) {
    const parent = z.parentId ? regions.get(z.parentId) : undefined;
    const aliases = [...new Set([z.name, ...(z.full ? [z.full] : []), ...z.aliases])];
    regions.set(z.id, {
      id: z.id,
      name: z.name,
      kind: "zone",
      parentId: z.parentId,
      path: [...(parent?.path ?? []), z.name],
      aliases: [...aliases, ...(z.contextAliases ?? [])],
      members: z.members,
    });
    for (const a of aliases) add(a, z.id);
    for (const a of z.contextAliases ?? []) forms.push([a, { ids: [z.id], contextual: true }]);
  }
  for (const [form, ids] of Object.entries(data.composites)) forms.push([form, { ids, contextual: false }]);
  return { regions, dict: new Dictionary(forms), stop: new Dictionary(data.stopPhrases.map((s) => [s, true] as [string, true])) };
}

let built: Built | undefined;
function get(): Built {
  built ??= build();
  return built;
}

export function regionById(id: string): Region | undefined {
  return get().regions.get(id);
}

export function allRegions(): Region[] {
  return [...get().regions.values()];
}

const STREET_SUFFIX = ["路", "东路", "西路", "南路", "北路", "中路", "大道", "大街", "街"];
// Bare 示范区 after these characters is some other 示范区 (国家自主创新示范区, 海洋经济示范区 …).
const CONTEXT_BLOCK_LEFT = new Set([..."展济新革合点主家学业明范级性型洋化色"]);

/**
 * Region mentions in one text, longest match first, with the false-hit rules:
 * stop phrases (金山银山, 南京路, 杭州湾 …) mask their span, names directly followed by a street
 * suffix are streets, and contextual aliases are returned flagged so the caller keeps them only
 * when the article names the region in full elsewhere.
 */
export function findRegions(text: string): RegionMatch[] {
  const { dict, stop } = get();
  const masked = stop.scan(text);
  let mi = 0;
  const out: RegionMatch[] = [];
  for (let i = 0; i < text.length; ) {
    while (mi < masked.length && (masked[mi] as { end: number }).end <= i) mi++;
    const m = masked[mi];
    if (m && m.start <= i) {
      i = m.end;
      continue;
    }
    const e = dict.longestAt(text, i);
    if (!e) {
      i++;
      continue;
    }
    const end = i + e.form.length;
    const after = text.slice(end, end + 2);
    const isStreet = STREET_SUFFIX.some((s) => after.startsWith(s)) && !/[区县市镇]$/.test(e.form);
    const leftBlocked = e.value.contextual && CONTEXT_BLOCK_LEFT.has(text[i - 1] ?? "");
    if (isStreet || leftBlocked) {
      i++;
      continue;
    }
    for (const id of e.value.ids) out.push({ id, text: e.form, start: i, end, contextual: e.value.contextual });
    i = end;
  }
  return out;
}

/** Every surface form of every region (for a jieba user dictionary / synonyms). */
export function regionTerms(): string[] {
  const out = new Set<string>();
  for (const r of get().regions.values()) for (const a of r.aliases) if (a.length >= 2) out.add(a);
  return [...out];
}
