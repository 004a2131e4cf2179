import type { Metadata } from "next";
import { LearnApp } from "../components/learn/learn-app";

export const metadata: Metadata = {
  title: "Learn at your own pace: neural networks · Synapse",
  description: "The whole lesson for one person: an interactive network computed in your browser, the forward pass, live Python and questions.",
};

/** The self-paced lesson: everything runs in the browser, with no live session. */
export default function LearnPage() {
  return <LearnApp />;
}
