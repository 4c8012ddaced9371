import type { AwardApplicationDetail, AwardApplicationOut, AwardCycleOut, MeResponse } from '@lco/core';
import { AWARD_RULES_2015, AWARD_RULES_CURRENT } from '@lco/core/awards';
import { useState } from 'react';
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type ApiError, apiSend, asApiError } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { PageError, RequireSession } from '../../components/Access.tsx';
import {
  AWARD_APPLICATIONS,
  AWARD_CYCLES,
  AwardApplicationsTable,
  awardApplicationHref,
  awardCycleHref,
  useAwardProblem,
} from '../../components/awards/common.tsx';
import { BusyButton, FormAlert, TextInput } from '../../components/forms.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Time } from '../../components/roles.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Loading } from '../../components/Status.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import '../../styles/accounts.css';
import '../../styles/workspace.css';

/** The secretariat opens a cycle: name, year, dates, and the rules of current practice or of 2015. */
function OpenCycle({ onOpened }: { onOpened: () => void }) {
  const { t } = useTranslation();
  const say = useAwardProblem();
  const today = new Date().toISOString().slice(0, 10);
  const [name, setName] = useState('');
  const [year, setYear] = useState('');
  const [opens, setOpens] = useState(today);
  const [closes, setCloses] = useState('');
  const [nominations, setNominations] = useState('');
  const [preset, setPreset] = useState<'current' | '2015'>('current');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const open = async () => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await apiSend('POST', AWARD_CYCLES, {
        name: name.trim(),
        year: Number(year),
        opensAt: `${opens}T00:00:00Z`,
        closesAt: `${closes}T23:59:59Z`,
        nominationsCloseAt: `${nominations}T23:59:59Z`,
        rules: preset === '2015' ? AWARD_RULES_2015 : AWARD_RULES_CURRENT,
      });
      onOpened();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="panel"
      onSubmit={(event) => {
        event.preventDefault();
        void open();
      }}
    >
      <h3 className="box-title">{t('awards.cycle.open')}</h3>
      {error ? <FormAlert>{say(error)}</FormAlert> : null}
      <TextInput label={t('awards.cycle.name')} value={name} onChange={setName} isRequired />
      <TextInput label={t('awards.cycle.year')} value={year} onChange={setYear} inputMode="numeric" isRequired />
      <TextInput label={t('awards.cycle.opensAt')} type="date" value={opens} onChange={setOpens} isRequired />
      <TextInput label={t('awards.cycle.closesAt')} type="date" value={closes} onChange={setCloses} isRequired />
      <TextInput
        label={t('awards.cycle.nominationsCloseAt')}
        type="date"
        value={nominations}
        onChange={setNominations}
        isRequired
      />
      <div className="field">
        <label className="field__label" htmlFor="award-rules">
          {t('awards.cycle.rules')}
        </label>
        <select
          id="award-rules"
          className="field__input"
          value={preset}
          onChange={(event) => setPreset(event.target.value === '2015' ? '2015' : 'current')}
        >
          <option value="current">{t('awards.cycle.rulesCurrent')}</option>
          <option value="2015">{t('awards.cycle.rules2015')}</option>
        </select>
      </div>
      <BusyButton type="submit" busy={busy}>
        {t('awards.cycle.openButton')}
      </BusyButton>
    </form>
  );
}

/** A coordinator applies for her city in an open cycle. */
function ApplyButton({ cycle, city }: { cycle: AwardCycleOut; city: { ref: string; name: string } }) {
  const { t } = useTranslation();
  const say = useAwardProblem();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  return (
    <>
      <BusyButton
        busy={busy}
        onPress={async () => {
          setBusy(true);
          setError(undefined);
          try {
            const created = await apiSend<AwardApplicationDetail>('POST', AWARD_APPLICATIONS, {
              cycleId: cycle.id,
              city: city.ref,
            });
            navigate(awardApplicationHref(created.id));
          } catch (caught) {
            setError(asApiError(caught));
            setBusy(false);
          }
        }}
      >
        {t('awards.workspace.apply', { city: city.name, cycle: cycle.name })}
      </BusyButton>
      {error ? <FormAlert>{say(error)}</FormAlert> : null}
    </>
  );
}

function Quota({ cycle, country }: { cycle: AwardCycleOut; country: { ref: string; name: string } }) {
  const { t } = useTranslation();
  const quota = useApi<{ quota: number; used: number }>(
    `${AWARD_CYCLES}/${cycle.id}/quota/${country.ref}`,
    {},
    { personal: true },
  );
  return (
    <tr>
      <th scope="row">{cycle.name}</th>
      <td>{country.name}</td>
      <td>
        <Time iso={cycle.nominationsCloseAt} withTime={false} />
      </td>
      <td className="num">{quota.data ? quota.data.used : '…'}</td>
      <td className="num">
        {quota.data
          ? t('awards.workspace.remaining', {
              n: Math.max(0, quota.data.quota - quota.data.used),
              of: quota.data.quota,
            })
          : '…'}
      </td>
    </tr>
  );
}

