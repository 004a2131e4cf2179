/**
 * The element the student's page renders its app into, shared by the page (server side) and
 * the phone's bundle (phone-entry.tsx). It carries the class code in `data-code`.
 */
export const PHONE_ROOT_ID = "student-app";
