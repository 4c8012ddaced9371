import type { CitySummary } from '@lco/core';
import { geoContains, geoEqualEarth, geoGraticule10, geoPath } from 'd3-geo';
import type { MultiPoint } from 'geojson';
import { type MouseEvent, useCallback, useEffect, useId, useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type Countries, loadCountries } from './world.ts';
import '../../styles/map.css';

type Located = CitySummary & { location: { lat: number; lon: number } };

function useCountries() {
  const [countries, setCountries] = useState<Countries>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadCountries().then(
      (result) => live && setCountries(result),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);
  const retry = useCallback(() => {
    setFailed(false);
    loadCountries().then(setCountries, () => setFailed(true));
  }, []);
  return { countries, failed, retry };
}

function MapFallback({
  failed,
  onRetry,
  width,
  height,
}: {
  failed: boolean;
  onRetry: () => void;
  width: number;
  height: number;
}) {
  const { t } = useTranslation();
  return (
    <div className="map__placeholder" style={{ aspectRatio: `${width} / ${height}` }}>
      {failed ? (
        <div role="alert">
          <p>{t('map.failed')}</p>
          <Button className="button" onPress={onRetry}>
            {t('error.retry')}
          </Button>
        </div>
      ) : (
        <p role="status">{t('map.loading')}</p>
      )}
    </div>
  );
}

/** A dot for a city; the fictional sample city is a diamond, so shape and not colour tells them apart. */
function Marker({ x, y, fictional, size }: { x: number; y: number; fictional: boolean; size: number }) {
  if (fictional) {
    const s = size * 1.35;
    return (
      <path
        className="map__marker map__marker--fictional"
        d={`M${x},${y - s}L${x + s},${y}L${x},${y + s}L${x - s},${y}Z`}
      />
    );
  }
  return <circle className="map__marker" cx={x} cy={y} r={size} />;
}

function hasLocation(city: CitySummary): city is Located {
  return city.location !== null;
}

const WORLD_WIDTH = 960;

interface WorldMapProps {
  cities: readonly CitySummary[];
  /** The accessible name of the map, e.g. "World map of 312 learning cities". */
  label: string;
}

/**
 * The member cities on a world map (Equal Earth projection of Natural Earth boundaries). Each dot is a
 * link to the city's profile; the list beside the map carries the same cities and is the main path.
 */
export function WorldMap({ cities, label }: WorldMapProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const titleId = useId();
  const { countries, failed, retry } = useCountries();

  const geometry = useMemo(() => {
    const sphere = { type: 'Sphere' } as const;
    const projection = geoEqualEarth().fitWidth(WORLD_WIDTH - 4, sphere);
    const path = geoPath(projection);
    const [[, y0], [, y1]] = path.bounds(sphere);
    projection.translate([WORLD_WIDTH / 2, (y1 - y0) / 2 + 2]);
    return { projection, path, height: Math.ceil(y1 - y0) + 4 };
  }, []);

  const shapes = useMemo(() => {
    if (!countries) return null;
    const { path } = geometry;
    return {
      sphere: path({ type: 'Sphere' }) ?? '',
      graticule: path(geoGraticule10()) ?? '',
      countries: countries.features.map((f, i) => ({ key: `${f.id ?? i}`, d: path(f) ?? '' })),
    };
  }, [countries, geometry]);

  const located = cities.filter(hasLocation);

  const follow = (event: MouseEvent<Element>, slug: string) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    navigate(`/cities/${slug}`);
  };

  if (!shapes) return <MapFallback failed={failed} onRetry={retry} width={WORLD_WIDTH} height={geometry.height} />;

  return (
    // biome-ignore lint/a11y/useSemanticElements: a <fieldset> cannot live in SVG; the map is a labelled group of links.
    <svg
      className="map map--world"
      viewBox={`0 0 ${WORLD_WIDTH} ${geometry.height}`}
      role="group"
      aria-labelledby={titleId}
    >
      <title id={titleId}>{label}</title>
      <g>
        <path className="map__sphere" d={shapes.sphere} />
        <path className="map__graticule" d={shapes.graticule} />
        {shapes.countries.map((c) => (
          <path key={c.key} className="map__country" d={c.d} />
        ))}
      </g>
      <g className="map__cities">
        {located.map((city) => {
          const point = geometry.projection([city.location.lon, city.location.lat]);
          if (!point) return null;
          const name = `${city.name}, ${city.country.name.text}${city.fictional ? ` (${t('fictional.badge')})` : ''}`;
          return (
            <a key={city.slug} href={`/cities/${city.slug}`} aria-label={name} onClick={(e) => follow(e, city.slug)}>
              <title>{name}</title>
              <Marker x={point[0]} y={point[1]} fictional={city.fictional} size={5} />
            </a>
          );
        })}
      </g>
    </svg>
  );
}

interface LocatorMapProps {
  city: CitySummary;
  label: string;
}

/** A small map around one city, its country shaded: where it is, at a glance. */
export function LocatorMap({ city, label }: LocatorMapProps) {
  const titleId = useId();
  const { countries, failed, retry } = useCountries();
  const width = 480;
  const height = 300;
  const location = city.location;

  const shapes = useMemo(() => {
    if (!countries || !location) return null;
    const { lon, lat } = location;
    // Centre the projection on the city (no seam through it) and frame about 50° by 30° around it.
    const box: MultiPoint = {
      type: 'MultiPoint',
      coordinates: [
        [lon - 25, Math.max(lat - 15, -85)],
        [lon + 25, Math.min(lat + 15, 85)],
        [lon - 25, Math.min(lat + 15, 85)],
        [lon + 25, Math.max(lat - 15, -85)],
      ],
    };
    const projection = geoEqualEarth()
      .rotate([-lon, 0])
      .fitExtent(
        [
          [8, 8],
          [width - 8, height - 8],
        ],
        box,
      );
    const path = geoPath(projection);
    const point = projection([lon, lat]);
    return {
      sphere: path({ type: 'Sphere' }) ?? '',
      graticule: path(geoGraticule10()) ?? '',
      countries: countries.features.map((f, i) => ({
        key: `${f.id ?? i}`,
        d: path(f) ?? '',
        home: geoContains(f, [lon, lat]),
      })),
      point,
    };
  }, [countries, location]);

  if (!location) return null;
  if (!shapes) return <MapFallback failed={failed} onRetry={retry} width={width} height={height} />;

  return (
    <svg className="map map--locator" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId}>
      <title id={titleId}>{label}</title>
      <path className="map__sphere" d={shapes.sphere} />
      <path className="map__graticule" d={shapes.graticule} />
      {shapes.countries.map((c) => (
        <path key={c.key} className={c.home ? 'map__country map__country--home' : 'map__country'} d={c.d} />
      ))}
      {shapes.point ? (
        <>
          <circle className="map__halo" cx={shapes.point[0]} cy={shapes.point[1]} r={14} />
          <Marker x={shapes.point[0]} y={shapes.point[1]} fictional={city.fictional} size={7} />
        </>
      ) : null}
    </svg>
  );
}
