#!/usr/bin/env node
// The `deliverybot` executable (package.json "bin"): everything else lives in runCli.
import { createProcessIo } from "./create-process-io.js";
import { runCli } from "./run-cli.js";

process.exitCode = await runCli(process.argv.slice(2), createProcessIo());
