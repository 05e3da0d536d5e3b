import { CREDIT_ROLES, furnitureCategory, OUTLET_SUFFIXES, PHOTO_AGENCIES, PLATFORM_IDS, UI_WORDS } from "./furniture";
import { normalizeText } from "./normalize";
import { REPRINT_CREDIT } from "../extract/dates";

/*
 * Line and paragraph rules that separate an article's body from the page furniture around it.
 *
 * Every rule looks at the normalized line (simplified, half-width, tidy), so one keyword list serves traditional and
 * simplified pages. The rules are general signals, not per-site selectors: keyword lists (share bars, copyright and
 * disclaimer phrasing, comment boxes, browser warnings, gambling spam), shape (length, punctuation, Han content, dates)
 * and position (before the title, between title and body, after a "related articles" heading).
 *
 * Every verdict carries the id of the rule that made it (`judge`), so `kb inspect --explain` can say why a line was
 * dropped. Vocabularies (furniture phrases, credit roles, platform ids, outlet suffixes) live in data/furniture.json.
 */

export type LineKind =
  | "blank"
  /** Breadcrumb or "you are here" line. */
  | "nav"
  /** Page furniture: share/print bars, copyright, contact, spam, comment boxes, placeholders. */
  | "junk"
  /** Image caption or photo credit. */
  | "caption"
  /** Labelled metadata (来源:, 作者:, 编辑:, 发布日期:, 原标题:, 《人民日报》…). */
  | "meta"
  /** A heading that opens the list of related / recommended / hot articles after the body. */
  | "related"
  /** The start of the page footer (copyright or disclaimer block, comment box, "back to top"). */
  | "footer"
  | "text";

export interface Line {
  /** The line as scraped, minus inline junk (spam tokens, "返回搜狐,查看更多", footnote markers). */
  original: string;
  /** `original` normalized, leading bullet removed. */
  text: string;
  kind: LineKind;
  /** The line ended with an end-of-article marker (返回搜狐,查看更多; a wire story's (完)): whatever follows is not body. */
  endsArticle: boolean;
  /** Id of the rule that classified the line (null for running text). */
  rule: string | null;
}

const LABELS = [
  "文章来源", "信息来源", "稿件来源", "新闻来源", "本文来源", "来源于", "来源是", "来源", "稿源", "出处",
  "本文作者", "作者", "撰稿", "撰文", "记者", "通讯员",
  "责任编辑", "栏目编辑", "值班编辑", "编辑", "责编", "编审", "审核", "审校", "校对", "监制", "统筹", "摄影",
  "发布时间", "发布日期", "发表时间", "发表日期", "发布于", "更新于", "最后更新时间", "最后更新日期", "最后更新", "更新时间", "更新日期",
  "刊登日期", "刊登时间", "出刊日期", "发稿时间", "时间", "日期",
  "点击数", "点击量", "点击", "浏览次数", "浏览量", "浏览", "阅读量", "阅读数", "阅读", "访问量", "字体", "字号", "分享",
  "本文原标题", "原标题", "原文标题", "原文链接", "本文链接",
];
const LABEL_ALT = LABELS.join("|");
/** A metadata label followed by a colon. */
export const LABEL_RE = new RegExp(`(${LABEL_ALT})\\s*:`, "g");
const META_LINE = new RegExp(`^(?:[-–—]\\s*)?[\\[【(]?(?:${LABEL_ALT}|文)\\s*:`);
/** Newspaper credit: 《人民日报》 or 《人民日报》(2024年01月17日 03 版). */
export const PAPER_CREDIT = /^《([^》]{2,12}(?:报|刊|杂志))》(?:\((\d{4}年\d{1,2}月\d{1,2}日)[^)]*\))?$/;
/** ——《北京之春》1998年3月号, 原载《读书》2001年第5期: the periodical issue a reprinted essay closes with. */
export const ISSUE_CREDIT = /^[—–－-]{0,2}\s*(?:原载|摘自|选自|转自|刊于|载)?\s*《[^》]{2,16}》\s*((?:19|20)\d{2})\s*年\s*(?:(\d{1,2})\s*月号?|第\s*\d{1,3}\s*期)[)）]?$/;
/** 【文/观察者网专栏作者 王文】, (作者:张三): a byline in brackets. */
const BRACKETED_BYLINE = /^[【[(（]\s*(?:文|作者|作者单位|撰文|文图|图文|文\/图)\s*[/:]\s*[^】\])）]{1,30}[】\])）]$/;
/** (摘自《上海社会科学院学术季刊》2000年第2期，原文约15，000字), 【转自:…】: where a reprinted text was taken from. */
const SOURCE_CREDIT = /^[(（【[]\s*(?:摘自|选自|原载|转自|转载自|转载于|原文刊于|刊于)\s*[^)）】\]]{2,60}[)）】\]]/;
/** 模特提供:漫姿莎华模特公司, 车辆提供:…, 图片提供:…: who lent what for the story's pictures. */
const PROVIDED_BY = /^\p{Script=Han}{1,6}提供\s*[:：]\s*\S.{0,30}$/u;

/** 发表于 2004年12月27日 12:40 - (阅读:3727;评论:63), posted on …: a blog post's footer; the date is read as metadata. */
export const POSTED_LINE = /^(?:发表于|发布于|posted\s+(?:on|at)?)\s*/i;

const FULL_DATE = String.raw`(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}`;
/** A date with its year, month and day (not 昨天, not a bare time). */
const FULL_DATE_RE = new RegExp(FULL_DATE);

/**
 * A forum or blog post's footer that names when (and by whom) the post went up, wherever it sits in the line:
 * `〓 <版> 发布时间 2005/05/17 22:11:42 by <用户> 〓`, `本贴由<用户>于2005年8月12日16:12:21在〖版〗发表.`,
 * `[点击此处收藏本文] 发表于2005年09月07日 11:57 AM`, `由<用户>张贴 @ 2005-06-14 03:25:55 (370) 共 11 篇评论`.
 * Furniture, and its date is the post's (read as metadata, never the reply footers further down: only the first).
 */
export const POST_FOOTER = new RegExp(
  String.raw`(?:^|[\s\]】〓])(?:发表于|发布于|发表时间|发布时间)\s*:?\s*${FULL_DATE}|张贴\s*@\s*${FULL_DATE}|由\s*\S{1,20}?\s*于\s*${FULL_DATE}.{0,40}(?:发表|发布|张贴)`,
);
/**
 * Sixth round. A date a profile or sidebar box prints about the site or the user (建立于:2004年10月6日, 注册时间:…,
 * 加入於 …): never the post's publication date, and not text.
 */
export const PROFILE_DATE = new RegExp(
  String.raw`^\S{0,8}?(?:建立于|建立於|创建于|創建於|注册于|註冊於|注册时间|註冊時間|注册日期|註冊日期|加入于|加入於|加入时间|加入時間|开通于|開通於|开通时间|開通時間|上次登录|上次登錄|最后登录|最後登錄)\s*[:：]?\s*${FULL_DATE}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?$`,
);
/**
 * A closing byline on a line of its own: 新京报记者 彭冲 山东冠县报道, 本報記者 李明 台北報導, 记者张三 李四 上海报道. The
 * reporter names are metadata; a sentence that reports (据新京报记者报道，…) has punctuation and stays.
 */
export const CLOSING_BYLINE =
  /^\p{Script=Han}{0,10}?(?:记者|記者|通讯员|通訊員|特约记者|特約記者)\s*(\p{Script=Han}{2,4}(?:[\s、]+\p{Script=Han}{2,4}){0,3})\s+(?:发自)?\p{Script=Han}{2,10}(?:报道|報道|报导|報導)$/u;
/** 声明：该文观点仅代表作者本人，搜狐号系信息发布平台，搜狐仅提供信息存储空间服务。: a content platform's disclaimer. */
const PLATFORM_DISCLAIMER =
  /(?:该文|該文|本文)观点仅代表作者本人|(?:該文|本文)觀點僅代表作者本人|[号號]系信息[发發][布佈]平台|仅提供信息存储空间服务|僅提供信息存儲空間服務/;
/** 主条目：Turbo (韩国男子团体), 參見：…, 另见：…: a wiki's note pointing to another article, not text. */
const WIKI_HATNOTE = /^(?:主条目|主條目|参见|參見|另见|另見|参阅|參閱|进一步信息|進一步資訊|延伸条目|延伸條目)\s*[:：]\s*\S/;
/** 简介[编辑], 背景[編輯], History[edit]: the edit link a wiki prints after every heading. */
const EDIT_LINK = /\[(?:编辑|編輯|编辑源代码|編輯原始碼|edit|edit source)\]$/i;

