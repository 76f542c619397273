// Golden tests: every recorded or documented situation gives exactly the expected findings and
// fixes, and renders exactly as the stored text report. UPDATE_GOLDEN=1 rewrites the text files.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { renderCheckText } from '../../../src/report/index.js';
import { FIXTURES } from './fixture.js';
import { ALL_SCENARIOS, reportFor } from './scenarios.js';

for (const { scenario, expect } of ALL_SCENARIOS) {
  test(`${scenario.name}: ${scenario.about}`, () => {
    const report = reportFor(scenario);
    assert.deepEqual(
      report.findings.map((f) => f.id),
      expect.findings,
      'finding ids (errors first, then warnings, then info)',
    );
    assert.deepEqual(
      report.fixes.map((f) => f.id),
      expect.fixes,
      'fix ids',
    );
    const text = renderCheckText(report, { color: false, verbose: false, width: 80 });
    const golden = fileURLToPath(new URL(`golden/${scenario.name}.txt`, FIXTURES));
    if (process.env['UPDATE_GOLDEN']) {
      mkdirSync(dirname(golden), { recursive: true });
      writeFileSync(golden, text);
    }
    assert.equal(text, readFileSync(golden, 'utf8'), `text report differs from ${golden}`);
  });
}
