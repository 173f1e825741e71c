// Imported first by main.tsx, before any module builds a schema. Full zod 4 compiles a fast parser
// for each object schema with `new Function` and first probes whether eval is allowed: under a
// Content-Security-Policy without 'unsafe-eval' (deploy/nginx.conf) that probe is blocked and
// reported as a violation on every load. vigil's schemas use zod/mini, which does not compile;
// jitless stays set so that no schema, whichever build of zod it comes from, ever tries.
import { z } from '../schema/zod';

z.config({ jitless: true });
