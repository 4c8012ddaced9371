import {
  CitiesQuerySchema,
  CitiesResponseSchema,
  CityResponseSchema,
  CountriesResponseSchema,
  LangQuerySchema,
  ProblemSchema,
  RegionsResponseSchema,
} from '@lco/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { negotiateLanguage } from '../../platform/http/language.ts';
import { NetworkService } from './network.service.ts';

export const networkRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = new NetworkService(app.db);

  app.get(
    '/regions',
    {
      schema: {
        tags: ['network'],
        summary: 'The five UNESCO regions, with how many countries and member cities each has',
        querystring: LangQuerySchema,
        response: { 200: RegionsResponseSchema },
      },
    },
    async (request, reply) => {
      const meta = negotiateLanguage(request.query.lang, reply);
      return { ...meta, items: await service.regions(meta.lang) };
    },
  );

  app.get(
    '/countries',
    {
      schema: {
        tags: ['network'],
        summary: 'Every ISO 3166-1 country and territory with its UNESCO region',
        querystring: LangQuerySchema,
        response: { 200: CountriesResponseSchema },
      },
    },
    async (request, reply) => {
      const meta = negotiateLanguage(request.query.lang, reply);
      return { ...meta, items: await service.countries(meta.lang) };
    },
  );

  app.get(
    '/cities',
    {
      schema: {
        tags: ['network'],
        summary: 'Cities of the network, filtered by region, country and a name search, one page at a time',
        querystring: CitiesQuerySchema,
        response: { 200: CitiesResponseSchema, 400: ProblemSchema },
      },
    },
    async (request, reply) => {
      const meta = negotiateLanguage(request.query.lang, reply);
      return { ...meta, ...(await service.cities(request.query, meta.lang)) };
    },
  );

  app.get(
    '/cities/:slug',
    {
      schema: {
        tags: ['network'],
        summary: "A city's public profile",
        params: z.object({ slug: z.string().min(1).max(200) }),
        querystring: LangQuerySchema,
        response: { 200: CityResponseSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const meta = negotiateLanguage(request.query.lang, reply);
      return { ...meta, city: await service.city(request.params.slug, meta.lang) };
    },
  );
};
