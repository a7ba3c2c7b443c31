// Reads the rows of `INSERT INTO table (cols) VALUES (...), (...);` statements, the only SQL in
// units-2021-11-01.sql. A tiny tokenizer rather than a database: the file is data, not a schema,
// and names contain apostrophes written as '' (Xã Ea H''Leo).
import { InputError } from './input-error.ts';

export type SqlValue = string | number | null;
export type SqlRow = Record<string, SqlValue>;

const INSERT_PATTERN = /INSERT INTO\s+"?(\w+)"?\s*\(([^)]*)\)\s*VALUES/.source;

export function parseSqlInserts(text: string, file: string): Map<string, SqlRow[]> {
  const tables = new Map<string, SqlRow[]>();
  const INSERT = new RegExp(INSERT_PATTERN, 'gi');
  let match: RegExpExecArray | null;
  while ((match = INSERT.exec(text))) {
    const table = match[1];
    const columns = match[2].split(',').map((c) => c.trim().replace(/"/g, ''));
    const rows = tables.get(table) ?? [];
    tables.set(table, rows);
    let i = INSERT.lastIndex;
    const where = () => `line ${text.slice(0, i).split('\n').length}`;
    for (;;) {
      while (i < text.length && /[\s,]/.test(text[i])) i++;
      if (text[i] === ';' || i >= text.length) break;
      if (text[i] !== '(') throw new InputError(file, `${where()}: expected "(" in VALUES of ${table}`);
      i++;
      const values: SqlValue[] = [];
      for (;;) {
        while (text[i] === ' ' || text[i] === '\t') i++;
        if (text[i] === "'") {
          let value = '';
          i++;
          for (;;) {
            if (i >= text.length) throw new InputError(file, `${where()}: unterminated string in ${table}`);
            if (text[i] === "'") {
              if (text[i + 1] === "'") {
                value += "'";
                i += 2;
                continue;
              }
              i++;
              break;
            }
            value += text[i++];
          }
          values.push(value);
        } else {
          const start = i;
          while (i < text.length && text[i] !== ',' && text[i] !== ')') i++;
          const token = text.slice(start, i).trim();
          if (token.toUpperCase() === 'NULL') values.push(null);
          else if (token !== '' && Number.isFinite(Number(token))) values.push(Number(token));
          else throw new InputError(file, `${where()}: unexpected value ${JSON.stringify(token)} in ${table}`);
        }
        while (text[i] === ' ' || text[i] === '\t') i++;
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ')') {
          i++;
          break;
        }
        throw new InputError(file, `${where()}: expected "," or ")" in VALUES of ${table}`);
      }
      if (values.length !== columns.length) {
        throw new InputError(file, `${where()}: ${values.length} values for ${columns.length} columns of ${table}`);
      }
      rows.push(Object.fromEntries(columns.map((c, k) => [c, values[k]])));
    }
    INSERT.lastIndex = i;
  }
  return tables;
}
