/**
 * The report and export routes (docs/protocol.md, "Reports and exports"): the report as
 * JSON, its two CSV files, the whole log as JSON, each for the session's teacher only; and
 * the import of such a log as a new session, charged like hosting one.
 */
import { importResponseSchema, sessionReportSchema } from "../../lib/protocol/replay";
import { questionsCsv, studentsCsv } from "../../lib/report/csv";
import { Download, downloadSchema } from "../http/download";
import { defineRoute, type Route } from "../http/route";
import { exportLog } from "./export-log";
import { importSession } from "./import-session";
import { reportFromStorage } from "./log-pages";

const CSV = "text/csv; charset=utf-8";

export const REPORT_ROUTES: readonly Route[] = [
  defineRoute({
    method: "GET",
    path: "/api/sessions/:sessionId/report",
    auth: "teacher",
    status: 200,
    response: sessionReportSchema,
    handle: ({ ctx, teacher }) => reportFromStorage(ctx.storage, teacher.session),
  }),
  defineRoute({
    method: "GET",
    path: "/api/sessions/:sessionId/report/questions.csv",
    auth: "teacher",
    status: 200,
    response: downloadSchema,
    handle: async ({ ctx, teacher }) => {
      const csv = questionsCsv(await reportFromStorage(ctx.storage, teacher.session));
      return Download.attachment(CSV, `synapse-${teacher.session.code}-questions.csv`, (write) => write(csv));
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/sessions/:sessionId/report/students.csv",
    auth: "teacher",
    status: 200,
    response: downloadSchema,
    handle: async ({ ctx, teacher }) => {
      const csv = studentsCsv(await reportFromStorage(ctx.storage, teacher.session));
      return Download.attachment(CSV, `synapse-${teacher.session.code}-students.csv`, (write) => write(csv));
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/sessions/:sessionId/export.json",
    auth: "teacher",
    status: 200,
    response: downloadSchema,
    handle: async ({ ctx, teacher }) =>
      Download.attachment("application/json; charset=utf-8", `synapse-${teacher.session.code}-log.json`, exportLog(ctx.storage, teacher.session)),
  }),
  defineRoute({
    method: "POST",
    path: "/api/sessions/import",
    auth: "none",
    status: 201,
    response: importResponseSchema,
    // Charged to the caller's address first, like hosting: an import is a new session.
    handle: async ({ req, ctx }) => {
      await ctx.limits.sessions.charge(ctx.limits.addressOfRequest(req));
      return importSession(req, ctx);
    },
  }),
];
