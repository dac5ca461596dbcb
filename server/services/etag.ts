// Strong ETags of bytes, for the answers and files the caches keep (computed once per kept answer).
import { createHash } from 'node:crypto';

/** A strong ETag of bytes: their length and SHA-1, quoted. */
export function etagOf(body: Buffer): string {
  return `"${body.length.toString(16)}-${createHash('sha1').update(body).digest('base64url')}"`;
}
