import { Narrator } from './narrator.js';
import { runStory } from './story.js';
import { resolveTarget } from './target.js';

/**
 * `pnpm demo`: runs the story against the offline mock, or against the Jamf Pro named by
 * `JAMF_URL`, `JAMF_USERNAME` and `JAMF_PASSWORD`. Exits 1 naming the step that failed.
 */
async function main(): Promise<number> {
  const say = new Narrator({
    write: (text) => process.stdout.write(text),
    isTTY: Boolean(process.stdout.isTTY),
  });
  const started = performance.now();
  const target = await resolveTarget(process.env);
  try {
    await runStory(target, say);
    say.note('');
    say.ok(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } catch (error) {
    say.failure(error);
    return 1;
  } finally {
    await target.close();
  }
}

process.exitCode = await main();
