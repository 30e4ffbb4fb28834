import type { ReactNode } from 'react';

export type AlertVariant = 'error' | 'warning' | 'success' | 'info';

export interface AlertProps {
  variant?: AlertVariant;
  title?: ReactNode;
  children?: ReactNode;
  /** Buttons under the message, e.g. "Try again". */
  actions?: ReactNode;
  /** Override the live-region role; errors default to role=alert, the rest to role=status. */
  role?: 'alert' | 'status';
  id?: string;
  className?: string;
}

/**
 * A message box. Errors are announced at once (role=alert); other messages politely
 * (role=status). Colour is never the only signal: every alert has a title or text.
 */
export function Alert({
  variant = 'info',
  title,
  children,
  actions,
  role,
  id,
  className,
}: AlertProps) {
  const liveRole = role ?? (variant === 'error' ? 'alert' : 'status');
  return (
    <div
      id={id}
      role={liveRole}
      className={['wg-alert', `wg-alert--${variant}`, className ?? ''].filter(Boolean).join(' ')}
    >
      {title ? <p className="wg-alert__title">{title}</p> : null}
      {children ? <div className="wg-alert__body">{children}</div> : null}
      {actions ? <div className="wg-alert__actions">{actions}</div> : null}
    </div>
  );
}
