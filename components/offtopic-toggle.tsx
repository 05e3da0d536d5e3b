import Link from "next/link";

/**
 * The visible switch for articles below the relevance threshold or flagged as word-spun (`?offtopic=1`):
 * says how many items they add and links to the other state. Nothing when they add none.
 */
export function OfftopicToggle({ shown, count, what, showHref, hideHref }: { shown: boolean; count: number; what: string; showHref: string; hideHref: string }) {
  if (count <= 0) return null;
  return (
    <p className="muted small" data-testid="offtopic-toggle" data-shown={shown ? "true" : "false"}>
      {shown ? (
        <>
          含 {count} {what}只来自与长三角一体化关系不大或内容质量低（同义词替换生成）的文章。
          <Link href={hideHref} data-testid="offtopic-hide">只看相关文章</Link>
        </>
      ) : (
        <>
          另有 {count} {what}只来自与长三角一体化关系不大或内容质量低（同义词替换生成）的文章，未列出。
          <Link href={showHref} data-testid="offtopic-show">显示全部</Link>
        </>
      )}
    </p>
  );
}
