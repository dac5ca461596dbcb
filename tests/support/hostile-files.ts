// Hostile uploads built in the test, byte by byte: a CSV of a million short rows, a ZIP whose headers understate
// how large its member unpacks (a zip bomb), and a workbook with more rows than the limit. Shared by the upload
// tests and the `upload` benchmark.
import zlib from 'node:zlib';
import { Deflate, zipSync, strToU8 } from 'fflate';

/** `id` and a million one-letter rows: 2 MB. */
export function millionRowCsv(rows = 1_000_000): Buffer {
  return Buffer.from(`id\n${'x\n'.repeat(rows)}`);
}

interface Member {
  name: string;
  /** Raw deflate stream of the member. */
  deflated: Buffer;
  crc: number;
  /** What the headers say the member unpacks to. */
  claimedSize: number;
}

/** A member of `size` bytes of `fill`, deflated in 1 MB steps (so the test never holds the unpacked bytes). */
function bombMember(name: string, size: number, claimedSize: number, fill = 0x41): Member {
  const out: Uint8Array[] = [];
  const deflate = new Deflate({ level: 6 }, (chunk) => out.push(chunk));
  const step = Buffer.alloc(1024 * 1024, fill);
  let crc = 0;
  for (let left = size; left > 0; left -= step.length) {
    const piece = left >= step.length ? step : step.subarray(0, left);
    crc = zlib.crc32(piece, crc);
    deflate.push(piece, left <= step.length);
  }
  return { name, deflated: Buffer.concat(out), crc, claimedSize };
}

function plainMember(name: string, text: string): Member {
  const data = Buffer.from(text);
  return { name, deflated: zlib.deflateRawSync(data), crc: zlib.crc32(data), claimedSize: data.length };
}

/** A ZIP archive of deflated members, its local and central headers written by hand with the claimed sizes. */
function zipOfMembers(members: readonly Member[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const m of members) {
    const name = Buffer.from(m.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0, 6); // flags
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(0, 10); // time, date
    local.writeUInt32LE(m.crc >>> 0, 14);
    local.writeUInt32LE(m.deflated.length, 18);
    local.writeUInt32LE(m.claimedSize, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(m.crc >>> 0, 16);
    central.writeUInt32LE(m.deflated.length, 20);
    central.writeUInt32LE(m.claimedSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, m.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + m.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A ZIP of one CSV (`flows.csv`) that unpacks to `size` bytes while both its headers claim 1 KB. */
export function lyingCsvZip(size: number): Buffer {
  return zipOfMembers([bombMember('flows.csv', size, 1024)]);
}

/** An XLSX whose worksheet unpacks to `size` bytes while its headers claim 1 KB. */
export function lyingXlsx(size: number): Buffer {
  return zipOfMembers([
    plainMember(
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    plainMember(
      'xl/workbook.xml',
      '<workbook><sheets><sheet name="flows" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    plainMember(
      'xl/_rels/workbook.xml.rels',
      '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    bombMember('xl/worksheets/sheet1.xml', size, 1024, 0x20),
  ]);
}

/** A minimal workbook whose sheet `flows` has `rows` rows holding a value (shared-string-free inline strings). */
export function xlsxWithRows(rows: number): Buffer {
  const body: string[] = ['<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
  for (let r = 1; r <= rows; r++) body.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>x${r}</t></is></c></row>`);
  body.push('</sheetData></worksheet>');
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      ),
      'xl/workbook.xml': strToU8(
        '<workbook xmlns:r="r"><sheets><sheet name="README" sheetId="1" r:id="rId1"/><sheet name="flows" sheetId="2" r:id="rId2"/></sheets></workbook>',
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>',
      ),
      'xl/worksheets/sheet1.xml': strToU8(
        '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>',
      ),
      'xl/worksheets/sheet2.xml': strToU8(body.join('')),
    }),
  );
}
