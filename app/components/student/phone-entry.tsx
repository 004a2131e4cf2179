/**
 * The student's page in the browser: the whole of the phone's JavaScript starts here
 * (scripts/build-phone.mjs bundles it with React DOM and the Socket.IO client, without
 * Next.js's client runtime). The server rendered `StudentApp` into the root element in its
 * first state ("Opening class …"); hydrating it keeps that HTML and makes it live.
 */
import { hydrateRoot } from "react-dom/client";
import { PHONE_ROOT_ID } from "./phone-root";
import { StudentApp } from "./student-app";

const root = document.getElementById(PHONE_ROOT_ID);
const code = root?.dataset.code;
if (root && code) hydrateRoot(root, <StudentApp code={code} />);
