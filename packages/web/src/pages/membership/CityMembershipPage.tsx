import type {
  ApplicationDetail,
  ApplicationOut,
  CityMembership,
  ComplianceRow,
  MembershipCallOut,
  MeResponse,
  ReportOut,
} from '@lco/core';
import { countWords } from '@lco/core/words';
import { useId, useState } from 'react';
import { Label, Link, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { type ApiError, apiSend, asApiError } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { NotAllowed, PageError, RequireSession } from '../../components/Access.tsx';
import { BusyButton, FormAlert, FormStatus } from '../../components/forms.tsx';
import {
  APPLICATIONS,
  ApplicationsTable,
  applicationHref,
  ComplianceBadge,
  useMembershipProblem,
} from '../../components/membership/common.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Time, useDateFormat } from '../../components/roles.tsx';
import { type Option, SelectField } from '../../components/SelectField.tsx';
import { Loading } from '../../components/Status.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { WordCount } from '../../components/WordCount.tsx';
import '../../styles/accounts.css';
import '../../styles/workspace.css';
import '../../styles/review.css';
import '../../styles/membership.css';

/** The word limit of a report's narrative (REPORT_NARRATIVE_WORD_LIMIT of @lco/core, beside zod). */
const NARRATIVE_LIMIT = 500;

interface ReportList {
  items: ReportOut[];
  prefill: { narrative: string } | null;
  compliance: ComplianceRow | null;
}

/** Open a draft application in a call that takes submissions (the coordinator). */
function StartApplication({ slug, calls }: { slug: string; calls: readonly MembershipCallOut[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const say = useMembershipProblem();
  const open = calls.filter((c) => c.open);
  const [callId, setCallId] = useState(open[0]?.id ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  if (open.length === 0) return <p>{t('networkMembership.city.noOpenCall')}</p>;
  const start = async () => {
    if (busy || !callId) return;
    setBusy(true);
    setError(undefined);
    try {
      const created = await apiSend<ApplicationDetail>('POST', APPLICATIONS, { callId, city: slug });
      navigate(applicationHref(created.id));
    } catch (caught) {
      setError(asApiError(caught));
      setBusy(false);
    }
  };
  return (
    <div className="panel">
      <SelectField
        label={t('networkMembership.city.call')}
        options={open.map((c) => ({ id: c.id, text: c.name }))}
        value={callId}
        onChange={setCallId}
      />
      <BusyButton busy={busy} onPress={() => void start()}>
        {t('networkMembership.city.start')}
      </BusyButton>
      {error ? <FormAlert>{say(error)}</FormAlert> : null}
    </div>
  );
}

/** The biennial report: an accepted monitoring cycle and a narrative, pre-filled from the last report. */
function ReportForm({
  slug,
  prefill,
  years,
  onSubmitted,
}: {
  slug: string;
  prefill: string;
  years: readonly number[];
  onSubmitted: () => void;
}) {
  const { t } = useTranslation();
  const say = useMembershipProblem();
  const countId = useId();
  const [year, setYear] = useState(years[0] ? String(years[0]) : '');
  const [narrative, setNarrative] = useState(prefill);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState('');
  if (years.length === 0) return <p>{t('networkMembership.report.noAcceptedCycle')}</p>;
  const options: Option[] = years.map((y) => ({ id: String(y), text: String(y) }));
  const submit = async () => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    setDone('');
    try {
      await apiSend('POST', `/cities/${encodeURIComponent(slug)}/membership-reports`, {
        cycleYear: Number(year),
        narrative,
      });
      setDone(t('networkMembership.report.submitted'));
      onSubmitted();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="panel">
      <SelectField label={t('networkMembership.report.cycle')} options={options} value={year} onChange={setYear} />
      <TextField className="field" value={narrative} onChange={setNarrative}>
        <Label className="field__label">{t('networkMembership.report.narrative')}</Label>
        <TextArea className="field__input field__textarea" rows={8} dir="auto" />
        <WordCount words={countWords(narrative)} limit={NARRATIVE_LIMIT} id={countId} />
      </TextField>
      <BusyButton busy={busy} onPress={() => void submit()} aria-describedby={countId}>
        {t('networkMembership.report.submit')}
      </BusyButton>
      {error ? <FormAlert>{say(error)}</FormAlert> : null}
      <FormStatus>{done}</FormStatus>
    </div>
  );
}

function Reports({ slug, coordinator }: { slug: string; coordinator: boolean }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const reports = useApi<ReportList>(`/cities/${encodeURIComponent(slug)}/membership-reports`, {}, { personal: true });
  const cycles = useApi<{ items: { year: number; state: string }[] }>(
    `/cities/${encodeURIComponent(slug)}/cycles`,
    {},
    { personal: true },
  );
  if (reports.error) return <PageError error={reports.error} onRetry={reports.retry} />;
  if (!reports.data) return <Loading lines={3} />;
  const { compliance, items, prefill } = reports.data;
  const accepted = (cycles.data?.items ?? [])
    .filter((c) => c.state === 'accepted')
    .map((c) => c.year)
    .sort((a, b) => b - a);
  return (
    <>
      {compliance ? (
        <p className="notice">
          <ComplianceBadge status={compliance.status} />{' '}
          {t('networkMembership.report.nextDue', { date: format.date(`${compliance.dueOn}T00:00:00Z`) })}{' '}
          {compliance.standing === 'inactive' ? <strong>{t('networkMembership.standing.inactive')}</strong> : null}
        </p>
      ) : null}
      {items.length > 0 ? (
        <ul className="plain-list membership-reports">
          {items.map((r) => (
            <li key={r.id}>
              <Time iso={r.submittedAt} withTime={false} /> ·{' '}
              {t('networkMembership.report.cycleYear', { year: String(r.cycleYear) })}
              {r.submittedBy ? (
                <>
                  {' · '}
                  <bdi>{r.submittedBy}</bdi>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('networkMembership.report.none')}</p>
      )}
      {coordinator ? (
        cycles.data ? (
          <ReportForm
            key={items[0]?.id ?? 'first'}
            slug={slug}
            prefill={prefill?.narrative ?? ''}
            years={accepted}
            onSubmitted={reports.retry}
          />
        ) : (
          <Loading lines={2} />
        )
      ) : (
        <p className="muted">{t('networkMembership.report.coordinatorOnly')}</p>
      )}
    </>
  );
}

function CityMembershipWorkspace({ me, slug }: { me: MeResponse; slug: string }) {
  const { t } = useTranslation();
  const grants = me.user.grants.filter(
    (g) =>
      (g.role === 'city-coordinator' || g.role === 'city-editor') && g.scope?.kind === 'city' && g.scope.ref === slug,
  );
  const allowed = grants.length > 0;
  const coordinator = grants.some((g) => g.role === 'city-coordinator');
  const name = grants[0]?.scope?.name ?? slug;
  useDocumentTitle(t('networkMembership.city.title', { city: name }));
  const facts = useApi<CityMembership>(
    allowed ? `/cities/${encodeURIComponent(slug)}/membership` : null,
    {},
    { personal: true },
  );
  const list = useApi<{ items: ApplicationOut[] }>(allowed ? APPLICATIONS : null, { city: slug }, { personal: true });
  const calls = useApi<{ items: MembershipCallOut[] }>(allowed ? '/membership-calls' : null, {}, { personal: true });
  if (!allowed) return <NotAllowed />;
  const error = facts.error ?? list.error ?? calls.error;
  const member = facts.data?.status === 'member';
  const active = (list.data?.items ?? []).some((a) => !['declined', 'not-accepted', 'expired'].includes(a.state));

  return (
    <div className="page page--membership">
      <PageHeading>{t('networkMembership.city.title', { city: name })}</PageHeading>
      <p>
        <Link href={`/workspace/${encodeURIComponent(slug)}`}>{t('networkMembership.city.backToWorkspace')}</Link>
      </p>
      {error ? (
        <PageError
          error={error}
          onRetry={() => {
            facts.retry();
            list.retry();
            calls.retry();
          }}
        />
      ) : null}
      {facts.data ? (
        <p className="notice">
          {member
            ? t('networkMembership.city.member', { year: String(facts.data.memberSince ?? '—') })
            : t('networkMembership.city.notMember')}
          {facts.data.lastReportAt ? (
            <>
              {' '}
              {t('networkMembership.city.lastReport')} <Time iso={facts.data.lastReportAt} withTime={false} />
            </>
          ) : null}
        </p>
      ) : null}

      <section aria-labelledby="applications-heading" className="workspace-section">
        <h2 id="applications-heading">{t('networkMembership.city.applicationsHeading')}</h2>
        {list.data ? (
          <ApplicationsTable items={list.data.items} caption={t('networkMembership.city.applicationsHeading')} />
        ) : (
          <Loading lines={2} />
        )}
        {!member && !active && coordinator && calls.data ? (
          <StartApplication slug={slug} calls={calls.data.items} />
        ) : null}
        {!member && !active && !coordinator ? (
          <p className="muted">{t('networkMembership.city.coordinatorStarts')}</p>
        ) : null}
      </section>

      {member ? (
        <section aria-labelledby="reports-heading" className="workspace-section">
          <h2 id="reports-heading">{t('networkMembership.report.heading')}</h2>
          <p>{t('networkMembership.report.intro')}</p>
          <Reports slug={slug} coordinator={coordinator} />
        </section>
      ) : null}
    </div>
  );
}

/** The city's membership: its application (start, then follow it) and, once a member, its biennial reports. */
export default function CityMembershipPage() {
  const { slug = '' } = useParams();
  return <RequireSession>{(me) => <CityMembershipWorkspace me={me} slug={slug} />}</RequireSession>;
}
