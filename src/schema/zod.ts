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

export { z };