/** The line without a trailing edit link; the tail is cut by trimEnd and a slice, never by a `\s*…$` pattern (quadratic on long space runs). */
function stripEditLink(s: string): string {
  const t = s.trimEnd();
  const m = EDIT_LINK.exec(t.slice(-16));
  return m ? t.slice(0, t.length - m[0].length).trimEnd() : s;
}

/**
 * Reporter credit line: 记者 谢丹青 郭浩, (记者 梁志玮), 本报记者 张三, 本报实习生 刘国栋 周炜, 本报记者罗科苏盈发自北京
 * (the place the report was filed from may follow the names).
 */
export const REPORTER_CREDIT =
  /(?:记者|实习生|通讯员)[:\s]*((?:\p{Script=Han}{2,4})(?:[\s、,]+\p{Script=Han}{2,4}){0,3})(?:\s*发自\s*\p{Script=Han}{2,8})?\)?$/u;

const DATE_PART = /(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?|(?:19|20)\d{2}\s+\d{1,2}[-/]\d{1,2}|\(?\b\d{1,2}[-/]\d{1,2}\)?|\d{1,2}月\d{1,2}日|\b\d{1,2}:\d{2}(?::\d{2})?|\b(?:19|20)\d{2}\b|\d+\s*(?:秒|分钟|小时|天|周|个月|年)前|(?:昨天|今天|前天)/g;

/** App and QR-code prompts: junk as a prompt, not inside a reported sentence (…市民扫描二维码下载了政务服务APP。). */
const PROMPTS = [
  /(打开|下载).{0,6}(APP|App|app|客户端)/, /(扫一扫|扫码|长按).{0,12}(关注|二维码|微信|识别)/, /扫描.{0,4}二维码.{0,6}(关注|下载|订阅|参与)/,
];

/**
 * 扫描下方二维码关注苹果汇官方微信(或微信中搜:…)。: telling the reader to follow an account, full stop and all. A report
 * says what someone did (市民扫描二维码关注了…), so 关注 must not be followed by 了.
 */
const FOLLOW_PROMPT = /(扫描|扫一扫|扫码|长按|识别).{0,6}二维码.{0,4}关注(?!了)\S{0,20}?(官方微信|微信公众号|公众号|官方微博|服务号|视频号)/;

/** A promo teaser above or below the story: …评选火热进行中!【点击投票】…, 【戳这里报名】. A bracketed call to action. */
const PROMO_CALL = /[【[]\s*(点击|戳|立即|马上|快来)(这里)?(投票|参与|报名|购买|领取|抢购|围观|预约)[^】\]]{0,6}[】\]]/;

/**
 * A social-media follow prompt (Taiwan and Hong Kong wording, normalized to simplified): 邀請您到FB粉絲團按個「讚」!,
 * 歡迎按讚加入粉絲團並追蹤我們的Instagram, 立即訂閱YouTube頻道, 加入LINE好友. An address to the reader (欢迎, 请, 您…)
 * then a like/join/follow/subscribe of an account; a report of what someone did or urged (…呼吁民众加入…) is no prompt.
 */
const SOCIAL_PROMPT =
  /(?:欢迎|邀请|请|立即|马上|记得|快来?|一起|赶快|赶紧|点击|点我|按我|您|你)[^。]{0,24}?(?:按(?:个|一?下)?\s*["“「『]?赞|加入[^。,]{0,16}?(?:粉丝团|粉丝专页|粉专|好友|LINE|Line|频道)|追踪[^。,]{0,16}?(?:Instagram|IG|脸书|Facebook|FB|粉丝专页|粉专|YouTube|频道|官方帐号|官方账号)|订阅[^。,]{0,16}?(?:YouTube|频道|电子报|Podcast))/i;
const REPORTED = /(表示|呼吁|指出|强调|说|称|透露|了)/;
/** The same prompt as a bare imperative line: 加入LINE好友, 訂閱我們的YouTube頻道, 按讚追蹤我們 (short, no sentence end). */
const SOCIAL_COMMAND =
  /^(?:按(?:个|一?下)?\s*["“「『]?赞|加入[^。,]{0,12}?(?:粉丝团|粉丝专页|粉专|好友|LINE|Line|频道)|追踪[^。,]{0,12}?(?:我们|Instagram|IG|脸书|Facebook|FB|粉丝专页|粉专|YouTube|频道)|订阅[^。,]{0,12}?(?:YouTube|频道|电子报|Podcast))/i;

/**
 * #長三角 #台商, 關鍵字：長三角、台商, 标签:…: a story's tag list. Two hashtags at least (a lone `#洞窟艺术` is a wiki's
 * section link), and not 关键词, which heads a paper's keywords (text).
 */
const TAG_LINE = /^(?:(?:关键字|标签|相关标签|Tags?)\s*:\s*\S.*|#[^\s#]{1,20}(?:\s*#[^\s#]{1,20}){1,9})$/i;

/** 看更多「TVBS新聞」報導, 更多中時新聞網報導, 更多財經新聞: a link to more of an outlet's or a column's stories. */
const MORE_STORIES = /^(?:看|点我看|点击看)?更多\S{1,14}?(?:报导|报道|新闻|文章|内容)$/;

/**
 * 記者王小明／台北報導, 記者陳大文、林小美／綜合報導: a Taiwan-style byline line, names then a slash and where the
 * report was filed (or 综合/即时 reporting).
 */
export const SLASH_BYLINE =
  /^[(（〔【[]?(?:本报|中央社|本台)?(?:记者|特派员|实习记者|特约记者)\s*(\p{Script=Han}{2,4}(?:[、,\s]+\p{Script=Han}{2,4}){0,3})\s*[/]\s*\p{Script=Han}{0,8}?(?:报导|报道)[)）〕】\]]?$/u;

/** 本網站之文字…非經授權,不得轉載、公開播送…: a site's reprint prohibition in any order of its parts. */
const REPRINT_BAN = /(?:不得|禁止|严禁|请勿|谢绝)(?:任意|擅自)?(?:转载|重制|转贴|翻印)/;

const JUNK_ANY = [
  /本站是提供个人知识管理/, /仅提供信息存储服务/, /content above .* is uploaded and posted by a user/i,
  /您正在使用\s*Internet Explorer/i, /浏览器版本过低/, /(建议|请)您?(升级|更换|使用).{0,24}浏览器/, /无法正常浏览本页面/,
  /本文由热心网友/, /版权(声明|所有)/, /免责声明/, /特别声明[:]?以上/, /转载请注明/, /如需转载/, /本文转载自/, /转载.{0,12}注明出处/,
  /(?:未经|非经|未获|未得|未取得).{0,16}(许可|授权|同意).{0,30}(转载|使用|复制|镜像|重制|公开播送|公开传输)/, /著作权所有/, /不代表本(站|网站|网|平台|号)?的?(立场|观点)/,
  /(如有|涉嫌|若有|如发现)有?.{0,6}侵权/, /联系(我们|本站|本网)?(予以)?删除/, /本网(转载|注明)/, /版权归.{0,16}所有/,
  /点击上[方面]/, /蓝色字体/, /免费订阅/, /(关注|添加|搜索)(我们的)?.{0,8}公众号/,
  /返回搜狐/, /返回(顶部|首页|列表)/, /畅享高清图片/,
  /\d+条评论/, /发表评论/, /评论公约/, /网友评论/, /我要评论/, /(登录|注册)后.{0,4}(评论|发表)/,
  /^(郑重|特别)?声明:.{0,120}(仅供参考|风险自担|不构成|不代表|请自行)/, /不构成.{0,8}投资建议/, /据此操作.{0,4}风险自担/,
  /^!\[[^\]]*\]\([^)]*\)$/, /\.(jpe?g|png|gif|webp|bmp)$/i, /^(欢迎您?(来到|访问|光临))/,
];

/** 文章引用:赵培. <题名>[J]. <刊>, 2018…, 引用本文:…: how to cite the paper, not its text. */
const CITE_LINE = /^(?:文章引用|引用本文|本文引用格式|引用格式|引文格式|引用此文|cite this article)\s*[:：]/i;

/** 我的博客 眉间尺梦蝶 http://www.blogcn.com/…: a signature or promo naming an address, no sentence around it. */
const LINK_LINE = /^[^。!?]{0,40}?(?:https?:\/\/|www\.)[^\s。!?,;]+$/i;

/** Words that make up share/print/font-size bars and other UI chrome (data/furniture.json, uiWords). */
function onlyUiWords(s: string): boolean {
  const words = s.split(/[^\p{Script=Han}]+/u).filter(Boolean);
  return words.length > 0 && words.every((w) => UI_WORDS.has(w));
}

const CONTACT = /(电话|热线|手机|微信|微信号|联系人|联系方式|客服|传真|邮箱|QQ)/;
const PHONE = /(?<!\d)(?:1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}|[48]00[\s-]?\d{3,4}[\s-]?\d{3,4}|0\d{2,3}[\s-]?\d{7,8})(?!\d)/;

/** Gambling and spam brands that some copy-sites inject into titles and paragraphs (千赢qy88国际官网入口, yl6809永利官网). */
const SPAM_TOKEN =
  /(?:[a-z]{1,4}\d{2,6})?(?:千赢|永利|威尼斯人|葡京|太阳城|开云|乐鱼|九游|必威|华体会|米乐|半岛|星空|爱游戏|凯发|糖心|博彩|彩票)(?:[a-z]{0,4}\d{0,6})(?:国际|体育|娱乐|彩票|游戏)?(?:官网|官方网站|网页版|入口|app|APP|平台)+|千赢[a-z]{0,4}\d{0,6}|(?:广东)?快乐十分|时时彩|六合彩/gi;

const NAV_PREFIX = /^(当前位置|您的位置|你的位置|您现在的位置|你现在的位置|现在的位置|所在位置|位置)\s*:/;

const RELATED_HEADING =
  /^(相关(文章|新闻|阅读|推荐|链接|报道|报导|专题|资讯|内容|标签|影片|视频|影音)|推荐(阅读|文章|新闻|资讯|影片|视频)|热门(新闻|文章|推荐|阅读|资讯|标签|影片|视频|话题)|精选(文章|新闻|影片|视频|推荐)|热点(新闻|推荐|文章|资讯)|\d+小时热(点|闻)|延伸阅读|扩展阅读|猜你喜欢|你(可能|或许)(还|也)?会?(感兴趣|喜欢|想看)|(更多)?新闻推荐|为你推荐|类似文章|更多(新闻|文章|阅读|精彩|资讯|推荐)(推荐)?|精彩推荐|精彩图片|今日(焦点|关注|看点|最新)|焦点新闻|最新(文章|新闻|资讯|动态|影音|影片|视频)|往期(回顾|推荐)|图片新闻|今日推荐|编辑(推荐|推介|精选)|(阅读|点击)?排行榜?)(更多)?[:>»◢】\]]*$/;
const FOOTER_START =
  /版权声明|免责声明|特别声明|^郑重声明$|本站是提供个人知识管理|^注:本文|本文转载自|转载请注明|\d+条评论|发表评论|评论公约|^返回(顶部|首页)$|您正在使用\s*Internet Explorer|浏览器版本过低|上一篇|下一篇/i;

const CAPTION = [
  /^\(?(资料图片?|资料照片?|图片来源.{0,30}|图[片为说]?:.{0,40}|图为.{0,50})\)?$/,
  /(^|[\s。/])(\p{Script=Han}{2,4}\s*)?\/?摄$/u,
  /\(\p{Script=Han}{2,4}\s*摄\)$/u,
  / (摄|图)$/,
  /(供图|截图|效果图|示意图|鸟瞰图|透视图|航拍图|资料图|配图|组图)\)?$/,
  // Credit followed by the outlet: 沙坪坝区公安分局供图 华龙网发
  /(供图|\s摄)\s+[\p{Script=Han}A-Za-z]{1,6}$/u,
];

