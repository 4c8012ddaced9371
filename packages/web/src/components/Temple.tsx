import type { AreaOut, FrameworkResponse } from '@lco/core';
import type { ReactNode } from 'react';
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { LText } from './LText.tsx';
import '../styles/temple.css';

type Role = AreaOut['role'];

// The shape is fixed by the Key Features (DESIGN §3), so the temple stands while its labels load.
const SHAPE: readonly { role: Role; areaId: string; focusAreas: readonly string[] }[] = [
  { role: 'pediment', areaId: '1', focusAreas: ['1.1', '1.2', '1.3'] },
  { role: 'columns', areaId: '2', focusAreas: ['2.1', '2.2', '2.3', '2.4', '2.5', '2.6'] },
  { role: 'steps', areaId: '3', focusAreas: ['3.1', '3.2', '3.3'] },
];

interface Props {
  framework: FrameworkResponse | undefined;
  /** Where a focus area leads; the framework explorer by default. */
  hrefFor?: (focusAreaId: string) => string;
  /** More about a focus area under its link (a city's progress); outside the link, so its name stays short. */
  extra?: (focusAreaId: string) => ReactNode;
}

/**
 * The framework of the Key Features as UNESCO draws it: the wider benefits (pediment) rest on six
 * building blocks (columns), which stand on three fundamental conditions (steps). Built from headings,
 * lists and links, so it reads in order without the picture.
 */
export function Temple({ framework, hrefFor = (id) => `/framework/${id}`, extra }: Props) {
  const { t } = useTranslation();
  const areaByRole = new Map(framework?.areas.map((area) => [area.role, area]));

  return (
    <div className={extra ? 'temple temple--with-extra' : 'temple'} aria-busy={framework === undefined}>
      <div className="temple__roof" aria-hidden="true" />
      {SHAPE.map(({ role, areaId, focusAreas }) => {
        const area = areaByRole.get(role);
        const titles = new Map(area?.focusAreas.map((fa) => [fa.id, fa.title]));
        const headingId = `temple-${role}`;
        return (
          <section key={role} className={`temple__part temple__part--${role}`} aria-labelledby={headingId}>
            <h3 id={headingId} className="temple__area">
              <span className="temple__role">{t(`temple.${role}`)}</span>
              <span className="temple__area-title">
                {t('temple.area', { id: areaId })}
                {area ? (
                  <>
                    {' '}
                    <LText value={area.title} />
                  </>
                ) : null}
              </span>
            </h3>
            <ol className="temple__items">
              {focusAreas.map((id) => {
                const title = titles.get(id);
                return (
                  <li key={id} className="temple__item">
                    <Link className="temple__link" href={hrefFor(id)}>
                      <span className="temple__id">{id}</span>
                      <span className="temple__title">
                        {title ? <LText value={title} /> : <span className="skeleton__line" aria-hidden="true" />}
                      </span>
                      {title ? null : <span className="visually-hidden">{t('temple.focusArea', { id })}</span>}
                    </Link>
                    {extra?.(id)}
                  </li>
                );
              })}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
