// Imported first by main.tsx, before any module builds a schema. Zod 4 compiles a fast parser for
// each object schema with `new Function`, deciding when the schema is built, and first probes
// whether eval is allowed: under a Content-Security-Policy without 'unsafe-eval' (deploy/nginx.conf)
// that probe is blocked and reported as a violation on every load. Jitless parses the same way
// without generated code.
import { z } from 'zod';

z.config({ jitless: true });
