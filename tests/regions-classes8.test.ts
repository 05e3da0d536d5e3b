// The region classes of the eighth round (issue 9, tuned on the region sets up to fresh7): one class per describe, each with
// sentences composed for the test (none is a gold sentence); each case marked "fails on main" failed before this round.
import { describe, expect, it } from "vitest";
import { findOrgsProjects } from "@/lib/extract/orgs-projects";
import { findRegionsInArticle } from "@/lib/extract/regions";
import { cases } from "./region-helpers/paths";

describe("the rail and axis convention: a railway named by the abbreviations of the places it joins names them", () => {
  // fails on main: no curated combination spells these, or jieba's pair (京沪/j) was read as a route's name only.
  cases([
    ["湖杭铁路开通后，两地往来更方便。", ["浙江>湖州", "浙江>杭州"]],
    ["湘桂铁路今年完成了扩能改造。", ["湖南", "广西"]],
    ["京沪高铁又增开了一批列车。", ["北京", "上海"]],
  ]);
  it("a run whose characters share no level is left unread (金温: 金山 is a district, 温州 a city), and a road stays a road's name", () => {
    expect(findRegionsInArticle([{ index: 0, text: "金温铁路沿线的小站陆续翻新。" }])).toEqual([]);
    expect(findRegionsInArticle([{ index: 0, text: "沪宁高速公路今天车流量很大。" }])).toEqual([]);
  });
});

describe("a line named after the place it runs to (a zone's name may stand between) is the line's name", () => {
  // fails on main: 西塘 (backed by 嘉善县) and 上海 were read.
  cases([
    ["嘉善县规划的西塘线今年开工。", ["浙江>嘉兴>嘉善"]],
    ["上海示范区线的首座车站封顶。", []],
    ["上海线下门店今年增加了二十家。", ["上海"]],
  ]);
});

describe("a zone opening an event's name, or inside a quoted event's or ceremony's name, is the event's", () => {
  // fails on main: 长三角 and the 示范区 were read.
  cases([
    ["第二届长三角数字经济发展高层论坛在合肥开幕。", ["安徽>合肥"]],
    ["“长三角生态绿色一体化发展示范区植树护绿启动仪式”在青浦举行。", ["上海>青浦"]],
    // An unquoted ceremony says where its projects are: the zone stays.
    ["示范区先行启动区重点项目开工仪式今天举行。", ["长三角>长三角生态绿色一体化发展示范区>先行启动区"]],
  ]);
  it("a verb of holding ends the event's name: the place or zone holding it stays (fails on main: 杭州 was lost)", () => {
    const ids = findRegionsInArticle([{ index: 0, text: "长三角三省一市在杭州召开峰会。" }]).map((m) => m.id);
    expect(ids).toEqual(["yrd", "3301"]);
  });
});

describe("bare 示范区 decided by the zone inside it in its sentence, or by the article naming two of its members", () => {
  const zone = (paragraphs: string[]) =>
    findRegionsInArticle(paragraphs.map((text, index) => ({ index, text })))
      .filter((m) => m.id === "yrd-demo")
      .map((m) => m.contextual);
  it("beside 水乡客厅 or 先行启动区 in its sentence it is the zone (fails on main: contextual)", () => {
    expect(zone(["今年示范区建设进入新阶段，水乡客厅的标志性建筑即将竣工。"])).toEqual([false]);
    expect(zone(["推动示范区和先行启动区的规划落地。"])).toEqual([false]);
  });
  it("in an article naming two of its members in other paragraphs it is the zone (fails on main: contextual)", () => {
    expect(zone(["青浦区今年新开了三条公交线路。", "嘉善县的民宿入住率创新高。", "示范区的一体化制度创新成果今天发布。"])).toEqual([false]);
  });
  it("one member elsewhere in the article does not decide it", () => {
    expect(zone(["嘉善县的民宿入住率创新高。", "示范区的一体化制度创新成果今天发布。"])).toEqual([true]);
  });
});

describe("entities: the organizations among CLDR's region codes (欧盟, 联合国) are known organizations by their ICU names", () => {
  const orgs = (text: string) => findOrgsProjects(text, 0).filter((e) => e.kind === "organization").map((e) => e.name);
  it("a bare 欧盟 or 联合国 is found (fails on main: no suffix pattern reads them)", () => {
    expect(orgs("英国离开欧盟的期限只剩五周。")).toEqual(["欧盟"]);
    expect(orgs("两位代表将在联合国发言。")).toEqual(["联合国"]);
  });
  it("CLDR's groupings that are no organization stay out (欧元区), and no fragment is cut around them", () => {
    expect(orgs("欧元区的通胀率回落。")).toEqual([]);
    expect(orgs("欧盟国家和美国拒绝了这一要求。")).toEqual(["欧盟"]);
  });
});

describe("a township outside 沪苏浙皖 named like a landmark building needs its very county, not only its city", () => {
  // fails on main: 黄鹤楼 (a 街道 of 武昌) was read with 武汉's backing.
  cases([
    ["游客在武汉登上黄鹤楼远眺长江。", ["湖北>武汉"]],
    ["武昌区黄鹤楼街道开展了义诊。", ["湖北>武汉>武昌>黄鹤楼"]],
    // In the delta such names are old village names used with the city: 苏州|望亭 stays the township.
    ["在苏州望亭，稻田一望无际。", ["江苏>苏州>相城>望亭"]],
  ]);
});

describe("a stop phrase of a natural feature does not mask its county's full name (太湖|县), except around the feature", () => {
  // fails on main: 太湖县 was masked by the lake's stop phrase.
  cases([
    ["太湖县的茶园今年扩种了两千亩。", ["安徽>安庆>太湖"]],
    // 环太湖县市区: the counties around the lake; 首尔的江南区: Gangnam (a ward's 区 is no county's suffix).
    ["环太湖县市区共同治理蓝藻。", []],
    ["首尔的江南区房价很高。", []],
  ]);
});

describe("a destination after a verb of going, and a place's people (哈尔滨人), are the place", () => {
  // fails on main: 泉州 before 寻根/nr was read as a brand's opening; 哈尔滨人/nz hid the name's right edge.
  cases([
    ["退休后他回到泉州寻根。", ["福建>泉州"]],
    ["冬天再冷，哈尔滨人也爱吃冰棍。", ["黑龙江>哈尔滨"]],
    // A city before a brand jieba tags as a name is still the brand's opening when no verb of going precedes it.
    ["北京同仁堂推出了新药。", []],
  ]);
});

describe("a township's short name before 古镇 is the township, as with its suffix", () => {
  // fails on main: 黎里 and 同里 alone need their county; 同|里 also opened with a function word.
  cases([
    ["周末我想去黎里古镇逛逛。", ["江苏>苏州>吴江>黎里"]],
    ["同里古镇的游船恢复了运营。", ["江苏>苏州>吴江>同里"]],
    // Ambiguous short names stay unread: 西塘镇 is in 嘉善 and in 岳阳.
    ["西塘古镇的游客越来越多。", []],
  ]);
});

describe("a brand word after a place, then a word for a sector, is the place's industry", () => {
  // fails on main: 汽车 and 电子 opened a brand's name (上海汽车, SAIC).
  cases([
    ["上海汽车产业的基础十分雄厚。", ["上海"]],
    ["苏州电子行业的订单回暖。", ["江苏>苏州"]],
    ["上海汽车发布了一款新车。", []],
  ]);
});
