DROP INDEX `articles_url_unique`;--> statement-breakpoint
CREATE INDEX `articles_url` ON `articles` (`url`);