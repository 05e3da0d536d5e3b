PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_milestones` (
	`id` text PRIMARY KEY NOT NULL,
	`date` text,
	`precision` text,
	`date_end` text,
	`action` text NOT NULL,
	`status` text DEFAULT 'done' NOT NULL,
	`subject` text,
	`subject_id` text,
	`event` text NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_milestones`("id", "date", "precision", "action", "event") SELECT "id", "date", "precision", "action", "event" FROM `milestones`;--> statement-breakpoint
DROP TABLE `milestones`;--> statement-breakpoint
ALTER TABLE `__new_milestones` RENAME TO `milestones`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `milestones_date` ON `milestones` (`date`);--> statement-breakpoint
CREATE INDEX `milestones_subject` ON `milestones` (`subject_id`,`action`);--> statement-breakpoint
ALTER TABLE `milestone_sources` ADD `sentence` text;