import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";

/**
 * Runs once before the end-to-end tests: a temporary directory for this run's migrated PGlite
 * template (see test/helpers/pglite-template.ts). The workers inherit the variable.
 */
export default async function globalSetup() {
  process.env.DELIVERYBOT_TEST_PGLITE_DIR = await mkdtemp(join(tmpdir(), "deliverybot-pglite-"));
}