/** Caption shapes that may end with a full stop: 图为…, ▲…, 图/pixabay, 图片均来自网络, map credits. */
const CAPTION_SHAPES: [string, RegExp, number][] = [
  ["caption:figure-note", /^(图为|上图|下图|左图|右图|图中|图注)[:\s]?\S/, 120],
  // 资料图:无性婚姻能走多远? / 新闻图片:…: a labelled picture line, whatever its final punctuation.
  ["caption:figure-note", /^(资料图片?|资料照片|新闻图片|图片说明)\s*:\s*\S/, 80],
  ["caption:pointer", /^[▲△↑⬆▼]\s*\S/, 120],
  // 2014年12月,张三(左)和李四(右)在达拉斯 / 陳大文(左一)與李小明(右二): people named by where they stand in a picture,
  // two positions or more, no sentence end (sixth round).
  ["caption:positions", /^[^。!?]*\((?:左|右|中|前|后|後)[一二三四五六七八九\d]?起?\)[^。!?]*\((?:左|右|中|前|后|後)[一二三四五六七八九\d]?起?\)[^。!?]*$/, 100],
  ["caption:credit", /^(图|图片|相片|照片|配图|题图|封面图?)\s*[/|:丨]\s*\S{1,30}$/, 40],
  // 示意圖，非當事人 / 此為示意圖: a stock picture's disclaimer.
  ["caption:illustration", /^(?:图为|此为)?示意图\s*[,。、]?\s*(?:非|与|图片|图源|来源|$)/, 40],
  ["caption:credit", /图片(均|皆|部分)?(来自|来源于?|源自)/, 40],
  ["caption:map", /(制图|底图来源|审图号|地图来源|底图)\s*[:/]?/, 80],
  // 注:红色为所有车辆绕行线路图,蓝色仅为…: a map's or chart's legend (what each colour or line stands for).
  ["caption:legend", /^(?:注|说明|图例)\s*:[^。]{0,40}?(?:红色|蓝色|绿色|黄色|橙色|紫色|灰色|黑色|虚线|实线|箭头|圆点|阴影)(?:部分|区域|线条?|标注)?(?:为|表示|代表|是)/, 100],
  // 图1. C2C产业链结构图 / Figure 2. Logistics platform flow chart / 图 3-1 示意: a numbered figure's caption line.
  ["caption:figure-number", /^(?:图|圖|Figure|Fig\.)\s*\d{1,3}(?:[-.]\d{1,2})?\s*[.:、]?\s+\S[^。!?]*$/i, 100],
  // <地点>现场。(资料图片) — any line that ends with a picture marker in brackets.
  ["caption:marker-end", /[(（【[](资料图片?|资料照片|图片来源[^)）】\]]{0,30}|新华社发|供图|摄|视频截图|网络图片|图源网络)[)）】\]]$/, 80],
  // Taiwan and Hong Kong picture credits (normalized): …站牌。(取自网路), (翻摄自脸书), (撷取自YouTube), (记者王小明摄),
  // (图/记者林大华摄), (图:取自…), (资料照), (中央社档案照片).
  ["caption:marker-end", /[(（【[](?:取自|翻摄|撷取自|截自|截图自|示意图|图\s*[/:]|记者[^()（）]{1,12}摄|[^()（）]{0,10}档案照片?|资料照片?)[^()（）]{0,30}[)）】\]]$/, 80],
  // …的报道截图。 / …效果图。: a picture named as such, full stop and all.
  ["caption:marker-end", /(截图|资料图片?|示意图|效果图)。$/, 80],
  // …老年人。(视觉中国) / …运动场”。(BBC) / 共享充电宝。视觉中国 资料: a sentence, then the agency that took the picture.
  ["caption:agency", new RegExp(`(?:\\((?:${agencyAlt()})(?:\\s*(?:发|供图|资料|摄))?\\)|[。!?”]\\s*\\([A-Z][A-Za-z]{1,7}\\)|[。!?]\\s*(?:${agencyAlt()})(?:\\s*(?:发|供图|资料|摄))?)$`), 80],
];

function agencyAlt(): string {
  return PHOTO_AGENCIES.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
}

/** A whole line in brackets that names a picture: （某头部数据公司的部分报价单）. Not (完), (2021—2035年), (一). */
function isBracketedCaption(text: string): boolean {
  const m = /^[(（]([^()（）]{4,38})[)）]$/.exec(text);
  if (!m) return false;
  const inner = m[1]!;
  return hanCount(inner) >= 4 && !/[。!?,;:，；：！？]/.test(inner) && !/^[\d一二三四五六七八九十]/.test(inner) && !/(记者|通讯员|完|待续|未完)/.test(inner);
}

const ROLE_ALT = CREDIT_ROLES.map((r) => r.replace(/[/]/g, "\\/")).join("|");
/** 编辑|禤志杰, 执笔/叨叨姐、胡一刀, 《棱镜》作者 周纯, 编辑 刘晓阳 校对 李铭, 原创:路闻卓立编译 人民币交易与研究. */
const CREDIT_LINE = new RegExp(`^(?:[《【][^》】]{1,10}[》】])?\\s*(?:${ROLE_ALT})\\s*(?:[:|/丨｜︱]\\s*|\\s+)\\S`);

