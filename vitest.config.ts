import { defineConfig } from 'vitest/config';

// Unit tests (core logic, no I/O) and API tests (tRPC against a real database) are separate
// projects so `npm test` can run the API set twice: SQLite, then PostgreSQL (DATABASE_URL).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'api',
          include: ['test/api/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          // Every file has its own database (a temp SQLite file or a PostgreSQL schema) and its own
          // server port, so files run side by side: two workers on the 2-core CI machine
          // (API_WORKERS=1 runs them one at a time).
          fileParallelism: true,
          maxWorkers: Number(process.env.API_WORKERS ?? 2),
        },
      },
    ],
  },
});
