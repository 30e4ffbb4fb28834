import { useMutation, useQuery } from '@apollo/client/react';
import {
  AdminCreateReferralLinkDocument,
  type AdminReferralChannelFragment,
  AdminReferralChannelsDocument,
  AdminRevokeReferralLinkDocument,
} from '@werkgezond/graphql-client';
import {
  Alert,
  Button,
  Card,
  DataTable,
  type DataTableColumn,
  PageHeader,
  Spinner,
  useDocumentTitle,
  useFormat,
} from '@werkgezond/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert, type ProblemState, toProblem } from '../components/Problem';

/** The full link to hand out: the site's address with the channel's path. */
export const referralUrl = (path: string, origin = window.location.origin) =>
  new URL(path, origin).href;

const linkId = (key: string) => `referral-link-${key}`;

/**
 * Referral partners: each outreach channel can hand out a tracked sign-up link; companies that
 * sign up through it get that channel as their first touch.
 */
export function ReferralsPage() {
  const { t } = useTranslation('admin');
  useDocumentTitle(t('referrals.title'));
  const format = useFormat();
  const { data, loading, error } = useQuery(AdminReferralChannelsDocument, {
    fetchPolicy: 'cache-and-network',
  });
  const [create, { loading: creating }] = useMutation(AdminCreateReferralLinkDocument);
  const [revoke, { loading: revoking }] = useMutation(AdminRevokeReferralLinkDocument);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [problem, setProblem] = useState<ProblemState | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const run = async (action: () => Promise<unknown>, message: string) => {
    setProblem(null);
    setDone(null);
    try {
      await action();
      setDone(message);
    } catch (err) {
      setProblem(toProblem(err));
    }
  };
  const onCopy = async (c: AdminReferralChannelFragment) => {
    if (!c.path) return;
    try {
      await navigator.clipboard.writeText(referralUrl(c.path));
      setProblem(null);
      setDone(t('referrals.copied', { name: c.name }));
    } catch {
      // No clipboard (permissions, insecure context): the link is selected for copying by hand.
      const field = document.getElementById(linkId(c.key)) as HTMLInputElement | null;
      field?.focus();
      field?.select();
      setDone(t('referrals.copyByHand'));
    }
  };

  if (loading && !data) return <Spinner label={t('loading')} />;
  if (error && !data) return <ProblemAlert problem={toProblem(error)} />;
  const columns: DataTableColumn<AdminReferralChannelFragment>[] = [
    { key: 'name', header: t('referrals.columns.channel'), rowHeader: true, cell: (c) => c.name },
    {
      key: 'link',
      header: t('referrals.columns.link'),
      cell: (c) =>
        c.path ? (
          <span className="wg-admin-actions">
            <input
              id={linkId(c.key)}
              className="wg-admin-link"
              readOnly
              value={referralUrl(c.path)}
              aria-label={t('referrals.linkOf', { name: c.name })}
              onFocus={(e) => e.target.select()}
            />
            <Button
              variant="secondary"
              onClick={() => onCopy(c)}
              aria-label={t('referrals.copyNamed', { name: c.name })}
            >
              {t('referrals.copy')}
            </Button>
          </span>
        ) : (
          t('referrals.noLink')
        ),
      csv: (c) => (c.path ? referralUrl(c.path) : ''),
    },
    {
      key: 'issued',
      header: t('referrals.columns.issued'),
      cell: (c) => (c.issuedAt ? format.date(c.issuedAt) : '—'),
    },
    {
      key: 'signUps',
      header: t('referrals.columns.signUps'),
      align: 'end',
      cell: (c) => format.number(c.signUps),
      csv: (c) => c.signUps,
    },
    {
      key: 'applications',
      header: t('referrals.columns.applications'),
      align: 'end',
      cell: (c) => format.number(c.applications),
      csv: (c) => c.applications,
    },
    {
      key: 'actions',
      header: t('referrals.columns.actions'),
      cell: (c) =>
        !c.code ? (
          <Button
            variant="secondary"
            busy={creating}
            onClick={() =>
              run(
                () => create({ variables: { channelKey: c.key } }),
                t('referrals.created', { name: c.name }),
              )
            }
            aria-label={t('referrals.createNamed', { name: c.name })}
          >
            {t('referrals.create')}
          </Button>
        ) : confirming === c.key ? (
          <span className="wg-admin-actions">
            <Button
              variant="danger"
              busy={revoking}
              onClick={() =>
                run(
                  async () => {
                    await revoke({ variables: { channelKey: c.key } });
                    setConfirming(null);
                  },
                  t('referrals.revoked', { name: c.name }),
                )
              }
              aria-label={t('referrals.confirmRevokeNamed', { name: c.name })}
            >
              {t('referrals.confirmRevoke')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(null)}>
              {t('referrals.cancel')}
            </Button>
          </span>
        ) : (
          <Button
            variant="secondary"
            onClick={() => setConfirming(c.key)}
            aria-label={t('referrals.revokeNamed', { name: c.name })}
          >
            {t('referrals.revoke')}
          </Button>
        ),
    },
  ];
  return (
    <div className="wg-stack">
      <PageHeader title={t('referrals.title')} description={t('referrals.intro')} />
      <ProblemAlert problem={problem} />
      {done ? <Alert variant="success" title={done} /> : null}
      <Card title={t('referrals.channels')} asSection>
        <DataTable
          caption={t('referrals.caption')}
          columns={columns}
          rows={data?.referralChannels ?? []}
          getRowKey={(c) => c.id}
          emptyMessage={t('referrals.empty')}
        />
      </Card>
    </div>
  );
}
