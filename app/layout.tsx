import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Delta Atlas · 长三角一体化政策知识库", template: "%s · Delta Atlas" },
  description: "长三角一体化政策新闻知识库：规划、项目、机构、地区与里程碑的检索和时间线。",
};

// Every page is rendered per request, so each gets the CSP nonce proxy.ts made for it (also the 404 page).
export const dynamic = "force-dynamic";

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b5d6b" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>
        <a className="skip-link" href="#main">跳到正文</a>
        <SiteHeader />
        <main id="main" className="container">
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            Delta Atlas：长三角一体化政策新闻知识库。每条实体、数据和里程碑都可追溯到原文段落。
            数据下载：<a href="/api/timeline?format=csv">里程碑 CSV</a>
          </div>
        </footer>
      </body>
    </html>
  );
}
