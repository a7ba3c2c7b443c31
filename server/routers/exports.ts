// exports.*: any table view as data, the "same through the API" as the /export/… files.
// - table: {table, format, …the table's inputs} → format 'json': {columns {key, labelVi, labelEn,
//   type}[], rows unknown[][], simulated, source}; format 'csv': the file's text and name.
//   Every signed-in role: viewers (lãnh đạo) export what they can see. Scope 'filtered': each
//   table holds its rows to ctx.scope (server/exports/scoped-units.ts), `values` by being
//   indicators.values itself; a parentCode outside the scope is 403.
// The HTTP route /export/{table}.{csv|xlsx|geojson} calls this procedure with the request's
// context (server/http/export-files.ts), so files and API pass the one gate in trpc.ts.
import { EVERY_ROLE, FILTERED } from '../access.ts';
import { toCsv } from '../exports/csv.ts';
import { exportInput } from '../exports/export-input.ts';
import { downloadName } from '../exports/filename.ts';
import { exportTable } from '../exports/tables.ts';
import { access, router } from '../trpc.ts';

export const exportsRouter = router({
  table: access({ roles: EVERY_ROLE, scope: FILTERED })
    .input(exportInput)
    .query(async ({ ctx, input }) => {
      const table = await exportTable(ctx, input);
      if (input.format === 'csv') {
        const name = downloadName(input, 'csv');
        return { format: 'csv' as const, fileName: name.utf8, asciiFileName: name.ascii, csv: toCsv(table), simulated: table.simulated, source: table.source };
      }
      return { format: 'json' as const, ...table };
    }),
});
