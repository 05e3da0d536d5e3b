import { describe, expect, it } from "vitest";
import { processPage } from "@/lib/ingest/process";
import { storableUrl } from "@/lib/ingest/metadata";

const BODY = "<p>长三角生态绿色一体化发展示范区执委会召开会议，研究部署示范区明年重点工作，推动一批标志性项目开工建设。</p>".repeat(3);
const page = (head: string, sidecarUrl?: string) =>
  processPage(Buffer.from(`<html><head><meta charset="utf-8"><title>示范区会议</title>${head}</head><body><article>${BODY}</article></body></html>`), {
    fileName: "p.html",
    ...(sidecarUrl ? { sidecar: { url: sidecarUrl } } : {}),
  });

describe("only http(s) page addresses are stored", () => {
  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "file:///C:/Users/editor/page.html",
    "/news/2024/1.html",
    "//evil.example/x",
    "https://",
    "http://exa mple.org/",
    "https://example.org/\tx",
  ])("refuses %j from a sidecar, a canonical link and og:url, with a note", (bad) => {
    expect(storableUrl(bad)).toBeNull();
    const fromSidecar = page("", bad);
    expect(fromSidecar.url).toBeNull();
    expect(fromSidecar.notes?.join("\n")).toContain("page address not stored");
    const attr = bad.replace(/"/g, "&quot;");
    expect(page(`<link rel="canonical" href="${attr}">`).url).toBeNull();
    expect(page(`<meta property="og:url" content="${attr}">`).url).toBeNull();
  });

  it("keeps an http(s) address as written, and takes the next candidate when the first is refused", () => {
    expect(page("", "https://www.example.org/新闻/1.html").url).toBe("https://www.example.org/新闻/1.html");
    expect(page(`<link rel="canonical" href="https://example.org/a">`, "javascript:alert(1)").url).toBe("https://example.org/a");
    expect(page(`<link rel="canonical" href="HTTP://Example.org/b">`).url).toBe("HTTP://Example.org/b");
  });
});
