import { describeStoreContract } from "./store-contract.js";
import { createPgliteStore } from "../../src/store/create-pglite-store.js";

describeStoreContract("PGlite in memory", () => createPgliteStore());
