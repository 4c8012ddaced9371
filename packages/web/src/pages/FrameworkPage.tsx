import type { FeatureOut, FocusAreaOut, FrameworkResponse, MeasurementOut } from '@lco/core';
import { Button, Disclosure, DisclosurePanel, Heading, Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useApi } from '../api/useApi.ts';
import { EnglishText, LParagraphs, LText } from '../components/LText.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { ErrorState, Loading, Refreshing } from '../components/Status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useMediaQuery } from '../components/useMediaQuery.ts';
import en from '../i18n/locales/en.json';
import { useLang } from '../i18n/useLang.ts';
import '../styles/framework.css';

type Reconstruction = MeasurementOut['reconstruction'];
type RatingLabels = FrameworkResponse['ratingLabels'];

function ReconstructedNote({ reconstruction }: { reconstruction: Reconstruction }) {
  const { t } = useTranslation();
  if (!reconstruction) return null;
  return (
    <p className="reconstructed">
      <strong className="reconstructed__label">
        <span aria-hidden="true">✎ </span>
        {t('reconstructed.label')}
      </strong>{' '}
      <EnglishText text={reconstruction.note} />
    </p>
  );
}

function BreakdownCategory({ code }: { code: string }) {
  const { t } = useTranslation();
  if (code in en.breakdown.category) {
    return <>{t(`breakdown.category.${code as keyof typeof en.breakdown.category}`)}</>;
  }
  // An unknown category code is shown as it is, marked as English rather than silently guessed.
  return <EnglishText text={code.replaceAll('-', ' ')} />;
}

