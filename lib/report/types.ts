/**
 * The report's shapes, inferred from the HTTP contract (lib/protocol/replay.ts) with
 * type-only imports, so the pure report code carries no zod.
 */
import type { z } from "zod";
import type { questionReportSchema, sessionReportSchema, studentAnswerSchema, studentReportSchema } from "../protocol/replay";

export type QuestionReport = z.infer<typeof questionReportSchema>;
export type StudentReport = z.infer<typeof studentReportSchema>;
export type StudentAnswerReport = z.infer<typeof studentAnswerSchema>;
export type SessionReport = z.infer<typeof sessionReportSchema>;
