/** A learned alias's review state: proposed by an article, confirmed or rejected by a reviewer (lib/extract/data/aliases-reviewed.json). */
export const ALIAS_STATUSES = ["proposed", "confirmed", "rejected"] as const;
export type AliasStatus = (typeof ALIAS_STATUSES)[number];
