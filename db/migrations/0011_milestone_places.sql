CREATE TABLE `milestone_places` (
	`milestone_id` text NOT NULL,
	`region_id` text NOT NULL,
	PRIMARY KEY(`milestone_id`, `region_id`)
);
--> statement-breakpoint
CREATE INDEX `milestone_places_region` ON `milestone_places` (`region_id`,`milestone_id`);--> statement-breakpoint
DROP INDEX `mentions_entity`;--> statement-breakpoint
CREATE INDEX `mentions_entity` ON `mentions` (`entity_id`,`article_id`);--> statement-breakpoint
CREATE INDEX `articles_cover` ON `articles` (`id`,`low_quality`,`relevance`,`duplicate_of`,`published`);--> statement-breakpoint
CREATE INDEX `articles_duplicate_of` ON `articles` (`duplicate_of`);--> statement-breakpoint
CREATE INDEX `milestone_entities_entity` ON `milestone_entities` (`entity_id`,`milestone_id`);--> statement-breakpoint
CREATE INDEX `milestone_sources_article_paragraph` ON `milestone_sources` (`article_id`,`paragraph`);--> statement-breakpoint
-- Custom SQL (not generated). The three ways as a view (the definition), the table filled from it, then kept by triggers
-- that recompute the milestones a change touches (inserts add their rows directly).
CREATE VIEW `milestone_places_derived` AS
  select me.milestone_id as milestone_id, e.id as region_id from milestone_entities me join entities e on e.id = me.entity_id where e.kind = 'region'
  union all select me.milestone_id, e.region_id from milestone_entities me join entities e on e.id = me.entity_id where e.region_id is not null
  union all select ms.milestone_id, mn.entity_id from milestone_sources ms
    join mentions mn on mn.article_id = ms.article_id and mn.paragraph = ms.paragraph join entities e on e.id = mn.entity_id
    where e.kind = 'region';
--> statement-breakpoint
insert or ignore into milestone_places (milestone_id, region_id) select milestone_id, region_id from milestone_places_derived;
--> statement-breakpoint
CREATE TRIGGER `milestone_places_me_insert` AFTER INSERT ON milestone_entities
BEGIN
  insert or ignore into milestone_places (milestone_id, region_id)
    select new.milestone_id, e.id from entities e where e.id = new.entity_id and e.kind = 'region'
    union all select new.milestone_id, e.region_id from entities e where e.id = new.entity_id and e.region_id is not null;
END;
--> statement-breakpoint
CREATE TRIGGER `milestone_places_me_delete` AFTER DELETE ON milestone_entities
BEGIN
  delete from milestone_places where milestone_id in (old.milestone_id);
  insert or ignore into milestone_places (milestone_id, region_id) select milestone_id, region_id from milestone_places_derived where milestone_id in (old.milestone_id);
END;
--> statement-breakpoint
CREATE TRIGGER `milestone_places_me_update` AFTER UPDATE ON milestone_entities
BEGIN
  delete from milestone_places where milestone_id in (old.milestone_id, new.milestone_id);
  insert or ignore into milestone_places (milestone_id, region_id) select milestone_id, region_id from milestone_places_derived where milestone_id in (old.milestone_id, new.milestone_id);
END;
--> statement-breakpoint
CREATE TRIGGER `milestone_places_ms_insert` AFTER INSERT ON milestone_sources
BEGIN
  insert or ignore into milestone_places (milestone_id, region_id)
    select new.milestone_id, mn.entity_id from mentions mn join entities e on e.id = mn.entity_id
    where mn.article_id = new.article_id and mn.paragraph = new.paragraph and e.kind = 'region';
END;
--> statement-breakpoint
CREATE TRIGGER `milestone_places_ms_delete` AFTER DELETE ON milestone_sources
BEGIN
  delete from milestone_places where milestone_id in (old.milestone_id);
  insert or ignore into milestone_places (milestone_id, region_id) select milestone_id, region_id from milestone_places_derived where milestone_id in (old.milestone_id);
END;
--> statement-breakpoint
CREATE TRIGGER `milestone_places_ms_update` AFTER UPDATE ON milestone_sources
BEGIN
  delete from milestone_places where milestone_id in (old.milestone_id, new.milestone_id);
  insert or ignore into milestone_places (milestone_id, region_id) select milestone_id, region_id from milestone_places_derived where milestone_id in (old.milestone_id, new.milestone_id);
END;
--> statement-breakpoint
CREATE TRIGGER `milestone_places_mention_insert` AFTER INSERT ON mentions WHEN (select kind from entities where id = new.entity_id) = 'region'
BEGIN
  insert or ignore into milestone_places (milestone_id, region_id)
    select milestone_id, new.entity_id from milestone_sources where article_id = new.article_id and paragraph = new.paragraph;
END;
--> statement-breakpoint
CREATE TRIGGER `milestone_places_mention_delete` AFTER DELETE ON mentions WHEN (select kind from entities where id = old.entity_id) = 'region'
BEGIN
  delete from milestone_places where milestone_id in (select milestone_id from milestone_sources where article_id = old.article_id and paragraph = old.paragraph);
  insert or ignore into milestone_places (milestone_id, region_id) select milestone_id, region_id from milestone_places_derived where milestone_id in (select milestone_id from milestone_sources where article_id = old.article_id and paragraph = old.paragraph);
END;
--> statement-breakpoint
CREATE TRIGGER `milestone_places_mention_update` AFTER UPDATE OF entity_id, article_id, paragraph ON mentions
BEGIN
  delete from milestone_places where milestone_id in (select milestone_id from milestone_sources where article_id = old.article_id and paragraph = old.paragraph union select milestone_id from milestone_sources where article_id = new.article_id and paragraph = new.paragraph);
  insert or ignore into milestone_places (milestone_id, region_id) select milestone_id, region_id from milestone_places_derived where milestone_id in (select milestone_id from milestone_sources where article_id = old.article_id and paragraph = old.paragraph union select milestone_id from milestone_sources where article_id = new.article_id and paragraph = new.paragraph);
END;
--> statement-breakpoint
CREATE TRIGGER `milestone_places_entity_region` AFTER UPDATE OF region_id ON entities WHEN old.region_id IS NOT new.region_id
BEGIN
  delete from milestone_places where milestone_id in (select milestone_id from milestone_entities where entity_id = new.id);
  insert or ignore into milestone_places (milestone_id, region_id) select milestone_id, region_id from milestone_places_derived where milestone_id in (select milestone_id from milestone_entities where entity_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `milestone_places_milestone_delete` AFTER DELETE ON milestones
BEGIN
  delete from milestone_places where milestone_id = old.id;
END;
