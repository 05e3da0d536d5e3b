/**
 * The one error type. Every failure the app or the command line reports has a stable kebab-case code
 * from this table, mapped once to an HTTP status and to the Chinese message the interface shows;
 * `message` is the detail (logs, CLI, API body), `cause` keeps the original error for the logs.
 */
export const ERROR_CODES = {
  // Requests
  "bad-request": { status: 400, title: "请求参数有误" },
  "not-found": { status: 404, title: "没有找到" },
  "rate-limited": { status: 429, title: "请求过于频繁，请稍后再试" },
  internal: { status: 500, title: "服务器内部错误" },
  config: { status: 500, title: "配置有误" },
  // Search engine: unreachable / timeout fall back to SQLite; a rejected request is a bug, never a fallback.
  "engine-unreachable": { status: 503, title: "搜索引擎暂时不可用" },
  "engine-timeout": { status: 504, title: "搜索引擎响应超时" },
  "engine-rejected": { status: 500, title: "搜索引擎拒绝了请求" },
  "engine-task-failed": { status: 500, title: "搜索索引任务失败" },
  "engine-start-failed": { status: 503, title: "本地搜索引擎无法启动" },
  // Ingest: one code per reason a page is refused.
  empty: { status: 422, title: "文件为空" },
  binary: { status: 422, title: "不是文本或网页" },
  "no-text": { status: 422, title: "没有找到正文" },
  encoding: { status: 422, title: "无法识别字符编码" },
  sidecar: { status: 422, title: "附带的 .json 元数据有误" },
  "too-large": { status: 413, title: "文件过大" },
  unsupported: { status: 415, title: "不支持的文件类型" },
  timeout: { status: 422, title: "处理超时" },
  "too-deep": { status: 422, title: "结构嵌套过深" },
  unreadable: { status: 403, title: "无法读取" },
  "not-a-file": { status: 422, title: "不是普通文件" },
  "symlink-loop": { status: 422, title: "符号链接循环" },
  // Fetching from the web (kb fetch / kb watch): one code per reason a URL is not stored.
  robots: { status: 403, title: "robots.txt 不允许抓取" },
  "http-status": { status: 502, title: "网站返回了错误状态" },
  redirects: { status: 508, title: "重定向过多或循环" },
  network: { status: 502, title: "网络错误" },
  budget: { status: 429, title: "超出本次抓取的时间或页数预算" },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AtlasError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "AtlasError";
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  /** What a reader of the Chinese interface is told: the code's title, then the detail. */
  get userMessage(): string {
    const { title } = ERROR_CODES[this.code];
    return this.message && this.message !== title ? `${title}：${this.message}` : title;
  }
}

/** Any thrown value as an AtlasError (unknown errors become `internal`, the original kept as cause). */
export function toAtlasError(e: unknown): AtlasError {
  if (e instanceof AtlasError) return e;
  return new AtlasError("internal", e instanceof Error ? e.message : String(e), { cause: e });
}

/** The JSON body of every API error: `{ error: code, message }` with the status of its code. */
export function errorResponse(e: unknown): Response {
  const err = toAtlasError(e);
  if (err.status >= 500) console.error(`[${err.code}]`, err.message, err.cause ?? "");
  // Internal details stay in the log; the reader gets the code's title.
  const message = err.code === "internal" ? ERROR_CODES.internal.title : err.userMessage;
  return Response.json({ error: err.code, message }, { status: err.status, headers: { "Cache-Control": "no-store" } });
}
