import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every API instance keeps a short-lived cache of signed-in viewers (modules/auth/session-cache.ts)
 * and drops entries when PostgreSQL tells it a user's sessions, account or roles changed. Triggers,
 * not the services, send the notice, so a change by any writer (back office, import, psql) reaches
 * every instance. A session's sliding renewal (expires_at moved later) is no change for the cache.
 */
export class AuthChangeNotify1796800000000 implements MigrationInterface {
  name = 'AuthChangeNotify1796800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION notify_auth_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          PERFORM pg_notify('wg_auth_changed', '*');
        ELSIF TG_TABLE_NAME = 'app_user' THEN
          PERFORM pg_notify('wg_auth_changed', (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END)::text);
        ELSE
          PERFORM pg_notify('wg_auth_changed',
            (CASE WHEN TG_OP = 'DELETE' THEN OLD.user_id ELSE NEW.user_id END)::text);
          IF TG_OP = 'UPDATE' AND NEW.user_id IS DISTINCT FROM OLD.user_id THEN
            PERFORM pg_notify('wg_auth_changed', OLD.user_id::text);
          END IF;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER user_session_auth_change AFTER UPDATE ON user_session FOR EACH ROW
        WHEN (NEW.revoked_at IS DISTINCT FROM OLD.revoked_at OR NEW.expires_at < OLD.expires_at
              OR NEW.token_hash IS DISTINCT FROM OLD.token_hash OR NEW.user_id IS DISTINCT FROM OLD.user_id)
        EXECUTE FUNCTION notify_auth_change()`);
    for (const [table, events] of [
      ['user_session', 'DELETE'],
      ['app_user', 'UPDATE OR DELETE'],
      ['role_grant', 'INSERT OR UPDATE OR DELETE'],
    ] as const) {
      const suffix = table === 'user_session' ? '_delete' : '';
      await queryRunner.query(
        `CREATE TRIGGER ${table}_auth_change${suffix} AFTER ${events} ON ${table}
           FOR EACH ROW EXECUTE FUNCTION notify_auth_change()`,
      );
    }
    for (const table of ['user_session', 'app_user', 'role_grant']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_auth_truncate AFTER TRUNCATE ON ${table}
           FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_change()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['user_session', 'app_user', 'role_grant']) {
      await queryRunner.query(`DROP TRIGGER ${table}_auth_truncate ON ${table}`);
    }
    await queryRunner.query('DROP TRIGGER role_grant_auth_change ON role_grant');
    await queryRunner.query('DROP TRIGGER app_user_auth_change ON app_user');
    await queryRunner.query('DROP TRIGGER user_session_auth_change_delete ON user_session');
    await queryRunner.query('DROP TRIGGER user_session_auth_change ON user_session');
    await queryRunner.query('DROP FUNCTION notify_auth_change()');
  }
}
