import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
// Natural Earth 1:110m boundaries, shipped with the app as a static file: no tile server, nothing
// fetched from another site. Loaded only when a map is first shown.
import worldUrl from 'world-atlas/countries-110m.json?url';

export type Countries = FeatureCollection<Geometry, { name: string }>;

let pending: Promise<Countries> | undefined;

export function loadCountries(): Promise<Countries> {
  if (!pending) {
    pending = fetch(worldUrl)
      .then((response) => {
        if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
        return response.json() as Promise<Topology<{ countries: GeometryCollection<{ name: string }> }>>;
      })
      .then((topology) => feature(topology, topology.objects.countries));
    // A failed download may be retried later (flaky connections).
    pending.catch(() => {
      pending = undefined;
    });
  }
  return pending;
}
