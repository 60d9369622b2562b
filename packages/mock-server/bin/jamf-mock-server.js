#!/usr/bin/env node
// A stable file for package managers to link at install time; the server itself is built to dist/.
import '../dist/cli.js';
