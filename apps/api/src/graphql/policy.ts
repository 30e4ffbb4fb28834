import type { AuthChecker } from 'type-graphql';
import type { RoleKey } from '../modules/auth/user.entity.js';
import type { Context } from './context.js';
import { forbidden, userError } from './errors.js';

/** Who is asking: derived once per request from the session cookie. */
export interface Viewer {
  userId: string;
  sessionId: string;
  email: string;
  displayName: string;
  roles: ReadonlySet<RoleKey>;
  /** Organisations the viewer acts for as PARTICIPANT. */
  organisationIds: readonly string[];
  /** Networks the viewer coordinates (NETWORK_COORDINATOR). */
  networkIds: readonly string[];
  /** Programmes the viewer manages (PROGRAMME_MANAGER). */
  programmeIds: readonly string[];
}

export const isAdmin = (v: Viewer) => v.roles.has('ADMIN');
export const canReadAnalytics = (v: Viewer) => v.roles.has('ANALYST') || isAdmin(v);

export function requireViewer(ctx: Context): Viewer {
  if (!ctx.viewer) throw userError('UNAUTHENTICATED', 'Sign in first');
  return ctx.viewer;
}

/**
 * `@Authorized(...roles)` on every root field and guarded nested field. No roles = any signed-in
 * user; ADMIN passes every role check. Row-level rules live in the scope helpers below.
 */
export const authChecker: AuthChecker<Context, RoleKey> = ({ context }, roles) => {
  const viewer = requireViewer(context);
  if (roles.length === 0 || isAdmin(viewer) || roles.some((r) => viewer.roles.has(r))) return true;
  throw forbidden();
};

/** Organisations whose own data (profile, surveys, applications) the viewer may read. */
export function ownOrganisationIds(v: Viewer): string[] {
  return [...new Set([...v.organisationIds, ...v.networkIds])];
}

export interface SqlScope {
  /** SQL condition over an `application` alias, or null for "everything". */
  where: string | null;
  params: Record<string, unknown>;
}

/**
 * Which applications a viewer may read: their organisation's (as applicant or as a represented
 * member), their networks' registrations, the programmes they manage; ADMIN all. Analysts get
 * aggregates through the analytics queries, not rows.
 */
export function applicationScope(v: Viewer, alias = 'a'): SqlScope {
  if (isAdmin(v)) return { where: null, params: {} };
  const orgs = ownOrganisationIds(v);
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (orgs.length) {
    params.scopeOrgs = orgs;
    parts.push(
      `${alias}.organisation_id IN (:...scopeOrgs)`,
      `EXISTS (SELECT 1 FROM application_member m WHERE m.application_id = ${alias}.id AND m.organisation_id IN (:...scopeOrgs))`,
    );
  }
  if (v.programmeIds.length) {
    params.scopeProgrammes = v.programmeIds;
    parts.push(`${alias}.programme_id IN (:...scopeProgrammes)`);
  }
  return { where: parts.length ? `(${parts.join(' OR ')})` : 'FALSE', params };
}

/**
 * Which organisations a viewer may read: their own and their networks' members; for managers
 * the applicants (and represented members) of their programmes and all non-company
 * organisations; analysts and admins everything.
 */
export function organisationScope(v: Viewer, alias = 'o'): SqlScope {
  if (isAdmin(v) || canReadAnalytics(v)) return { where: null, params: {} };
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  const orgs = ownOrganisationIds(v);
  if (orgs.length) {
    params.scopeOrgs = orgs;
    parts.push(`${alias}.id IN (:...scopeOrgs)`);
  }
  if (v.networkIds.length) {
    params.scopeNetworks = v.networkIds;
    parts.push(
      `${alias}.id IN (SELECT member_id FROM network_membership WHERE network_id IN (:...scopeNetworks))`,
    );
  }
  if (v.programmeIds.length) {
    params.scopeProgrammes = v.programmeIds;
    parts.push(
      `${alias}.kind <> 'COMPANY'`,
      `${alias}.id IN (SELECT organisation_id FROM application WHERE programme_id IN (:...scopeProgrammes)
         UNION SELECT m.organisation_id FROM application_member m JOIN application x ON x.id = m.application_id
         WHERE x.programme_id IN (:...scopeProgrammes))`,
    );
  }
  return { where: parts.length ? `(${parts.join(' OR ')})` : 'FALSE', params };
}

/** May act for this organisation: a participant for their company, a coordinator for the network. */
export function canActFor(v: Viewer, organisationId: string): boolean {
  return isAdmin(v) || ownOrganisationIds(v).includes(organisationId);
}

/** May handle applications of this programme (decide, assign, record progress and spending). */
export function canManage(v: Viewer, programmeId: string): boolean {
  return isAdmin(v) || v.programmeIds.includes(programmeId);
}
