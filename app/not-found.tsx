import Link from "next/link";

export default function NotFound() {
  return (
    <div className="card" data-testid="not-found" style={{ maxWidth: 640, margin: "40px auto" }}>
      <h1>没有找到这个页面</h1>
      <p className="muted">链接可能已失效，或这篇文章、这个实体已不在知识库中。</p>
      <p>
        <Link className="button primary" href="/">去检索</Link>{" "}
        <Link className="button" href="/timeline">看时间线</Link>
      </p>
    </div>
  );
}
