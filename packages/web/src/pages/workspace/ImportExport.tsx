import type { ImportError, ImportSummary, Problem } from '@lco/core';
import { type FormEvent, useId, useRef, useState } from 'react';
import { Checkbox, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { apiSend, apiUrl, asApiError } from '../../api/client.ts';
import { FormAlert, FormStatus, SubmitButton, useProblem } from '../../components/forms.tsx';
import { ServerDetail } from '../../components/monitoring/cycle.tsx';
import { useBreakdownLabel, useValueFormat } from '../../components/monitoring/progress.tsx';
import { WarningText } from './DataEntry.tsx';

/** The 422 answer to a file with errors (ImportProblemSchema in core). */
type ImportProblem = Omit<Problem, 'errors'> & { errors: ImportError[]; summary?: ImportSummary };

function SummaryText({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation();
  const format = useValueFormat();
  const numbers = {
    rows: format.number(summary.rows),
    inserted: format.number(summary.inserted),
    updated: format.number(summary.updated),
    unchanged: format.number(summary.unchanged),
    skipped: format.number(summary.skipped),
  };
  return <>{summary.dryRun ? t('monitoring.files.checked', numbers) : t('monitoring.files.imported', numbers)}</>;
}

function ErrorTable({ errors }: { errors: ImportError[] }) {
  const { t } = useTranslation();
  const format = useValueFormat();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it.
    <section className="table-scroll" aria-labelledby="import-errors-caption" tabIndex={0}>
      <table className="data-table import-errors">
        <caption id="import-errors-caption" className="values-table__caption">
          {t('monitoring.files.errorsCaption', { n: format.number(errors.length) })}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('monitoring.files.row')}
            </th>
            <th scope="col">{t('monitoring.files.column')}</th>
            <th scope="col">{t('monitoring.files.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((error, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: errors are listed as the server sent them, and never reordered.
            <tr key={i}>
              <td className="num">{error.row === null ? '—' : format.number(error.row)}</td>
              <td>
                <code>{error.column ?? '—'}</code>
              </td>
              <td>
                <ServerDetail lead="" detail={error.message} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function WarningTable({ warnings, dryRun }: { warnings: ImportSummary['warnings']; dryRun: boolean }) {
  const { t } = useTranslation();
  const format = useValueFormat();
  const breakdownLabel = useBreakdownLabel();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it.
    <section className="table-scroll" aria-labelledby="import-warnings-caption" tabIndex={0}>
      <table className="data-table">
        <caption id="import-warnings-caption" className="values-table__caption">
          {t(dryRun ? 'monitoring.files.warningsCaptionDry' : 'monitoring.files.warningsCaption', {
            n: format.number(warnings.length),
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('monitoring.files.row')}
            </th>
            <th scope="col">{t('monitoring.files.measurement')}</th>
            <th scope="col">{t('monitoring.files.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {warnings.map((w) => (
            <tr key={`${w.row}|${w.code}`}>
              <td className="num">{format.number(w.row)}</td>
              <td>
                <span className="code">{w.measurementId}</span> {breakdownLabel(w.breakdown)}
              </td>
              <td>
                <WarningText code={w.code} message={w.message} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * Files: the year's values (or a template of every measurement and breakdown) as CSV or XLSX, and an
 * import that is all or nothing: a file with errors changes nothing and lists every error by row and column.
 */
export function ImportExport({
  slug,
  year,
  editable,
  onImported,
}: {
  slug: string;
  year: number;
  editable: boolean;
  onImported: () => void;
}) {
  const { t } = useTranslation();
  const problem = useProblem();
  const fileId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [dryRun, setDryRun] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<
    | { kind: 'done'; summary: ImportSummary }
    | { kind: 'errors'; errors: ImportError[]; summary: ImportSummary | undefined }
    | { kind: 'failed'; message: string }
    | { kind: 'missing' }
    | null
  >(null);
  const base = `/cities/${encodeURIComponent(slug)}/cycles/${year}`;
  const exportHref = (format: 'csv' | 'xlsx', template: boolean) =>
    apiUrl(`${base}/export`, { format, template: template ? 'true' : undefined });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const file = input.current?.files?.[0];
    if (!file) {
      setResult({ kind: 'missing' });
      input.current?.focus();
      return;
    }
    const body = new FormData();
    body.append('file', file);
    setBusy(true);
    setResult(null);
    try {
      const summary = await apiSend<ImportSummary>('POST', `${base}/import`, body, {
        dryRun: dryRun ? 'true' : undefined,
      });
      setResult({ kind: 'done', summary });
      if (!summary.dryRun) onImported();
    } catch (error) {
      const apiError = asApiError(error);
      const details = apiError.problem as ImportProblem | undefined;
      if (apiError.status === 422 && details?.errors) {
        setResult({ kind: 'errors', errors: details.errors, summary: details.summary });
      } else if (apiError.status === 409) {
        setResult({ kind: 'failed', message: t('monitoring.files.locked') });
      } else if (apiError.status === 413) {
        setResult({ kind: 'failed', message: t('monitoring.files.tooLarge') });
      } else if (apiError.status === 400 && apiError.problem?.detail) {
        setResult({ kind: 'failed', message: apiError.problem.detail });
      } else {
        setResult({ kind: 'failed', message: problem.message(apiError) });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="files">
      <div className="files__export">
        <h3 className="box-title">{t('monitoring.files.exportHeading')}</h3>
        <p>{t('monitoring.files.exportIntro')}</p>
        <ul className="files__links">
          <li>
            <a href={exportHref('xlsx', true)} download>
              {t('monitoring.files.templateXlsx')}
            </a>
          </li>
          <li>
            <a href={exportHref('csv', true)} download>
              {t('monitoring.files.templateCsv')}
            </a>
          </li>
          <li>
            <a href={exportHref('xlsx', false)} download>
              {t('monitoring.files.valuesXlsx')}
            </a>
          </li>
          <li>
            <a href={exportHref('csv', false)} download>
              {t('monitoring.files.valuesCsv')}
            </a>
          </li>
        </ul>
      </div>
      <div className="files__import">
        <h3 className="box-title">{t('monitoring.files.importHeading')}</h3>
        {editable ? (
          <Form className="form" onSubmit={submit}>
            <p>{t('monitoring.files.importIntro')}</p>
            <div className="field">
              <label className="field__label" htmlFor={fileId}>
                {t('monitoring.files.file')}
              </label>
              <input
                ref={input}
                id={fileId}
                className="field__file"
                type="file"
                name="file"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-describedby={`${fileId}-hint`}
                onChange={() => setResult(null)}
              />
              <span id={`${fileId}-hint`} className="field__description">
                {t('monitoring.files.fileHint')}
              </span>
              {result?.kind === 'missing' ? (
                <span className="field__error">{t('monitoring.files.chooseFile')}</span>
              ) : null}
            </div>
            <Checkbox className="checkbox" isSelected={dryRun} onChange={setDryRun}>
              <span className="checkbox__box" aria-hidden="true" />
              {t('monitoring.files.dryRun')}
            </Checkbox>
            <div className="form__actions">
              <SubmitButton busy={busy}>
                {dryRun ? t('monitoring.files.check') : t('monitoring.files.import')}
              </SubmitButton>
            </div>
          </Form>
        ) : (
          <p>{t('monitoring.files.notEditable')}</p>
        )}
        <FormStatus>{result?.kind === 'done' ? <SummaryText summary={result.summary} /> : null}</FormStatus>
        {result?.kind === 'done' && result.summary.warnings.length > 0 ? (
          <WarningTable warnings={result.summary.warnings} dryRun={result.summary.dryRun} />
        ) : null}
        {result?.kind === 'errors' ? (
          <>
            <FormAlert>{t('monitoring.files.hasErrors')}</FormAlert>
            <ErrorTable errors={result.errors} />
          </>
        ) : null}
        {result?.kind === 'failed' ? <FormAlert>{result.message}</FormAlert> : null}
      </div>
    </div>
  );
}
