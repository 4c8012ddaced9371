import type { FrameworkResponse, MeResponse, PopulationMargins, SurveyOut, WaveEstimatesOut, WaveOut } from '@lco/core';
import { useState } from 'react';
import { Checkbox, Input, Label, Link, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type ApiError, apiSend, apiUrl, asApiError } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { NotAllowed, PageError, RequireSession } from '../../components/Access.tsx';
import { BusyButton, FormAlert, FormStatus, useProblem } from '../../components/forms.tsx';
import { LText } from '../../components/LText.tsx';
import { useBreakdownLabel, useValueFormat } from '../../components/monitoring/progress.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useDateFormat } from '../../components/roles.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { Loading } from '../../components/Status.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import '../../styles/workspace.css';
import '../../styles/surveys.css';

type UseResult = {
  year: number;
  written: { measurementId: string; breakdown: string; value: string }[];
  skipped: { measurementId: string; breakdown: string; reason: string }[];
};

const wavePath = (slug: string, waveId: string) =>
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

function WaveWorkspace({ slug, waveId }: { slug: string; waveId: string }) {
  const { t } = useTranslation();
  const dates = useDateFormat();
  const wave = useApi<WaveOut>(wavePath(slug, waveId), {}, { personal: true });
  const [refresh, setRefresh] = useState(0);
  if (wave.error) return <PageError error={wave.error} onRetry={wave.retry} />;
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
      <p>{t('surveys.responses', w.responses)}</p>
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

const KINDS = ['citizen', 'learner', 'educator'] as const;
const LANGS = ['en', 'fr', 'es', 'ar', 'zh', 'ru'] as const;
const LANGUAGE_NAMES: Record<(typeof LANGS)[number], string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ar: 'العربية',
  zh: '中文',
  ru: 'Русский',
};

/** A district code from its name: lowercase letters and digits joined by hyphens ("Old Town" → "old-town"). */
function codeOf(name: string, index: number): string {
  const code = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return code || `district-${index + 1}`;
}

/** Design a survey from the catalogue: its kind, name, districts (one a line) and languages. */
function NewSurvey({ slug, onCreated }: { slug: string; onCreated: () => void }) {
  const { t } = useTranslation();
  const say = useProblem();
  const [kind, setKind] = useState<string>('citizen');
  const [name, setName] = useState('');
  const [districts, setDistricts] = useState('');
  const [languages, setLanguages] = useState<string[]>(['en']);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const create = async () => {
    setBusy(true);
    setError(undefined);
    const names = districts
      .split(/\n/)
      .map((d) => d.trim())
      .filter(Boolean);
    try {
      await apiSend('POST', `/cities/${encodeURIComponent(slug)}/surveys`, {
        kind,
        name: name.trim(),
        districts: names.map((n, i) => ({ code: codeOf(n, i), name: n })),
        languages,
      });
      setName('');
      setDistricts('');
      onCreated();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="new-survey-heading" className="panel">
      <h2 id="new-survey-heading">{t('surveys.create.heading')}</h2>
      <p>{t('surveys.create.intro')}</p>
      <SelectField
        label={t('surveys.create.kind')}
        options={KINDS.map((k) => ({ id: k, text: t(`surveys.kind.${k}`) }))}
        value={kind}
        onChange={setKind}
      />
      <TextField className="field" value={name} onChange={setName} isRequired>
        <Label className="field__label">{t('surveys.create.name')}</Label>
        <Input className="field__input" />
      </TextField>
      <TextField className="field" value={districts} onChange={setDistricts} isRequired>
        <Label className="field__label">{t('surveys.create.districts')}</Label>
        <TextArea className="field__input" rows={4} />
      </TextField>
      <fieldset className="survey-langs">
        <legend>{t('surveys.create.languages')}</legend>
        {LANGS.map((lang) => (
          <Checkbox
            key={lang}
            className="checkbox"
            isSelected={languages.includes(lang)}
            onChange={(on) => setLanguages((current) => (on ? [...current, lang] : current.filter((l) => l !== lang)))}
          >
            <span className="checkbox__box" aria-hidden="true" />
            <span lang={lang}>{LANGUAGE_NAMES[lang]}</span>
          </Checkbox>
        ))}
      </fieldset>
      <BusyButton busy={busy} onPress={() => void create()}>
        {t('surveys.create.button')}
      </BusyButton>
      {error ? <FormAlert>{say.message(error)}</FormAlert> : null}
    </section>
  );
}

/** Field the survey's current version: a wave with its opening and closing dates. */
function NewWave({ slug, survey, onCreated }: { slug: string; survey: SurveyOut; onCreated: () => void }) {
  const { t } = useTranslation();
  const say = useProblem();
  const today = new Date().toISOString().slice(0, 10);
  const [name, setName] = useState('');
  const [opens, setOpens] = useState(today);
  const [closes, setCloses] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const create = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await apiSend('POST', `/cities/${encodeURIComponent(slug)}/surveys/${survey.id}/waves`, {
        name: name.trim(),
        opensAt: `${opens}T00:00:00Z`,
        closesAt: `${closes}T23:59:59Z`,
      });
      setName('');
      onCreated();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="new-wave">
      <TextField className="field" value={name} onChange={setName} isRequired>
        <Label className="field__label">{t('surveys.create.waveName')}</Label>
        <Input className="field__input" />
      </TextField>
      <TextField className="field" value={opens} onChange={setOpens} type="date" isRequired>
        <Label className="field__label">{t('surveys.create.opens')}</Label>
        <Input className="field__input" />
      </TextField>
      <TextField className="field" value={closes} onChange={setCloses} type="date" isRequired>
        <Label className="field__label">{t('surveys.create.closes')}</Label>
        <Input className="field__input" />
      </TextField>
      <BusyButton busy={busy} onPress={() => void create()}>
        {t('surveys.create.waveButton')}
      </BusyButton>
      {error ? <FormAlert>{say.message(error)}</FormAlert> : null}
    </div>
  );
}

