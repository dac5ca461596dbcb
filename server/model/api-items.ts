// The answers of the entity routes (server/api/routes/entities.ts): one item of a kind as the API shows
// it, and the list of a kind (`GET /api/<path>`), shared with the client.
import { z } from 'zod';
import { ITEM_VIEWS } from './api';
import type { Kind } from './kinds';

/** GET /api/<path>: the items of a kind. */
export const itemsResponse = <K extends Kind>(kind: K) => z.object({ items: z.array(ITEM_VIEWS[kind]) });
export type ItemView<K extends Kind> = z.infer<(typeof ITEM_VIEWS)[K]>;
export interface ItemsResponse<K extends Kind> {
  items: ItemView<K>[];
}
