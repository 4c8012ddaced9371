import type { FrameworkResponse, PopulationMargins, WaveEstimatesOut, WaveOut } from '@lco/core';
import { useState } from 'react';
import { Input, Label, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type ApiError, apiSend, apiUrl, asApiError } from '../../api/client.ts';
import { usePolling } from '../../api/polling.ts';
import { useApi } from '../../api/useApi.ts';
import { PageError } from '../../components/Access.tsx';
import { BusyButton, FormAlert, FormStatus, useProblem } from '../../components/forms.tsx';
import { LText } from '../../components/LText.tsx';
import { useBreakdownLabel, useValueFormat } from '../../components/monitoring/progress.tsx';
import { useDateFormat } from '../../components/roles.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Loading } from '../../components/Status.tsx';

type UseResult = {
  year: number;
  written: { measurementId: string; breakdown: string; value: string }[];
  skipped: { measurementId: string; breakdown: string; reason: string }[];
};

export const wavePath = (slug: string, waveId: string) =>
  `/cities/${encodeURIComponent(slug)}/survey-waves/${encodeURIComponent(waveId)}`;

/** The census margins as an editable grid: age group × sex, then districts, with their totals. */
function MarginsEditor({ slug, wave, onSaved }: { slug: string; wave: WaveOut; onSaved: () => void }) {
  const { t } = useTranslation();
  const say = useProblem();
  const format = useValueFormat();
  const question = (id: string) => wave.instrument.questions.find((q) => q.id === id);
  const ages = question('age_group')?.choices ?? [];
  const districts = question('district')?.choices ?? [];
  const initial = (key: string) => {
    const [kind, a = '', b = ''] = key.split('|');
    const found =
      kind === 'as'
        ? wave.margins?.ageSex.find((c) => c.ageGroup === a && c.sex === b)
        : wave.margins?.district.find((c) => c.district === a);
    return found ? String(found.count) : '';
  };
  const keys = [
    ...ages.flatMap((a) => ['female', 'male'].map((s) => `as|${a.code}|${s}`)),
    ...districts.map((d) => `d|${d.code}`),
  ];
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(keys.map((k) => [k, initial(k)])),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState(false);
  const number = (key: string) => Number(values[key] || 0);
  const ageSexTotal = keys.filter((k) => k.startsWith('as|')).reduce((a, k) => a + number(k), 0);
  const districtTotal = keys.filter((k) => k.startsWith('d|')).reduce((a, k) => a + number(k), 0);
  const save = async () => {
    setBusy(true);
    setError(undefined);
    setSaved(false);
    const body: PopulationMargins = {
      ageSex: ages.flatMap((a) =>
        ['female', 'male'].map((sex) => ({ ageGroup: a.code, sex, count: number(`as|${a.code}|${sex}`) })),
      ),
      district: districts.map((d) => ({ district: d.code, count: number(`d|${d.code}`) })),
    };
    try {
      await apiSend('PUT', `${wavePath(slug, wave.id)}/margins`, body);
      setSaved(true);
      onSaved();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  const field = (key: string, label: string) => (
    <TextField
      aria-label={label}
      value={values[key] ?? ''}
      onChange={(text) => setValues((v) => ({ ...v, [key]: text.replace(/[^0-9]/g, '') }))}
      inputMode="numeric"
    >
      <Input className="margin-input" />
    </TextField>
  );
  return (
    <section aria-labelledby="margins-heading" className="panel">
      <h2 id="margins-heading">{t('surveys.margins.heading')}</h2>
      {wave.margins ? null : <p>{t('surveys.margins.missing')}</p>}
      <ScrollTable caption={t('surveys.margins.ageSex')} showCaption>
        <thead>
          <tr>
            <th scope="col">{t('surveys.margins.age')}</th>
            <th scope="col">{t('surveys.margins.female')}</th>
            <th scope="col">{t('surveys.margins.male')}</th>
          </tr>
        </thead>
        <tbody>
          {ages.map((a) => (
            <tr key={a.code}>
              <th scope="row">{a.code}</th>
              <td>{field(`as|${a.code}|female`, `${a.code} ${t('surveys.margins.female')}`)}</td>
              <td>{field(`as|${a.code}|male`, `${a.code} ${t('surveys.margins.male')}`)}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <p>{t('surveys.margins.total', { total: format.number(ageSexTotal) })}</p>
      <ScrollTable caption={t('surveys.margins.district')} showCaption>
        <thead>
          <tr>
            <th scope="col">{t('surveys.margins.name')}</th>
            <th scope="col">{t('surveys.margins.count')}</th>
          </tr>
        </thead>
        <tbody>
          {districts.map((d) => (
            <tr key={d.code}>
              <th scope="row">
                <bdi>{d.texts.en}</bdi>
              </th>
              <td>{field(`d|${d.code}`, d.texts.en ?? d.code)}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <p>{t('surveys.margins.total', { total: format.number(districtTotal) })}</p>
      <BusyButton busy={busy} onPress={() => void save()}>
        {t('surveys.margins.save')}
      </BusyButton>
      {error ? <FormAlert>{say.message(error)}</FormAlert> : null}
      <FormStatus>{saved ? t('surveys.margins.saved') : null}</FormStatus>
    </section>
  );
}

function Estimates({ slug, wave }: { slug: string; wave: WaveOut }) {
  const { t } = useTranslation();
  const say = useProblem();
  const format = useValueFormat();
  const breakdownLabel = useBreakdownLabel();
  const framework = useApi<FrameworkResponse>('/framework');
  const estimates = useApi<WaveEstimatesOut>(`${wavePath(slug, wave.id)}/estimates`, {}, { personal: true });
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [result, setResult] = useState<UseResult>();
  const names = new Map(
    (framework.data?.areas ?? []).flatMap((a) =>
      a.focusAreas.flatMap((f) =>
        f.features.flatMap((feature) => feature.measurements.map((m) => [m.id, m.name] as const)),
      ),
    ),
  );
  if (estimates.error) return <PageError error={estimates.error} onRetry={estimates.retry} />;
  if (!estimates.data) return <Loading lines={4} />;
  const { weighting, minCell } = estimates.data;
  const use = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setResult(await apiSend<UseResult>('POST', `${wavePath(slug, wave.id)}/estimates/use`, { year: Number(year) }));
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  const list = (items: { measurementId: string; breakdown: string }[]) =>
    items
      .map((i) => (i.breakdown === 'total' ? i.measurementId : `${i.measurementId} (${breakdownLabel(i.breakdown)})`))
      .join(', ');
  return (
    <>
      <section aria-labelledby="weighting-heading" className="panel">
        <h2 id="weighting-heading">{t('surveys.weighting.heading')}</h2>
        <dl className="facts">
          <dt>{t(`surveys.weighting.${weighting.method}`)}</dt>
          <dd>
            {t('surveys.weighting.respondents')}: {format.number(weighting.respondents)}
          </dd>
          <dt>{t('surveys.weighting.excluded')}</dt>
          <dd>{format.number(weighting.excluded)}</dd>
          {weighting.weights ? (
            <>
              <dt>{t('surveys.weighting.range')}</dt>
              <dd>
                {format.number(weighting.weights.min, 2)} – {format.number(weighting.weights.max, 2)}
              </dd>
              <dt>{t('surveys.weighting.deff')}</dt>
              <dd>{format.number(weighting.weights.kishDeff, 2)}</dd>
              <dt>{t('surveys.weighting.effectiveN')}</dt>
              <dd>{format.number(weighting.weights.effectiveN, 0)}</dd>
            </>
          ) : null}
          {weighting.rake ? (
            <>
              <dt>{t('surveys.weighting.convergence')}</dt>
              <dd>
                {weighting.rake.converged
                  ? t('surveys.weighting.converged', { count: weighting.rake.iterations })
                  : t('surveys.weighting.notConverged')}
              </dd>
            </>
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="estimates-heading">
        <h2 id="estimates-heading">{t('surveys.estimates.heading')}</h2>
        <ScrollTable caption={t('surveys.estimates.heading')}>
          <thead>
            <tr>
              <th scope="col">{t('surveys.estimates.measurement')}</th>
              <th scope="col">{t('surveys.estimates.breakdown')}</th>
              <th scope="col">{t('surveys.estimates.value')}</th>
              <th scope="col">{t('surveys.estimates.se')}</th>
              <th scope="col">{t('surveys.estimates.ci')}</th>
              <th scope="col">{t('surveys.estimates.n')}</th>
            </tr>
          </thead>
          <tbody>
            {estimates.data.estimates.map((e) => {
              const name = names.get(e.measurementId);
              return (
                <tr key={`${e.measurementId}|${e.breakdown}`}>
                  <th scope="row">
                    {e.measurementId} {name ? <LText value={name} /> : null}
                  </th>
                  <td>{breakdownLabel(e.breakdown)}</td>
                  {e.value === null || e.se === null || e.ci === null ? (
                    <td colSpan={3}>{t('surveys.estimates.suppressed', { count: minCell })}</td>
                  ) : (
                    <>
                      <td className="num">{format.withUnit(e.value.toFixed(1), e.unit)}</td>
                      <td className="num">{format.number(e.se, 2)}</td>
                      <td className="num nowrap">
                        {format.number(e.ci[0], 1)} – {format.number(e.ci[1], 1)}
                      </td>
                    </>
                  )}
                  <td className="num">{format.number(e.n)}</td>
                </tr>
              );
            })}
          </tbody>
        </ScrollTable>
      </section>
      <section aria-labelledby="use-heading" className="panel">
        <h2 id="use-heading">{t('surveys.use.heading')}</h2>
        <TextField className="field" value={year} onChange={setYear} inputMode="numeric">
          <Label className="field__label">{t('surveys.use.year')}</Label>
          <Input className="year-input" />
        </TextField>
        <BusyButton busy={busy} onPress={() => void use()}>
          {t('surveys.use.button')}
        </BusyButton>
        {error ? <FormAlert>{say.message(error)}</FormAlert> : null}
        <FormStatus>
          {result ? (
            <>
              {t('surveys.use.written', { year: result.year, list: list(result.written) })}
              {result.skipped.length > 0 ? (
                <>
                  <br />
                  {t('surveys.use.skipped', { list: list(result.skipped) })}
                </>
              ) : null}
            </>
          ) : null}
        </FormStatus>
      </section>
    </>
  );
}

/** How often an open wave's response count is asked again while the page is seen. */
export const RESPONSES_REFRESH_MS = 15_000;

/** A wave: its link, a response count that keeps itself current while the wave is open, margins and estimates. */
export function WaveWorkspace({ slug, waveId }: { slug: string; waveId: string }) {
  const { t } = useTranslation();
  const dates = useDateFormat();
  const wave = useApi<WaveOut>(wavePath(slug, waveId), {}, { personal: true });
  const [refresh, setRefresh] = useState(0);
  usePolling(wave.retry, RESPONSES_REFRESH_MS, wave.data?.state === 'open');
  // A failed refresh keeps the count shown; the next one tries again.
  if (wave.error && !wave.data) return <PageError error={wave.error} onRetry={wave.retry} />;
  if (!wave.data) return <Loading lines={4} />;
  const w = wave.data;
  return (
    <article aria-labelledby="wave-heading" className="wave">
      <h2 id="wave-heading">
        <bdi>{w.name}</bdi> <span className="badge">{t(`surveys.state.${w.state}`)}</span>
      </h2>
      <p>
        {t('surveys.dates', { opens: dates.date(w.opensAt), closes: dates.date(w.closesAt) })} ·{' '}
        {t('surveys.version', { version: w.instrumentVersion })}
      </p>
      <p>
        <span aria-live="polite" aria-atomic="true">
          {t('surveys.responses', w.responses)}
        </span>
        {w.state === 'open' ? <span className="field__description"> · {t('surveys.live')}</span> : null}
      </p>
      <div className="wave-link">
        <p>
          {t('surveys.link')}: <a href={w.url}>{w.url}</a>
        </p>
        <img src={apiUrl(`${wavePath(slug, w.id)}/qr.svg`, {})} alt={t('surveys.qr')} width={160} height={160} />
        <p>
          <a href={apiUrl(`${wavePath(slug, w.id)}/xlsform`, {})} download>
            {t('surveys.xlsform')}
          </a>
        </p>
      </div>
      <MarginsEditor
        key={JSON.stringify(w.margins)}
        slug={slug}
        wave={w}
        onSaved={() => {
          wave.retry();
          setRefresh((n) => n + 1);
        }}
      />
      <Estimates key={refresh} slug={slug} wave={w} />
    </article>
  );
}
