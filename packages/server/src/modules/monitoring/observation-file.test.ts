import { findMeasurement, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, type ObservationFileColumn } from '@lco/core';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  checkRows,
  type FileRow,
  type FileScope,
  type ObservationSheet,
  type ParsedRow,
  parseRows,
  readObservationFile,
  type SheetRow,
  type StoredValue,
  writeObservationFile,
} from './observation-file.ts';

const HEADER = 'measurement_id,breakdown,year,value,unit,source,note';
const CORK_2023: FileScope = { kind: 'city', city: 'cork', year: 2023 };
const csv = (...lines: string[]) => Buffer.from(`${lines.join('\n')}\n`);

async function read(bytes: Uint8Array, name = 'values.csv', scope: FileScope = CORK_2023) {
  const sheet = await readObservationFile(bytes, name);
  return { sheet, ...parseRows(sheet, scope) };
}

async function xlsx(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('observations');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const catalogue = (r: ParsedRow) => findMeasurement(r.measurementId);

/** A row's cell by column name, as the sheet places it. */
function cell(sheet: ObservationSheet, row: SheetRow, name: ObservationFileColumn): string {
  const i = sheet.columns.get(name);
  return i === undefined ? '' : (row.cells[i] ?? '');
}

describe('reading CSV', () => {
  it('reads a byte-order mark, semicolons with decimal commas, and quoted newlines without shifting row numbers', async () => {
    const text =
      '\ufeffmeasurement_id;breakdown;year;value;unit;source;note\n' +
      '1.1.1a;total;2023;96,25;percent;Census 2021;"two\nlines; with a ""quote"""\n' +
      '1.1.1a;sex:male;;95;;Census 2021;\n';
    const { sheet, rows, errors } = await read(Buffer.from(text));
    expect(sheet.format).toBe('csv');
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      expect.objectContaining({ row: 2, measurementId: '1.1.1a', value: '96.25', note: 'two\nlines; with a "quote"' }),
      expect.objectContaining({ row: 3, breakdown: 'sex:male', year: 2023, value: '95', unit: undefined, note: null }),
    ]);
  });

  it('reads header names in any case and order, and skips rows without a value (a template’s unknowns)', async () => {
    const { rows, skipped, errors } = await read(
      csv(
        'Source,Value,Measurement ID,Breakdown,Year,Unit,Note,election-year',
        'Census,96.2,1.1.1a,total,2023,percent,,',
        'Census,,1.1.1b,total,2023,percent,,',
        ',,,,,,,',
      ),
    );
    expect(errors).toEqual([]);
    expect(rows.map((r) => r.measurementId)).toEqual(['1.1.1a']);
    expect(skipped).toBe(2);
  });

  it('names a missing column, an unknown one and a repeated one, on row 1', async () => {
    const { sheet } = await read(
      csv('measurement_id,breakdown,year,valeu,unit,source,note,unit', '1.1.1a,total,2023,1'),
    );
    expect(sheet.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'row 1, column D',
          message: expect.stringContaining('unknown column "valeu"'),
        }),
        expect.objectContaining({ field: 'row 1, column H', message: '"unit" is also column E' }),
        expect.objectContaining({ field: 'row 1', message: 'the column "value" is missing' }),
      ]),
    );
    expect(sheet.rows).toEqual([]);
  });

  it('reads cells by their column whatever the order, trimmed, and refuses a value under a column without a name', async () => {
    const { sheet, rows, errors } = await read(
      csv(
        'note, Value ,,measurement_id,breakdown,year,unit,source',
        'a note,  96.2 ,, 1.1.1a ,total,2023,percent,Census',
        ',95,x,1.1.1a,sex:male,2023,percent,Census',
      ),
    );
    expect(sheet.errors).toEqual([
      expect.objectContaining({ field: 'row 3, column C', message: 'a value in a column without a name' }),
    ]);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      expect.objectContaining({ row: 2, measurementId: '1.1.1a', value: '96.2', note: 'a note', source: 'Census' }),
      expect.objectContaining({ row: 3, breakdown: 'sex:male', note: null }),
    ]);
  });

  it('refuses text that is not UTF-8, a quote never closed, and an empty file', async () => {
    expect((await read(Buffer.from([0x6d, 0xe9, 0x0a]))).sheet.errors[0]?.message).toContain('not UTF-8');
    expect((await read(csv(HEADER, '1.1.1a,total,2023,"96,x'))).sheet.errors[0]?.message).toContain('never closed');
    expect((await read(Buffer.alloc(0))).sheet.errors[0]).toMatchObject({
      field: 'file',
      message: 'the file is empty',
    });
  });

  it(`refuses more than ${IMPORT_MAX_ROWS.toLocaleString('en')} rows and more than 20 MB with a clear message`, async () => {
    const many = `${HEADER}\n${'1.1.1a,total,2023,1,percent,x,\n'.repeat(IMPORT_MAX_ROWS + 1)}`;
    const tooMany = await read(Buffer.from(many));
    expect(tooMany.sheet.errors).toEqual([
      expect.objectContaining({ field: 'file', message: 'more than 200,000 rows: split the file' }),
    ]);
    const big = await read(Buffer.alloc(IMPORT_MAX_BYTES + 1, 0x20));
    expect(big.sheet.errors[0]?.message).toBe('the file is 20.0 MB; the limit is 20 MB');
  });
});

