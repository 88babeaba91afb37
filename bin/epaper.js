#!/usr/bin/env node
// The `epaper` command: runs the TypeScript CLI through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('../scripts/epaper.ts');
