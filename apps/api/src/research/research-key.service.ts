import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { badInput, notFound } from '../graphql/errors.js';
import type { Viewer } from '../graphql/policy.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import { ResearchApiKeyEntity } from './research-key.entity.js';

/** Listed in the README; loaded with the demo dataset only. */
export const DEMO_RESEARCH_KEY = 'wg_demo_research_key';
export const DEMO_RESEARCH_KEY_NAME = 'Demo researcher (bundled dataset)';

const KEY_PATTERN = /^wg_[A-Za-z0-9_-]{8,64}$/;
const PREFIX_LENGTH = 9;
const TOUCH_INTERVAL_MS = 60_000;

export const hashResearchKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** "wg_" + 32 random bytes in base64url: 256 bits, so a plain SHA-256 lookup hash suffices. */
export const newResearchKey = () => `wg_${randomBytes(32).toString('base64url')}`;

/** The Bearer token of an Authorization header, or null when absent or malformed. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

export interface AuthenticatedKey {
  id: string;
  name: string;
  prefix: string;
}

export class ResearchKeyService {
  constructor(private readonly ds: DataSource) {}

  /** The active key for a presented secret, or null. Marks it used (at most once a minute). */
  async authenticate(key: string): Promise<AuthenticatedKey | null> {
    if (!KEY_PATTERN.test(key)) return null;
    const [row]: { id: string; name: string; prefix: string; last_used_at: Date | null }[] =
      await this.ds.query(
        `SELECT id, name, prefix, last_used_at FROM research_api_key
          WHERE key_hash = $1 AND revoked_at IS NULL`,
        [hashResearchKey(key)],
      );
    if (!row) return null;
    const last = row.last_used_at ? new Date(row.last_used_at).getTime() : 0;
    if (Date.now() - last > TOUCH_INTERVAL_MS) {
      await this.ds.query('UPDATE research_api_key SET last_used_at = now() WHERE id = $1', [
        row.id,
      ]);
    }
    return { id: row.id, name: row.name, prefix: row.prefix };
  }

  /** Creates a key; the secret is returned once. Audited without the secret or its hash. */
  async create(
    name: string,
    actor: Pick<Viewer, 'userId' | 'email'> | null,
  ): Promise<{ key: string; entity: ResearchApiKeyEntity }> {
    const trimmed = name.trim();
    if (trimmed.length < 2 || trimmed.length > 120) {
      throw badInput('Name the key (2 to 120 characters), e.g. after the researcher', 'name');
    }
    const key = newResearchKey();
    return this.ds.transaction(async (em) => {
      const entity = await em.getRepository(ResearchApiKeyEntity).save({
        name: trimmed,
        prefix: key.slice(0, PREFIX_LENGTH),
        keyHash: hashResearchKey(key),
        createdBy: actor?.userId ?? null,
      });
      await recordAudit(em, actor, {
        action: 'research-key.create',
        entityType: 'RESEARCH_KEY',
        entityId: entity.id,
        after: { name: entity.name, prefix: entity.prefix },
      });
      return { key, entity };
    });
  }

  /** Idempotent: revoking a revoked key changes nothing and writes no audit record. */
  async revoke(
    id: string,
    actor: Pick<Viewer, 'userId' | 'email'> | null,
  ): Promise<ResearchApiKeyEntity> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('Research API key');
    return this.ds.transaction(async (em) => {
      const repo = em.getRepository(ResearchApiKeyEntity);
      const existing = await repo
        .createQueryBuilder('k')
        .setLock('pessimistic_write')
        .where('k.id = :id', { id })
        .getOne();
      if (!existing) throw notFound('Research API key');
      if (!existing.revokedAt) {
        await em.query('UPDATE research_api_key SET revoked_at = now() WHERE id = $1', [id]);
        const revoked = (await repo.findOneBy({ id })) as ResearchApiKeyEntity;
        await recordAudit(em, actor, {
          action: 'research-key.revoke',
          entityType: 'RESEARCH_KEY',
          entityId: id,
          before: { name: existing.name, prefix: existing.prefix, revokedAt: null },
          after: { name: existing.name, prefix: existing.prefix, revokedAt: revoked.revokedAt },
        });
        return revoked;
      }
      return existing;
    });
  }

  list(): Promise<ResearchApiKeyEntity[]> {
    return this.ds
      .getRepository(ResearchApiKeyEntity)
      .find({ relations: { creator: true }, order: { createdAt: 'DESC' } });
  }
}

/** Idempotent: (re)creates the demo key, active, with its fixed secret. */
export async function loadDemoResearchKey(ds: DataSource): Promise<void> {
  await ds.query(
    `INSERT INTO research_api_key (name, prefix, key_hash)
     VALUES ($1, $2, $3)
     ON CONFLICT (key_hash) DO UPDATE SET revoked_at = NULL, name = EXCLUDED.name`,
    [
      DEMO_RESEARCH_KEY_NAME,
      DEMO_RESEARCH_KEY.slice(0, PREFIX_LENGTH),
      hashResearchKey(DEMO_RESEARCH_KEY),
    ],
  );
}
