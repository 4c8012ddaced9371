import type { FrameworkResponse, MeasurementOut, TargetOut } from '@lco/core';
import { breakdownKeys } from '@lco/core/observation-rules';
import { type FormEvent, useState } from 'react';
import { Button, FieldError, Form, Input, Label, NumberField, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type ApiError, apiSend, asApiError } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { FormAlert, FormStatus, SubmitButton, useProblem } from '../../components/forms.tsx';
import { LText } from '../../components/LText.tsx';
import { useBreakdownLabel, useValueFormat } from '../../components/monitoring/progress.tsx';
import { type Option, SelectField } from '../../components/SelectField.tsx';
import { ErrorState, Loading } from '../../components/Status.tsx';

function YearInput({
  label,
  value,
  onChange,
  error,
  isRequired,
}: {
  label: string;
  value: number;
  onChange: (value: number) => void;
  error: string | undefined;
  isRequired?: boolean;
}) {
  return (
    <NumberField
      className="field"
      value={value}
      onChange={onChange}
      isRequired={isRequired}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
      formatOptions={{ useGrouping: false, maximumFractionDigits: 0 }}
    >
      <Label className="field__label">{label}</Label>
      <Input className="field__input" />
      <FieldError className="field__error">{error}</FieldError>
    </NumberField>
  );
}

function ValueInput({
  label,
  value,
  onChange,
  error,
  unit,
  isRequired,
}: {
  label: string;
  value: number;
  onChange: (value: number) => void;
  error: string | undefined;
  unit: string;
  isRequired?: boolean;
}) {
  return (
    <NumberField
      className="field"
      value={value}
      onChange={onChange}
      isRequired={isRequired}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
      formatOptions={{ maximumFractionDigits: 6 }}
    >
      <Label className="field__label">{label}</Label>
      <Input className="field__input" />
      <Text slot="description" className="field__description">
        {unit}
      </Text>
      <FieldError className="field__error">{error}</FieldError>
    </NumberField>
  );
}

/**
 * The city's targets (the coordinator's): what each series aims for by when, and from which baseline.
 * Progress is judged against them (methodology: ratio of actual to required growth).
 */
