import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables the funnels read: a write to any of them makes the rollup stale. */
const WATCHED = [
  'application',
  'application_event',
  'application_member',
  'organisation',
  'coach',
  'edition',
  'outreach_channel',
  'stage_definition',
  'programme',
];

/**
 * Funnel rollup tables (generated from analytics.entity.ts), plus the change log: one row per
 * transaction that writes to a watched table, written by a statement-level trigger (cheap for
 * bulk loads, and TRUNCATE included). The rollup records the snapshot it was built from; it is
 * fresh while every committed transaction in the log is visible in that snapshot.
 */
export class AnalyticsRollup1795629783823 implements MigrationInterface {
  name = 'AnalyticsRollup1795629783823';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "analytics_funnel_cell" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "programme_id" uuid NOT NULL, "edition_id" uuid NOT NULL, "unit" character varying(16) NOT NULL, "dimension" character varying(32) NOT NULL, "value" text, "exit_stage" character varying(32), "exit_reason" character varying(32), "exit_from" smallint, "n" integer NOT NULL, "n1" integer NOT NULL, "n2" integer NOT NULL, "n3" integer NOT NULL, "n4" integer NOT NULL, CONSTRAINT "PK_78396080d4b3c03380b364558d8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_analytics_funnel_cell_lookup" ON "analytics_funnel_cell"  ("programme_id", "unit", "dimension", "value") `,
    );
    await queryRunner.query(
      `CREATE TABLE "analytics_funnel_lag" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "programme_id" uuid NOT NULL, "edition_id" uuid NOT NULL, "unit" character varying(16) NOT NULL, "dimension" character varying(32) NOT NULL, "value" text, "step" smallint NOT NULL, "lag_days" integer NOT NULL, "n" integer NOT NULL, CONSTRAINT "PK_da221deb3b896e47301d66e7205" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_analytics_funnel_lag_lookup" ON "analytics_funnel_lag"  ("programme_id", "unit", "dimension", "value") `,
    );
    await queryRunner.query(
      `CREATE TABLE "analytics_rollup_state" ("id" smallint NOT NULL, "snapshot" text NOT NULL, "built_at" TIMESTAMP WITH TIME ZONE NOT NULL, "build_ms" integer NOT NULL, CONSTRAINT "PK_b2fd6c2ca2570c1f1d9f667ba77" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "analytics_rollup_programme" ("programme_id" uuid NOT NULL, "last_event_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_7e32d8f5c3203c7e3330cd88deb" PRIMARY KEY ("programme_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "analytics_change_log" ("xid" bigint NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e569c2a2a106cb92197dfc111cc" PRIMARY KEY ("xid"))`,
    );
    await queryRunner.query(`
      CREATE FUNCTION analytics_mark_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO analytics_change_log (xid) VALUES (pg_current_xact_id()::text::bigint)
          ON CONFLICT (xid) DO NOTHING;
        RETURN NULL;
      END $$`);
    for (const table of WATCHED) {
      await queryRunner.query(
        `CREATE TRIGGER analytics_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}"
         FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_changed()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of WATCHED) {
      await queryRunner.query(`DROP TRIGGER analytics_changed ON "${table}"`);
    }
    await queryRunner.query('DROP FUNCTION analytics_mark_changed()');
    await queryRunner.query(`DROP TABLE "analytics_change_log"`);
    await queryRunner.query(`DROP TABLE "analytics_rollup_programme"`);
    await queryRunner.query(`DROP TABLE "analytics_rollup_state"`);
    await queryRunner.query(`DROP INDEX "public"."idx_analytics_funnel_lag_lookup"`);
    await queryRunner.query(`DROP TABLE "analytics_funnel_lag"`);
    await queryRunner.query(`DROP INDEX "public"."idx_analytics_funnel_cell_lookup"`);
    await queryRunner.query(`DROP TABLE "analytics_funnel_cell"`);
  }
}
