import type { Figure } from './measure';

export function measureUiOpen(): Promise<Figure[]> {
  return Promise.resolve([
    { figure: 'open an article in the UI (click -> painted)', p50: null, p95: null, value: 'not measured yet', budget: '< 100 ms', pass: false },
  ]);
}
