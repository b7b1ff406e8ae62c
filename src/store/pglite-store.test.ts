import { describeStoreContract } from "../../test/store/store-contract.js";
import { createPgliteStore } from "./create-pglite-store.js";

describeStoreContract("PGlite in memory", () => createPgliteStore());
