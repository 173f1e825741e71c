/**
 * The one zod every schema in vigil builds on: zod/mini, whose functional API lets the bundler
 * drop what vigil does not use (the full `zod` cost ~26 KB gzipped, on the page and again in the
 * range-answer worker). zod/mini ships no messages of its own; the English locale gives the same
 * wording full zod gives ("Invalid input: expected string, received number"), which users read in
 * config, dashboard, link and answer errors. Set here, where every schema module imports zod, so
 * the page and the worker both have it before anything is parsed.
 */
import { z } from 'zod/mini';
import { en } from 'zod/locales';

z.config(en());
// Full zod 4 compiles a fast parser for each object schema with `new Function` and first probes
// whether eval is allowed: under a Content-Security-Policy without 'unsafe-eval'
// (deploy/nginx.conf) that probe is blocked and reported as a violation. zod/mini does not
// compile; jitless stays set so that no schema, whichever build of zod it comes from, ever tries.
// Set here, where every schema module gets zod, now that the first load reads its files with
// hand-written checks (check.ts) and loads zod no more.
z.config({ jitless: true });

export { z };
