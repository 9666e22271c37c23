import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClarionClient } from '../../src/clarion/index.js';
import { CloseClient } from '../../src/close/index.js';
import { WhippyClient } from '../../src/whippy/index.js';
import { InvalidRequestError } from '../../src/index.js';
import { CLARION_TOKEN, useClarionFake } from '../helpers/clarion.js';

useClarionFake();

afterEach(() => vi.unstubAllEnvs());

describe('Clarion credentials', () => {
  it('takes the credential as apiKey, the option name of all three clients', async () => {
    const client = new ClarionClient({ apiKey: CLARION_TOKEN, logLevel: 'off' });
    expect((await client.sequences.list()).data.length).toBeGreaterThan(0);
    // Same name everywhere: each constructor type-checks with `apiKey`.
    expect(() => new CloseClient({ apiKey: 'k' })).not.toThrow();
    expect(() => new WhippyClient({ apiKey: 'k' })).not.toThrow();
  });

  it('reads CLARION_API_KEY from the environment by default', async () => {
    vi.stubEnv('CLARION_API_KEY', CLARION_TOKEN);
    const client = new ClarionClient({ logLevel: 'off' });
    expect((await client.sequences.list()).data.length).toBeGreaterThan(0);
  });

  it('names apiKey and CLARION_API_KEY when the credential is missing', () => {
    vi.stubEnv('CLARION_API_KEY', '');
    const error = (() => {
      try {
        new ClarionClient();
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toContain('apiKey');
    expect((error as Error).message).toContain('CLARION_API_KEY');
  });
});
