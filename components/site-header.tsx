import Link from "next/link";
import { NavLink } from "./nav-link";

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="container">
        <Link href="/" className="brand" aria-label="Delta Atlas 首页">
          <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true">
            <circle cx="16" cy="16" r="15" fill="#ffffff" opacity="0.15" />
            <path d="M4 20c4-1 6-5 10-5s5 4 9 4 4-3 5-4" stroke="#fff" strokeWidth="2.2" fill="none" strokeLinecap="round" />
            <path d="M6 25c4-1 6-3 10-3s5 2 10 1" stroke="#9fe3ea" strokeWidth="2" fill="none" strokeLinecap="round" />
            <circle cx="21" cy="10" r="2.6" fill="#ffd166" />
          </svg>
          <span>
            Delta Atlas <small>长三角一体化政策知识库</small>
          </span>
        </Link>
        <nav className="site-nav" aria-label="主导航">
          <NavLink href="/">检索</NavLink>
          <NavLink href="/timeline">时间线</NavLink>
          <NavLink href="/entities/plan">实体</NavLink>
        </nav>
      </div>
    </header>
  );
}
