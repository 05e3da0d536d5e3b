-- Search fallback (owned by lib/search via db/queries/search.ts): the same segmented text the
-- Meilisearch index holds, in FTS5, plus the facet values of each indexed article.
CREATE VIRTUAL TABLE `search_fts` USING fts5(`article_id` UNINDEXED, `title`, `names`, `body`, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TABLE `search_docs` (
	`article_id` text PRIMARY KEY NOT NULL,
	`doc_hash` text NOT NULL,
	`doc` text NOT NULL,
	`published_num` integer NOT NULL DEFAULT 0
);
--> statement-breakpoint
CREATE TABLE `search_facets` (
	`article_id` text NOT NULL,
	`facet` text NOT NULL,
	`value` text NOT NULL,
	PRIMARY KEY(`article_id`, `facet`, `value`)
);
--> statement-breakpoint
CREATE INDEX `search_facets_value` ON `search_facets` (`facet`, `value`);
