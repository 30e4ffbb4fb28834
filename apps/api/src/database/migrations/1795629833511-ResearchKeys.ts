import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ResearchKeys1795629833511 implements MigrationInterface {
  name = 'ResearchKeys1795629833511';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "research_api_key" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "prefix" character varying(16) NOT NULL, "key_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, "revoked_at" TIMESTAMP WITH TIME ZONE, "last_used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_d39a1df4f4748f410213b39d03f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_research_api_key_hash" ON "research_api_key"  ("key_hash") `,
    );
    await queryRunner.query(
      `ALTER TABLE "research_api_key" ADD CONSTRAINT "FK_3d664bd58b3d1a449448891e88b" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "research_api_key" DROP CONSTRAINT "FK_3d664bd58b3d1a449448891e88b"`,
    );
    await queryRunner.query(`DROP INDEX "public"."uq_research_api_key_hash"`);
    await queryRunner.query(`DROP TABLE "research_api_key"`);
  }
}
