import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addressKey, loginKeys } from "./login-guard.ts";

describe("addressKey: what counts as one address for log-in limits", () => {
  it("keeps IPv4 addresses as they are, and unwraps IPv4-mapped IPv6", () => {
    expect(addressKey("203.0.113.7")).toBe("203.0.113.7");
    expect(addressKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(addressKey("::FFFF:203.0.113.7")).toBe("203.0.113.7");
  });

  it("counts a whole IPv6 /64 (one household or host) as one address, however it is written", () => {
    const a = addressKey("2001:db8:1234:5678::1");
    expect(a).toBe("2001:db8:1234:5678::/64");
    expect(addressKey("2001:0db8:1234:5678:abcd:ef01:2345:6789")).toBe(a);
    expect(addressKey("2001:DB8:1234:5678:0:0:0:ffff")).toBe(a);
    expect(addressKey("[2001:db8:1234:5678::2]")).toBe(a);
    expect(addressKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
    expect(addressKey("2001:db8:1234:5679::1")).not.toBe(a);
    expect(addressKey("2001:db8::1.2.3.4")).toBe("2001:db8:0:0::/64");
  });

  it("keeps whatever else the edge passed (e.g. 'unknown') as one bucket", () => {
    expect(addressKey("unknown")).toBe("unknown");
    expect(addressKey("")).toBe("unknown");
  });

  it("maps every IPv6 address in one /64 to the same key (property)", () => {
    const group = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
    fc.assert(
      fc.property(fc.array(group, { minLength: 8, maxLength: 8 }), fc.array(group, { minLength: 4, maxLength: 4 }), (full, tail) => {
        const other = [...full.slice(0, 4), ...tail];
        expect(addressKey(full.join(":"))).toBe(addressKey(other.join(":")));
        expect(addressKey(full.join(":"))).toBe(
          `${full
            .slice(0, 4)
            .map((g) => Number.parseInt(g, 16).toString(16))
            .join(":")}::/64`,
        );
      }),
    );
  });
});

describe("loginKeys", () => {
  it("never puts the e-mail in a limiter key, and a new password starts new account counters", () => {
    const keys = loginKeys("someone@example.kr", "$argon2id$v=19$first", "203.0.113.7");
    expect(JSON.stringify(keys)).not.toContain("someone");
    expect(keys.address).toBe("203.0.113.7");
    expect(keys.pair.startsWith(keys.account)).toBe(true);
    const after = loginKeys("someone@example.kr", "$argon2id$v=19$second", "203.0.113.7");
    expect(after.account).not.toBe(keys.account);
    expect(after.pair).not.toBe(keys.pair);
    expect(loginKeys("other@example.kr", "$argon2id$v=19$first", "203.0.113.7").account).not.toBe(keys.account);
    expect(loginKeys("nobody@example.kr", null, "203.0.113.7").account).toMatch(/^[0-9a-f]{32}:-$/);
  });
});
