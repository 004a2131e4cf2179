/**
 * Imported first by every page that parses with zod in the browser. zod compiles a faster
 * parser with `new Function` when it may, and finds out by trying once; under our content
 * security policy (no `'unsafe-eval'`) that try is reported as a policy violation even
 * though zod catches it. `jitless` skips the try and the compiled parser, before any
 * schema is built.
 */
import { config } from "zod";

config({ jitless: true });
