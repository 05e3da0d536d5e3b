CREATE TABLE `data_versions` (
	`name` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);--> statement-breakpoint
INSERT INTO `data_versions` (`name`, `version`) VALUES ('search_context', 0), ('search_docs', 0);--> statement-breakpoint
CREATE TRIGGER `entities_search_context_version_insert` AFTER INSERT ON `entities` BEGIN
  update data_versions set version = version + 1 where name = 'search_context';
END;--> statement-breakpoint
CREATE TRIGGER `entities_search_context_version_update` AFTER UPDATE ON `entities` BEGIN
  update data_versions set version = version + 1 where name = 'search_context';
END;--> statement-breakpoint
CREATE TRIGGER `entities_search_context_version_delete` AFTER DELETE ON `entities` BEGIN
  update data_versions set version = version + 1 where name = 'search_context';
END;--> statement-breakpoint
CREATE TRIGGER `entity_aliases_search_context_version_insert` AFTER INSERT ON `entity_aliases` BEGIN
  update data_versions set version = version + 1 where name = 'search_context';
END;--> statement-breakpoint
CREATE TRIGGER `entity_aliases_search_context_version_update` AFTER UPDATE ON `entity_aliases` BEGIN
  update data_versions set version = version + 1 where name = 'search_context';
END;--> statement-breakpoint
CREATE TRIGGER `entity_aliases_search_context_version_delete` AFTER DELETE ON `entity_aliases` BEGIN
  update data_versions set version = version + 1 where name = 'search_context';
END;--> statement-breakpoint
CREATE TRIGGER `search_docs_search_docs_version_insert` AFTER INSERT ON `search_docs` BEGIN
  update data_versions set version = version + 1 where name = 'search_docs';
END;--> statement-breakpoint
CREATE TRIGGER `search_docs_search_docs_version_update` AFTER UPDATE ON `search_docs` BEGIN
  update data_versions set version = version + 1 where name = 'search_docs';
END;--> statement-breakpoint
CREATE TRIGGER `search_docs_search_docs_version_delete` AFTER DELETE ON `search_docs` BEGIN
  update data_versions set version = version + 1 where name = 'search_docs';
END;--> statement-breakpoint
CREATE TRIGGER `search_facets_search_docs_version_insert` AFTER INSERT ON `search_facets` BEGIN
  update data_versions set version = version + 1 where name = 'search_docs';
END;--> statement-breakpoint
CREATE TRIGGER `search_facets_search_docs_version_update` AFTER UPDATE ON `search_facets` BEGIN
  update data_versions set version = version + 1 where name = 'search_docs';
END;--> statement-breakpoint
CREATE TRIGGER `search_facets_search_docs_version_delete` AFTER DELETE ON `search_facets` BEGIN
  update data_versions set version = version + 1 where name = 'search_docs';
END;--> statement-breakpoint
-- The fallback orders every match by on_topic before it reads the page's documents: the flag as a column computed
-- from the stored document (never out of step with it), in a covering index with the other ordering key, so ordering
-- ~8k matches reads the index instead of every document's JSON.
ALTER TABLE `search_docs` ADD COLUMN `on_topic` integer GENERATED ALWAYS AS (coalesce(json_extract(`doc`, '$.on_topic'), 1)) VIRTUAL;--> statement-breakpoint
CREATE INDEX `search_docs_order` ON `search_docs` (`article_id`, `on_topic`, `published_num`);
