import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The research catalog lists the provinces present with a skip scan of this index. */
export class ProvinceIndex1796700000000 implements MigrationInterface {
  name = 'ProvinceIndex1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "idx_organisation_kind_province" ON "organisation" ("kind", "province") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_organisation_kind_province"`);
  }
}
