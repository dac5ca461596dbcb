// Mapping rounds: freeze the current map of a country (or the region) under a name, list, read and
// delete rounds, and compare two rounds, or a round with now, for one country. Reading is 'read';
// freezing and deleting 'rounds' (an NCP: its own countries' rounds).
import type { Request } from 'express';
import type { RoundsService } from '../../services/rounds';
import { defineRoute, type RouteDef } from '../route';
import {
  CompareRoundsQuery,
  CompareRoundsResponse,
  RoundDeleteResponse,
  RoundParams,
  RoundResponse,
  RoundSummaryResponse,
  RoundsQuery,
  RoundsResponse,
} from '../../model/api-rounds';
import { RoundInput } from '../../model';
import { z } from 'zod';

export function roundsRoutes(rounds: RoundsService, actorOf: (req: Request) => string): RouteDef[] {
  const tag = 'Rounds';
  return [
    defineRoute({
      method: 'post',
      path: '/rounds',
      tag,
      status: 201,
      body: RoundInput,
      response: RoundSummaryResponse,
      summary: 'Freeze the current map of a country (or of the region, without a country) as a named round',
      query: z.strictObject({}),
      access: 'rounds',
      doc: { headers: { Location: "The new round's address" } },
      handler: async ({ body, req, res, user }) => {
        const round = await rounds.freeze(body, user, actorOf(req));
        res.location(`/api/rounds/${encodeURIComponent(round.id)}`);
        return round;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/rounds',
      tag,
      query: RoundsQuery,
      response: RoundsResponse,
      access: 'read',
      summary: "Rounds, newest first; with a country, that country's rounds and the region's",
      handler: async ({ query }) => ({ rounds: await rounds.list(query.country) }),
    }),
    // Before /rounds/:id, which would otherwise take "compare" for an id.
    defineRoute({
      method: 'get',
      path: '/rounds/compare',
      tag,
      query: CompareRoundsQuery,
      response: CompareRoundsResponse,
      access: 'read',
      summary:
        'What changed for a country between two rounds (or a round and now): items added, removed, changed, and the analyses',
      handler: ({ query, user }) => rounds.compare(query.country, query.from, query.to, user),
    }),
    defineRoute({
      method: 'get',
      path: '/rounds/:id',
      tag,
      params: RoundParams,
      query: z.strictObject({}),
      response: RoundResponse,
      access: 'read',
      summary: 'A round with its frozen map document',
      handler: ({ params, user }) => rounds.get(params.id, user),
    }),
    defineRoute({
      method: 'delete',
      path: '/rounds/:id',
      tag,
      params: RoundParams,
      query: z.strictObject({}),
      response: RoundDeleteResponse,
      access: 'rounds',
      summary: 'Delete a round',
      handler: ({ params, req, user }) => rounds.delete(params.id, user, actorOf(req)),
    }),
  ];
}