function Workspace({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  useDocumentTitle(t('awards.workspace.title'));
  const cycles = useApi<{ items: AwardCycleOut[] }>(AWARD_CYCLES, {}, { personal: true });
  const list = useApi<{ items: AwardApplicationOut[] }>(AWARD_APPLICATIONS, {}, { personal: true });
  const grants = me.user.grants;
  const staff = grants.some((g) => g.role === 'admin' || g.role === 'secretariat');
  const jury = grants.some((g) => g.role === 'jury');
  const coordinated = grants
    .flatMap((g) => (g.role === 'city-coordinator' && g.scope?.kind === 'city' ? [g.scope] : []))
    .filter((s, i, all) => all.findIndex((o) => o.ref === s.ref) === i);
  const countries = grants.flatMap((g) =>
    g.role === 'natcom' && g.scope?.kind === 'country' ? [{ ref: g.scope.ref, name: g.scope.name }] : [],
  );
  const items = list.data?.items ?? [];
  const waiting = items.filter((a) => a.allowedActions.length > 0);
  const open = (cycles.data?.items ?? []).filter((c) => c.open);

  return (
    <div className="page page--awards">
      <PageHeading>{t('awards.workspace.title')}</PageHeading>
      <p>{t('awards.workspace.intro')}</p>
      <p>
        <Link href="/awards">{t('awards.public.title')}</Link>
      </p>
      {cycles.error ? <PageError error={cycles.error} onRetry={cycles.retry} /> : null}
      {list.error ? <PageError error={list.error} onRetry={list.retry} /> : null}
      {!cycles.data || !list.data ? <Loading lines={4} /> : null}
      {cycles.data ? (
        <section aria-labelledby="cycles-heading" className="workspace-section">
          <h2 id="cycles-heading">{t('awards.workspace.cycles')}</h2>
          <ScrollTable caption={t('awards.workspace.cycles')}>
            <thead>
              <tr>
                <th scope="col">{t('awards.cycle.name')}</th>
                <th scope="col">{t('awards.cycle.closesAt')}</th>
                <th scope="col">{t('awards.cycle.nominationsCloseAt')}</th>
                <th scope="col">{t('awards.cycle.state')}</th>
              </tr>
            </thead>
            <tbody>
              {cycles.data.items.map((cycle) => (
                <tr key={cycle.id}>
                  <th scope="row">
                    {staff || jury ? <Link href={awardCycleHref(cycle.id)}>{cycle.name}</Link> : cycle.name}
                  </th>
                  <td>
                    <Time iso={cycle.closesAt} withTime={false} />
                  </td>
                  <td>
                    <Time iso={cycle.nominationsCloseAt} withTime={false} />
                  </td>
                  <td>{t(`awards.cycleState.${cycle.state}`)}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
          {staff ? <OpenCycle onOpened={cycles.retry} /> : null}
        </section>
      ) : null}
      {coordinated.length > 0 && open.length > 0 ? (
        <section aria-labelledby="apply-heading" className="workspace-section">
          <h2 id="apply-heading">{t('awards.workspace.applyHeading')}</h2>
          {open.flatMap((cycle) =>
            coordinated
              .filter((city) => !items.some((a) => a.cycle.id === cycle.id && a.city.slug === city.ref))
              .map((city) => (
                <p key={`${cycle.id}-${city.ref}`}>
                  <ApplyButton cycle={cycle} city={city} />
                </p>
              )),
          )}
        </section>
      ) : null}
      {countries.length > 0 && cycles.data ? (
        <section aria-labelledby="quota-heading" className="workspace-section">
          <h2 id="quota-heading">{t('awards.workspace.quota')}</h2>
          <ScrollTable caption={t('awards.workspace.quota')}>
            <thead>
              <tr>
                <th scope="col">{t('awards.cycle.name')}</th>
                <th scope="col">{t('awards.workspace.country')}</th>
                <th scope="col">{t('awards.cycle.nominationsCloseAt')}</th>
                <th scope="col" className="num">
                  {t('awards.workspace.used')}
                </th>
                <th scope="col" className="num">
                  {t('awards.workspace.remainingHeading')}
                </th>
              </tr>
            </thead>
            <tbody>
              {cycles.data.items
                .filter((c) => c.state === 'open')
                .flatMap((cycle) =>
                  countries.map((country) => (
                    <Quota key={`${cycle.id}-${country.ref}`} cycle={cycle} country={country} />
                  )),
                )}
            </tbody>
          </ScrollTable>
        </section>
      ) : null}
      {list.data ? (
        <>
          <section aria-labelledby="waiting-heading" className="workspace-section">
            <h2 id="waiting-heading">{t('awards.workspace.waiting')}</h2>
            <AwardApplicationsTable items={waiting} caption={t('awards.workspace.waiting')} />
          </section>
          <section aria-labelledby="all-heading" className="workspace-section">
            <h2 id="all-heading">{t('awards.workspace.all')}</h2>
            <AwardApplicationsTable items={items} caption={t('awards.workspace.all')} />
          </section>
        </>
      ) : null}
    </div>
  );
}

/**
 * Everyone's Award workspace: the cycles (the secretariat opens them), a coordinator's application, a National
 * Commission's nominations and quota, a reviewer's and the jury's queue, each application a link.
 */
export default function AwardWorkspacePage() {
  return <RequireSession>{(me) => <Workspace me={me} />}</RequireSession>;
}
