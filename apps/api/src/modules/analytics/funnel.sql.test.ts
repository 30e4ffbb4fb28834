import { describe, expect, it } from 'vitest';
import { stepAt } from '../../semantic/units.js';
import {
  funnelWithMetaSql,
  liveFunnelSql,
  rollupCuboid,
  rollupFunnelSql,
  rollupRefreshSql,
} from './funnel.sql.js';
import { snapshotSql } from './snapshot.sql.js';

const base = {
  programmeId: '00000000-0000-4000-8000-000000000001',
  steps: 4,
  unit: 'APPLICATIONS' as const,
  breakdown: [],
  filter: {},
  asOf: null,
};

describe('rollupCuboid', () => {
  it('answers with one cuboid when at most one dimension besides EDITION is involved', () => {
    expect(rollupCuboid([], {})).toBe('NONE');
    expect(rollupCuboid(['EDITION'], { EDITION: ['x'] })).toBe('NONE');
    expect(rollupCuboid(['CHANNEL'], {})).toBe('CHANNEL');
    expect(rollupCuboid(['EDITION', 'CHANNEL'], { CHANNEL: ['prebes'] })).toBe('CHANNEL');
    expect(rollupCuboid([], { PROVINCE: ['Limburg'] })).toBe('PROVINCE');
  });

  it('cannot answer two dimensions besides EDITION', () => {
    expect(rollupCuboid(['CHANNEL', 'SIZE_CLASS'], {})).toBeNull();
    expect(rollupCuboid(['CHANNEL'], { SIZE_CLASS: ['MICRO'] })).toBeNull();
    expect(
      rollupFunnelSql({ ...base, breakdown: ['CHANNEL'], filter: { SECTOR: ['C'] } }),
    ).toBeNull();
  });
});

describe('liveFunnelSql', () => {
  it('binds the programme and, only with a date, the as-of bound', () => {
    const plain = liveFunnelSql(base);
    expect(plain.params).toEqual([base.programmeId]);
    expect(plain.sql).not.toContain('b.t');
    const dated = liveFunnelSql({ ...base, asOf: '2019-07-31' });
    expect(dated.params).toEqual([base.programmeId, '2019-07-31']);
    expect(dated.sql).toContain("AT TIME ZONE 'Europe/Brussels'");
    // Reached as of the bound, with the step's time clamped to the exit (semantic/units.ts).
    expect(dated.sql).toContain(`${stepAt(4)} < b.t`);
  });

  it('does not count a step recorded after the exit as reached', () => {
    expect(stepAt(2)).toBe(
      'CASE WHEN a.exit_at IS NULL OR a.stage2_at <= a.exit_at THEN a.stage2_at END',
    );
    expect(liveFunnelSql(base).sql).toContain(`(${stepAt(2)} IS NOT NULL) AS r2`);
  });

  it('joins only what the dimensions need', () => {
    expect(liveFunnelSql(base).sql).not.toMatch(/JOIN organisation|outreach_channel|JOIN coach/);
    const companies = liveFunnelSql({ ...base, unit: 'COMPANIES', breakdown: ['SIZE_CLASS'] }).sql;
    expect(companies).toContain('LEFT JOIN application_member m');
    expect(companies).toContain('COALESCE(m.organisation_id, a.organisation_id)');
    expect(liveFunnelSql({ ...base, breakdown: ['CHANNEL'] }).sql).toContain(
      'LEFT JOIN outreach_channel ch',
    );
    expect(liveFunnelSql({ ...base, filter: { SERVICE_PROVIDER: ['x'] } }).sql).toContain(
      'LEFT JOIN coach co',
    );
  });

  it('groups the total and each breakdown group in one statement', () => {
    const { sql } = liveFunnelSql({ ...base, breakdown: ['EDITION', 'CHANNEL'] });
    expect(sql).toContain(
      'GROUPING SETS ((g1, g2, xs, xr, xf), (g1, g2, l2), (g1, g2, l3), (g1, g2, l4), (xs, xr, xf), (l2), (l3), (l4))',
    );
    const award = liveFunnelSql({ ...base, steps: 2 }).sql;
    expect(award).not.toContain('l3');
    expect(award).toContain('0 AS n3');
  });

  it('binds every filter list as a parameter, never as text', () => {
    const { sql, params } = liveFunnelSql({
      ...base,
      filter: { PROVINCE: ["Oost'-Vlaanderen"], EDITION: [] },
    });
    expect(sql).not.toContain("Oost'");
    expect(params).toContainEqual(["Oost'-Vlaanderen"]);
    // An empty list (years and editions that do not overlap) matches nothing.
    expect(sql).toContain('false');
  });
});

describe('rollupFunnelSql', () => {
  it('reads the cuboid of the one dimension in play', () => {
    const s = rollupFunnelSql({
      ...base,
      breakdown: ['EDITION', 'PROVINCE'],
      filter: { EDITION: ['e1'] },
    })!;
    expect(s.params).toEqual([base.programmeId, 'APPLICATIONS', 'PROVINCE', ['e1']]);
    expect(s.sql).toContain('c.edition_id::text');
    expect(s.sql).toContain('c.value');
  });
});

describe('funnelWithMetaSql', () => {
  const meta = { sql: 'SELECT 1 AS id', params: ['key', false, false, null] };

  it('appends unit and cuboid to the metadata parameters and reads nothing unless the rollup may answer', () => {
    const s = funnelWithMetaSql(meta, { unit: 'COMPANIES', breakdown: ['EDITION', 'CHANNEL'] })!;
    expect(s.params).toEqual(['key', false, false, null, 'COMPANIES', 'CHANNEL']);
    expect(s.sql.startsWith('WITH meta AS (SELECT 1 AS id)')).toBe(true);
    // Every rollup read is gated and bound to the programme and steps the statement itself read.
    expect(s.sql.match(/\(SELECT ok FROM m\)/g)).toHaveLength(2);
    expect(s.sql).toContain(
      'c.programme_id = (SELECT id FROM m) AND c.unit = $5 AND c.dimension = $6',
    );
    expect(s.sql).toContain('CASE WHEN 4 <= (SELECT steps FROM m) THEN sum(c.n4)::int ELSE 0 END');
    expect(s.sql).toContain('l.step <= (SELECT steps FROM m)');
  });

  it('is null where the rollup cannot answer', () => {
    expect(
      funnelWithMetaSql(meta, { unit: 'APPLICATIONS', breakdown: ['CHANNEL', 'SECTOR'] }),
    ).toBeNull();
  });
});

describe('snapshotSql and rollupRefreshSql', () => {
  it('compares every unit with every date in one pass', () => {
    const s = snapshotSql(base, ['REJECTED'], ['2018-12-31', '2019-07-31']);
    expect(s.params.slice(0, 3)).toEqual([
      base.programmeId,
      ['2018-12-31', '2019-07-31'],
      ['REJECTED'],
    ]);
    expect(s.sql).toContain('unnest($2::date[])');
  });

  it('rebuilds both units under an advisory lock in a single statement', () => {
    const sql = rollupRefreshSql(42);
    expect(sql.startsWith('WITH lock AS (SELECT pg_try_advisory_xact_lock(42)')).toBe(true);
    expect(sql).toContain("'APPLICATIONS'");
    expect(sql).toContain("'COMPANIES'");
    expect(sql.match(/;/g)).toBeNull();
  });
});
