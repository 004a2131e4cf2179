import { describe, expect, it } from "vitest";
import { acceptsGzip } from "../../server/phone-bundle";

describe("which browsers get the phone bundle gzipped", () => {
  it("sends gzip to browsers that list it or any coding", () => {
    for (const header of ["gzip", "gzip, deflate, br, zstd", "br;q=1.0, GZIP;q=0.5", "deflate, *", ["deflate", "gzip"]]) {
      expect({ header, gzip: acceptsGzip(header) }).toEqual({ header, gzip: true });
    }
  });

  it("sends the plain file when gzip is missing or refused with q=0", () => {
    for (const header of [undefined, "", "identity", "br, deflate", "gzip;q=0", "gzip; q=0.0, br", "x-gzip-ish"]) {
      expect({ header, gzip: acceptsGzip(header) }).toEqual({ header, gzip: false });
    }
  });
});
