// Each scenario states what pip does there (worked out by hand from pip's source); the pip
// model must say the same, and the checks run on the model's prediction.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ALL_SCENARIOS, predictionFor } from './scenarios.js';

test('the pip model agrees with every scenario: outcome, directory, messages', () => {
  for (const { scenario } of ALL_SCENARIOS) {
    const model = predictionFor(scenario);
    const stated = scenario.prediction;
    assert.equal(model.outcome, stated.outcome, scenario.name);
    if (stated.directory !== null) assert.equal(model.directory, stated.directory, scenario.name);
    if (stated.scriptsDirectory !== null)
      assert.equal(model.scriptsDirectory, stated.scriptsDirectory, scenario.name);
    // The script warning names the package's commands, which only the package knows: the model
    // answers it as scriptsOnPath instead.
    const scriptWarning = /is installed in '|are installed in '|Consider adding (this|these) director/;
    for (const line of stated.messages) {
      if (scriptWarning.test(line))
        assert.equal(model.scriptsOnPath, false, `${scenario.name}: scripts off PATH`);
      else assert.ok(model.messages.includes(line), `${scenario.name}: ${line}`);
    }
    assert.equal(model.pipExitCode, stated.pipExitCode, scenario.name);
  }
});
