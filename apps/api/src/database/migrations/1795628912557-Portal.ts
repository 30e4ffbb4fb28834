import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Portal1795628912557 implements MigrationInterface {
  name = 'Portal1795628912557';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "organisation_profile_change" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "changed_by" text NOT NULL, "changes" jsonb NOT NULL, CONSTRAINT "PK_cda0a8d588b6a3d6b676ee6f579" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_profile_change_org" ON "organisation_profile_change"  ("organisation_id", "changed_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "toolbox_use" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "component_id" uuid NOT NULL, "used_by" text NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_c4682b8cd81c75c0d0fa43eec50" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_toolbox_use_org" ON "toolbox_use"  ("organisation_id", "component_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "participation_dossier" ("application_id" uuid NOT NULL, "answers" jsonb NOT NULL DEFAULT '{}', "submitted_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_3184137b8cff4c4412651df99f6" PRIMARY KEY ("application_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "attachment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "file_name" text NOT NULL, "media_type" character varying(100) NOT NULL, "size_bytes" integer NOT NULL, "sha256" character(64) NOT NULL, "storage_key" character varying(80) NOT NULL, "uploaded_by" text NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d2a80c3a8d467f08a750ac4b420" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_attachment_application" ON "attachment"  ("application_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "stage_definition" ADD "requires_step" character varying(32)`,
    );
    await queryRunner.query(
      `ALTER TABLE "stage_definition" ADD "before_step" character varying(32)`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_profile_change" ADD CONSTRAINT "FK_79bb536e767e80af8146ba06db4" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "toolbox_use" ADD CONSTRAINT "FK_fa1eee0c98554333b331052c725" FOREIGN KEY ("component_id") REFERENCES "programme_component"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "participation_dossier" ADD CONSTRAINT "FK_3184137b8cff4c4412651df99f6" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "attachment" ADD CONSTRAINT "FK_f4018b7de47b11c1065d0c4bd1b" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "attachment" DROP CONSTRAINT "FK_f4018b7de47b11c1065d0c4bd1b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "participation_dossier" DROP CONSTRAINT "FK_3184137b8cff4c4412651df99f6"`,
    );
    await queryRunner.query(
      `ALTER TABLE "toolbox_use" DROP CONSTRAINT "FK_fa1eee0c98554333b331052c725"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_profile_change" DROP CONSTRAINT "FK_79bb536e767e80af8146ba06db4"`,
    );
    await queryRunner.query(`ALTER TABLE "stage_definition" DROP COLUMN "before_step"`);
    await queryRunner.query(`ALTER TABLE "stage_definition" DROP COLUMN "requires_step"`);
    await queryRunner.query(`DROP INDEX "public"."idx_attachment_application"`);
    await queryRunner.query(`DROP TABLE "attachment"`);
    await queryRunner.query(`DROP TABLE "participation_dossier"`);
    await queryRunner.query(`DROP INDEX "public"."idx_toolbox_use_org"`);
    await queryRunner.query(`DROP TABLE "toolbox_use"`);
    await queryRunner.query(`DROP INDEX "public"."idx_profile_change_org"`);
    await queryRunner.query(`DROP TABLE "organisation_profile_change"`);
  }
}
