CREATE TABLE `dedup_bands` (
	`key` integer NOT NULL,
	`article_id` text NOT NULL,
	PRIMARY KEY(`key`, `article_id`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `dedup_bands_article` ON `dedup_bands` (`article_id`);