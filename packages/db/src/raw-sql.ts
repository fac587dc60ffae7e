import { Prisma } from "./generated/prisma/client.ts";

/**
 * Raw SQL as the API writes it for Prisma (`$queryRaw<Rows>` / `$executeRaw`, tagged templates
 * or `Prisma.sql`): a Prisma client or transaction fits it, and so does `directSql`.
 */
export interface RawSql {
  $queryRaw<Rows = unknown>(
    query: TemplateStringsArray | Prisma.Sql,
    ...values: unknown[]
  ): Promise<Rows>;
  $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<number>;
}

/** What a driver (a pg Pool, PGlite) answers to one statement with `$1`-style parameters. */
export type RunStatement = (
  text: string,
  values: unknown[],
) => Promise<{ rows: unknown[]; count: number }>;

/** A RawSql call's statement as one Prisma.Sql, whether it came as a tagged template or as one. */
export function composedSql(
  query: TemplateStringsArray | Prisma.Sql,
  values: unknown[],
): Prisma.Sql {
  return query instanceof Prisma.Sql ? query : Prisma.sql(query, ...values);
}

/**
 * RawSql straight to the driver that Prisma's adapter uses, for the statements of the booking
 * path. Why not Prisma's `$queryRaw`: Prisma 6.19 sends even a raw statement through its query
 * compiler (WebAssembly) and its request pipeline, which took a quarter of the web server's CPU
 * per booking on PostgreSQL (`pnpm bench` profile) for statements that need none of it. The
 * statements stay Prisma.sql templates; the rows come back as the driver parses them (timestamptz
 * as Date, int4 as number, text as string: what these statements select), and errors keep their
 * SQLSTATE in `code` (errors.ts reads it).
 */
export function directSql(run: RunStatement): RawSql {
  return {
    async $queryRaw<Rows>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) {
      const { text, values: parameters } = composedSql(query, values);
      return (await run(text, parameters)).rows as Rows;
    },
    async $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) {
      const { text, values: parameters } = composedSql(query, values);
      return (await run(text, parameters)).count;
    },
  };
}
