import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795627632143 implements MigrationInterface {
  name = 'Initial1795627632143';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."organisation_kind" AS ENUM('COMPANY', 'NETWORK', 'SERVICE_PROVIDER', 'PROGRAMME_OPERATOR', 'FUNDER', 'INTERMEDIARY')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."size_class" AS ENUM('MICRO', 'SMALL', 'MEDIUM', 'LARGE')`,
    );
    await queryRunner.query(
      `CREATE TABLE "organisation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" "public"."organisation_kind" NOT NULL, "kbo_number" character(10), "name" text NOT NULL, "employee_count" integer, "size_class" "public"."size_class", "nace_code" character varying(8), "nace_section" character(1), "province" text, "municipality" text, "postal_code" character varying(4), "business_park" text, "has_prevention_committee" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c725ae234ef1b74cce43d2d00c1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_organisation_kbo" ON "organisation"  ("kbo_number") `,
    );
    await queryRunner.query(`CREATE INDEX "idx_organisation_name" ON "organisation"  ("name") `);
    await queryRunner.query(
      `CREATE INDEX "idx_organisation_kind_size" ON "organisation"  ("kind", "size_class") `,
    );
    await queryRunner.query(
      `CREATE TABLE "network_membership" ("network_id" uuid NOT NULL, "member_id" uuid NOT NULL, "joined_on" date, CONSTRAINT "PK_8dfb2a480b37d7b99a051370fd4" PRIMARY KEY ("network_id", "member_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_network_membership_member" ON "network_membership"  ("member_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "programme" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" character varying(64) NOT NULL, "name" text NOT NULL, "description" text NOT NULL DEFAULT '', "operator_id" uuid NOT NULL, "eligibility" jsonb NOT NULL DEFAULT '{}', "employer_contribution_cents" integer, "approved_on" date, "launched_on" date, CONSTRAINT "PK_76ff6b30b74f213944d1ac0a660" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_programme_key" ON "programme"  ("key") `);
    await queryRunner.query(
      `CREATE TYPE "public"."component_kind" AS ENUM('TOOLBOX', 'AWARD', 'PROCESS_GUIDANCE', 'COACHING')`,
    );
    await queryRunner.query(
      `CREATE TABLE "programme_component" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "key" character varying(64) NOT NULL, "kind" "public"."component_kind" NOT NULL, "name" text NOT NULL, "description" text NOT NULL DEFAULT '', "position" integer NOT NULL, CONSTRAINT "PK_7bc175f7374e642bd9dadd141b7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_programme_component_key" ON "programme_component"  ("programme_id", "key") `,
    );
    await queryRunner.query(`CREATE TYPE "public"."stage_kind" AS ENUM('STEP', 'EXIT')`);
    await queryRunner.query(
      `CREATE TABLE "stage_definition" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "key" character varying(32) NOT NULL, "label" text NOT NULL, "kind" "public"."stage_kind" NOT NULL, "position" integer NOT NULL, CONSTRAINT "PK_cc3f4e5c656cfa443afe68f43dc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_stage_definition_key" ON "stage_definition"  ("programme_id", "key") `,
    );
    await queryRunner.query(
      `CREATE TABLE "edition" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "year" integer NOT NULL, "name" text NOT NULL, "opens_on" date NOT NULL, "closes_on" date, CONSTRAINT "PK_059549460a1473d4477f2f041ff" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_edition_year" ON "edition"  ("programme_id", "year") `,
    );
    await queryRunner.query(
      `CREATE TABLE "coach" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "service_provider_id" uuid NOT NULL, "full_name" text NOT NULL, "active_from" date NOT NULL, "active_until" date, CONSTRAINT "PK_c2ca0875fe0755b197d0147713d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_coach_service_provider" ON "coach"  ("service_provider_id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."channel_kind" AS ENUM('MEMBER_ASSOCIATION_MAILING', 'NEWSPAPER', 'TRADE_PRESS', 'SOCIAL_MEDIA', 'PREVENTION_SERVICE', 'WEBSITE', 'WORD_OF_MOUTH', 'EMPLOYER_ORGANISATION', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "outreach_channel" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" character varying(64) NOT NULL, "name" text NOT NULL, "kind" "public"."channel_kind" NOT NULL, "organisation_id" uuid, CONSTRAINT "PK_7f946082764bc7cdb8632fe5929" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_outreach_channel_key" ON "outreach_channel"  ("key") `,
    );
    await queryRunner.query(
      `CREATE TABLE "campaign" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "channel_id" uuid NOT NULL, "programme_id" uuid NOT NULL, "name" text NOT NULL, "agency" text, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "cost_cents" bigint NOT NULL, CONSTRAINT "PK_0ce34d26e7f2eb316a3a592cdc4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_campaign_channel" ON "campaign"  ("channel_id") `);
    await queryRunner.query(
      `CREATE TYPE "public"."registration_type" AS ENUM('INDIVIDUAL', 'GROUP')`,
    );
    await queryRunner.query(
      `CREATE TABLE "application" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "edition_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "registration_type" "public"."registration_type" NOT NULL, "channel_id" uuid, "coach_id" uuid, "company_count" integer NOT NULL DEFAULT '1', "idempotency_key" character varying(80), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "stage1_at" TIMESTAMP WITH TIME ZONE, "stage2_at" TIMESTAMP WITH TIME ZONE, "stage3_at" TIMESTAMP WITH TIME ZONE, "stage4_at" TIMESTAMP WITH TIME ZONE, "exit_stage" character varying(32), "exit_at" TIMESTAMP WITH TIME ZONE, "exit_reason" character varying(32), CONSTRAINT "PK_569e0c3e863ebdf5f2408ee1670" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_application_idempotency_key" ON "application"  ("idempotency_key") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_application_channel" ON "application"  ("channel_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_application_organisation" ON "application"  ("organisation_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_application_programme_edition" ON "application"  ("programme_id", "edition_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "application_member" ("application_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, CONSTRAINT "PK_7c6a61dddc0e9010b900be16706" PRIMARY KEY ("application_id", "organisation_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_application_member_organisation" ON "application_member"  ("organisation_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "application_event" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "application_id" uuid NOT NULL, "stage" character varying(32) NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor" text NOT NULL, "reason_code" character varying(32), "reason_text" text, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_dfaa2b28d25fb0223bfd1313f0a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_application_event_stage" ON "application_event"  ("stage", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_application_event_application" ON "application_event"  ("application_id", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "funding_source" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" character varying(64) NOT NULL, "name" text NOT NULL, "organisation_id" uuid, CONSTRAINT "PK_92519fb16dc7824dd91eb45e866" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_funding_source_key" ON "funding_source"  ("key") `,
    );
    await queryRunner.query(
      `CREATE TABLE "budget_allocation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "funding_source_id" uuid NOT NULL, "year" integer, "edition_id" uuid, "amount_cents" bigint NOT NULL, "description" text NOT NULL DEFAULT '', CONSTRAINT "PK_64e5d7615bc18728db857046e05" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_budget_allocation_programme_year" ON "budget_allocation"  ("programme_id", "year") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."expenditure_category" AS ENUM('COACH_FEES', 'CAMPAIGN', 'AWARD_ORGANISATION', 'PROCESS_GUIDANCE', 'ADMINISTRATION', 'DEVELOPMENT')`,
    );
    await queryRunner.query(
      `CREATE TABLE "expenditure" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "funding_source_id" uuid, "edition_id" uuid, "category" "public"."expenditure_category" NOT NULL, "amount_cents" bigint NOT NULL, "spent_on" date NOT NULL, "application_id" uuid, "description" text NOT NULL DEFAULT '', CONSTRAINT "PK_1c52384775d22bfcd87d886d502" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_expenditure_application" ON "expenditure"  ("application_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_expenditure_programme_spent" ON "expenditure"  ("programme_id", "spent_on") `,
    );
    await queryRunner.query(
      `CREATE TABLE "indicator_measurement" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "measured_on" date NOT NULL, "score" numeric(5,2) NOT NULL, "source" text NOT NULL DEFAULT '', CONSTRAINT "PK_4bfc2a71f28f3d2b66631349c58" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_indicator_org_date" ON "indicator_measurement"  ("organisation_id", "measured_on") `,
    );
    await queryRunner.query(`CREATE TYPE "public"."figure_check" AS ENUM('EXACT', 'CLAIM')`);
    await queryRunner.query(
      `CREATE TABLE "published_figure" ("id" character varying(64) NOT NULL, "programme_key" character varying(64), "metric" text NOT NULL, "period" text NOT NULL, "value_number" numeric, "value_text" text, "check" "public"."figure_check" NOT NULL, "check_rule" text NOT NULL, "speaker" text NOT NULL, "source_document" text NOT NULL, CONSTRAINT "PK_25170fb9ca32e691108096d3069" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "survey" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" character varying(64) NOT NULL, "programme_id" uuid NOT NULL, "edition_id" uuid, "title" text NOT NULL, "opens_on" date NOT NULL, "closes_on" date, CONSTRAINT "PK_f0da32b9181e9c02ecf0be11ed3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_survey_key" ON "survey"  ("key") `);
    await queryRunner.query(
      `CREATE TYPE "public"."question_kind" AS ENUM('SCALE', 'CHOICE', 'BOOLEAN', 'TEXT')`,
    );
    await queryRunner.query(
      `CREATE TABLE "survey_question" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "survey_id" uuid NOT NULL, "key" character varying(64) NOT NULL, "text" text NOT NULL, "kind" "public"."question_kind" NOT NULL, "options" jsonb NOT NULL DEFAULT '{}', "component_key" character varying(64), "position" integer NOT NULL, CONSTRAINT "PK_ec6d65e83fd7217202178b79907" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_survey_question_key" ON "survey_question"  ("survey_id", "key") `,
    );
    await queryRunner.query(
      `CREATE TABLE "survey_response" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "survey_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "answers" jsonb NOT NULL DEFAULT '{}', "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_d9326eb52bf8b23d56a39ce419a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_survey_response_org" ON "survey_response"  ("survey_id", "organisation_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "network_membership" ADD CONSTRAINT "FK_4f29cf4b94883c46084bdd9ab24" FOREIGN KEY ("network_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "network_membership" ADD CONSTRAINT "FK_493f248d392542e789d5cf6d6ca" FOREIGN KEY ("member_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "programme" ADD CONSTRAINT "FK_f248731af298d0e9e63304a5536" FOREIGN KEY ("operator_id") REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "programme_component" ADD CONSTRAINT "FK_66165496b1571585931c4f1af66" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "stage_definition" ADD CONSTRAINT "FK_9292bb35edd1384bd510abf090e" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "edition" ADD CONSTRAINT "FK_455fd45290010c7b05f37cadf1f" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "coach" ADD CONSTRAINT "FK_7082dcd4e89be8f4dc513e5aaff" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "coach" ADD CONSTRAINT "FK_8cd7fe8e2a9fb71263503a023b4" FOREIGN KEY ("service_provider_id") REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "outreach_channel" ADD CONSTRAINT "FK_6241b567b709083204f1139fea9" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign" ADD CONSTRAINT "FK_db619a70d9381855a6a3ade128b" FOREIGN KEY ("channel_id") REFERENCES "outreach_channel"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign" ADD CONSTRAINT "FK_b681a37a87fe75d1200bb4f68af" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "application" ADD CONSTRAINT "FK_c2ef97c9aea792ff3ded585ce5a" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "application" ADD CONSTRAINT "FK_0cda43062101da01701d6da11aa" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "application" ADD CONSTRAINT "FK_771046a1c953cb5b470f2b29d81" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "application" ADD CONSTRAINT "FK_bf8f7e3179b4fe89039c5b0b3e8" FOREIGN KEY ("channel_id") REFERENCES "outreach_channel"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "application" ADD CONSTRAINT "FK_8f703fd95dd24852ac71e636754" FOREIGN KEY ("coach_id") REFERENCES "coach"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_member" ADD CONSTRAINT "FK_13b8984a6a7e20eac7276c1efc8" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_member" ADD CONSTRAINT "FK_6c07a8d61f3f048e6289ba52423" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_event" ADD CONSTRAINT "FK_a438c3c070f4e044fed183f458c" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "funding_source" ADD CONSTRAINT "FK_71ac1092fd9b90390ad56ed6e6c" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "budget_allocation" ADD CONSTRAINT "FK_97da6ea5dc749cf120c386a4219" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "budget_allocation" ADD CONSTRAINT "FK_c6cd6e87147b09d123bad9bb8fc" FOREIGN KEY ("funding_source_id") REFERENCES "funding_source"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "budget_allocation" ADD CONSTRAINT "FK_5990f942f9b90f7a10daa1cd40f" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "expenditure" ADD CONSTRAINT "FK_0d1202cb67fbd03be1ea5750492" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "expenditure" ADD CONSTRAINT "FK_d0794090e42ea1de9d7af2f4c97" FOREIGN KEY ("funding_source_id") REFERENCES "funding_source"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_measurement" ADD CONSTRAINT "FK_6c36177d86b2e7a180c3aea0058" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey" ADD CONSTRAINT "FK_0ffb67cf33b86f2b8571d77b94f" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey" ADD CONSTRAINT "FK_22a22fd1a09425e2270eaa72f38" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_question" ADD CONSTRAINT "FK_347ae83807bbdfc2e91c5c51ec8" FOREIGN KEY ("survey_id") REFERENCES "survey"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_response" ADD CONSTRAINT "FK_3282a960be3ebb4c396bc1e391a" FOREIGN KEY ("survey_id") REFERENCES "survey"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_response" ADD CONSTRAINT "FK_b0126a512b8576f94d6693674ac" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "survey_response" DROP CONSTRAINT "FK_b0126a512b8576f94d6693674ac"`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_response" DROP CONSTRAINT "FK_3282a960be3ebb4c396bc1e391a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_question" DROP CONSTRAINT "FK_347ae83807bbdfc2e91c5c51ec8"`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey" DROP CONSTRAINT "FK_22a22fd1a09425e2270eaa72f38"`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey" DROP CONSTRAINT "FK_0ffb67cf33b86f2b8571d77b94f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_measurement" DROP CONSTRAINT "FK_6c36177d86b2e7a180c3aea0058"`,
    );
    await queryRunner.query(
      `ALTER TABLE "expenditure" DROP CONSTRAINT "FK_d0794090e42ea1de9d7af2f4c97"`,
    );
    await queryRunner.query(
      `ALTER TABLE "expenditure" DROP CONSTRAINT "FK_0d1202cb67fbd03be1ea5750492"`,
    );
    await queryRunner.query(
      `ALTER TABLE "budget_allocation" DROP CONSTRAINT "FK_5990f942f9b90f7a10daa1cd40f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "budget_allocation" DROP CONSTRAINT "FK_c6cd6e87147b09d123bad9bb8fc"`,
    );
    await queryRunner.query(
      `ALTER TABLE "budget_allocation" DROP CONSTRAINT "FK_97da6ea5dc749cf120c386a4219"`,
    );
    await queryRunner.query(
      `ALTER TABLE "funding_source" DROP CONSTRAINT "FK_71ac1092fd9b90390ad56ed6e6c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_event" DROP CONSTRAINT "FK_a438c3c070f4e044fed183f458c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_member" DROP CONSTRAINT "FK_6c07a8d61f3f048e6289ba52423"`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_member" DROP CONSTRAINT "FK_13b8984a6a7e20eac7276c1efc8"`,
    );
    await queryRunner.query(
      `ALTER TABLE "application" DROP CONSTRAINT "FK_8f703fd95dd24852ac71e636754"`,
    );
    await queryRunner.query(
      `ALTER TABLE "application" DROP CONSTRAINT "FK_bf8f7e3179b4fe89039c5b0b3e8"`,
    );
    await queryRunner.query(
      `ALTER TABLE "application" DROP CONSTRAINT "FK_771046a1c953cb5b470f2b29d81"`,
    );
    await queryRunner.query(
      `ALTER TABLE "application" DROP CONSTRAINT "FK_0cda43062101da01701d6da11aa"`,
    );
    await queryRunner.query(
      `ALTER TABLE "application" DROP CONSTRAINT "FK_c2ef97c9aea792ff3ded585ce5a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign" DROP CONSTRAINT "FK_b681a37a87fe75d1200bb4f68af"`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign" DROP CONSTRAINT "FK_db619a70d9381855a6a3ade128b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "outreach_channel" DROP CONSTRAINT "FK_6241b567b709083204f1139fea9"`,
    );
    await queryRunner.query(`ALTER TABLE "coach" DROP CONSTRAINT "FK_8cd7fe8e2a9fb71263503a023b4"`);
    await queryRunner.query(`ALTER TABLE "coach" DROP CONSTRAINT "FK_7082dcd4e89be8f4dc513e5aaff"`);
    await queryRunner.query(
      `ALTER TABLE "edition" DROP CONSTRAINT "FK_455fd45290010c7b05f37cadf1f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "stage_definition" DROP CONSTRAINT "FK_9292bb35edd1384bd510abf090e"`,
    );
    await queryRunner.query(
      `ALTER TABLE "programme_component" DROP CONSTRAINT "FK_66165496b1571585931c4f1af66"`,
    );
    await queryRunner.query(
      `ALTER TABLE "programme" DROP CONSTRAINT "FK_f248731af298d0e9e63304a5536"`,
    );
    await queryRunner.query(
      `ALTER TABLE "network_membership" DROP CONSTRAINT "FK_493f248d392542e789d5cf6d6ca"`,
    );
    await queryRunner.query(
      `ALTER TABLE "network_membership" DROP CONSTRAINT "FK_4f29cf4b94883c46084bdd9ab24"`,
    );
    await queryRunner.query(`DROP INDEX "public"."uq_survey_response_org"`);
    await queryRunner.query(`DROP TABLE "survey_response"`);
    await queryRunner.query(`DROP INDEX "public"."uq_survey_question_key"`);
    await queryRunner.query(`DROP TABLE "survey_question"`);
    await queryRunner.query(`DROP TYPE "public"."question_kind"`);
    await queryRunner.query(`DROP INDEX "public"."uq_survey_key"`);
    await queryRunner.query(`DROP TABLE "survey"`);
    await queryRunner.query(`DROP TABLE "published_figure"`);
    await queryRunner.query(`DROP TYPE "public"."figure_check"`);
    await queryRunner.query(`DROP INDEX "public"."idx_indicator_org_date"`);
    await queryRunner.query(`DROP TABLE "indicator_measurement"`);
    await queryRunner.query(`DROP INDEX "public"."idx_expenditure_programme_spent"`);
    await queryRunner.query(`DROP INDEX "public"."idx_expenditure_application"`);
    await queryRunner.query(`DROP TABLE "expenditure"`);
    await queryRunner.query(`DROP TYPE "public"."expenditure_category"`);
    await queryRunner.query(`DROP INDEX "public"."idx_budget_allocation_programme_year"`);
    await queryRunner.query(`DROP TABLE "budget_allocation"`);
    await queryRunner.query(`DROP INDEX "public"."uq_funding_source_key"`);
    await queryRunner.query(`DROP TABLE "funding_source"`);
    await queryRunner.query(`DROP INDEX "public"."idx_application_event_application"`);
    await queryRunner.query(`DROP INDEX "public"."idx_application_event_stage"`);
    await queryRunner.query(`DROP TABLE "application_event"`);
    await queryRunner.query(`DROP INDEX "public"."idx_application_member_organisation"`);
    await queryRunner.query(`DROP TABLE "application_member"`);
    await queryRunner.query(`DROP INDEX "public"."idx_application_programme_edition"`);
    await queryRunner.query(`DROP INDEX "public"."idx_application_organisation"`);
    await queryRunner.query(`DROP INDEX "public"."idx_application_channel"`);
    await queryRunner.query(`DROP INDEX "public"."uq_application_idempotency_key"`);
    await queryRunner.query(`DROP TABLE "application"`);
    await queryRunner.query(`DROP TYPE "public"."registration_type"`);
    await queryRunner.query(`DROP INDEX "public"."idx_campaign_channel"`);
    await queryRunner.query(`DROP TABLE "campaign"`);
    await queryRunner.query(`DROP INDEX "public"."uq_outreach_channel_key"`);
    await queryRunner.query(`DROP TABLE "outreach_channel"`);
    await queryRunner.query(`DROP TYPE "public"."channel_kind"`);
    await queryRunner.query(`DROP INDEX "public"."idx_coach_service_provider"`);
    await queryRunner.query(`DROP TABLE "coach"`);
    await queryRunner.query(`DROP INDEX "public"."uq_edition_year"`);
    await queryRunner.query(`DROP TABLE "edition"`);
    await queryRunner.query(`DROP INDEX "public"."uq_stage_definition_key"`);
    await queryRunner.query(`DROP TABLE "stage_definition"`);
    await queryRunner.query(`DROP TYPE "public"."stage_kind"`);
    await queryRunner.query(`DROP INDEX "public"."uq_programme_component_key"`);
    await queryRunner.query(`DROP TABLE "programme_component"`);
    await queryRunner.query(`DROP TYPE "public"."component_kind"`);
    await queryRunner.query(`DROP INDEX "public"."uq_programme_key"`);
    await queryRunner.query(`DROP TABLE "programme"`);
    await queryRunner.query(`DROP INDEX "public"."idx_network_membership_member"`);
    await queryRunner.query(`DROP TABLE "network_membership"`);
    await queryRunner.query(`DROP INDEX "public"."idx_organisation_kind_size"`);
    await queryRunner.query(`DROP INDEX "public"."idx_organisation_name"`);
    await queryRunner.query(`DROP INDEX "public"."uq_organisation_kbo"`);
    await queryRunner.query(`DROP TABLE "organisation"`);
    await queryRunner.query(`DROP TYPE "public"."size_class"`);
    await queryRunner.query(`DROP TYPE "public"."organisation_kind"`);
  }
}
