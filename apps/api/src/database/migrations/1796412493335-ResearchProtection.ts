import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ResearchProtection1796412493335 implements MigrationInterface {
  name = 'ResearchProtection1796412493335';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "research_query_log" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "key_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "request_id" text, "operation_name" text, "root_fields" text array NOT NULL DEFAULT '{}', "query" text NOT NULL, "variables" jsonb, "cost" integer NOT NULL DEFAULT '0', "dry_run" boolean NOT NULL DEFAULT false, "outcome" text NOT NULL, "duration_ms" integer NOT NULL, CONSTRAINT "PK_bd87b92ccb1cf0030ccbfd09114" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_research_query_log_key_at" ON "research_query_log"  ("key_id", "at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation" ADD "record_key" integer NOT NULL DEFAULT floor((random() * (1000000000)))`,
    );
    await queryRunner.query(
      `ALTER TABLE "research_query_log" ADD CONSTRAINT "FK_8cf4a68e9582a40a14e7438ae66" FOREIGN KEY ("key_id") REFERENCES "research_api_key"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "research_query_log" DROP CONSTRAINT "FK_8cf4a68e9582a40a14e7438ae66"`,
    );
    await queryRunner.query(`ALTER TABLE "organisation" DROP COLUMN "record_key"`);
    await queryRunner.query(`DROP INDEX "public"."idx_research_query_log_key_at"`);
    await queryRunner.query(`DROP TABLE "research_query_log"`);
  }
}
