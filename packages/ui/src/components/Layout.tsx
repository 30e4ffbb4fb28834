import type { ReactNode } from 'react';

/** The page frame: header, main and footer stacked, the main growing. */
export function AppFrame({ children }: { children: ReactNode }) {
  return <div className="wg-app">{children}</div>;
}

export interface AppHeaderProps {
  brand: ReactNode;
  navigation?: ReactNode;
  actions?: ReactNode;
}

export function AppHeader({ brand, navigation, actions }: AppHeaderProps) {
  return (
    <header className="wg-header">
      <div className="wg-header__inner">
        <div className="wg-header__brand">{brand}</div>
        {navigation}
        {actions ? <div className="wg-header__actions">{actions}</div> : null}
      </div>
    </header>
  );
}

export interface PrimaryNavProps {
  /** Accessible name of the navigation landmark. */
  label: string;
  /** <li> items, typically router links with className "wg-nav__link". */
  children: ReactNode;
}

export function PrimaryNav({ label, children }: PrimaryNavProps) {
  return (
    <nav aria-label={label}>
      <ul className="wg-nav__list">{children}</ul>
    </nav>
  );
}

export interface MainProps {
  children: ReactNode;
  id?: string;
}

/** The main landmark; focusable (tabIndex=-1) so the skip link and route changes can move focus. */
export function Main({ children, id = 'main' }: MainProps) {
  return (
    <main id={id} tabIndex={-1} className="wg-main">
      {children}
    </main>
  );
}

export function AppFooter({ children }: { children: ReactNode }) {
  return (
    <footer className="wg-footer">
      <div className="wg-footer__inner">{children}</div>
    </footer>
  );
}
