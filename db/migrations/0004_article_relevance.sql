ALTER TABLE `articles` ADD `relevance` real;--> statement-breakpoint
ALTER TABLE `articles` ADD `low_quality` integer DEFAULT false NOT NULL;