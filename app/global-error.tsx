"use client";

/** Last-resort boundary when the root layout itself fails: it must render its own <html>. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: '"PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Microsoft YaHei",sans-serif', padding: 40 }}>
        <h1>Delta Atlas 暂时无法显示</h1>
        <p>页面框架加载失败。请稍后重试；如果问题持续，请把错误编号告诉维护者。</p>
        {error.digest ? <p>错误编号：{error.digest}</p> : null}
        <button type="button" onClick={reset}>重试</button>
      </body>
    </html>
  );
}
