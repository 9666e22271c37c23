// Targets 1a and 1b: the SDK's cost per call against a plain fetch + JSON.parse loop, side by side.
import { CloseClient } from 'sequence-apis/close';
import { interleave, median, type Result } from './support.ts';

const headers = { authorization: `Basic ${btoa('bench_key:')}`, accept: 'application/json' };

async function floor(url: string): Promise<unknown> {
  const response = await fetch(url, { headers });
  return JSON.parse(await response.text());
}

export async function overhead(serverUrl: string, smoke: boolean): Promise<Result[]> {
  const close = new CloseClient({ baseUrl: `${serverUrl}/api/v1`, apiKey: 'bench_key', validation: 'strict', logLevel: 'off' });
  const rounds = smoke ? 2 : 10;
  const retrievePerRound = smoke ? 50 : 300; // 10 x 300 = 3,000 calls each
  const pagePerRound = smoke ? 10 : 100;

  // Warm both paths (JIT, keep-alive sockets) before measuring.
  await interleave(
    1,
    smoke ? 20 : 300,
    () => floor(`${serverUrl}/api/v1/sequence/seq_1/`),
    () => close.sequences.retrieve('seq_1'),
  );
  const one = await interleave(
    rounds,
    retrievePerRound,
    () => floor(`${serverUrl}/api/v1/sequence/seq_1/`),
    () => close.sequences.retrieve('seq_1'),
  );
  const page = await interleave(
    rounds,
    pagePerRound,
    () => floor(`${serverUrl}/api/v1/sequence/?_skip=0&_limit=100`),
    () => close.sequences.list({ _limit: 100 }).then((p) => p.data),
  );

  const oneRatio = median(one.b) / median(one.a);
  const pageRatio = median(page.b) / median(page.a);
  return [
    {
      target: `retrieve one sequence, 'strict', keep-alive (${one.b.length} calls)`,
      measured: `${oneRatio.toFixed(2)}x (SDK ${median(one.b).toFixed(3)} ms vs fetch ${median(one.a).toFixed(3)} ms)`,
      limit: '<= 1.5x',
      ok: oneRatio <= 1.5,
    },
    {
      target: `one 100-item page, 'strict' (${page.b.length} calls)`,
      measured: `${pageRatio.toFixed(2)}x (SDK ${median(page.b).toFixed(3)} ms vs fetch ${median(page.a).toFixed(3)} ms)`,
      limit: '<= 1.2x',
      ok: pageRatio <= 1.2,
    },
  ];
}
