import { afterAll, beforeAll } from "@jest/globals";
import { createTestSchema, dropTestSchema, TEST_DATABASE_URL } from "./postgres-test-database.js";
import { describeStoreContract } from "./store-contract.js";
import { createPostgresStore } from "../../src/store/create-postgres-store.js";

let schema: string | undefined;
beforeAll(async () => {
  schema = await createTestSchema();
});
// A top-level afterAll runs after the contract suite's own (which closes the store).
afterAll(async () => {
  if (schema !== undefined) await dropTestSchema(schema);
});

describeStoreContract("PostgreSQL", () => {
  if (schema === undefined) throw new Error("The test schema was not created; see the beforeAll error");
  return createPostgresStore({ connectionString: TEST_DATABASE_URL, schema, poolSize: 4 });
});
