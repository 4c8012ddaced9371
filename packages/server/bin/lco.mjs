#!/usr/bin/env node
// The server is TypeScript run directly through tsx: no build step between a change and `npm start`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/lco.ts');
