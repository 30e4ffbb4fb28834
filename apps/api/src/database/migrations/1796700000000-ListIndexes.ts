import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The research catalog lists the provinces present with a skip scan of (kind, province); the
 * application lists' default order (newest first) reads its first page from an index.
 */
export class ListIndexes1796700000000 implements MigrationInterface {
  name = 'ListIndexes1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "idx_organisation_kind_province" ON "organisation" ("kind", "province") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_application_newest" ON "application" ((COALESCE("stage1_at", "created_at")) DESC, "id" DESC)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_application_newest"`);
    await queryRunner.query(`DROP INDEX "public"."idx_organisation_kind_province"`);
  }
}
