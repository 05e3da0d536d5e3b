CREATE TABLE `article_topics` (
	`article_id` text NOT NULL,
	`topic` text NOT NULL,
	`score` real NOT NULL,
	PRIMARY KEY(`article_id`, `topic`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `articles` (
	`id` text PRIMARY KEY NOT NULL,
	`url` text,
	`content_hash` text NOT NULL,
	`record_hash` text NOT NULL,
	`simhash` text NOT NULL,
	`title` text NOT NULL,
	`published` text,
	`published_precision` text,
	`published_text` text,
	`site` text,
	`source` text,
	`author` text,
	`editor` text,
	`encoding` text NOT NULL,
	`body` text NOT NULL,
	`original` text NOT NULL,
	`file_path` text,
	`fetched_at` text,
	`duplicate_of` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `articles_url_unique` ON `articles` (`url`);--> statement-breakpoint
CREATE INDEX `articles_content_hash` ON `articles` (`content_hash`);--> statement-breakpoint
CREATE INDEX `articles_published` ON `articles` (`published`);--> statement-breakpoint
CREATE TABLE `entities` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`type` text,
	`period` text,
	`parent_id` text,
	`path` text,
	`aliases` text DEFAULT '[]' NOT NULL,
	`region_id` text
);
--> statement-breakpoint
CREATE INDEX `entities_kind` ON `entities` (`kind`);--> statement-breakpoint
CREATE TABLE `figures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` text NOT NULL,
	`paragraph` integer NOT NULL,
	`text` text NOT NULL,
	`value` real NOT NULL,
	`unit` text NOT NULL,
	`subject` text,
	`before` real,
	`after` real,
	`bound` text,
	`entity_id` text,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `figures_article` ON `figures` (`article_id`);--> statement-breakpoint
CREATE INDEX `figures_entity` ON `figures` (`entity_id`);--> statement-breakpoint
CREATE TABLE `ingest_failures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`path` text NOT NULL,
	`code` text NOT NULL,
	`reason` text NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `ingest_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `ingest_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`started_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`finished_at` text,
	`status` text DEFAULT 'running' NOT NULL,
	`inputs` text NOT NULL,
	`created` integer DEFAULT 0 NOT NULL,
	`updated` integer DEFAULT 0 NOT NULL,
	`unchanged` integer DEFAULT 0 NOT NULL,
	`duplicate` integer DEFAULT 0 NOT NULL,
	`failed` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `mentions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` text NOT NULL,
	`entity_id` text NOT NULL,
	`paragraph` integer NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`text` text NOT NULL,
	`value` text,
	`precision` text,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `mentions_article` ON `mentions` (`article_id`);--> statement-breakpoint
CREATE INDEX `mentions_entity` ON `mentions` (`entity_id`);--> statement-breakpoint
CREATE TABLE `milestone_entities` (
	`milestone_id` text NOT NULL,
	`entity_id` text NOT NULL,
	PRIMARY KEY(`milestone_id`, `entity_id`),
	FOREIGN KEY (`milestone_id`) REFERENCES `milestones`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `milestone_sources` (
	`milestone_id` text NOT NULL,
	`article_id` text NOT NULL,
	`paragraph` integer NOT NULL,
	`event` text NOT NULL,
	PRIMARY KEY(`milestone_id`, `article_id`, `paragraph`),
	FOREIGN KEY (`milestone_id`) REFERENCES `milestones`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `milestones` (
	`id` text PRIMARY KEY NOT NULL,
	`date` text NOT NULL,
	`precision` text NOT NULL,
	`action` text NOT NULL,
	`event` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `milestones_date` ON `milestones` (`date`);--> statement-breakpoint
CREATE TABLE `paragraphs` (
	`article_id` text NOT NULL,
	`idx` integer NOT NULL,
	`text` text NOT NULL,
	`original` text NOT NULL,
	PRIMARY KEY(`article_id`, `idx`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `search_sync` (
	`article_id` text PRIMARY KEY NOT NULL,
	`doc_hash` text NOT NULL,
	`indexed_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