/** One part of a credit line: 编辑/苏芳, 摄影:张艳, 医技药剂党支部、药剂科供稿, 张三 摄. */
const CREDIT_PART = new RegExp(`^(?:(?:${ROLE_ALT})\\s*[:|/丨｜︱]\\s*\\S{1,16}|\\S{2,24}?(?:供稿|供图|撰稿|整理|摄))$`);

const CREDIT_SPLIT = new RegExp(`\\s{2,}|\\s+(?=(?:${ROLE_ALT})\\s*[:|/丨｜︱])`);

function isCreditLine(text: string): boolean {
  // 医技药剂党支部、药剂科供稿  摄影/张艳  编辑/苏芳: credits for several roles set apart by spaces.
  const parts = text.split(CREDIT_SPLIT).filter(Boolean);
  if (text.length <= 80 && parts.length >= 2 && !/[。!?]/.test(text) && parts.every((p) => CREDIT_PART.test(p.trim()))) return true;
  if (text.length > 50 || /[。!?]/.test(text) || !CREDIT_LINE.test(text)) return false;
  // What follows the role is names, not a clause: no token longer than a name or an outlet.
  const rest = text.replace(/^(?:[《【][^》】]{1,10}[》】])?\s*/, "");
  return rest.split(/[\s、,&/|丨︱｜:]+/).every((t) => t.length <= 16);
}

const PLATFORM_ID = new RegExp(`^\\S{0,10}?(?:${PLATFORM_IDS.join("|")})\\s*:?\\s*[\\w.-]{2,40}$`, "u");

/** 15867 / 9 23 / 2.3万 / 阅读 539 / 跟贴1199 / 4人参与2评论 / 阅读数(15878): engagement counters. */
const COUNTER_WORD = "浏览人次|观看次数|阅读|浏览|评论|点赞|赞|收藏|转发|分享|参与|跟贴|跟帖|阅读数|阅读量|浏览量|浏览次数|点击|点击量|人气|热度|围观|播放|播放量";
const COUNTER_PARTS = new RegExp(
  `^(?:(?:${COUNTER_WORD})\\s*[(:]?\\s*\\d[\\d.,]*\\s*[万千wWkK]?\\+?\\)?|\\d[\\d.,]*\\s*[万千wWkK]?\\+?\\s*(?:人参与|人按赞|人阅读|次阅读|次浏览|人浏览|条评论|次播放|${COUNTER_WORD}))(?:\\s*[|/,、]?\\s*|$)`,
);

export function isCounter(text: string): boolean {
  if (text.length > 30) return false;
  if (/^\d[\d.,]*\s*[万千wWkK]\+?$/.test(text)) return true;
  if (/^\d{3,9}$/.test(text) && !/^(19|20)\d{2}$/.test(text)) return true;
  if (/^\d{1,6}(\s+\d{1,6}){1,3}$/.test(text)) return true;
  let rest = text;
  let parts = 0;
  for (;;) {
    const m = COUNTER_PARTS.exec(rest);
    if (!m || !m[0]) break;
    rest = rest.slice(m[0].length);
    parts++;
  }
  return parts > 0 && rest.trim() === "";
}

