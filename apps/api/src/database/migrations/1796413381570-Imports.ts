import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Imports1796413381570 implements MigrationInterface {
  name = 'Imports1796413381570';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "import_run" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(16) NOT NULL, "format" character varying(8) NOT NULL, "file_name" text NOT NULL, "storage_path" text NOT NULL, "size_bytes" bigint NOT NULL, "sha256" character(64) NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "status" character varying(16) NOT NULL DEFAULT 'UPLOADED', "headers" jsonb NOT NULL DEFAULT '[]', "preview" jsonb NOT NULL DEFAULT '[]', "mapping" jsonb, "rows_processed" integer NOT NULL DEFAULT '0', "bytes_processed" bigint NOT NULL DEFAULT '0', "rows_total" integer, "rows_invalid" integer NOT NULL DEFAULT '0', "created_count" integer NOT NULL DEFAULT '0', "updated_count" integer NOT NULL DEFAULT '0', "unchanged_count" integer NOT NULL DEFAULT '0', "error_code" character varying(32), "error_message" text, "validated_at" TIMESTAMP WITH TIME ZONE, "confirmed_by" uuid, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_efe3e6d8cb9f51ca4e9cd1cf5d3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_import_run_created_by" ON "import_run"  ("created_by", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "import_issue" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "import_id" uuid NOT NULL, "row_number" integer NOT NULL, "field" character varying(40), "code" character varying(32) NOT NULL, "message" text NOT NULL, CONSTRAINT "PK_d830877f72db69958d5bfe368f3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_import_issue_run" ON "import_issue"  ("import_id", "row_number") `,
    );
    await queryRunner.query(
      `CREATE TABLE "import_mapping" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(16) NOT NULL, "name" text NOT NULL, "columns" jsonb NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b851a428225ebaa9a5e683f3ebf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_import_mapping_name" ON "import_mapping"  ("kind", "name") `,
    );
    await queryRunner.query(
      `CREATE TABLE "import_record" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "kind" character varying(16) NOT NULL, "source_key" text NOT NULL, "entity_id" text NOT NULL, "import_id" uuid NOT NULL, "file_name" text NOT NULL, "row_number" integer NOT NULL, "imported_by" uuid NOT NULL, "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL, "row_hash" character(64) NOT NULL, CONSTRAINT "PK_7cb4f3ff07ba70b0affacd863fd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_import_record_entity" ON "import_record"  ("kind", "entity_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_import_record_key" ON "import_record"  ("kind", "source_key") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_import_record_key"`);
    await queryRunner.query(`DROP INDEX "public"."idx_import_record_entity"`);
    await queryRunner.query(`DROP TABLE "import_record"`);
    await queryRunner.query(`DROP INDEX "public"."uq_import_mapping_name"`);
    await queryRunner.query(`DROP TABLE "import_mapping"`);
    await queryRunner.query(`DROP INDEX "public"."idx_import_issue_run"`);
    await queryRunner.query(`DROP TABLE "import_issue"`);
    await queryRunner.query(`DROP INDEX "public"."idx_import_run_created_by"`);
    await queryRunner.query(`DROP TABLE "import_run"`);
  }
}
