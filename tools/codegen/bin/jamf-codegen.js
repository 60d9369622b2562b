#!/usr/bin/env node
// Runs the TypeScript sources directly: the tool is private to this repo and never published.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