/** Forum/CMS attachment widgets: a0b1c2.png (35.5 KB, 下载次数: 12); 2023-5-6 10:21 上传 (never a publication date). */
function attachmentRule(text: string): string | null {
  if (/\.(png|jpe?g|gif|bmp|webp|pdf|docx?|xlsx?|pptx?|zip|rar|7z)\s*\(\s*[\d.]+\s*[KMG]i?B/i.test(text)) return "attachment:file";
  if (/^(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?\s*上传$/.test(text)) return "attachment:upload";
  return null;
}

/** The bars sites draw between navigation items: |, 丨, ｜ and the box-drawing │ ┃ and broken bar ¦. */
export const NAV_SEPARATORS = "|丨｜│┃¦";

/**
 * 首页|新闻|图片|评论|…, 第一章│第二章│第三章│第四章: a bar of at least four short items between bars (NAV_SEPARATORS), or
 * " - "; the last item may carry more (a clock or a login box: 大家论坛 2006年12月27日).
 */
function isNavBar(text: string): boolean {
  if (text.length > 300 || /[。!?]/.test(text)) return false;
  for (const sep of [new RegExp(`\\s*[${NAV_SEPARATORS}]\\s*`), /\s+-\s+/]) {
    const items = text.split(sep).map((s) => s.trim()).filter(Boolean);
    if (items.length >= 4 && items.slice(0, -1).every((s) => s.length <= 14) && items.at(-1)!.length <= 40) return true;
  }
  return false;
}

const FONT_WIDGET = /^(?:[AaTt][+-]?|[+-]|\s)+$/;

/** A bare outlet name under a headline: 新华社, 中国广州发布, 人民日报. Header material, not a paragraph. */
export function isOutletLine(text: string): boolean {
  return text.length >= 2 && text.length <= 12 && hanCount(text) >= 2 && /^[\p{Script=Han}A-Za-z·\s]+$/u.test(text) && OUTLET_SUFFIXES.some((s) => text.endsWith(s));
}

/** 第一章 总则 / 第二节 …: a table-of-contents entry (a run of them with no text between is dropped). */
const TOC_LINE = /^第[一二三四五六七八九十百零〇\d]+[章节篇部卷编](?:\s*\S.{0,30})?$/;

const TITLE_SUFFIX_SEP = /\s*(?:\s[-|_–—]\s|[-|_])\s*([^-|_]{2,16})$/;
const SITE_LIKE =
  /(网|網|网站|报|频道|在线|新闻|日报|晚报|时报|客户端|门户|政府|中心|协会|学会|研究院|平台|官网|\.com|\.cn|\.net|\.org)$|^(搜狐|新浪|网易|腾讯|凤凰|雅虎|百度|澎湃|环球|中新|央视|人民|新华)/i;

/**
 * A short headline (金锺国, 2 or 3 characters: a person's or a place's name) is taken only where two sources agree: the
 * page's h1 prints it and another title (the <title>) opens with it, then a separator and the site's name
 * (金锺国 - 维基百科，自由的百科全书). Sixth round.
 */
export function confirmsShortHeadline(head: string, candidates: string[]): boolean {
  const h = head.trim();
  if (h.length < 2 || h.length >= 4 || !/^[\p{Script=Han}A-Za-z·\s]+$/u.test(h)) return false;
  return candidates.some((c) => c.trim() !== h && c.trim().startsWith(h) && /^\s*[-_|–—]\s*\S/.test(c.trim().slice(h.length)));
}

/** "从“旁听生”到“优等生”:安徽的长三角进击之路-新华网" → title and site "新华网". Repeats for 标题_频道_站点. */
export function splitTitleSuffix(title: string): { title: string; site: string | null } {
  let rest = title.trim();
  let site: string | null = null;
  for (;;) {
    const m = TITLE_SUFFIX_SEP.exec(rest);
    if (!m || !SITE_LIKE.test(m[1]!.trim())) break;
    const head = rest.slice(0, m.index).trim();
    if (head.length < 5) break;
    site ??= m[1]!.trim();
    rest = head;
  }
  return { title: rest, site };
}

/**
 * 来源:潮新闻 / 时间:2024-07-29 来源:建筑时报 分享: — a label and a short value. Not an interview turn
 * (记者:你通过什么渠道最快的获取这些信息?) nor a sentence that happens to start with a label.
 */
function isMetaLine(text: string): boolean {
  const m = META_LINE.exec(text);
  if (!m) return false;
  const rest = text.slice(m[0].length);
  return rest.length <= 60 && !rest.includes("。") && !/[?]$/.test(rest);
}

const hanCount = (s: string) => s.match(/\p{Script=Han}/gu)?.length ?? 0;

/**
 * Where a trailing 返回搜狐,查看更多 (with any spaces around it) starts, or -1. Written with trimEnd rather than
 * `/\s*返回搜狐[,，]?\s*查看更多\s*$/`: that pattern retries every position of a long run of spaces, &nbsp; or
 * \u3000 and takes quadratic time on it (80,000 &nbsp; took 19 s).
 */
function sohuEndIndex(s: string): number {
  let t = s.trimEnd();
  if (!t.endsWith("查看更多")) return -1;
  t = t.slice(0, -4).trimEnd();
  if (t.endsWith(",") || t.endsWith("，")) t = t.slice(0, -1);
  if (!t.endsWith("返回搜狐")) return -1;
  return t.slice(0, -4).trimEnd().length;
}

/** Strip inline junk from a raw line; report whether it also ended the article. */
function stripInlineJunk(raw: string): { original: string; endsArticle: boolean; spam: boolean } {
  let s = raw;
  let endsArticle = false;
  const end = sohuEndIndex(s);
  if (end > 0) {
    s = s.slice(0, end);
    endsArticle = true;
  }
  if (/\(完\)$|（完）$/.test(s.trim())) endsArticle = true;
  s = s.replace(REPOST_TAG, "");
  const withoutSpam = s.replace(SPAM_TOKEN, "");
  const spam = withoutSpam !== s;
  s = withoutSpam
    .replace(/\[\d{1,3}\]/g, "")
    .trim();
  s = stripEditLink(s);
  if (s.endsWith("|")) s = s.slice(0, -1).trim();
  return { original: s, endsArticle, spam };
}

/**
 * 【看中国2005年07月03日报道】, 【星岛日报专讯】, 【大纪元讯】: an outlet's repost or agency tag opening the lede (simplified
 * or traditional); the sentence after it is the text. 报道/消息 only with a date: 【21世纪经济报道】 is an outlet's name.
 */
/** （中央社）, (新华社): an agency or outlet named alone in brackets, the story's source credit. */
const OUTLET_CREDIT_LINE = /^[(（]\s*\p{Script=Han}{1,8}(?:通讯社|社|报|网|台)\s*[)）]$/u;

/** 【on.cc東網專訊】 / 【星島日報專訊】 on a line of its own: the tag without its lede. */
const REPOST_TAG_LINE = /^【[^】]{2,30}?(?:专讯|快讯|讯|电)】$/u;

export const REPOST_TAG = /^\s*【(?:[^】]{2,30}?(?:专讯|專訊|快讯|快訊|讯|訊|电|電)|[^】]{2,24}?\d{1,2}日(?:报道|報道|消息))】\s*(?=\S)/u;

/** A list bullet, a section mark or an emoji opening a line (👉 加入LINE好友, ▌延伸閱讀). */
const BULLET = /^(?:[•·▪■□●○◆◇►▶▌▍▎▸▹◤]|\p{Extended_Pictographic}\uFE0F?)\s*/u;

/** 首页 > 新闻 > 正文: every step short (the last may be the headline), at least three of them. */
function isBreadcrumb(text: string): boolean {
  if (text.length > 200) return false;
  const steps = text.split(/[>»›]/).map((s) => s.trim());
  return steps.length >= 3 && steps.slice(0, -1).every((s) => s.length <= 16);
}

export interface LineContext {
  /** The page is Chinese: lines without any Han character are then leftovers, not text. */
  chinese: boolean;
}

/** A line's kind and the id of the rule that decided it. */
export interface Verdict {
  kind: LineKind;
  rule: string | null;
}

const verdict = (kind: LineKind, rule: string | null): Verdict => ({ kind, rule });

export function judge(text: string, ctx: LineContext = { chinese: true }): Verdict {
  if (!text) return verdict("blank", null);
  const len = text.length;
  const han = hanCount(text);

  if (NAV_PREFIX.test(text)) return verdict("nav", "nav:you-are-here");
  if (REPOST_TAG_LINE.test(text)) return verdict("meta", "meta:repost-tag");
  if (OUTLET_CREDIT_LINE.test(text)) return verdict("meta", "meta:source-credit");
  if (isBreadcrumb(text) || /(^|\s)首页\s*[>»›]/.test(text) || (len <= 30 && /^(网站)?(首页|主页)\s*[-–—/]\s*\S/.test(text))) {
    return verdict("nav", "nav:breadcrumb");
  }
  if (isNavBar(text)) return verdict("nav", "nav:bar");

  if (len <= 300) {
    if ((FOOTER_START.test(text) || (len <= 12 && FOOTER_START.test(text.replace(/\s+/g, "")))) && len <= 200) return verdict("footer", "footer:start");
    if (RELATED_HEADING.test(text.replace(/\s+/g, "").replace(/^[【[◤]/, ""))) return verdict("related", "related:heading");
    if (JUNK_ANY.some((re) => re.test(text))) return verdict("junk", "junk:phrase");
    if (!/。$/.test(text) && PROMPTS.some((re) => re.test(text))) return verdict("junk", "furniture:app");
    if (len <= 150 && FOLLOW_PROMPT.test(text)) return verdict("junk", "furniture:app");
    if (len <= 160 && PROMO_CALL.test(text)) return verdict("junk", "furniture:promo");
    if (len <= 120 && SOCIAL_PROMPT.test(text) && !REPORTED.test(text)) return verdict("junk", "furniture:social");
    if (len <= 100 && REPRINT_BAN.test(text)) return verdict("junk", "furniture:reprint");
    if (len <= 40 && !/。$/.test(text) && SOCIAL_COMMAND.test(text)) return verdict("junk", "furniture:social");
    if (len <= 80 && TAG_LINE.test(text)) return verdict("junk", "furniture:tags");
    if (len <= 24 && MORE_STORIES.test(text)) return verdict("junk", "furniture:more");
    if (len <= 40 && SLASH_BYLINE.test(text)) return verdict("meta", "meta:reporter");
    if (CITE_LINE.test(text)) return verdict("junk", "furniture:cite");
    if (len <= 120 && hanCount(text) <= 12 && LINK_LINE.test(text) && !/^[(（]/.test(text)) return verdict("junk", "furniture:link");
  }
  const attachment = attachmentRule(text);
  if (attachment) return verdict("junk", attachment);
  const furniture = furnitureCategory(text);
  if (furniture) return verdict("junk", `furniture:${furniture}`);
  if (len <= 10 && FONT_WIDGET.test(text)) return verdict("junk", "furniture:font-size");
  if (isCounter(text)) return verdict("junk", "counter");
  if (len <= 200 && PLATFORM_DISCLAIMER.test(text)) return verdict("junk", "furniture:platform-disclaimer");
  if (len <= 80 && !/[。!?]$/.test(text) && WIKI_HATNOTE.test(text)) return verdict("junk", "wiki:hatnote");
  if (len <= 40 && PROFILE_DATE.test(text)) return verdict("junk", "meta:profile-date");
  if (len <= 40 && CLOSING_BYLINE.test(text)) return verdict("meta", "meta:closing-byline");
  if (len <= 60 && PLATFORM_ID.test(text)) return verdict("junk", "platform-id");
  // 新浪财经公众号 / 某某官方微博: the name of a follow box, never a sentence.
  if (len <= 16 && /^[\p{Script=Han}A-Za-z]{2,12}(微信公众号|公众号|官方微博|官方微信)$/u.test(text)) return verdict("junk", "platform-id");
  if (han === 0 && ctx.chinese) {
    // Latin-only leftovers (X, Baidu, sogou, Thumb, None); lines with digits may be section headings (2024).
    if (!/\d/.test(text) && len <= 40) return verdict("junk", "latin-leftover");
  }
  if (len <= 100 && SOURCE_CREDIT.test(text) && !/。$/.test(text)) return verdict("meta", "meta:source-credit");
  if (len <= 60 && CAPTION.some((re) => re.test(text)) && !/[。!?]$/.test(text)) return verdict("caption", "caption:marker");
  for (const [id, re, max] of CAPTION_SHAPES) if (len <= max && re.test(text)) return verdict("caption", id);
  if (isBracketedCaption(text)) return verdict("caption", "caption:bracketed");
  if (len <= 60 && (PHONE.test(text) || (CONTACT.test(text) && len <= 40 && !/[。]$/.test(text)))) return verdict("junk", "contact");
  if (PAPER_CREDIT.test(text)) return verdict("meta", "meta:paper-credit");
  if (ISSUE_CREDIT.test(text)) return verdict("meta", "meta:issue-credit");
  if (BRACKETED_BYLINE.test(text)) return verdict("meta", "meta:credit");
  if (len <= 40 && PROVIDED_BY.test(text)) return verdict("meta", "meta:credit");
  if (POSTED_LINE.test(text) && isDateLine(text.replace(POSTED_LINE, ""))) return verdict("meta", "meta:posted");
  if (len <= 120 && !/[。!?]$/.test(text.replace(/\.$/, "")) && POST_FOOTER.test(text)) return verdict("meta", "meta:posted");
  if (isMetaLine(text)) return verdict("meta", "meta:label");
  if (len <= 40 && REPORTER_CREDIT.test(text) && han <= 16) return verdict("meta", "meta:reporter");
  if (isCreditLine(text)) return verdict("meta", "meta:credit");
  if (len <= 40) {
    // Both with and without spaces: 字体 大 中 小 is four words, 打 印 is one.
    if (onlyUiWords(text) || onlyUiWords(text.replace(/\s+/g, ""))) return verdict("junk", "furniture:ui-words");
    // Pagination: 【 第1页 第2页 第3页 】, 上一页 1 2 3 下一页.
    const bare = text.replace(/[\s[\]【】()]/g, "");
    if (/^(第\d+页|上一页|下一页|尾页|首页|\d+)+$/.test(bare) && (/页/.test(bare) || /^\d+(\s+\d+){2,}$/.test(text))) {
      return verdict("junk", "furniture:pager");
    }
  }
  return verdict("text", null);
}

export function classify(text: string, ctx: LineContext = { chinese: true }): LineKind {
  return judge(text, ctx).kind;
}

/** · 中金“内部观点”曝光:表面唱多 暗里看空..., · 股改行情大揭密 ...(图文): a bulleted headline cut short, a teaser. */
const TEASER_END = /(?:\.{3}|…{1,2})\s*(?:\((?:图|图文|组图|视频)\))?$/;

export function prepareLine(raw: string, ctx: LineContext = { chinese: true }): Line {
  const { original, endsArticle, spam } = stripInlineJunk(raw);
  const normalized = normalizeText(original);
  const text = normalized.replace(BULLET, "");
  let { kind, rule } = judge(text, ctx);
  if (kind === "text" && text.length <= 50 && BULLET.test(normalized) && TEASER_END.test(text)) [kind, rule] = ["junk", "teaser"];
  // What is left of a spam banner (|中国有限公司) is not content.
  if (spam && kind === "text" && hanCount(text) < 8) [kind, rule] = ["junk", "spam"];
  return { original, text, kind, endsArticle, rule };
}

/** Letters of any script (Han characters included). */
const letterCount = (s: string) => s.match(/\p{L}/gu)?.length ?? 0;

/** A short line that carries a date or time and little else (2023 / 12-09 / 21:08, admin2个月前 (02-24)嘉善产业新闻34). */
export function isDateLine(text: string): boolean {
  if (text.length > 60 || /[。!?]$/.test(text)) return false;
  DATE_PART.lastIndex = 0;
  if (!DATE_PART.test(text)) return false;
  const rest = text.replace(DATE_PART, " ").replace(/https?:\/\/\S+|www\.\S+/gi, " ");
  return letterCount(rest) <= 12;
}

/** A bare category label: [ 浙江 ], 【要闻】. */
function isBracketLabel(text: string): boolean {
  return /^[[【]\s*[^\]】]{1,10}\s*[\]】]$/.test(text);
}

export function isTitleLike(line: Line): boolean {
  const t = line.text;
  return line.kind === "text" && t.length >= 5 && t.length <= 80 && hanCount(t) >= 4 && !t.includes("。") && !/[,;:、]$/.test(t);
}

/** Running text, not a headline: a full stop, or longer than headlines get. */
export function isParagraphLike(line: Line): boolean {
  const t = line.text;
  return line.kind === "text" && (t.length >= 60 || (t.length >= 15 && t.includes("。")));
}

/** Comparison key: no whitespace or punctuation. */
export function textKey(s: string): string {
  return s.replace(/[\s\p{P}\p{S}]/gu, "");
}

/** Same headline, possibly with a site suffix (标题-新华网) or a column prefix. */
function sameAsTitle(text: string, titleKey: string): boolean {
  if (!titleKey) return false;
  const key = textKey(text);
  if (key === titleKey) return true;
  return key.length > titleKey.length && key.length - titleKey.length <= 12 && (key.startsWith(titleKey) || key.endsWith(titleKey));
}

/**
 * A fragment (≤ 6 characters, or starting with closing punctuation) right after a junk line whose sentence did not
 * finish belongs to that junk: WeChat "click the blue words above to follow" prompts are split over many lines.
 */
function absorbFragments(lines: Line[]): void {
  let prev: Line | null = null;
  for (const line of lines) {
    if (line.kind === "blank") continue;
    if (
      prev?.kind === "junk" &&
      line.kind === "text" &&
      !/[。!?]$/.test(prev.text) &&
      (line.text.length <= 6 || /^[,、。”’)」』:;]/.test(line.text))
    ) {
      line.kind = "junk";
      line.rule = "fragment-of-junk";
    }
    prev = line;
  }
}

/**
 * Seventh round. Where a scraped text shows that a picture stood: a wiki's `Thumb`, a markdown image `![](…)`, an image
 * file name, a `文章图片` / `[图片]` placeholder, or a paragraph left holding only its indent (`"  "` between `""`
 * separators: the <p> kept its indent when its <img> was dropped).
 */
const IMAGE_SLOT = /^(?:thumb|缩略图|!\[[^\]]*\]\([^)]*\)|[\w.-]{1,80}\.(?:jpe?g|png|gif|webp|bmp)|文章图片|图片|\[图片\]|\(图片\))$/i;

