import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReferralLinks1796660983060 implements MigrationInterface {
  name = 'ReferralLinks1796660983060';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "outreach_channel" ADD "referral_code" character varying(32)`,
    );
    await queryRunner.query(
      `ALTER TABLE "outreach_channel" ADD "referral_issued_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(`ALTER TABLE "organisation" ADD "first_touch_channel_id" uuid`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_outreach_channel_referral_code" ON "outreach_channel"  ("referral_code") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_organisation_first_touch_channel" ON "organisation"  ("first_touch_channel_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation" ADD CONSTRAINT "FK_d00cd18d39d24c8807270db4079" FOREIGN KEY ("first_touch_channel_id") REFERENCES "outreach_channel"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "organisation" DROP CONSTRAINT "FK_d00cd18d39d24c8807270db4079"`,
    );
    await queryRunner.query(`DROP INDEX "public"."idx_organisation_first_touch_channel"`);
    await queryRunner.query(`DROP INDEX "public"."uq_outreach_channel_referral_code"`);
    await queryRunner.query(`ALTER TABLE "organisation" DROP COLUMN "first_touch_channel_id"`);
    await queryRunner.query(`ALTER TABLE "outreach_channel" DROP COLUMN "referral_issued_at"`);
    await queryRunner.query(`ALTER TABLE "outreach_channel" DROP COLUMN "referral_code"`);
  }
}
