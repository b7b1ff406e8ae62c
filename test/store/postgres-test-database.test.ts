import { createServer } from "node:net";
import { describe, expect, it } from "@jest/globals";
import pg from "pg";
import { createTestSchema, dropTestSchema, START_POSTGRES_COMMAND, TEST_DATABASE_URL } from "./postgres-test-database.js";

async function schemaExists(schema: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  const { rows } = await client.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [schema]);
  await client.end();
  return rows.length === 1;
}

describe("the PostgreSQL test database helper", () => {
  it("creates a fresh schema per call, named after the process, and drops it with its tables", async () => {
    const [first, second] = await Promise.all([createTestSchema(), createTestSchema()]);
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    await client.query(`CREATE TABLE ${pg.escapeIdentifier(first)}.t (id integer)`);
    await client.end();
    const existed = [await schemaExists(first), await schemaExists(second)];
    await dropTestSchema(first);
    await dropTestSchema(second);
    await dropTestSchema(second);

    expect(first).toMatch(new RegExp(`^dbot_${process.pid}_[0-9a-f]{12}$`));
    expect(second).not.toBe(first);
    expect(existed).toEqual([true, true]);
    expect([await schemaExists(first), await schemaExists(second)]).toEqual([false, false]);
  });

  it("fails, saying how to start the server, when PostgreSQL cannot be reached", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    await new Promise((resolve) => server.close(resolve));
    const port = typeof address === "object" && address !== null ? address.port : 0;

    const failure = createTestSchema(`postgres://postgres@127.0.0.1:${port}/test`);

    await expect(failure).rejects.toThrow(`at 127.0.0.1:${port}`);
    await expect(failure).rejects.toThrow(`connection refused`);
    await expect(failure).rejects.toThrow(`start it with: ${START_POSTGRES_COMMAND}`);
  });
});
