import type {
  ApplicationCounts,
  ApplicationOut,
  ComplianceBoard,
  ComplianceStatus,
  MembershipCallOut,
  MeResponse,
  RegionCode,
} from '@lco/core';
import { APPLICATION_STATES, COMPLIANCE_STATUSES } from '@lco/core/membership';
import { type FormEvent, useId, useState } from 'react';
import { Button, Checkbox, Form, Label, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiError, apiSend, asApiError } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { NotAllowed, PageError, RequireSession } from '../../components/Access.tsx';
import { BusyButton, FormAlert, FormStatus, SubmitButton, TextInput, useProblem } from '../../components/forms.tsx';
import {
  APPLICATIONS,
  ApplicationStateBadge,
  ApplicationsTable,
  ComplianceBadge,
  useMembershipProblem,
  useRegionNames,
} from '../../components/membership/common.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Time } from '../../components/roles.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { type Option, SelectField } from '../../components/SelectField.tsx';
import { Loading } from '../../components/Status.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useLang } from '../../i18n/useLang.ts';
import { isStaff } from './RoundsPage.tsx';
import '../../styles/accounts.css';
import '../../styles/workspace.css';
import '../../styles/membership.css';

const ALL = 'all';
const day = (iso: string) => iso.slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

interface CallDraft {
  name: string;
  opensOn: string;
  closesOn: string;
  endorsementDays: number;
  quotaPerCountry: number;
  juryRecommendation: boolean;
  expireAfterDeadline: boolean;
}

