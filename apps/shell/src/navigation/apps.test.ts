import { describe, expect, it } from 'vitest';
import { appsForRoles, homePath, landingPath, safeReturnPath } from './apps';

describe('navigation by role', () => {
  it('sends participants, network coordinators and programme managers to the portal (managers also get the back office)', () => {
    expect(appsForRoles(['PARTICIPANT'])).toEqual(['portal']);
    expect(appsForRoles(['NETWORK_COORDINATOR'])).toEqual(['portal']);
    expect(appsForRoles(['PROGRAMME_MANAGER'])).toEqual(['portal', 'admin']);
  });

  it('sends analysts to analytics and gives admins every app', () => {
    expect(appsForRoles(['ANALYST'])).toEqual(['analytics']);
    expect(appsForRoles(['ADMIN'])).toEqual(['portal', 'analytics', 'admin']);
    expect(appsForRoles(['PARTICIPANT', 'ANALYST'])).toEqual(['portal', 'analytics']);
  });

  it('lands on the first app, or on the no-access page without a role', () => {
    expect(homePath(['ANALYST'])).toBe('/analyse');
    expect(homePath(['ADMIN'])).toBe('/portaal');
    expect(homePath([])).toBe('/geen-toegang');
  });

  it('returns to a deep link only inside this site and only into an app the user may open', () => {
    expect(landingPath(['PARTICIPANT'], '/portaal/aanvragen/1')).toBe('/portaal/aanvragen/1');
    expect(landingPath(['PARTICIPANT'], '/analyse')).toBe('/portaal');
    expect(landingPath(['ANALYST'], '//evil.example/x')).toBe('/analyse');
    expect(landingPath(['ANALYST'], 'https://evil.example')).toBe('/analyse');
    expect(safeReturnPath('/aanmelden')).toBeNull();
    expect(safeReturnPath('/\\evil.example')).toBeNull();
  });
});