export function Targets({ slug, framework }: { slug: string; framework: FrameworkResponse }) {
  const { t } = useTranslation();
  const format = useValueFormat();
  const problem = useProblem();
  const breakdownLabel = useBreakdownLabel();
  const base = `/cities/${encodeURIComponent(slug)}/targets`;
  const targets = useApi<{ items: TargetOut[] }>(base, {}, { personal: true });
  const measurements = framework.areas.flatMap((a) =>
    a.focusAreas.flatMap((fa) => fa.features.flatMap((f) => f.measurements)),
  );
  const byId = new Map<string, MeasurementOut>(measurements.map((m) => [m.id, m]));

  const [measurementId, setMeasurementId] = useState('');
  const [breakdown, setBreakdown] = useState('');
  const [targetValue, setTargetValue] = useState(Number.NaN);
  const [targetYear, setTargetYear] = useState(Number.NaN);
  const [baselineValue, setBaselineValue] = useState(Number.NaN);
  const [baselineYear, setBaselineYear] = useState(Number.NaN);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState('');
  const [removing, setRemoving] = useState('');
  const chosen = byId.get(measurementId);
  const keys = chosen ? breakdownKeys(chosen) : [];
  // The server's field messages are English; the expected ones are said in the interface language.
  const fields: Record<string, string> = {};
  for (const [field, message] of Object.entries(problem.fields(error))) {
    fields[field] = /give both/.test(message)
      ? t('monitoring.targets.baselineBoth')
      : /expected number/.test(message)
        ? t('monitoring.entry.errorNumber')
        : /Year$/.test(field)
          ? t('monitoring.targets.errorYear')
          : message;
  }

  const measurementOptions: Option[] = measurements.map((m) => ({
    id: m.id,
    text: `${m.id} ${m.name.text}`,
    content: (
      <>
        <span className="code">{m.id}</span> <LText value={m.name} />
      </>
    ),
  }));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || !chosen || !breakdown) return;
    setBusy(true);
    setError(undefined);
    setDone('');
    try {
      await apiSend('PUT', `${base}/${encodeURIComponent(chosen.id)}/${encodeURIComponent(breakdown)}`, {
        targetValue,
        targetYear,
        baselineValue: Number.isNaN(baselineValue) ? undefined : baselineValue,
        baselineYear: Number.isNaN(baselineYear) ? undefined : baselineYear,
      });
      setDone(t('monitoring.targets.saved', { measurement: chosen.id, breakdown: breakdownLabel(breakdown) }));
      targets.retry();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (target: TargetOut) => {
    const key = `${target.measurementId}|${target.breakdown}`;
    if (removing) return;
    setRemoving(key);
    setError(undefined);
    try {
      await apiSend(
        'DELETE',
        `${base}/${encodeURIComponent(target.measurementId)}/${encodeURIComponent(target.breakdown)}`,
      );
      setDone(
        t('monitoring.targets.removed', {
          measurement: target.measurementId,
          breakdown: breakdownLabel(target.breakdown),
        }),
      );
      targets.retry();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setRemoving('');
    }
  };

  const unit = chosen ? t(`unit.${chosen.unit}`) : '';
  const items = targets.data?.items ?? [];

  return (
    <div className="targets">
      {targets.error ? <ErrorState error={targets.error} onRetry={targets.retry} /> : null}
      {targets.loading && !targets.data ? <Loading lines={2} /> : null}
      {targets.data && items.length === 0 ? <p>{t('monitoring.targets.none')}</p> : null}
      {items.length > 0 ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it.
        <section className="table-scroll" aria-labelledby="targets-caption" tabIndex={0}>
          <table className="data-table">
            <caption id="targets-caption" className="values-table__caption">
              {t('monitoring.targets.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('monitoring.targets.measurement')}</th>
                <th scope="col">{t('monitoring.targets.breakdown')}</th>
                <th scope="col">{t('monitoring.targets.target')}</th>
                <th scope="col">{t('monitoring.targets.baseline')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('monitoring.targets.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((target) => {
                const m = byId.get(target.measurementId);
                const unitOf = m?.unit ?? '';
                return (
                  <tr key={`${target.measurementId}|${target.breakdown}`}>
                    <th scope="row">
                      <span className="code">{target.measurementId}</span> {m ? <LText value={m.name} /> : null}
                    </th>
                    <td>{breakdownLabel(target.breakdown)}</td>
                    <td className="nowrap">
                      {t('monitoring.targets.by', {
                        value: format.withUnit(target.targetValue, unitOf),
                        year: format.year(target.targetYear),
                      })}
                    </td>
                    <td className="nowrap">
                      {target.baselineValue !== null && target.baselineYear !== null
                        ? t('monitoring.targets.in', {
                            value: format.withUnit(target.baselineValue, unitOf),
                            year: format.year(target.baselineYear),
                          })
                        : t('monitoring.targets.firstValue')}
                    </td>
                    <td>
                      <Button
                        className="text-link-button"
                        onPress={() => void remove(target)}
                        aria-label={t('monitoring.targets.removeLabel', {
                          measurement: target.measurementId,
                          breakdown: breakdownLabel(target.breakdown),
                        })}
                      >
                        {t('monitoring.targets.remove')}
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ) : null}

      <Form className="form form--grid targets__form" onSubmit={submit} validationBehavior="aria">
        <h3 className="targets__form-title">{t('monitoring.targets.formHeading')}</h3>
        <SelectField
          label={t('monitoring.targets.measurement')}
          options={measurementOptions}
          value={measurementId}
          onChange={(id) => {
            setMeasurementId(id);
            const m = byId.get(id);
            const first = m ? breakdownKeys(m)[0] : undefined;
            setBreakdown(first ?? '');
          }}
          isRequired
        />
        <SelectField
          label={t('monitoring.targets.breakdown')}
          options={keys.map((key) => ({ id: key, text: breakdownLabel(key) }))}
          value={breakdown}
          onChange={setBreakdown}
          isDisabled={!chosen}
          isRequired
        />
        <ValueInput
          label={t('monitoring.targets.targetValue')}
          value={targetValue}
          onChange={setTargetValue}
          error={fields.targetValue}
          unit={unit}
          isRequired
        />
        <YearInput
          label={t('monitoring.targets.targetYear')}
          value={targetYear}
          onChange={setTargetYear}
          error={fields.targetYear}
          isRequired
        />
        <ValueInput
          label={t('monitoring.targets.baselineValue')}
          value={baselineValue}
          onChange={setBaselineValue}
          error={fields.baselineValue}
          unit={unit}
        />
        <YearInput
          label={t('monitoring.targets.baselineYear')}
          value={baselineYear}
          onChange={setBaselineYear}
          error={fields.baselineYear}
        />
        <p className="field__description targets__hint">{t('monitoring.targets.baselineHint')}</p>
        {error ? <FormAlert>{problem.message(error)}</FormAlert> : null}
        <div className="form__actions">
          <SubmitButton busy={busy}>{t('monitoring.targets.save')}</SubmitButton>
        </div>
      </Form>
      <FormStatus>{done}</FormStatus>
    </div>
  );
}