function DateField({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="field__input"
        type="date"
        required
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

function NumberInput({
  label,
  value,
  onChange,
  min,
  max,
}: {
  label: string;
  value: number;
  onChange: (n: number) => void;
  min: number;
  max: number;
}) {
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="field__input field__input--number"
        type="number"
        required
        min={min}
        max={max}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
      />
    </div>
  );
}

/** A call's settings: open a new call, or change one (the window, the National Commissions' rules, the jury). */
function CallForm({ call, onSaved }: { call?: MembershipCallOut; onSaved: () => void }) {
  const { t } = useTranslation();
  const problem = useProblem();
  const say = useMembershipProblem();
  const [draft, setDraft] = useState<CallDraft>(() => ({
    name: call?.name ?? '',
    opensOn: call ? day(call.opensAt) : inDays(0),
    closesOn: call ? day(call.closesAt) : inDays(90),
    endorsementDays: call?.endorsementDays ?? 30,
    quotaPerCountry: call?.quotaPerCountry ?? 3,
    juryRecommendation: call?.juryRecommendation ?? false,
    expireAfterDeadline: call?.expireAfterDeadline ?? false,
  }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState('');
  const set = (changes: Partial<CallDraft>) => setDraft((d) => ({ ...d, ...changes }));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    setDone('');
    const body = {
      name: draft.name.trim(),
      // A call opens at the start of its first day and closes at the end of its last, UTC.
      opensAt: `${draft.opensOn}T00:00:00Z`,
      closesAt: `${draft.closesOn}T23:59:59Z`,
      endorsementDays: draft.endorsementDays,
      quotaPerCountry: draft.quotaPerCountry,
      juryRecommendation: draft.juryRecommendation,
      expireAfterDeadline: draft.expireAfterDeadline,
    };
    try {
      if (call) await apiSend('PATCH', `/membership-calls/${call.id}`, body);
      else await apiSend('POST', '/membership-calls', body);
      setDone(t('networkMembership.calls.saved'));
      onSaved();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const fields = problem.fields(error);
  return (
    <Form className="form membership-call-form" onSubmit={submit} validationErrors={fields}>
      <TextInput
        label={t('networkMembership.calls.name')}
        name="name"
        value={draft.name}
        onChange={(name) => set({ name })}
        isRequired
      />
      <DateField
        label={t('networkMembership.calls.opens')}
        value={draft.opensOn}
        onChange={(opensOn) => set({ opensOn })}
      />
      <DateField
        label={t('networkMembership.calls.closes')}
        value={draft.closesOn}
        onChange={(closesOn) => set({ closesOn })}
      />
      <NumberInput
        label={t('networkMembership.calls.endorsementDays')}
        value={draft.endorsementDays}
        min={1}
        max={365}
        onChange={(endorsementDays) => set({ endorsementDays })}
      />
      <NumberInput
        label={t('networkMembership.calls.quota')}
        value={draft.quotaPerCountry}
        min={1}
        max={100}
        onChange={(quotaPerCountry) => set({ quotaPerCountry })}
      />
      <Checkbox
        className="checkbox"
        isSelected={draft.juryRecommendation}
        onChange={(juryRecommendation) => set({ juryRecommendation })}
      >
        <span className="checkbox__box" aria-hidden="true" />
        {t('networkMembership.calls.jury')}
      </Checkbox>
      <Checkbox
        className="checkbox"
        isSelected={draft.expireAfterDeadline}
        onChange={(expireAfterDeadline) => set({ expireAfterDeadline })}
      >
        <span className="checkbox__box" aria-hidden="true" />
        {t('networkMembership.calls.expire')}
      </Checkbox>
      <div className="form__actions">
        <SubmitButton busy={busy}>
          {call ? t('networkMembership.calls.save') : t('networkMembership.calls.open')}
        </SubmitButton>
      </div>
      {error ? <FormAlert>{Object.keys(fields).length > 0 ? problem.message(error) : say(error)}</FormAlert> : null}
      <FormStatus>{done}</FormStatus>
    </Form>
  );
}

function Calls({ calls, onChanged }: { calls: readonly MembershipCallOut[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const number = new Intl.NumberFormat(lang);
  const [editing, setEditing] = useState<string | null>(null);
  const call = calls.find((c) => c.id === editing);
  return (
    <>
      {calls.length === 0 ? (
        <p>{t('networkMembership.calls.none')}</p>
      ) : (
        <ScrollTable caption={t('networkMembership.calls.heading')}>
          <thead>
            <tr>
              <th scope="col">{t('networkMembership.calls.name')}</th>
              <th scope="col">{t('networkMembership.calls.window')}</th>
              <th scope="col" className="num">
                {t('networkMembership.calls.endorsementDays')}
              </th>
              <th scope="col" className="num">
                {t('networkMembership.calls.quota')}
              </th>
              <th scope="col">{t('networkMembership.calls.jury')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('networkMembership.calls.edit')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {calls.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  {c.name}{' '}
                  <span className={c.open ? 'badge badge--open' : 'badge'}>
                    {c.open ? t('networkMembership.calls.isOpen') : t('networkMembership.calls.isClosed')}
                  </span>
                </th>
                <td className="nowrap">
                  <Time iso={c.opensAt} withTime={false} /> – <Time iso={c.closesAt} withTime={false} />
                </td>
                <td className="num">{number.format(c.endorsementDays)}</td>
                <td className="num">{number.format(c.quotaPerCountry)}</td>
                <td>{c.juryRecommendation ? t('networkMembership.form.yes') : t('networkMembership.calls.no')}</td>
                <td>
                  <Button className="text-link-button" onPress={() => setEditing(c.id)}>
                    {t('networkMembership.calls.edit')}
                    <span className="visually-hidden"> — {c.name}</span>
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      {call ? (
        <section aria-labelledby="edit-call-heading" className="panel">
          <h3 id="edit-call-heading">{t('networkMembership.calls.editHeading', { name: call.name })}</h3>
          <CallForm key={call.id} call={call} onSaved={onChanged} />
        </section>
      ) : null}
      <section aria-labelledby="new-call-heading" className="panel">
        <h3 id="new-call-heading">{t('networkMembership.calls.newHeading')}</h3>
        <CallForm onSaved={onChanged} />
      </section>
    </>
  );
}

/** Applications counted by region (rows) and state (columns), with the totals. */
function Counts({ counts }: { counts: ApplicationCounts }) {
  const { t } = useTranslation();
  const lang = useLang();
  const number = new Intl.NumberFormat(lang);
  const region = useRegionNames();
  return (
    <ScrollTable caption={t('networkMembership.admin.countsHeading')} className="membership-counts">
      <thead>
        <tr>
          <th scope="col">{t('networkMembership.applications.region')}</th>
          {APPLICATION_STATES.map((state) => (
            <th key={state} scope="col" className="num">
              <ApplicationStateBadge state={state} />
            </th>
          ))}
          <th scope="col" className="num">
            {t('networkMembership.admin.total')}
          </th>
        </tr>
      </thead>
      <tbody>
        {counts.byRegion.map((row) => (
          <tr key={row.region}>
            <th scope="row">{region(row.region)}</th>
            {APPLICATION_STATES.map((state) => (
              <td key={state} className="num">
                {number.format(row.byState[state] ?? 0)}
              </td>
            ))}
            <td className="num">
              <strong>{number.format(row.total)}</strong>
            </td>
          </tr>
        ))}
        <tr>
          <th scope="row">{t('networkMembership.admin.total')}</th>
          {APPLICATION_STATES.map((state) => (
            <td key={state} className="num">
              <strong>{number.format(counts.byState[state] ?? 0)}</strong>
            </td>
          ))}
          <td className="num">
            <strong>{number.format(counts.total)}</strong>
          </td>
        </tr>
      </tbody>
    </ScrollTable>
  );
}

function Applications({ calls }: { calls: readonly MembershipCallOut[] }) {
  const { t } = useTranslation();
  const region = useRegionNames();
  const [call, setCall] = useState<string>(ALL);
  const [state, setState] = useState<string>(ALL);
  const [regionCode, setRegionCode] = useState<string>(ALL);
  const query = { call: call === ALL ? undefined : call };
  const counts = useApi<ApplicationCounts>('/membership-application-counts', query, { personal: true });
  const list = useApi<{ items: ApplicationOut[] }>(
    APPLICATIONS,
    { ...query, state: state === ALL ? undefined : state, region: regionCode === ALL ? undefined : regionCode },
    { personal: true },
  );
  const callOptions: Option[] = [
    { id: ALL, text: t('networkMembership.admin.allCalls') },
    ...calls.map((c) => ({ id: c.id, text: c.name })),
  ];
  const stateOptions: Option[] = [
    { id: ALL, text: t('networkMembership.admin.allStates') },
    ...APPLICATION_STATES.map((s) => ({ id: s, text: t(`networkMembership.state.${s}`) })),
  ];
  const regionOptions: Option[] = [
    { id: ALL, text: t('networkMembership.admin.allRegions') },
    ...(counts.data?.byRegion ?? []).map((r) => ({
      id: r.region,
      text: String(r.region),
      content: region(r.region as RegionCode),
    })),
  ];
  return (
    <>
      <div className="filters__row">
        <SelectField
          label={t('networkMembership.applications.call')}
          options={callOptions}
          value={call}
          onChange={setCall}
        />
      </div>
      <h3>{t('networkMembership.admin.countsHeading')}</h3>
      {counts.error ? <PageError error={counts.error} onRetry={counts.retry} /> : null}
      {counts.data ? <Counts counts={counts.data} /> : <Loading lines={2} />}
      <h3>{t('networkMembership.admin.listHeading')}</h3>
      <div className="filters__row">
        <SelectField
          label={t('networkMembership.applications.state')}
          options={stateOptions}
          value={state}
          onChange={setState}
        />
        <SelectField
          label={t('networkMembership.applications.region')}
          options={regionOptions}
          value={regionCode}
          onChange={setRegionCode}
        />
      </div>
      {list.error ? <PageError error={list.error} onRetry={list.retry} /> : null}
      {list.data ? (
        <ApplicationsTable items={list.data.items} caption={t('networkMembership.admin.listHeading')} />
      ) : (
        <Loading lines={3} />
      )}
    </>
  );
}

/** Mark a member inactive (after the set number of missed reports) or active again, with a reason. */
function StandingForm({ board, onDone }: { board: ComplianceBoard; onDone: () => void }) {
  const { t } = useTranslation();
  const say = useMembershipProblem();
  const candidates = board.items.filter((r) => r.canMarkInactive || r.standing === 'inactive');
  const [city, setCity] = useState(candidates[0]?.city ?? '');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState('');
  if (candidates.length === 0) {
    return <p>{t('networkMembership.standing.noneEligible', { n: board.settings.inactiveAfterMissed })}</p>;
  }
  const row = candidates.find((r) => r.city === city);
  const standing = row?.standing === 'inactive' ? 'active' : 'inactive';
  const submit = async () => {
    if (busy || !row) return;
    if (!reason.trim()) {
      setError(new ApiError(t('networkMembership.decision.reasonsNeeded'), 400));
      return;
    }
    setBusy(true);
    setError(undefined);
    setDone('');
    try {
      await apiSend('POST', `/cities/${encodeURIComponent(row.city)}/membership/standing`, {
        standing,
        reason: reason.trim(),
      });
      setDone(t(`networkMembership.standing.done.${standing}`, { city: row.cityName }));
      setReason('');
      onDone();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="panel">
      <p>{t('networkMembership.standing.intro', { n: board.settings.inactiveAfterMissed })}</p>
      <SelectField
        label={t('networkMembership.standing.city')}
        options={candidates.map((r) => ({
          id: r.city,
          text: `${r.cityName} (${t(`networkMembership.standing.${r.standing}`)})`,
        }))}
        value={city}
        onChange={setCity}
      />
      <TextField className="field" value={reason} onChange={setReason}>
        <Label className="field__label">{t('networkMembership.standing.reason')}</Label>
        <TextArea className="field__input field__textarea" rows={3} dir="auto" />
      </TextField>
      <BusyButton busy={busy} onPress={() => void submit()}>
        {t(`networkMembership.standing.mark.${standing}`)}
      </BusyButton>
      {error ? <FormAlert>{say(error)}</FormAlert> : null}
      <FormStatus>{done}</FormStatus>
    </div>
  );
}

/** The compliance board: every member's reporting status, reminders, and standing. */
function Compliance() {
  const { t } = useTranslation();
  const lang = useLang();
  const number = new Intl.NumberFormat(lang);
  const region = useRegionNames();
  const say = useMembershipProblem();
  const [status, setStatus] = useState<string>(ALL);
  const board = useApi<ComplianceBoard>(
    '/membership-compliance',
    { status: status === ALL ? undefined : status },
    { personal: true },
  );
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState('');
  const remind = async (cities?: string[]) => {
    if (busy) return;
    setBusy(cities?.[0] ?? ALL);
    setError(undefined);
    setDone('');
    try {
      const out = await apiSend<{ reminded: string[] }>('POST', '/membership-compliance/reminders', { cities });
      setDone(t('networkMembership.compliance.reminded', { n: number.format(out.reminded.length) }));
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(null);
    }
  };
  if (board.error) return <PageError error={board.error} onRetry={board.retry} />;
  if (!board.data) return <Loading lines={3} />;
  const data = board.data;
  const statusOptions: Option[] = [
    { id: ALL, text: t('networkMembership.admin.allStatuses') },
    ...COMPLIANCE_STATUSES.map((s) => ({
      id: s,
      text: `${t(`networkMembership.compliance.${s}`)} (${number.format(data.counts[s] ?? 0)})`,
    })),
  ];
  return (
    <>
      <ul className="plain-list membership-compliance-counts">
        {COMPLIANCE_STATUSES.map((s: ComplianceStatus) => (
          <li key={s}>
            <ComplianceBadge status={s} /> <strong>{number.format(data.counts[s] ?? 0)}</strong>
          </li>
        ))}
      </ul>
      <p className="muted">
        {t('networkMembership.compliance.settings', {
          years: number.format(data.settings.reportPeriodYears),
          grace: number.format(data.settings.graceDays),
        })}
      </p>
      <div className="filters__row">
        <SelectField
          label={t('networkMembership.compliance.status')}
          options={statusOptions}
          value={status}
          onChange={setStatus}
        />
        <BusyButton busy={busy === ALL} onPress={() => void remind()}>
          {t('networkMembership.compliance.remindAll')}
        </BusyButton>
      </div>
      {error ? <FormAlert>{say(error)}</FormAlert> : null}
      <FormStatus>{done}</FormStatus>
      {data.items.length === 0 ? (
        <p>{t('networkMembership.compliance.none')}</p>
      ) : (
        <ScrollTable caption={t('networkMembership.compliance.heading')}>
          <thead>
            <tr>
              <th scope="col">{t('networkMembership.applications.city')}</th>
              <th scope="col">{t('networkMembership.applications.region')}</th>
              <th scope="col">{t('networkMembership.compliance.memberSince')}</th>
              <th scope="col">{t('networkMembership.compliance.lastReport')}</th>
              <th scope="col">{t('networkMembership.compliance.dueOn')}</th>
              <th scope="col">{t('networkMembership.compliance.status')}</th>
              <th scope="col" className="num">
                {t('networkMembership.compliance.missed')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('networkMembership.compliance.remind')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((r) => (
              <tr key={r.city}>
                <th scope="row">
                  {r.cityName} <span className="code">{r.countryIso2}</span>
                  {r.standing === 'inactive' ? (
                    <span className="muted"> · {t('networkMembership.standing.inactive')}</span>
                  ) : null}
                </th>
                <td>{region(r.region)}</td>
                <td>{r.memberSince ?? '—'}</td>
                <td>{r.lastReportAt ? <Time iso={r.lastReportAt} withTime={false} /> : '—'}</td>
                <td className="nowrap">
                  <Time iso={`${r.dueOn}T00:00:00Z`} withTime={false} />
                </td>
                <td>
                  <ComplianceBadge status={r.status} />
                </td>
                <td className="num">{number.format(r.missedReports)}</td>
                <td>
                  {r.status !== 'on-time' ? (
                    <BusyButton
                      busy={busy === r.city}
                      className="text-link-button"
                      onPress={() => void remind([r.city])}
                    >
                      {t('networkMembership.compliance.remind')}
                      <span className="visually-hidden"> — {r.cityName}</span>
                    </BusyButton>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      <h3>{t('networkMembership.standing.heading')}</h3>
      <StandingForm board={data} onDone={board.retry} />
    </>
  );
}

function MembershipWorkspace({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  useDocumentTitle(t('networkMembership.admin.title'));
  const staff = isStaff(me);
  const calls = useApi<{ items: MembershipCallOut[] }>(staff ? '/membership-calls' : null, {}, { personal: true });
  if (!staff) return <NotAllowed />;
  return (
    <div className="page page--membership">
      <PageHeading>{t('networkMembership.admin.title')}</PageHeading>
      <p>{t('networkMembership.admin.intro')}</p>
      <nav className="workspace__nav" aria-label={t('networkMembership.admin.onThisPage')}>
        <ul className="plain-list">
          <li>
            <a href="#calls">{t('networkMembership.calls.heading')}</a>
          </li>
          <li>
            <a href="#applications">{t('networkMembership.admin.applicationsHeading')}</a>
          </li>
          <li>
            <a href="#compliance">{t('networkMembership.compliance.heading')}</a>
          </li>
        </ul>
      </nav>
      <section id="calls" aria-labelledby="calls-heading" className="workspace-section">
        <h2 id="calls-heading">{t('networkMembership.calls.heading')}</h2>
        {calls.error ? <PageError error={calls.error} onRetry={calls.retry} /> : null}
        {calls.data ? <Calls calls={calls.data.items} onChanged={calls.retry} /> : <Loading lines={2} />}
      </section>
      <section id="applications" aria-labelledby="applications-heading" className="workspace-section">
        <h2 id="applications-heading">{t('networkMembership.admin.applicationsHeading')}</h2>
        <Applications calls={calls.data?.items ?? []} />
      </section>
      <section id="compliance" aria-labelledby="compliance-heading" className="workspace-section">
        <h2 id="compliance-heading">{t('networkMembership.compliance.heading')}</h2>
        <Compliance />
      </section>
    </div>
  );
}

/** The secretariat's membership workspace: calls, applications by state and region, the compliance board. */
export default function MembershipPage() {
  return <RequireSession>{(me) => <MembershipWorkspace me={me} />}</RequireSession>;
}
