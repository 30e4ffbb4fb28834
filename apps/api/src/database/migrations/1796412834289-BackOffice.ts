import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Back office: audit trail (immutable), staff invitations, call status, coach capacity.
 * Calls that existed before took applications by their dates alone; this year's calls (the
 * ones applications created automatically) stay open, earlier ones are closed.
 */

export class BackOffice1796412834289 implements MigrationInterface {
  name = 'BackOffice1796412834289';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_record" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "actor_email" text NOT NULL, "action" character varying(64) NOT NULL, "entity_type" character varying(32) NOT NULL, "entity_id" text NOT NULL, "before" jsonb, "after" jsonb, CONSTRAINT "PK_2c07dcda4cbae68f1cbbe6d7426" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_audit_record_occurred" ON "audit_record"  ("occurred_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_audit_record_entity" ON "audit_record"  ("entity_type", "entity_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "user_invitation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "token_hash" character(64) NOT NULL, "roles" jsonb NOT NULL, "programme_ids" jsonb NOT NULL DEFAULT '[]', "invited_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_41026b90b70299ac5dc0183351a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_user_invitation_token" ON "user_invitation"  ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."edition_status" AS ENUM('DRAFT', 'OPEN', 'CLOSED')`,
    );
    await queryRunner.query(
      `ALTER TABLE "edition" ADD "status" "public"."edition_status" NOT NULL DEFAULT 'DRAFT'`,
    );
    await queryRunner.query(
      `UPDATE "edition" SET "status" = CASE WHEN "year" = extract(year FROM current_date)
         AND "opens_on" <= current_date AND ("closes_on" IS NULL OR "closes_on" >= current_date)
         THEN 'OPEN'::edition_status ELSE 'CLOSED'::edition_status END`,
    );
    // Immutable: row changes are refused. TRUNCATE (a dataset reload in tests) is not a row change.
    await queryRunner.query(
      `CREATE FUNCTION audit_record_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'audit records are immutable'; END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_record_immutable BEFORE UPDATE OR DELETE ON "audit_record"
       FOR EACH ROW EXECUTE FUNCTION audit_record_immutable()`,
    );
    await queryRunner.query(`ALTER TABLE "coach" ADD "capacity" integer`);
    await queryRunner.query(`ALTER TABLE "coach" ADD "active" boolean NOT NULL DEFAULT true`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "coach" DROP COLUMN "active"`);
    await queryRunner.query(`ALTER TABLE "coach" DROP COLUMN "capacity"`);
    await queryRunner.query(`ALTER TABLE "edition" DROP COLUMN "status"`);
    await queryRunner.query(`DROP TYPE "public"."edition_status"`);
    await queryRunner.query(`DROP INDEX "public"."uq_user_invitation_token"`);
    await queryRunner.query(`DROP TABLE "user_invitation"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_record_entity"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_record_occurred"`);
    await queryRunner.query(`DROP TABLE "audit_record"`);
    await queryRunner.query(`DROP FUNCTION audit_record_immutable()`);
  }
}