/**
 * A picture's label on the line right under its slot: a short noun phrase (2–20 characters, at least two Han) without
 * sentence or clause punctuation, quotes, a colon, numbering or a question: 金泽镇上河道, 上海虹橋站站房, 淀山湖彩虹桥.
 * Not a sub-heading's shapes: 一、…, (二)…, 省界交界区域:从洼地到高地, 闪亮的“国家名片”, 为何…?.
 */
function isPictureLabel(text: string): boolean {
  return (
    text.length >= 2 &&
    text.length <= 20 &&
    hanCount(text) >= 2 &&
    !/[。!?,;:、“”‘’"'《》…—()[\]【】]/.test(text) &&
    !/^(?:[一二三四五六七八九十]+|\d{1,2})[、.]/.test(text) &&
    !/^第\S{1,4}[章节部分篇]/.test(text)
  );
}

/**
 * Paragraphs left holding only their indent: the page indents its paragraphs (at least half of its non-empty lines
 * open with the same 1–8 spaces) and a line is exactly that indent. Empty lines must be the separator (a line of spaces
 * used as a separator, or a stray one, is not a slot: headings in cleaned texts sit between such lines), and the label
 * after a slot must carry the indent too (a paragraph under the picture, not an unindented heading).
 */
function indentOnlySlots(rawLines: string[]): Map<number, string> {
  const slots = new Map<number, string>();
  const filled = rawLines.filter((r) => r.trim());
  const counts = new Map<string, number>();
  for (const r of filled) {
    const m = /^[ \t\u3000\u00a0]{1,8}(?=\S)/.exec(r);
    if (m) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  }
  const [indent, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ["", 0];
  const empty = rawLines.filter((r) => r === "").length;
  if (!indent || n * 2 < filled.length || empty < 2) return slots;
  rawLines.forEach((raw, i) => {
    if (raw === indent) slots.set(i, indent);
  });
  return slots.size * 3 <= empty ? slots : new Map();
}

/**
 * A short label right under an image slot (`IMAGE_SLOT`, or an indent-only line) and followed by more text is the
 * picture's caption (`caption:after-image`). A label at the very end, with nothing after it, is left alone. A
 * placeholder no other rule took (`[图片]`) is furniture (`furniture:image-slot`).
 */
function markImageLabels(rawLines: string[], lines: Line[]): void {
  const indentSlots = indentOnlySlots(rawLines);
  for (let i = 0; i < lines.length; i++) {
    const indent = indentSlots.get(i);
    if (indent === undefined && (lines[i]!.kind === "blank" || !IMAGE_SLOT.test(lines[i]!.text))) continue;
    // The placeholder itself ([图片], (图片)) is furniture when no other rule took it.
    if (lines[i]!.kind === "text") [lines[i]!.kind, lines[i]!.rule] = ["junk", "furniture:image-slot"];
    let j = i + 1;
    while (j < lines.length && lines[j]!.kind === "blank") j++;
    const label = lines[j];
    if (!label || label.kind !== "text" || !isPictureLabel(label.text) || !nextNonBlank(lines, j)) continue;
    if (indent !== undefined && !/^\S/.test(rawLines[j]!.slice(indent.length))) continue;
    if (indent !== undefined && !rawLines[j]!.startsWith(indent)) continue;
    [label.kind, label.rule] = ["caption", "caption:after-image"];
  }
}

export interface Segmented {
  /** The title line as normalized, or null when the text has none. */
  title: string | null;
  /** Lines before and just after the title (dates, bylines, sources), normalized: metadata, not body. */
  headerLines: string[];
  /** Labelled metadata lines met in and after the body (来源:…, 编辑:…, 《人民日报》), normalized. */
  metaLines: string[];
  /** Body paragraphs: cleaned original and normalized text. */
  paragraphs: { original: string; text: string }[];
  /** Every non-blank line that did not become body, with the id of the rule that kept it out. */
  dropped: DroppedLine[];
}

export interface DroppedLine {
  text: string;
  rule: string;
}

/** Runs of three or more table-of-contents entries with nothing between them. */
function markTocRuns(lines: Line[]): void {
  let run: Line[] = [];
  const flush = () => {
    if (run.length >= 3) for (const l of run) [l.kind, l.rule] = ["junk", "toc"];
    run = [];
  };
  for (const line of lines) {
    if (line.kind === "blank") continue;
    if (line.kind !== "text" || !TOC_LINE.test(line.text) || /[。;]/.test(line.text)) {
      flush();
      continue;
    }
    // The first entry again: the contents are over and the text starts with its first chapter.
    if (run.length > 0 && textKey(line.text) === textKey(run[0]!.text)) flush();
    run.push(line);
  }
  flush();
}

/** Up to and including the last sentence end (and a closing quote after it), or null when there is none. */
function lastSentenceEnd(s: string): number | null {
  const m = /[。！？!?][”’」』"]?(?=[^。！？!?]*$)/.exec(s);
  return m ? m.index + m[0].length : null;
}

/**
 * A scraped excerpt that stops mid-sentence: the last paragraph is running text (a full stop inside) that ends on a
 * bare character, after a paragraph that ended properly. Its complete sentences stay; the cut-off fragment goes.
 * Returns the fragment removed, or null.
 */
function trimTruncatedTail(last: Line, before: Line | undefined): string | null {
  const t = last.text;
  if (t.length < 40 || !/[\p{Script=Han}A-Za-z0-9]$/u.test(t) || !before || !/[。!?”」』)]$/.test(before.text)) return null;
  const cutText = lastSentenceEnd(t);
  const cutOriginal = lastSentenceEnd(last.original);
  if (cutText === null || cutOriginal === null) return null;
  const fragment = t.slice(cutText).trim();
  last.text = t.slice(0, cutText);
  last.original = last.original.slice(0, cutOriginal);
  return fragment;
}

/**
 * 长江网10月4日讯(记者陈智 整合) 国庆…: an outlet's dateline and reporter credit printed as their own run before the
 * lede (set off by a space). The lede stays; the prefix goes to the header. A wire dateline run into its sentence
 * (本报上海9月29日电(记者巨云鹏)29日,…) is how the story opens and stays.
 */
const DATELINE_CREDIT =
  /^(\p{Script=Han}{0,8}\d{1,2}月\d{1,2}日(?:讯|訊|电|電|消息)\s*[(（](?:本报|本報|本台|本臺|本网|本網)?(?:记者|記者|通讯员|通訊員)[^()（）]{1,30}[)）])\s+(?=\S)/u;

function stripDatelineCredit(line: Line): string | null {
  const t = DATELINE_CREDIT.exec(line.text);
  const o = DATELINE_CREDIT.exec(line.original);
  if (!t || !o || line.text.length - t[0].length < 15) return null;
  line.text = line.text.slice(t[0].length);
  line.original = line.original.slice(o[0].length);
  return t[1]!;
}

/**
 * 〔記者王小明／綜合報導〕浙江…, （記者陳大文／台北報導）…: a Taiwan/Hong Kong reporter's byline in brackets opening the
 * lede, ending in 报导/报道 (a byline, not a wire dateline: 中央社記者…18日電 runs into its sentence and stays, as 本报…电 does).
 * Matched on the raw line (traditional, full width) and on the normalized one.
 */
const LEAD_BYLINE =
  /^\s*([〔【[(（]\s*(?:本报|本報|本台|本網|本网)?(?:记者|記者|特派员|特派員|实习记者|實習記者)[^〔〕【】[\]()（）]{1,30}?(?:报导|報導|报道|報道)\s*[〕】\])）])\s*(?=\S)/u;

/**
 * …市場變化。（編輯：李雅婷）1120518, …（譯者：王某／核稿：李某）, …。(责任编辑:张三), …。（中央社）: the closing credit
 * a news wire or a reprint prints at the end of its last paragraph, in brackets after a sentence end, with an optional date code (CNA's ROC
 * yymmdd). The credit goes to the metadata lines, the sentence stays.
 */
const TRAILING_CREDIT =
  /(?<=[。!?！？”」』])\s*([(（](?:(?:责任编辑|責任編輯|编辑|編輯|责编|責編|校对|校對|核稿|译者|譯者|审稿|審稿|审核|審核|撰稿|主编|主編|记者|記者)\s*[:：/／][^()（）]{1,40}|\p{Script=Han}{1,8}(?:通讯社|通訊社|社))[)）])\s*\d{0,8}\s*$/u;

function stripBracketCredit(line: Line, re: RegExp, end: boolean): string | null {
  const t = re.exec(line.text);
  const o = re.exec(line.original);
  if (!t || !o || line.text.length - t[0].length < 15) return null;
  line.text = end ? line.text.slice(0, t.index).trimEnd() : line.text.slice(t[0].length);
  line.original = end ? line.original.slice(0, o.index).trimEnd() : line.original.slice(o[0].length);
  return t[1]!;
}

/** True when this line and the next look like running article text: long sentences, no teaser ellipsis. */
function strongArticleText(line: Line | undefined): boolean {
  if (!line || line.kind !== "text") return false;
  const t = line.text;
  return t.length >= 60 && (t.match(/[。!?]/g)?.length ?? 0) >= 2 && !/(\.{3}|…)$/.test(t);
}

function nextNonBlank(lines: Line[], i: number): Line | undefined {
  for (let j = i + 1; j < lines.length; j++) if (lines[j]!.kind !== "blank") return lines[j];
  return undefined;
}

function isHeaderish(line: Line, titleKey: string, ctx: LineContext): boolean {
  if (line.kind !== "text") return line.kind !== "related" && line.kind !== "footer";
  const t = line.text;
  // A short line without any Han character above a Chinese body: an English subtitle, a handle, a stray "None".
  const shortForeign = ctx.chinese && hanCount(t) === 0 && t.length <= 60;
  // An outlet name between headline and date (标题 / 新华社 / 日期) belongs to the header, not the body.
  // ——当代中国的精神危机 (上): a subtitle opening the text under a known headline.
  const subtitle = !!titleKey && t.length <= 40 && /^[—–－]{2}\s*\S/.test(t) && !/[。!?]/.test(t);
  return isDateLine(t) || isDateLine(t.replace(STAMP_REPORTER, " ").replace(STAMP_SOURCE, " ")) || isBracketLabel(t) || shortForeign || isOutletLine(t) || subtitle || NAME_LIST.test(t) || sameAsTitle(t, titleKey);
}

/**
 * 澎湃新闻记者 王可 2024-11-26 07:05 来源:澎湃新闻: the outlet's reporter credit before the stamp of a byline line under
 * the headline; without it the line is read as a date line (its name is not the body's first paragraph).
 */
const STAMP_REPORTER = /^\p{Script=Han}{0,8}?记者\s*\p{Script=Han}{2,4}(?:[、,]\p{Script=Han}{2,4}){0,2}(?=\s)/u;
/** 2025-09-12 来源:上海市人民政府新闻办公室: a long source name after the stamp, labelled, at the line's end. */
const STAMP_SOURCE = /(?<=\s)(?:来源|信息来源|文章来源|稿件来源)[:：]\s*[^\s:：。]{1,24}$/u;

/** 赵延东、风笑天: the authors' names alone under the headline (a byline without its label). */
const NAME_LIST = /^\p{Script=Han}{2,4}(?:[、,]\s*\p{Script=Han}{2,4}){1,4}$/u;

/** Header lines that may carry the date, source or byline: not furniture, never an attachment's upload time. */
export function carriesMetadata(line: Line): boolean {
  return line.kind !== "blank" && line.kind !== "nav" && !line.rule?.startsWith("attachment:") && line.rule !== "meta:profile-date";
}

/** Chinese when Han characters make up at least a third of the letters on the page. */
export function pageContext(rawLines: string[]): LineContext {
  let han = 0;
  let letters = 0;
  for (const line of rawLines) {
    han += hanCount(line);
    letters += letterCount(line);
  }
  return { chinese: han * 3 >= letters };
}

function findTitle(lines: Line[], ctx: LineContext): number {
  const firstPara = lines.findIndex(isParagraphLike);
  const end = firstPara === -1 ? lines.length : firstPara;
  const candidates: number[] = [];
  for (let i = 0; i < end; i++) if (isTitleLike(lines[i]!)) candidates.push(i);
  // Best signal: the title is followed by its date/source/byline block.
  for (const c of candidates) {
    const key = textKey(splitTitleSuffix(lines[c]!.text).title);
    for (let j = c + 1; j < lines.length; j++) {
      const l = lines[j]!;
      if (l.kind === "meta" || (l.kind === "text" && isDateLine(l.text))) return c;
      if (!isHeaderish(l, key, ctx)) break;
    }
  }
  return candidates[0] ?? -1;
}

/** At most this many short lines carry a headline printed over several lines, starting within SPLIT_REACH lines. */
const MAX_SPLIT_LINES = 6;
const SPLIT_REACH = 3;

/**
 * A headline printed over several short lines at the top of the body (吉林省人民政府关于禁止在 / 吉林省嫩江干流… /
 * 和迁入人口的通告): the lines that, read together, give the known title. They are marked junk and returned; a run
 * that only starts the title, or lines that are running text, are left alone. Sixth round.
 */
function splitHeadline(lines: Line[], from: number, titleKey: string): Line[] {
  if (titleKey.length < 8) return [];
  const text = lines.slice(from).filter((l) => l.kind !== "blank").slice(0, SPLIT_REACH + MAX_SPLIT_LINES);
  for (let start = 0; start < SPLIT_REACH && start < text.length; start++) {
    let key = "";
    for (let k = start; k < text.length && k < start + MAX_SPLIT_LINES; k++) {
      const l = text[k]!;
      if (l.kind !== "text" || l.text.length > 40 || /[。!?]$/.test(l.text)) break;
      key += textKey(l.text);
      if (!titleKey.startsWith(key)) break;
      if (key === titleKey) {
        if (k === start) break;
        const run = text.slice(start, k + 1);
        for (const r of run) [r.kind, r.rule] = ["junk", "title:split-lines"];
        return run;
      }
    }
  }
  return [];
}

/**
 * Split a page's lines into title, header (metadata), body and what follows it.
 * `knownTitle`: the title found elsewhere (HTML metadata); lines repeating it are dropped and no title is searched.
 */
export function segmentLines(rawLines: string[], opts: { knownTitle?: string | null; excerpt?: boolean } = {}): Segmented {
  const ctx = pageContext(rawLines);
  const lines = rawLines.map((raw) => prepareLine(raw, ctx));
  absorbFragments(lines);
  markImageLabels(rawLines, lines);
  markTocRuns(lines);
  const dropped = new Map<Line, string>();
  const drop = (l: Line, rule: string) => {
    if (l.kind !== "blank" && !dropped.has(l)) dropped.set(l, l.rule ?? rule);
  };

  let titleIdx = -1;
  let title: string | null = opts.knownTitle ?? null;
  if (opts.knownTitle === undefined) {
    titleIdx = findTitle(lines, ctx);
    title = titleIdx >= 0 ? lines[titleIdx]!.text : null;
  }
  const titleKey = title ? textKey(splitTitleSuffix(title).title) : "";

  const headerLines: string[] = [];
  for (let i = 0; i < titleIdx; i++) {
    const l = lines[i]!;
    if (l.kind === "meta" || (l.kind === "text" && isDateLine(l.text))) {
      headerLines.push(l.text);
      drop(l, "header:metadata");
    } else drop(l, "before-title");
  }
  if (titleIdx >= 0) drop(lines[titleIdx]!, "title");
  let i = titleIdx + 1;
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    if (!isHeaderish(l, titleKey, ctx)) break;
    if (carriesMetadata(l) && !sameAsTitle(l.text, titleKey)) headerLines.push(l.text);
    drop(l, sameAsTitle(l.text, titleKey) ? "title-repeat" : "header:metadata");
  }

  for (const l of splitHeadline(lines, i, titleKey)) drop(l, "title:split-lines");

  const metaLines: string[] = [];
  const body: Line[] = [];
  let state: "body" | "related" | "footer" = "body";
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    // A related list's labelled lines (来源:新华网 时间:2018-01-01) are another story's, never this page's metadata.
    if (l.kind === "meta" && state !== "related") {
      metaLines.push(l.text);
      drop(l, "meta");
      continue;
    }
    if (state === "related" && strongArticleText(l) && strongArticleText(nextNonBlank(lines, i))) state = "body";
    if (state !== "body") {
      drop(l, state === "related" ? "after-related-heading" : "after-footer-start");
      continue;
    }
    if ((l.kind === "related" || l.kind === "footer") && body.length > 0) {
      state = l.kind;
      drop(l, l.kind);
      continue;
    }
    // 2003-7-24 钱江晚报 under a kicker and a byline, before any running text: the header's date line, not the body.
    if (l.kind === "text" && isDateLine(l.text) && FULL_DATE_RE.test(l.text) && body.length <= 3 && !body.some(isParagraphLike)) {
      headerLines.push(l.text);
      drop(l, "header:date-above-lede");
      continue;
    }
    if (l.kind === "text" && !sameAsTitle(l.text, titleKey)) body.push(l);
    else drop(l, "title-repeat");
    if (l.endsArticle) state = "footer";
  }
  // 本文转自“某某发布”,原文发布于2024年8月16日: a reprint credit the body rules drop (furniture, a footer's start) still
  // says whose text this is and when it first ran: metadata, like the header's 原标题 line.
  for (const l of lines) if (dropped.has(l) && l.text.length <= 80 && REPRINT_CREDIT.test(l.text) && !metaLines.includes(l.text)) metaLines.push(l.text);
  const fragment = opts.excerpt && body.length >= 2 ? trimTruncatedTail(body.at(-1)!, body.at(-2)) : null;
  const dateline = body[0] ? stripDatelineCredit(body[0]) : null;
  if (dateline) headerLines.push(dateline);
  const byline = body[0] ? stripBracketCredit(body[0], LEAD_BYLINE, false) : null;
  if (byline) headerLines.push(byline);
  const credits: { text: string; rule: string }[] = [];
  for (const l of body) {
    const credit = stripBracketCredit(l, TRAILING_CREDIT, true);
    if (credit) {
      metaLines.push(credit);
      credits.push({ text: credit, rule: "meta:trailing-credit" });
    }
  }

  const kept = dedupe(body);
  const keptSet = new Set(kept);
  for (const l of body) if (!keptSet.has(l)) drop(l, "duplicate");
  const droppedLines = lines.filter((l) => dropped.has(l)).map((l) => ({ text: l.text, rule: dropped.get(l)! }));
  return {
    title,
    headerLines,
    metaLines,
    paragraphs: kept.map((l) => ({ original: l.original, text: l.text })),
    dropped: [
      ...(dateline ? [{ text: dateline, rule: "meta:dateline" }] : []),
      ...(byline ? [{ text: byline, rule: "meta:lead-byline" }] : []),
      ...credits,
      ...droppedLines,
      ...(fragment ? [{ text: fragment, rule: "truncated-tail" }] : []),
    ],
  };
}

