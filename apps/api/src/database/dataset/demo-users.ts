import type { DataSource } from 'typeorm';
import { hashPassword } from '../../modules/auth/password.js';
import type { RoleKey } from '../../modules/auth/user.entity.js';
import { DEMO_COMPANY_NAME, DEMO_NETWORK_NAME } from './organisations.js';

/** Listed in the README; only ever loaded with the bundled demo dataset. */
export const DEMO_PASSWORD = 'werkgezond-demo';

interface DemoUser {
  email: string;
  displayName: string;
  grants: { role: RoleKey; organisation?: string; programme?: string }[];
}

export const DEMO_USERS: DemoUser[] = [
  {
    email: 'deelnemer@demo.werkgezond.be',
    displayName: 'Sofie Peeters',
    grants: [{ role: 'PARTICIPANT', organisation: DEMO_COMPANY_NAME }],
  },
  {
    email: 'netwerk@demo.werkgezond.be',
    displayName: 'Koen Vermeulen',
    grants: [{ role: 'NETWORK_COORDINATOR', organisation: DEMO_NETWORK_NAME }],
  },
  {
    email: 'beheerder@demo.werkgezond.be',
    displayName: 'An Janssens',
    grants: [
      { role: 'PROGRAMME_MANAGER', programme: 'nv-gezond' },
      { role: 'PROGRAMME_MANAGER', programme: 'gezondheidscoaches' },
    ],
  },
  {
    email: 'analist@demo.werkgezond.be',
    displayName: 'Pieter De Smet',
    grants: [{ role: 'ANALYST' }],
  },
  { email: 'admin@demo.werkgezond.be', displayName: 'Els Maes', grants: [{ role: 'ADMIN' }] },
];

/** Idempotent: replaces the demo accounts (and their sessions) with fresh ones. */
export async function loadDemoUsers(ds: DataSource): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await ds.transaction(async (em) => {
    await em.query(`DELETE FROM app_user WHERE email LIKE '%@demo.werkgezond.be'`);
    for (const user of DEMO_USERS) {
      const [{ id }] = await em.query(
        'INSERT INTO app_user (email, password_hash, display_name) VALUES ($1, $2, $3) RETURNING id',
        [user.email, passwordHash, user.displayName],
      );
      for (const grant of user.grants) {
        const inserted = await em.query(
          `INSERT INTO role_grant (user_id, role, organisation_id, programme_id)
           SELECT $1, $2::role,
                  (SELECT o.id FROM organisation o WHERE o.name = $3),
                  (SELECT p.id FROM programme p WHERE p.key = $4)
           RETURNING organisation_id, programme_id`,
          [id, grant.role, grant.organisation ?? null, grant.programme ?? null],
        );
        const row = inserted[0] as { organisation_id: string | null; programme_id: string | null };
        if (
          (grant.organisation && !row.organisation_id) ||
          (grant.programme && !row.programme_id)
        ) {
          throw new Error(
            `Demo dataset lacks ${grant.organisation ?? grant.programme} for ${user.email}`,
          );
        }
      }
    }
  });
}
