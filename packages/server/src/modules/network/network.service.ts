import { type CitiesQuery, foldForSearch, type Lang, localize, type RegionCode } from '@lco/core';
import type { Database } from '../../platform/db/client.ts';
import { notFound } from '../../platform/http/problem.ts';
import { presentCityDetail, presentCitySummary } from './network.presenter.ts';
import { NetworkRepository } from './network.repository.ts';

/** Reads of the network directory (regions, countries, cities), shaped for the public API. */
export class NetworkService {
  private readonly repository: NetworkRepository;

  constructor(db: Database) {
    this.repository = new NetworkRepository(db);
  }

  async regions(lang: Lang) {
    const rows = await this.repository.listRegions();
    return rows.map((r) => ({
      code: r.code as RegionCode,
      name: localize(r.names, lang),
      countryCount: r.countryCount,
      cityCount: r.cityCount,
    }));
  }

  async countries(lang: Lang) {
    const rows = await this.repository.listCountries();
    return rows.map((c) => ({
      iso2: c.iso2,
      iso3: c.iso3,
      name: localize(c.names, lang),
      region: c.regionCode as RegionCode,
      cityCount: c.cityCount,
    }));
  }

  async cities(query: CitiesQuery, lang: Lang) {
    const search = query.q ? foldForSearch(query.q) : '';
    const { rows, total } = await this.repository.findCities(
      {
        ...(query.region ? { region: query.region } : {}),
        ...(query.country ? { country: query.country } : {}),
        ...(search ? { search } : {}),
      },
      { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
    );
    return { items: rows.map((r) => presentCitySummary(r, lang)), page: query.page, pageSize: query.pageSize, total };
  }

  async city(slug: string, lang: Lang) {
    const row = await this.repository.findCityBySlug(slug);
    if (!row) throw notFound(`No city with the slug "${slug}" is in the network directory.`);
    return presentCityDetail(row, lang);
  }
}
