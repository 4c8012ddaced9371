import type { OutboxMailOut } from '@lco/core';
import { RTL_LANGUAGES } from '@lco/core/i18n';
import type { ReactNode } from 'react';
import { Button, Disclosure, DisclosurePanel } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApi } from '../../api/useApi.ts';
import { NotAllowed, PageError, RequireSession } from '../../components/Access.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { Time } from '../../components/roles.tsx';
import { Loading, Refreshing } from '../../components/Status.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import '../../styles/admin.css';

const PAGE_SIZE = 20;

interface OutboxPage {
  items: OutboxMailOut[];
  page: number;
  pageSize: number;
  total: number;
  smtpConfigured: boolean;
}

export default function OutboxPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('workspaces.outbox'));
  return <RequireSession>{() => <Outbox />}</RequireSession>;
}

const URL_PATTERN = /(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)])/g;

/** The mail's text with its addresses as links (invitations and resets are acted on from here). */
function MailBody({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0;
    parts.push(text.slice(last, start));
    parts.push(
      <a key={start} href={match[0]} dir="ltr">
        {match[0]}
      </a>,
    );
    last = start + match[0].length;
  }
  parts.push(text.slice(last));
  return <>{parts}</>;
}

function Outbox() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const requested = Number.parseInt(params.get('page') ?? '1', 10);
  const page = Number.isFinite(requested) && requested > 0 ? requested : 1;
  const outbox = useApi<OutboxPage>('/outbox', { page, pageSize: PAGE_SIZE }, { personal: true });

  if (outbox.error?.status === 403) return <NotAllowed />;
  const pages = outbox.data ? Math.max(1, Math.ceil(outbox.data.total / PAGE_SIZE)) : 1;

  return (
    <div className="page page--admin">
      <PageHeading>{t('workspaces.outbox')}</PageHeading>
      <p className="lead">{t('outbox.intro')}</p>
      {outbox.data && !outbox.data.smtpConfigured ? (
        <div className="notice notice--warning">
          <p>{t('outbox.noSmtp')}</p>
        </div>
      ) : null}
      {outbox.error ? (
        <PageError error={outbox.error} onRetry={outbox.retry} />
      ) : !outbox.data ? (
        <Loading />
      ) : outbox.data.items.length === 0 ? (
        <p>{t('outbox.empty')}</p>
      ) : (
        <>
          <p className="results-status">{t('outbox.count', { count: outbox.data.total })}</p>
          <Refreshing active={outbox.loading} />
          <ul className="mail-list">
            {outbox.data.items.map((mail) => (
              <Mail key={mail.id} mail={mail} />
            ))}
          </ul>
          <Pagination
            page={page}
            pages={pages}
            hrefFor={(target) => (target > 1 ? `/admin/outbox?page=${target}` : '/admin/outbox')}
            label={t('outbox.pages')}
          />
        </>
      )}
    </div>
  );
}

function Mail({ mail }: { mail: OutboxMailOut }) {
  const { t } = useTranslation();
  const dir = RTL_LANGUAGES.includes(mail.lang) ? 'rtl' : 'ltr';
  return (
    <li className="mail">
      <h2 className="mail__subject" lang={mail.lang} dir={dir}>
        {mail.subject}
      </h2>
      <dl className="mail__facts">
        <div>
          <dt>{t('outbox.to')}</dt>
          <dd>
            <bdi>{mail.to}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t('outbox.written')}</dt>
          <dd>
            <Time iso={mail.createdAt} />
          </dd>
        </div>
        <div>
          <dt>{t('outbox.state')}</dt>
          <dd>
            {mail.sentAt ? (
              <span className="status status--accepted">
                <span aria-hidden="true">✓ </span>
                {t('outbox.sent')} <Time iso={mail.sentAt} />
              </span>
            ) : (
              <span className="status status--pending">
                <span aria-hidden="true">◷ </span>
                {t('outbox.notSent')}
              </span>
            )}
            {mail.lastError ? (
              <span className="mail__error">
                {' '}
                {t('outbox.lastError')} <span lang="en">{mail.lastError}</span>
              </span>
            ) : null}
          </dd>
        </div>
      </dl>
      <Disclosure className="disclosure">
        <Button slot="trigger" className="disclosure__trigger">
          <span aria-hidden="true" className="disclosure__chevron">
            ▸
          </span>
          {t('outbox.showBody')}
          <span className="visually-hidden"> — {t('outbox.toWhom', { email: mail.to })}</span>
        </Button>
        <DisclosurePanel className="disclosure__panel">
          <pre className="mail__body" lang={mail.lang} dir={dir}>
            <MailBody text={mail.body} />
          </pre>
        </DisclosurePanel>
      </Disclosure>
    </li>
  );
}
