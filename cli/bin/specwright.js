#!/usr/bin/env node
// The `specwright` command: a thin shell around runCli, which never throws.
import { runCli } from '../dist/main.js';
import { processIo } from '../dist/io.js';

process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
});
process.exitCode = await runCli(process.argv.slice(2), processIo);