/** Containment only counts for paragraphs at least this long: short headings may well recur inside longer text. */
const MIN_CONTAINED_KEY = 20;
/** …and only between near neighbours: a lead printed twice (seed 003), not a later sentence that restates it. */
const CONTAINMENT_REACH = 2;

/**
 * A short question or label met again further on is structure, not a scraping duplicate: the questions of a Q&A
 * interview asked of each guest, 问:/答: labels. Any other repeat is a copy (001 repeats its own sentences).
 */
const MIN_REPEAT_KEY = 30;
export const isRecurringPrompt = (text: string, key: string) => key.length < MIN_REPEAT_KEY && /[?？:：]$/.test(text.trim());

/** Drop repeated paragraphs (keep the first) and a lead repeated inside a longer neighbouring paragraph. */
export function dedupe<T extends { text: string }>(paragraphs: T[]): T[] {
  const keys = paragraphs.map((p) => textKey(p.text));
  const seen = new Set<string>();
  return paragraphs.filter((_, i) => {
    const key = keys[i]!;
    if (!key) return false;
    if (seen.has(key) && (!isRecurringPrompt(paragraphs[i]!.text, key) || keys[i - 1] === key)) return false;
    seen.add(key);
    if (key.length < MIN_CONTAINED_KEY) return true;
    for (let j = Math.max(0, i - CONTAINMENT_REACH); j <= i + CONTAINMENT_REACH && j < keys.length; j++) {
      const other = keys[j]!;
      if (j !== i && other.length > key.length && other.includes(key)) return false;
    }
    return true;
  });
}
