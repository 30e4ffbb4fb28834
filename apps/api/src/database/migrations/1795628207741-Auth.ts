import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Auth1795628207741 implements MigrationInterface {
  name = 'Auth1795628207741';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "password_hash" text NOT NULL, "display_name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "disabled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_app_user_email" ON "app_user"  ("email") `);
    await queryRunner.query(
      `CREATE TYPE "public"."role" AS ENUM('PARTICIPANT', 'NETWORK_COORDINATOR', 'PROGRAMME_MANAGER', 'ANALYST', 'ADMIN')`,
    );
    await queryRunner.query(
      `CREATE TABLE "role_grant" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "role" "public"."role" NOT NULL, "organisation_id" uuid, "programme_id" uuid, CONSTRAINT "PK_b9e50aafa723c536731c38529fb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_role_grant_user" ON "role_grant"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "user_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" character(64) NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_adf3b49590842ac3cf54cac451a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_user_session_token" ON "user_session"  ("token_hash") `,
    );
    await queryRunner.query(`CREATE INDEX "idx_user_session_user" ON "user_session"  ("user_id") `);
    await queryRunner.query(
      `ALTER TABLE "role_grant" ADD CONSTRAINT "FK_cbca8b01eca20fa033ef14946b2" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "role_grant" ADD CONSTRAINT "FK_32da50c60e4e89311514ba70a7a" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "role_grant" ADD CONSTRAINT "FK_3ab9968743c343626d445e09da6" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_session" ADD CONSTRAINT "FK_13275383dcdf095ee29f2b3455a" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "user_session" DROP CONSTRAINT "FK_13275383dcdf095ee29f2b3455a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "role_grant" DROP CONSTRAINT "FK_3ab9968743c343626d445e09da6"`,
    );
    await queryRunner.query(
      `ALTER TABLE "role_grant" DROP CONSTRAINT "FK_32da50c60e4e89311514ba70a7a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "role_grant" DROP CONSTRAINT "FK_cbca8b01eca20fa033ef14946b2"`,
    );
    await queryRunner.query(`DROP INDEX "public"."idx_user_session_user"`);
    await queryRunner.query(`DROP INDEX "public"."uq_user_session_token"`);
    await queryRunner.query(`DROP TABLE "user_session"`);
    await queryRunner.query(`DROP INDEX "public"."idx_role_grant_user"`);
    await queryRunner.query(`DROP TABLE "role_grant"`);
    await queryRunner.query(`DROP TYPE "public"."role"`);
    await queryRunner.query(`DROP INDEX "public"."uq_app_user_email"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
  }
}
