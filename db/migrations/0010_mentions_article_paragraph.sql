DROP INDEX `mentions_article`;--> statement-breakpoint
CREATE INDEX `mentions_article_paragraph` ON `mentions` (`article_id`,`paragraph`);