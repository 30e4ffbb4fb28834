import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { actsForOrganisation, isCaseHandler } from '../access';
import { useViewer } from '../ViewerContext';

/** The portal's own pages for the viewer's role, under the shell's main navigation. */
export function PortalNav() {
  const { t } = useTranslation('portal');
  const viewer = useViewer();
  const links: { to: string; label: string; end?: boolean }[] = [
    { to: '/', label: t('nav.applications'), end: true },
  ];
  if (actsForOrganisation(viewer)) {
    links.push(
      { to: '/programmas', label: t('nav.programmes') },
      { to: '/bevragingen', label: t('nav.surveys') },
      { to: '/toolbox', label: t('nav.toolbox') },
      { to: '/profiel', label: t('nav.profile') },
    );
    // The scan is a company's own measurement: participants, not network coordinators.
    if (viewer.roles.includes('PARTICIPANT')) links.push({ to: '/scan', label: t('nav.scan') });
  }
  if (isCaseHandler(viewer)) {
    links.push(
      { to: '/beheer', label: t('nav.queue'), end: true },
      { to: '/beheer/uitgaven', label: t('nav.expenditures') },
      { to: '/beheer/opvolging', label: t('nav.followUp') },
      { to: '/beheer/import', label: t('nav.import') },
    );
  }
  return (
    <nav className="wg-portal-nav" aria-label={t('nav.label')}>
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end ?? false}>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
