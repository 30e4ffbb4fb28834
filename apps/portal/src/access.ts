import type { AppShell_ViewerFragment } from '@werkgezond/graphql-client';

/**
 * What the portal shows to whom. The API checks every request again; these only choose the
 * pages, links and actions that make sense for the signed-in user.
 */
export const isAdmin = (viewer: AppShell_ViewerFragment) => viewer.roles.includes('ADMIN');

/** Handles applications (decide, assign coaches, progress, spending): managers and admins. */
export const isCaseHandler = (viewer: AppShell_ViewerFragment) =>
  isAdmin(viewer) || viewer.roles.includes('PROGRAMME_MANAGER');

/** May handle the applications of this programme. */
export const managesProgramme = (viewer: AppShell_ViewerFragment, programmeKey: string) =>
  isAdmin(viewer) ||
  (viewer.roles.includes('PROGRAMME_MANAGER') && viewer.programmeKeys.includes(programmeKey));

/** Acts for a company or network (participant, network coordinator) and so can apply. */
export const actsForOrganisation = (
  viewer: AppShell_ViewerFragment,
): viewer is AppShell_ViewerFragment & { organisation: { id: string; name: string } } =>
  !!viewer.organisation &&
  (viewer.roles.includes('PARTICIPANT') || viewer.roles.includes('NETWORK_COORDINATOR'));

/** The applicant itself (not a member company of someone else's group registration). */
export const actsForApplicant = (viewer: AppShell_ViewerFragment, organisationId: string) =>
  actsForOrganisation(viewer) && viewer.organisation.id === organisationId;