function Surveys({ me, slug, waveId }: { me: MeResponse; slug: string; waveId: string | undefined }) {
  const { t } = useTranslation();
  const grants = me.user.grants.filter(
    (g) =>
      (g.role === 'city-coordinator' || g.role === 'city-editor') && g.scope?.kind === 'city' && g.scope.ref === slug,
  );
  const name = grants[0]?.scope?.name ?? slug;
  useDocumentTitle(t('surveys.title', { city: name }));
  const surveys = useApi<{ items: SurveyOut[] }>(
    grants.length > 0 ? `/cities/${encodeURIComponent(slug)}/surveys` : null,
    {},
    { personal: true },
  );
  if (grants.length === 0) return <NotAllowed />;
  const base = `/workspace/${encodeURIComponent(slug)}/surveys`;
  return (
    <div className="page page--surveys">
      <PageHeading>{t('surveys.title', { city: name })}</PageHeading>
      <p>
        <Link href={`/workspace/${encodeURIComponent(slug)}`}>{t('surveys.back')}</Link>
      </p>
      <p>{t('surveys.intro')}</p>
      {surveys.error ? <PageError error={surveys.error} onRetry={surveys.retry} /> : null}
      {!surveys.data ? (
        <Loading lines={2} />
      ) : surveys.data.items.length === 0 ? (
        <p>{t('surveys.none')}</p>
      ) : (
        <ul className="survey-list">
          {surveys.data.items.map((s) => (
            <li key={s.id}>
              <bdi>{s.name}</bdi> · {t(`surveys.kind.${s.kind}`)} · {t('surveys.version', { version: s.version })}
              <ul aria-label={t('surveys.waves')}>
                {s.waves.map((w) => (
                  <li key={w.id}>
                    <Link href={`${base}/${w.id}`} aria-current={w.id === waveId ? 'page' : undefined}>
                      <bdi>{w.name}</bdi>
                    </Link>
                  </li>
                ))}
              </ul>
              <NewWave slug={slug} survey={s} onCreated={surveys.retry} />
            </li>
          ))}
        </ul>
      )}
      {waveId ? <WaveWorkspace key={waveId} slug={slug} waveId={waveId} /> : null}
      <NewSurvey slug={slug} onCreated={surveys.retry} />
    </div>
  );
}

export default function SurveysPage() {
  const { slug = '', waveId } = useParams();
  return <RequireSession>{(me) => <Surveys me={me} slug={slug} waveId={waveId} />}</RequireSession>;
}
