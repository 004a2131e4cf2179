"use client";

/**
 * The shared listing (CodeListing) for reading on a phone. A long line makes the listing
 * scroll sideways, and a scrolling region must be reachable by keyboard (axe
 * "scrollable-region-focusable"), even when its own controls (lines to tap, blanks) are
 * locked, so the listing itself takes the focus. (CodeListing could take `tabIndex={0}` itself; until it does, this sets it.)
 */
import { useEffect, useRef, type ComponentProps } from "react";
import { CodeListing } from "./code-listing";

export function PhoneCodeListing(props: ComponentProps<typeof CodeListing>) {
  const wrap = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const pre = wrap.current?.querySelector("pre");
    if (pre && !pre.hasAttribute("tabindex")) pre.tabIndex = 0;
  }, []);
  return (
    <div ref={wrap} className="[&_pre]:focus-visible:outline-3 [&_pre]:focus-visible:outline-indigo-600">
      <CodeListing {...props} />
    </div>
  );
}
