import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keeps application.stageN_at / exit_* in step with application_event, and makes events
 * immutable. Funnels then read one row per application instead of joining every event, and
 * the projection can never drift because only this trigger writes it.
 */
export class ApplicationProgress1795627700000 implements MigrationInterface {
  name = 'ApplicationProgress1795627700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION application_event_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        d record;
      BEGIN
        SELECT sd.kind, sd.position INTO d
          FROM application a
          JOIN stage_definition sd ON sd.programme_id = a.programme_id AND sd.key = NEW.stage
         WHERE a.id = NEW.application_id;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'stage % is not defined for the programme of application %',
            NEW.stage, NEW.application_id USING ERRCODE = '23514';
        END IF;
        IF d.kind = 'STEP' THEN
          IF d.position NOT BETWEEN 1 AND 4 THEN
            RAISE EXCEPTION 'step position % is outside 1..4', d.position USING ERRCODE = '23514';
          END IF;
          -- LEAST ignores NULLs: the earliest time a step was reached wins.
          UPDATE application SET
            stage1_at = CASE WHEN d.position = 1 THEN LEAST(stage1_at, NEW.occurred_at) ELSE stage1_at END,
            stage2_at = CASE WHEN d.position = 2 THEN LEAST(stage2_at, NEW.occurred_at) ELSE stage2_at END,
            stage3_at = CASE WHEN d.position = 3 THEN LEAST(stage3_at, NEW.occurred_at) ELSE stage3_at END,
            stage4_at = CASE WHEN d.position = 4 THEN LEAST(stage4_at, NEW.occurred_at) ELSE stage4_at END
          WHERE id = NEW.application_id;
        ELSE
          UPDATE application
             SET exit_stage = NEW.stage, exit_at = NEW.occurred_at, exit_reason = NEW.reason_code
           WHERE id = NEW.application_id AND (exit_at IS NULL OR exit_at > NEW.occurred_at);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER application_event_progress AFTER INSERT ON application_event
      FOR EACH ROW EXECUTE FUNCTION application_event_apply()`);

    await queryRunner.query(`
      CREATE FUNCTION application_event_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'application events are immutable; record a new event instead'
          USING ERRCODE = '55000';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER application_event_no_change BEFORE UPDATE OR DELETE ON application_event
      FOR EACH ROW EXECUTE FUNCTION application_event_immutable()`);

    // Set-based rebuild for bulk loads, which insert events with the row trigger disabled.
    await queryRunner.query(`
      CREATE FUNCTION refresh_application_progress() RETURNS void LANGUAGE sql AS $$
        WITH steps AS (
          SELECT e.application_id,
                 min(e.occurred_at) FILTER (WHERE sd.kind = 'STEP' AND sd.position = 1) AS s1,
                 min(e.occurred_at) FILTER (WHERE sd.kind = 'STEP' AND sd.position = 2) AS s2,
                 min(e.occurred_at) FILTER (WHERE sd.kind = 'STEP' AND sd.position = 3) AS s3,
                 min(e.occurred_at) FILTER (WHERE sd.kind = 'STEP' AND sd.position = 4) AS s4
            FROM application_event e
            JOIN application a ON a.id = e.application_id
            JOIN stage_definition sd ON sd.programme_id = a.programme_id AND sd.key = e.stage
           GROUP BY e.application_id
        ), exits AS (
          SELECT DISTINCT ON (e.application_id) e.application_id, e.stage, e.occurred_at, e.reason_code
            FROM application_event e
            JOIN application a ON a.id = e.application_id
            JOIN stage_definition sd ON sd.programme_id = a.programme_id AND sd.key = e.stage
           WHERE sd.kind = 'EXIT'
           ORDER BY e.application_id, e.occurred_at
        )
        UPDATE application a
           SET stage1_at = s.s1, stage2_at = s.s2, stage3_at = s.s3, stage4_at = s.s4,
               exit_stage = x.stage, exit_at = x.occurred_at, exit_reason = x.reason_code
          FROM steps s LEFT JOIN exits x ON x.application_id = s.application_id
         WHERE a.id = s.application_id
      $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION refresh_application_progress()');
    await queryRunner.query('DROP TRIGGER application_event_no_change ON application_event');
    await queryRunner.query('DROP FUNCTION application_event_immutable()');
    await queryRunner.query('DROP TRIGGER application_event_progress ON application_event');
    await queryRunner.query('DROP FUNCTION application_event_apply()');
  }
}
