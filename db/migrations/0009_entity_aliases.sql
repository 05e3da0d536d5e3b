CREATE TABLE `entity_aliases` (
	`entity_id` text NOT NULL,
	`alias` text NOT NULL,
	`article_id` text NOT NULL,
	`paragraph` integer NOT NULL,
	`pattern` text NOT NULL,
	`text` text NOT NULL,
	`status` text DEFAULT 'proposed' NOT NULL,
	PRIMARY KEY(`entity_id`, `alias`, `article_id`, `paragraph`),
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `entity_aliases_alias` ON `entity_aliases` (`alias`);