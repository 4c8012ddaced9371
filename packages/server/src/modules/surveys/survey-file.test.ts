import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, readSurveyCsv, readSurveyDesign, SurveyFileError } from './survey-file.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lco-survey-file-'));
function file(name: string, content: string | Buffer): string {
  const target = path.join(dir, name);
  fs.writeFileSync(target, content);
  return target;
}

describe('reading survey CSV', () => {
  it('detects comma, semicolon and tab from the header, ignoring quoted ones', () => {
    expect(detectDelimiter('a,b,c\n1;2;3')).toBe(',');
    expect(detectDelimiter('\ufeffa;b;"c,d"\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n')).toBe('\t');
    expect(detectDelimiter('single\n1\n')).toBe(',');
  });

  it('reads a BOM, semicolons, CRLF and quoted newlines; empty cells stay empty (missing)', () => {
    const data = readSurveyCsv(
      file('excel.csv', '\ufeffid;note;age\r\n1;"two\r\nlines; and ""quotes""";34\r\n2;;\r\n\r\n'),
    );
    expect(data.rowCount).toBe(2);
    expect(data.columns).toEqual({ id: ['1', '2'], note: ['two\r\nlines; and "quotes"', ''], age: ['34', ''] });
  });

  it('names the file and line of a ragged row or an unclosed quote', () => {
    expect(() => readSurveyCsv(file('ragged.csv', 'a,b,c\n1,2,3\n4,5\n'))).toThrow(
      /ragged\.csv, line 3: 2 fields where the header has 3 \(comma-separated\)$/,
    );
    expect(() => readSurveyCsv(file('open.csv', 'a,b\n1,"2\n'))).toThrow(
      /open\.csv, line 2: a quoted field is never closed$/,
    );
  });

  it('refuses a header without names or with a name twice, and a file without rows', () => {
    expect(() => readSurveyCsv(file('twice.csv', 'a,b,a\n1,2,3\n'))).toThrow("the header names column 'a' twice");
    expect(() => readSurveyCsv(file('blank.csv', 'a,,c\n1,2,3\n'))).toThrow('column 2 of the header has no name');
    expect(() => readSurveyCsv(file('empty.csv', 'a,b\n'))).toThrow('no rows of data under a header line');
  });

  it('refuses text that is not UTF-8 and a file that is not there', () => {
    expect(() => readSurveyCsv(file('latin1.csv', Buffer.from([0x61, 0x0a, 0xe9, 0x0a])))).toThrow(/not UTF-8 text/);
    expect(() => readSurveyCsv(path.join(dir, 'nowhere.csv'))).toThrow(SurveyFileError);
  });
});

describe('reading a design file', () => {
  it('reads JSON and names a syntax error', () => {
    expect(readSurveyDesign(file('ok.json', '{"estimate": [{"mean": "age"}]}')).estimate).toEqual([{ mean: 'age' }]);
    expect(() => readSurveyDesign(file('bad.json', '{"estimate": [}'))).toThrow(/bad\.json: not valid JSON/);
  });
});
