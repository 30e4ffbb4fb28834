import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MailFollowUp1796413041324 implements MigrationInterface {
  name = 'MailFollowUp1796413041324';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "application_contact" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "kind" character varying(10) NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor" text NOT NULL, "outcome" character varying(20), "note" text, "mail_id" uuid, CONSTRAINT "PK_9ca1522497397bb89b1471df3d8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_application_contact_application" ON "application_contact"  ("application_id", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "mail_outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "idempotency_key" character varying(200) NOT NULL, "template" character varying(40) NOT NULL, "language" character varying(5) NOT NULL, "recipient" character varying(254) NOT NULL, "subject" text NOT NULL, "text_body" text NOT NULL, "html_body" text NOT NULL, "application_id" uuid, "status" character varying(10) NOT NULL DEFAULT 'QUEUED', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "message_id" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "processed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_fecc63c96385bc35a39ccf2a72e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_mail_outbox_key" ON "mail_outbox"  ("idempotency_key") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_mail_outbox_application" ON "mail_outbox"  ("application_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_mail_outbox_created" ON "mail_outbox"  ("created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "programme" ADD "follow_up_start_days" integer NOT NULL DEFAULT '30'`,
    );
    await queryRunner.query(
      `ALTER TABLE "programme" ADD "follow_up_progress_days" integer NOT NULL DEFAULT '90'`,
    );
    await queryRunner.query(`ALTER TABLE "coach" ADD "email" character varying(254)`);
    await queryRunner.query(`ALTER TABLE "coach" ADD "phone" character varying(40)`);
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD "language" character varying(5) NOT NULL DEFAULT 'nl'`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_contact" ADD CONSTRAINT "FK_80b4b53d055d9951d0b90889027" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "application_contact" DROP CONSTRAINT "FK_80b4b53d055d9951d0b90889027"`,
    );
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "language"`);
    await queryRunner.query(`ALTER TABLE "coach" DROP COLUMN "phone"`);
    await queryRunner.query(`ALTER TABLE "coach" DROP COLUMN "email"`);
    await queryRunner.query(`ALTER TABLE "programme" DROP COLUMN "follow_up_progress_days"`);
    await queryRunner.query(`ALTER TABLE "programme" DROP COLUMN "follow_up_start_days"`);
    await queryRunner.query(`DROP INDEX "public"."idx_mail_outbox_created"`);
    await queryRunner.query(`DROP INDEX "public"."idx_mail_outbox_application"`);
    await queryRunner.query(`DROP INDEX "public"."uq_mail_outbox_key"`);
    await queryRunner.query(`DROP TABLE "mail_outbox"`);
    await queryRunner.query(`DROP INDEX "public"."idx_application_contact_application"`);
    await queryRunner.query(`DROP TABLE "application_contact"`);
  }
}
