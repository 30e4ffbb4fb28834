import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SurveyVersions1796660336617 implements MigrationInterface {
  name = 'SurveyVersions1796660336617';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_survey_question_key"`);
    await queryRunner.query(
      `CREATE TYPE "public"."survey_status" AS ENUM('DRAFT', 'PUBLISHED', 'ARCHIVED')`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey" ADD "status" "public"."survey_status" NOT NULL DEFAULT 'DRAFT'`,
    );
    // Surveys that existed before the back office were all in use.
    await queryRunner.query(`UPDATE "survey" SET "status" = 'PUBLISHED'`);
    await queryRunner.query(
      `CREATE TYPE "public"."survey_moment" AS ENUM('AFTER_APPROVAL', 'AFTER_COMPLETION')`,
    );
    await queryRunner.query(`ALTER TABLE "survey" ADD "moment" "public"."survey_moment"`);
    await queryRunner.query(
      `ALTER TABLE "survey" ADD "current_version" integer NOT NULL DEFAULT '1'`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_question" ADD "version" integer NOT NULL DEFAULT '1'`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_question" ADD "required" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_response" ADD "version" integer NOT NULL DEFAULT '1'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_survey_question_version_key" ON "survey_question"  ("survey_id", "version", "key") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_survey_question_version_key"`);
    await queryRunner.query(`ALTER TABLE "survey_response" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "survey_question" DROP COLUMN "required"`);
    await queryRunner.query(`ALTER TABLE "survey_question" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "survey" DROP COLUMN "current_version"`);
    await queryRunner.query(`ALTER TABLE "survey" DROP COLUMN "moment"`);
    await queryRunner.query(`DROP TYPE "public"."survey_moment"`);
    await queryRunner.query(`ALTER TABLE "survey" DROP COLUMN "status"`);
    await queryRunner.query(`DROP TYPE "public"."survey_status"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_survey_question_key" ON "survey_question" USING btree ("key", "survey_id") `,
    );
  }
}
