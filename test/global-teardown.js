import { rm } from "node:fs/promises";
import process from "node:process";

/** Removes the directory test/global-setup.js made, with the template in it. */
export default async function globalTeardown() {
  const dir = process.env.DELIVERYBOT_TEST_PGLITE_DIR;
  if (dir) await rm(dir, { recursive: true, force: true });
}
