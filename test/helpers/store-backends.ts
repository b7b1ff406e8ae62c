import { afterAll, beforeAll } from "@jest/globals";
import { createPostgresStore } from "../../src/store/create-postgres-store.js";
import type { Store } from "../../src/store/store.js";
import { createTestSchema, dropTestSchema, TEST_DATABASE_URL } from "../store/postgres-test-database.js";
import { openTestStore } from "./app-harness.js";

/** A store the end-to-end tests can run the app on: `open` makes a fresh one, its `close` removes it. */
export interface StoreBackend {
  readonly name: string;
  open(): Promise<Store>;
}

/**
 * Both backends the app runs on: in-memory PGlite, and the PostgreSQL test server in a schema of
 * its own (dropped when the store closes). For `describe.each(STORE_BACKENDS)("… on $name", …)`.
 */
export const STORE_BACKENDS: readonly StoreBackend[] = [
  { name: "PGlite", open: openTestStore },
  { name: "PostgreSQL", open: openPostgresTestStore },
];

/**
 * Opens the backend's store before the `describe` it is called in and closes it after; returns
 * the store, for `createHarness(store(), github)` inside a test. (Share one `mockGitHub()` across
 * the file's backends: a new mock replaces the previous one's report of unmatched requests.)
 */
export function useStore(backend: StoreBackend): () => Store {
  let store: Store | undefined;
  beforeAll(async () => {
    store = await backend.open();
  });
  afterAll(() => store?.close());
  return () => {
    if (store === undefined) throw new Error(`the ${backend.name} store opens in beforeAll; see its error`);
    return store;
  };
}

async function openPostgresTestStore(): Promise<Store> {
  const schema = await createTestSchema();
  const store = await createPostgresStore({ connectionString: TEST_DATABASE_URL, schema, poolSize: 4 });
  return {
    ...store,
    async close() {
      await store.close();
      await dropTestSchema(schema);
    },
  };
}
