import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HealthPolicyScan1796412567738 implements MigrationInterface {
  name = 'HealthPolicyScan1796412567738';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "scan_instrument" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" character varying(64) NOT NULL, "version" integer NOT NULL, "title" text NOT NULL, "title_en" text NOT NULL, "levels" jsonb NOT NULL, "published_on" date NOT NULL, CONSTRAINT "PK_b8e36089f87841ce607b1b632a1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_scan_instrument_version" ON "scan_instrument"  ("key", "version") `,
    );
    await queryRunner.query(
      `CREATE TABLE "scan_domain" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "instrument_id" uuid NOT NULL, "key" character varying(64) NOT NULL, "label" text NOT NULL, "label_en" text NOT NULL, "suggestions" jsonb NOT NULL DEFAULT '[]', "position" integer NOT NULL, CONSTRAINT "PK_2b16679f30e39bcca3767f682b9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_scan_domain_key" ON "scan_domain"  ("instrument_id", "key") `,
    );
    await queryRunner.query(
      `CREATE TABLE "scan_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "instrument_id" uuid NOT NULL, "domain_key" character varying(64) NOT NULL, "key" character varying(64) NOT NULL, "text" text NOT NULL, "text_en" text NOT NULL, "max_points" integer NOT NULL, "required" boolean NOT NULL DEFAULT true, "position" integer NOT NULL, CONSTRAINT "PK_56553ac9fe4286dac00b9f2db03" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_scan_item_key" ON "scan_item"  ("instrument_id", "key") `,
    );
    await queryRunner.query(`CREATE TYPE "public"."scan_status" AS ENUM('DRAFT', 'SUBMITTED')`);
    await queryRunner.query(
      `CREATE TABLE "health_policy_scan" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "instrument_id" uuid NOT NULL, "status" "public"."scan_status" NOT NULL, "answers" jsonb NOT NULL DEFAULT '{}', "score" numeric(5,1), "domain_scores" jsonb, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE, "indicator_measurement_id" uuid, CONSTRAINT "PK_23c75fb20b62d503c6ca15b1ef3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_health_policy_scan_draft" ON "health_policy_scan"  ("organisation_id") WHERE "status" = 'DRAFT'`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_health_policy_scan_org" ON "health_policy_scan"  ("organisation_id", "submitted_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "scan_domain" ADD CONSTRAINT "FK_e584d4379840a9110b8578069b0" FOREIGN KEY ("instrument_id") REFERENCES "scan_instrument"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "scan_item" ADD CONSTRAINT "FK_7222ae5a4118ead39d6f096ba3b" FOREIGN KEY ("instrument_id") REFERENCES "scan_instrument"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "health_policy_scan" ADD CONSTRAINT "FK_ec17b445c09ae94a5302206cad0" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "health_policy_scan" ADD CONSTRAINT "FK_a81a2ceb05d815e886ef0dd6aac" FOREIGN KEY ("instrument_id") REFERENCES "scan_instrument"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "health_policy_scan" ADD CONSTRAINT "FK_d11e60d33acce0eb5a2410c25a9" FOREIGN KEY ("indicator_measurement_id") REFERENCES "indicator_measurement"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "health_policy_scan" DROP CONSTRAINT "FK_d11e60d33acce0eb5a2410c25a9"`,
    );
    await queryRunner.query(
      `ALTER TABLE "health_policy_scan" DROP CONSTRAINT "FK_a81a2ceb05d815e886ef0dd6aac"`,
    );
    await queryRunner.query(
      `ALTER TABLE "health_policy_scan" DROP CONSTRAINT "FK_ec17b445c09ae94a5302206cad0"`,
    );
    await queryRunner.query(
      `ALTER TABLE "scan_item" DROP CONSTRAINT "FK_7222ae5a4118ead39d6f096ba3b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "scan_domain" DROP CONSTRAINT "FK_e584d4379840a9110b8578069b0"`,
    );
    await queryRunner.query(`DROP INDEX "public"."idx_health_policy_scan_org"`);
    await queryRunner.query(`DROP INDEX "public"."uq_health_policy_scan_draft"`);
    await queryRunner.query(`DROP TABLE "health_policy_scan"`);
    await queryRunner.query(`DROP TYPE "public"."scan_status"`);
    await queryRunner.query(`DROP INDEX "public"."uq_scan_item_key"`);
    await queryRunner.query(`DROP TABLE "scan_item"`);
    await queryRunner.query(`DROP INDEX "public"."uq_scan_domain_key"`);
    await queryRunner.query(`DROP TABLE "scan_domain"`);
    await queryRunner.query(`DROP INDEX "public"."uq_scan_instrument_version"`);
    await queryRunner.query(`DROP TABLE "scan_instrument"`);
  }
}
