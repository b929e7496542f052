import { describe, expect, it } from 'vitest';
import { validator } from '../support/schema.js';
import { samplesBuild } from '../support/shared.js';

/** The samples' metrics.json (the run's shared build) against docs/metrics.schema.json. */
describe('docs/metrics.schema.json', () => {
  it("accepts the samples' metrics.json", async () => {
    const validate = await validator();
    const build = await samplesBuild();
    expect(build.status, build.stderr).toBe(0);
    const metrics: unknown = build.metrics;
    const ok = validate(metrics);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
});
