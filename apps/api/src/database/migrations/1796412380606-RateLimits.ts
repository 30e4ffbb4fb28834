import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The store of rate-limiter-flexible's RateLimiterPostgres (sign-in throttling, research key
 * budgets), shared by every API instance. Columns as the library expects them; it is told the
 * table exists, so it never issues DDL at run time. Keys carry the limiter's prefix.
 */
export class RateLimits1796412380606 implements MigrationInterface {
  name = 'RateLimits1796412380606';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rate_limit" ("key" character varying(255) NOT NULL, "points" integer NOT NULL DEFAULT 0, "expire" bigint, CONSTRAINT "pk_rate_limit" PRIMARY KEY ("key"))`,
    );
    // The library deletes rows that expired an hour ago every five minutes.
    await queryRunner.query(`CREATE INDEX "idx_rate_limit_expire" ON "rate_limit" ("expire")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rate_limit"`);
  }
}
