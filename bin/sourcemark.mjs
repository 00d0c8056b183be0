#!/usr/bin/env node
// `npx sourcemark analyze|extract`: the batch analyzer on the same core code as the extension.
// tsx runs the TypeScript sources directly, so the command works in a checkout without a build.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
