// Checks on JSON and YAML request bodies before they are parsed: the bytes must be UTF-8 (a BOM is fine), and a
// document may nest at most MAX_NESTING_DEPTH levels. Without these, bad bytes became U+FFFD silently and a deep
// document ended in "Maximum call stack size exceeded". Both answer 400 naming the line of the first offence.
import { isUtf8 } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import YAML from 'yaml';
import { ValidationError } from '../errors';
import { MAX_NESTING_DEPTH } from '../model/limits';

export interface BytePosition {
  /** 0-based byte offset. */
  offset: number;
  /** 1-based line and column (in bytes). */
  line: number;
  column: number;
}

function positionOf(buf: Uint8Array, offset: number): BytePosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (buf[i] === 0x0a) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}

/** The length of the valid UTF-8 sequence at `i`, or 0 when the bytes there are not one (RFC 3629). */
function sequenceAt(buf: Uint8Array, i: number): number {
  const b = buf[i]!;
  if (b < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < buf.length && buf[i + k]! >= lo && buf[i + k]! <= hi;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if (b === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b >= 0xe1 && b <= 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b >= 0xf1 && b <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/** Where the first byte that is not UTF-8 is, or undefined when all are. */
export function firstBadUtf8(buf: Uint8Array): BytePosition | undefined {
  if (isUtf8(buf)) return undefined;
  for (let i = 0; i < buf.length;) {
    const n = sequenceAt(buf, i);
    if (n === 0) return positionOf(buf, i);
    i += n;
  }
  return undefined;
}

function assertUtf8(buf: Uint8Array, what: string): void {
  const bad = firstBadUtf8(buf);
  if (!bad) return;
  const byte = buf[bad.offset]!.toString(16).toUpperCase().padStart(2, '0');
  throw new ValidationError(`the ${what} is not valid UTF-8: the first bad byte is at line ${bad.line}`, [
    {
      path: '(body)',
      message: `byte 0x${byte} at line ${bad.line}, column ${bad.column} (byte offset ${bad.offset}) is not UTF-8: save the file as UTF-8 and send it again`,
    },
  ]);
}

function tooDeep(what: string, line: number | undefined): ValidationError {
  const where = line ? ` (at line ${line})` : '';
  return new ValidationError(`the ${what} nests more than ${MAX_NESTING_DEPTH} levels deep`, [
    {
      path: '(body)',
      message: `the ${what} nests more than ${MAX_NESTING_DEPTH} levels deep${where}; a map document needs only a few: check how it was made`,
    },
  ]);
}

/** The line where a JSON text first nests deeper than the limit (brackets inside strings do not count). */
export function jsonTooDeepAt(buf: Uint8Array, max = MAX_NESTING_DEPTH): number | undefined {
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i]!;
    if (b === 0x0a) line += 1;
    if (inString) {
      if (b === 0x5c)
        i += 1; // a backslash escapes the next byte
      else if (b === 0x22) inString = false;
    } else if (b === 0x22) {
      inString = true;
    } else if (b === 0x5b || b === 0x7b) {
      depth += 1;
      if (depth > max) return line;
    } else if (b === 0x5d || b === 0x7d) {
      depth -= 1;
    }
  }
  return undefined;
}

/** express.json's `verify`: UTF-8 and nesting, checked on the bytes before they are decoded and parsed. */
export function verifyJsonBody(_req: IncomingMessage, _res: unknown, buf: Buffer): void {
  assertUtf8(buf, 'JSON body');
  const line = jsonTooDeepAt(buf);
  if (line !== undefined) throw tooDeep('JSON body', line);
}

/** express.text's `verify` for YAML: UTF-8, checked on the bytes before they are decoded. */
export function verifyTextBody(_req: IncomingMessage, _res: unknown, buf: Buffer): void {
  assertUtf8(buf, 'YAML body');
}

type CstNode = {
  type: string;
  offset?: number;
  items?: Array<{ key?: unknown; value?: unknown; sep?: unknown }>;
  value?: unknown;
  key?: unknown;
};
const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

/** Where the lexer first sees more than `max` flow brackets open, or `max` block indicators on one line. */
function yamlLexedTooDeepAt(text: string, max: number): number | undefined {
  let line = 1;
  let flow = 0;
  let onLine = 0;
  for (const source of new YAML.Lexer().lex(text)) {
    switch (YAML.CST.tokenType(source)) {
      case 'newline':
        line += 1;
        onLine = 0;
        break;
      case 'flow-map-start':
      case 'flow-seq-start':
        flow += 1;
        break;
      case 'flow-map-end':
      case 'flow-seq-end':
        flow -= 1;
        break;
      case 'seq-item-ind':
      case 'explicit-key-ind':
      case 'map-value-ind':
        onLine += 1;
        break;
      default:
        break;
    }
    if (flow > max || onLine > max) return line;
  }
  return undefined;
}

/**
 * Where a YAML text first nests deeper than the limit. The lexer stops at once on brackets or indicators
 * piled up on a line (one or two bytes a level); deeper indentation across lines costs ever longer lines, and
 * is measured on yaml's concrete syntax tree, which is built without recursion (the composer that turns it into
 * values recurses, and overflows the stack on a deep text).
 */
export function yamlTooDeepAt(text: string, max = MAX_NESTING_DEPTH): { line?: number } | undefined {
  const lexed = yamlLexedTooDeepAt(text, max);
  if (lexed !== undefined) return { line: lexed };
  const lineOf = (offset: number | undefined) =>
    offset === undefined ? undefined : text.slice(0, offset).split('\n').length;
  for (const token of new YAML.Parser().parse(text)) {
    const stack: Array<[CstNode, number]> = [[token, 0]];
    while (stack.length) {
      const [node, depth] = stack.pop()!;
      if (!node || typeof node !== 'object') continue;
      const level = COLLECTIONS.has(node.type) ? depth + 1 : depth;
      if (level > max) return { line: lineOf(node.offset) };
      for (const child of [node.value, node.key]) if (child) stack.push([child as CstNode, level]);
      for (const item of node.items ?? []) {
        if (item.key) stack.push([item.key as CstNode, level]);
        if (item.value) stack.push([item.value as CstNode, level]);
      }
    }
  }
  return undefined;
}

/** The nesting depth of a parsed value, without recursion (aliases in YAML can deepen what the text shows). */
export function depthOf(value: unknown, max = MAX_NESTING_DEPTH): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    const level = depth + 1;
    deepest = Math.max(deepest, level);
    if (level > max) return level;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, level]);
  }
  return deepest;
}

/** A YAML body parsed as a document: 400 naming the line when it is not YAML or nests too deeply. Slow on a large
 * text (seconds per MB on a busy machine): the import route runs it in the upload worker (tabular/off-thread.ts). */
export function parseYamlBody(text: string): unknown {
  const deep = yamlTooDeepAt(text);
  if (deep) throw tooDeep('YAML body', deep.line);
  let value: unknown;
  try {
    value = YAML.parse(text, { maxAliasCount: 100 });
  } catch (err) {
    const line = (err as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
    throw new ValidationError('the request body is not valid YAML', [
      {
        path: '(body)',
        message: `YAML syntax error${line ? ` at line ${line}` : ''}: ${(err as Error).message.split('\n')[0]}`,
      },
    ]);
  }
  if (depthOf(value) > MAX_NESTING_DEPTH) throw tooDeep('YAML body', undefined);
  return value;
}
