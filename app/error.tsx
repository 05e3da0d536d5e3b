"use client";
import { useEffect } from "react";

export default function ErrorBoundary({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="card" role="alert" data-testid="error" style={{ maxWidth: 640, margin: "40px auto" }}>
      <h1>页面出错了</h1>
      <p>加载这一页时发生了错误，数据没有受到影响。请稍后重试；如果问题持续，请把下面的编号告诉维护者。</p>
      {error.digest ? <p className="muted small">错误编号：{error.digest}</p> : null}
      <button type="button" className="button primary" onClick={reset}>重试</button>
    </div>
  );
}