describe('reading XLSX', () => {
  it('reads the observations sheet: numbers, text and formulas, by the row numbers a spreadsheet shows', async () => {
    const bytes = await xlsx([
      ['measurement_id', 'breakdown', 'year', 'value', 'unit', 'source', 'note'],
      ['1.1.1a', 'total', 2023, 96.25, 'percent', 'Census', null],
      [],
      ['1.2.3b', 'total', 2023, { formula: '10+2.5', result: 12.5 }, null, 'Register', 'estimate'],
    ]);
    const { sheet, rows, errors } = await read(bytes, 'values.xlsx');
    expect(sheet.format).toBe('xlsx');
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.row, r.measurementId, r.value])).toEqual([
      [2, '1.1.1a', '96.25'],
      [4, '1.2.3b', '12.5'],
    ]);
  });

  it('refuses a file named .xlsx that is not a spreadsheet, a ZIP without a workbook, and an old .xls', async () => {
    const fake = await read(Buffer.from('just text'), 'values.xlsx');
    expect(fake.sheet.errors[0]?.message).toContain('values.xlsx is not a spreadsheet');
    // An empty ZIP archive: the end-of-directory record alone.
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), emptyZipEnd()]);
    expect((await read(zip, 'values.xlsx')).sheet.errors[0]?.message).toMatch(/^not a spreadsheet/);
    const xls = await read(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'values.xls');
    expect(xls.sheet.errors[0]?.message).toContain('old Excel 97–2003 workbook');
  });

  it('refuses, unread, a small workbook that says it unpacks to more than 400 MB', async () => {
    const entry = Buffer.alloc(46 + 1);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt32LE(500 * 1024 * 1024, 24); // the uncompressed size it claims
    entry.writeUInt16LE(1, 28); // a one-letter name
    const local = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26)]);
    const end = emptyZipEnd();
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(local.length, 16);
    const bomb = await read(Buffer.concat([local, entry, end]), 'bomb.xlsx');
    expect(bomb.sheet.errors[0]?.message).toBe('the workbook unpacks to more than 400 MB: split it, or save it as CSV');
  });
});

function emptyZipEnd(): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  return end;
}

describe('rows', () => {
  it('reports every bad cell with its row and column, and a duplicated key on its second row', async () => {
    const { errors } = await read(
      csv(
        HEADER,
        '1.1.1a,total,2022,96,percent,Census,', // another year
        '1.1.1a,sex:male,,ninety,percent,Census,', // not a number
        '1.1.1a,sex:female,,96%,percent,Census,', // a percent sign
        '1.1.3a,total,,"96,5",percent,Census,', // a decimal comma in a comma-separated file
        '1.2.2a,total,,4,,,', // no source
        '1.2.3b,total,,5,,Register,', // fine
        '1.2.3b,total,2023,6,,Register,', // the same key again
      ),
    );
    expect(errors.map((e) => e.field)).toEqual([
      'row 2, column year',
      'row 3, column value',
      'row 4, column value',
      'row 5, column value',
      'row 6, column source',
      'row 8, column measurement_id',
    ]);
    expect(errors[0]?.message).toBe('"2022" is not the year of this import: write 2023 or leave it empty');
    expect(errors[2]?.message).toBe('write the number alone (96), without %');
    expect(errors[5]?.message).toBe('1.2.3b (total) for 2023 is already on row 7');
  });

  it('needs city and year in a network-wide file', async () => {
    const { rows, errors } = await read(
      csv(`city,${HEADER}`, 'cork,1.1.1a,total,2023,96,percent,Census,', ',1.1.1a,total,,96,percent,Census,'),
      'all.csv',
      { kind: 'network' },
    );
    expect(rows).toHaveLength(1);
    expect(errors.map((e) => e.field)).toEqual(['row 3, column city', 'row 3, column year']);
  });
});

