// Health (public: without a session only whether the store answers), the reference data the client needs
// (catalogue, sectors, vocabularies; 'read') and the OpenAPI document (public: it holds no data).
import { z } from 'zod';
import {
  Basis,
  Channel,
  Confidence,
  Disaggregation,
  FlowStatus,
  Frequency,
  Granularity,
  Level,
  MembershipRole,
  NetworkKind,
  PersonalData,
  ReportingKind,
  SECTORS,
  SECTOR_TYPES,
  Trigger,
  stripMetaOf,
} from '../../model';
import type { GraphStore } from '../../store/port';
import { STORE_RETRY_AFTER_SECONDS } from '../errors';
import { defineRoute, type RouteDef } from '../route';
import { HealthResponse, ReferenceResponse } from '../../model/api';

const ENUMS = {
  level: Level,
  granularity: Granularity,
  frequency: Frequency,
  personalData: PersonalData,
  basis: Basis,
  trigger: Trigger,
  channel: Channel,
  status: FlowStatus,
  confidence: Confidence,
  reportingKind: ReportingKind,
  networkKind: NetworkKind,
  membershipRole: MembershipRole,
  disaggregation: Disaggregation,
};

export function systemRoutes(store: GraphStore, openapi: () => object): RouteDef[] {
  return [
    defineRoute({
      method: 'get',
      path: '/health',
      tag: 'System',
      summary: 'Which store, and whether it answers',
      query: z.strictObject({}),
      response: HealthResponse,
      access: 'public',
      doc: { unavailableBody: true },
      handler: async ({ res, user }) => {
        const health = await store.health();
        if (!health.reachable) res.status(503).set('Retry-After', String(STORE_RETRY_AFTER_SECONDS));
        const status = health.reachable ? 'ok' : 'unavailable';
        return user ? { status, ...health } : { status };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/reference',
      tag: 'System',
      summary: 'The indicator catalogue, themes, sectors and vocabularies',
      query: z.strictObject({}),
      response: ReferenceResponse,
      access: 'read',
      handler: async () => {
        const { items } = await store.listMany(['theme', 'indicator']);
        return {
          themes: items.theme.map(stripMetaOf),
          indicators: items.indicator.map(stripMetaOf),
          sectors: SECTORS.map((code) => ({ code, types: [...SECTOR_TYPES[code]] })),
          enums: Object.fromEntries(Object.entries(ENUMS).map(([k, e]) => [k, [...e.options]])),
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/openapi.json',
      tag: 'System',
      summary: 'This API as an OpenAPI 3.1 document (it holds no data: served without signing in)',
      query: z.strictObject({}),
      access: 'public',
      handler: async () => openapi(),
    }),
  ];
}