function MeasurementCard({ measurement, ratingLabels }: { measurement: MeasurementOut; ratingLabels: RatingLabels }) {
  const { t } = useTranslation();
  const lang = useLang();
  const number = new Intl.NumberFormat(lang);
  const headingId = `m-${measurement.id}`;
  const { range } = measurement;
  return (
    <article className="measurement" aria-labelledby={headingId}>
      <h4 id={headingId} className="measurement__title">
        <span className="code">{measurement.id}</span> <LText value={measurement.name} />
      </h4>
      <ReconstructedNote reconstruction={measurement.reconstruction} />
      <dl className="facts">
        <div>
          <dt>{t('measurement.definition')}</dt>
          <dd>
            <LText value={measurement.definition} />
          </dd>
        </div>
        <div>
          <dt>{t('measurement.source')}</dt>
          <dd>{t(`source.${measurement.source}`)}</dd>
        </div>
        <div>
          <dt>{t('measurement.unit')}</dt>
          <dd>{t(`unit.${measurement.unit}`)}</dd>
        </div>
        {measurement.unit === 'rating-1-5' && ratingLabels.length > 0 ? (
          <div>
            <dt>{t('measurement.scale')}</dt>
            <dd>
              <ol className="scale">
                {[...ratingLabels]
                  .sort((a, b) => b.value - a.value)
                  .map((label) => (
                    <li key={label.value}>
                      <span className="scale__value">{number.format(label.value)}</span> <LText value={label.label} />
                    </li>
                  ))}
              </ol>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('measurement.breakdowns')}</dt>
          <dd>
            {measurement.breakdowns.length === 0 ? (
              t('measurement.noBreakdown')
            ) : (
              <ul className="plain-list">
                {measurement.breakdowns.map((breakdown) => (
                  <li key={breakdown.dimension}>
                    {t('measurement.breakdownLine', { dimension: t(`breakdown.dimension.${breakdown.dimension}`) })}{' '}
                    {breakdown.categories.map((code, i) => (
                      <span key={code}>
                        {i > 0 ? t('common.listSeparator') : null}
                        <BreakdownCategory code={code} />
                      </span>
                    ))}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('measurement.polarity')}</dt>
          <dd>
            <span aria-hidden="true" className="polarity-icon">
              {measurement.polarity === 'higher-better' ? '▲ ' : measurement.polarity === 'lower-better' ? '▼ ' : ''}
            </span>
            {t(`polarity.${measurement.polarity}`)}
          </dd>
        </div>
        <div>
          <dt>{t('measurement.range')}</dt>
          <dd>
            {range.max === null
              ? t('measurement.rangeFrom', { min: number.format(range.min) })
              : t('measurement.rangeBetween', { min: number.format(range.min), max: number.format(range.max) })}
          </dd>
        </div>
        {measurement.sdgTargets.length > 0 ? (
          <div>
            <dt>{t('measurement.sdg')}</dt>
            <dd>{measurement.sdgTargets.join(t('common.listSeparator'))}</dd>
          </div>
        ) : null}
        {measurement.mexicoDirections.length > 0 ? (
          <div>
            <dt>{t('measurement.mexico')}</dt>
            <dd>
              {measurement.mexicoDirections.map((n, i) => (
                <span key={n}>
                  {i > 0 ? t('common.listSeparator') : null}
                  <a href={`#direction-${n}`}>{t('framework.directionNumber', { number: number.format(n) })}</a>
                </span>
              ))}
            </dd>
          </div>
        ) : null}
      </dl>
    </article>
  );
}

function FeatureBlock({ feature, ratingLabels }: { feature: FeatureOut; ratingLabels: RatingLabels }) {
  const headingId = `f-${feature.code}`;
  return (
    <section className="feature" aria-labelledby={headingId}>
      <h3 id={headingId} className="feature__title">
        <span className="code">{feature.code}</span> <LText value={feature.title} />
      </h3>
      <ReconstructedNote reconstruction={feature.reconstruction} />
      <ul className="feature__measurements">
        {feature.measurements.map((m) => (
          <li key={m.id}>
            <MeasurementCard measurement={m} ratingLabels={ratingLabels} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function FocusAreaDetail({
  focusArea,
  previous,
  next,
  ratingLabels,
}: {
  focusArea: FocusAreaOut;
  previous: FocusAreaOut | undefined;
  next: FocusAreaOut | undefined;
  ratingLabels: RatingLabels;
}) {
  const { t } = useTranslation();
  const { commitment } = focusArea;
  return (
    <article className="focus-detail" aria-labelledby="focus-title">
      <PageHeading level={2} id="focus-title" className="focus-detail__title">
        <span className="code">{focusArea.id}</span> <LText value={focusArea.title} />
      </PageHeading>
      <section className="commitment" aria-labelledby="commitment-title">
        <h3 id="commitment-title" className="commitment__title">
          {t('framework.commitment', { number: commitment.number })}
        </h3>
        <LParagraphs value={commitment.text} className="commitment__text" />
        {commitment.actions.length > 0 ? (
          <ul className="commitment__actions">
            {commitment.actions.map((action) => (
              <li key={action.text}>
                <LText value={action} />
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <h3 className="section-label">{t('framework.features', { count: focusArea.features.length })}</h3>
      <ol className="features">
        {focusArea.features.map((feature) => (
          <li key={feature.code}>
            <FeatureBlock feature={feature} ratingLabels={ratingLabels} />
          </li>
        ))}
      </ol>
      <nav className="pager" aria-label={t('framework.pagerLabel')}>
        {previous ? (
          <Link className="pager__link pager__link--previous" href={`/framework/${previous.id}`}>
            <span className="pager__hint">{t('framework.previous')}</span>
            <span>
              {previous.id} <LText value={previous.title} />
            </span>
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link className="pager__link pager__link--next" href={`/framework/${next.id}`}>
            <span className="pager__hint">{t('framework.next')}</span>
            <span>
              {next.id} <LText value={next.title} />
            </span>
          </Link>
        ) : null}
      </nav>
    </article>
  );
}

function FocusAreaList({ framework, selected }: { framework: FrameworkResponse; selected: string | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      {framework.areas.map((area) => (
        <div key={area.id} className="focus-nav__area">
          <h2 className="focus-nav__heading">
            <span className="focus-nav__role">{t(`temple.${area.role}`)}</span>
            <span>
              {t('temple.area', { id: area.id })} <LText value={area.title} />
            </span>
          </h2>
          <ol className="focus-nav__list">
            {area.focusAreas.map((fa) => (
              <li key={fa.id}>
                <Link
                  className="focus-nav__link"
                  href={`/framework/${fa.id}`}
                  aria-current={fa.id === selected ? 'page' : undefined}
                >
                  <span className="code">{fa.id}</span> <LText value={fa.title} />
                </Link>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </>
  );
}

function FocusAreaNav({ framework, selected }: { framework: FrameworkResponse; selected: string | undefined }) {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 60rem)');
  // On a phone the twelve focus areas would push the chosen one a screen down: once one is chosen,
  // the list folds away behind a button (and unfolds again for the next choice).
  if (wide || selected === undefined) {
    return (
      <nav className="focus-nav" aria-label={t('framework.focusAreasNav')}>
        <FocusAreaList framework={framework} selected={selected} />
      </nav>
    );
  }
  return (
    <nav className="focus-nav focus-nav--folded" aria-label={t('framework.focusAreasNav')}>
      <Disclosure key={selected}>
        <Heading level={2} className="focus-nav__toggle-heading">
          <Button slot="trigger" className="focus-nav__toggle">
            <span aria-hidden="true" className="focus-nav__chevron">
              ▸
            </span>
            {t('framework.allFocusAreas')}
          </Button>
        </Heading>
        <DisclosurePanel className="focus-nav__panel">
          <FocusAreaList framework={framework} selected={selected} />
        </DisclosurePanel>
      </Disclosure>
    </nav>
  );
}

function Directions({ framework }: { framework: FrameworkResponse }) {
  const { t } = useTranslation();
  return (
    <section className="framework-section" aria-labelledby="directions-title">
      <h2 id="directions-title">{t('framework.directionsHeading')}</h2>
      <p>{t('framework.directionsIntro')}</p>
      <ol className="numbered-cards">
        {framework.strategicDirections.map((d) => (
          <li key={d.number} id={`direction-${d.number}`} className="numbered-card" tabIndex={-1}>
            <h3 className="numbered-card__title">
              <span className="numbered-card__number">{d.number}</span> <LText value={d.title} />
            </h3>
            <LParagraphs value={d.text} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function AreasOfAction({ framework }: { framework: FrameworkResponse }) {
  const { t } = useTranslation();
  return (
    <section className="framework-section" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('framework.actionsHeading')}</h2>
      <p>{t('framework.actionsIntro')}</p>
      <ol className="numbered-cards">
        {framework.areasOfAction.map((a) => (
          <li key={a.number} className="numbered-card">
            <h3 className="numbered-card__title">
              <span className="numbered-card__number">{a.number}</span> <LText value={a.title} />
            </h3>
            {a.actions.length > 0 ? (
              <ul>
                {a.actions.map((action) => (
                  <li key={action.text}>
                    <LText value={action} />
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

export default function FrameworkPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { focusAreaId } = useParams();
  const framework = useApi<FrameworkResponse>('/framework');
  const data = framework.data;
  const all = data?.areas.flatMap((area) => area.focusAreas) ?? [];
  const index = all.findIndex((fa) => fa.id === focusAreaId);
  const selected = index >= 0 ? all[index] : undefined;
  useDocumentTitle(selected ? `${selected.id} ${selected.title.text}` : t('framework.title'));

  return (
    <div className="page page--framework">
      <PageHeading claimsFocus={!focusAreaId}>{t('framework.heading')}</PageHeading>
      <p className="lead">{t('framework.intro')}</p>
      {lang !== 'en' && data ? (
        <aside className="notice" aria-label={t('framework.translationNoticeLabel')}>
          <p>
            <span aria-hidden="true">ⓘ </span>
            {data.translationNotice}
          </p>
        </aside>
      ) : null}
      <p className="on-this-page">
        <a href="#directions-title">{t('framework.directionsLink')}</a>
        <a href="#actions-title">{t('framework.actionsLink')}</a>
      </p>

      {framework.error ? <ErrorState error={framework.error} onRetry={framework.retry} /> : null}
      {!data && framework.loading ? <Loading lines={6} /> : null}
      {data ? (
        <>
          <Refreshing active={framework.loading} />
          <div className="explorer">
            <FocusAreaNav framework={data} selected={selected?.id} />
            <div className="explorer__detail">
              {selected ? (
                <FocusAreaDetail
                  key={selected.id}
                  focusArea={selected}
                  previous={all[index - 1]}
                  next={all[index + 1]}
                  ratingLabels={data.ratingLabels}
                />
              ) : focusAreaId ? (
                <div className="notice notice--warning" role="alert">
                  <p>{t('framework.notFound', { id: focusAreaId })}</p>
                </div>
              ) : (
                <p className="explorer__prompt">{t('framework.choose')}</p>
              )}
            </div>
          </div>
          <Directions framework={data} />
          <AreasOfAction framework={data} />
        </>
      ) : null}
    </div>
  );
}
