/**
 * One numbered schema step. Each backend keeps its own append-only list
 * (`sqlite-migrations.ts`, `postgres-migrations.ts`) under the same numbers, so that a
 * concern added to the service (reports, rate limits, the family relay…) adds one step
 * to each list, and a step that has shipped is never edited.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
