// The yardsticks, each a bare node:http server in a process of its own:
//   insert <port>  one INSERT into the booking table of the database in BENCH_DB (JSON DbOptions),
//                  through Prisma's $executeRaw (the yardstick of sessions 5 and 6)
//   insert-raw <port>  the same INSERT through Db.rawSql, as the booking path sends its
//                  statements (on PGlite prepared once, then bound and run in one call)
//   bytes <port> <file>  the file's bytes, from memory, for every GET
import { randomBytes, randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer, type RequestListener } from "node:http";
import { text } from "node:stream/consumers";
import { createDb } from "@timetap/db";

const [mode, port, file] = process.argv.slice(2);

async function insertHandler(): Promise<RequestListener> {
  const db = await createDb(JSON.parse(process.env.BENCH_DB ?? "{}"));
  const sql = mode === "insert-raw" ? db.rawSql : db.prisma;
  return (request, response) => {
    text(request)
      .then(async (text) => {
        const { hostId, packageId, start } = JSON.parse(text) as Record<string, string>;
        const startTime = new Date(start!);
        const id = randomUUID();
        await sql.$executeRaw`INSERT INTO booking (id, host_id, package_id, start_time, end_time, customer_email, access_token, updated_at)
          VALUES (${id}, ${hostId}, ${packageId}, ${startTime}, ${new Date(startTime.getTime() + 30 * 60_000)},
                  ${`bare-${id}@bench.example`}, ${randomBytes(32).toString("base64url")}, now())`;
        response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id }));
      })
      .catch((error: unknown) => {
        response.writeHead(500).end(String(error));
      });
  };
}

async function bytesHandler(): Promise<RequestListener> {
  const bytes = await readFile(file!);
  return (_request, response) => {
    response.writeHead(200, { "content-type": "application/json" }).end(bytes);
  };
}

const handler = mode === "bytes" ? await bytesHandler() : await insertHandler();
createServer(handler).listen(Number(port), "127.0.0.1", () => process.send?.("ready"));