describe('checking rows against their measurements', () => {
  async function check(lines: string[], stored: StoredValue[] = []) {
    const parsed = await read(csv(`${HEADER},election_year`, ...lines));
    expect(parsed.errors).toEqual([]);
    return checkRows(parsed.rows, catalogue, stored);
  }

  it('refuses a wrong unit, an out-of-range value, an unknown measurement, a breakdown it lacks, a stray election year', async () => {
    const { errors, rows } = await check([
      '1.1.4a,total,2023,1200,count,Police,,', // per-100k, not count
      '1.1.1a,total,2023,120,percent,Census,,', // over 100 %
      '9.9.9z,total,2023,1,,Nowhere,,',
      '1.2.3b,sex:female,2023,1,,Register,,',
      '1.2.3b,total,2023,1,,Register,,2020',
      '1.1.2a,total,2023,61,percent,Electoral office,,', // turnout without the election's year
      '1.2.2a,total,2023,4.1,percent,LFS,,',
    ]);
    expect(errors.map((e) => [e.field, e.message])).toEqual([
      ['row 2, column unit', '1.1.4a is measured in per-100k, not count'],
      ['row 3, column value', 'must be between 0 and 100 (percent)'],
      ['row 4, column measurement_id', 'no measurement "9.9.9z" in the Key Features or the city\'s local measurements'],
      ['row 5, column breakdown', '1.2.3b has no breakdown "sex:female" (it has total)'],
      ['row 6, column election_year', 'only election turnout (1.1.2a) names an election year'],
      ['row 7, column election_year', 'give the year of the election'],
    ]);
    expect(rows.map((r) => r.measurementId)).toEqual(['1.2.2a']);
  });

  it('warns on the total outside its parts and on an implausible change from last year, the file before the store', async () => {
    const stored: StoredValue[] = [
      { city: 'cork', year: 2022, measurementId: '1.2.2a', breakdown: 'total', value: 4 },
      { city: 'cork', year: 2023, measurementId: '1.1.1a', breakdown: 'sex:male', value: 50 },
    ];
    const { errors, warnings } = await check(
      [
        '1.1.1a,total,2023,97,percent,Census,,',
        '1.1.1a,sex:male,2023,90,percent,Census,,', // replaces the stored 50
        '1.1.1a,sex:female,2023,94,percent,Census,,',
        '1.2.2a,total,2023,40,percent,LFS,,',
      ],
      stored,
    );
    expect(errors).toEqual([]);
    expect(warnings.map((w) => [w.row, w.measurementId, w.breakdown, w.code])).toEqual([
      [2, '1.1.1a', 'total', 'total-outside-parts'],
      [5, '1.2.2a', 'total', 'implausible-change'],
    ]);
    expect(warnings[0]?.message).toContain('(90–94)');
  });
});

describe('writing', () => {
  const rows: FileRow[] = [
    { measurement_id: '1.1.1a', breakdown: 'total', year: 2023, value: '96.25', unit: 'percent', source: 'Census' },
    { measurement_id: '1.1.2a', breakdown: 'total', year: 2023, value: '0.12345678901234567891', unit: 'percent' },
    { measurement_id: '1.1.1b', breakdown: 'total', year: 2023, value: null, unit: 'percent', note: 'a, "b"\nc' },
  ];

  it('writes CSV with a byte-order mark that reads back to the same cells', async () => {
    const bytes = await writeObservationFile(rows, 'csv');
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const sheet = await readObservationFile(bytes, 'out.csv');
    expect(sheet.errors).toEqual([]);
    expect(sheet.rows.map((r) => [cell(sheet, r, 'value'), cell(sheet, r, 'note')])).toEqual([
      ['96.25', ''],
      ['0.12345678901234567891', ''],
      ['', 'a, "b"\nc'],
    ]);
  });

  it('writes XLSX with numbers where a number keeps every digit, and text where it would not', async () => {
    const bytes = await writeObservationFile(rows, 'xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(bytes).buffer);
    const sheet = workbook.getWorksheet('observations');
    expect(sheet?.getCell('D2').value).toBe(96.25);
    expect(sheet?.getCell('D3').value).toBe('0.12345678901234567891');
    const back = await readObservationFile(bytes, 'out.xlsx');
    expect(back.rows.map((r) => cell(back, r, 'value'))).toEqual(['96.25', '0.12345678901234567891', '']);
  });
});
