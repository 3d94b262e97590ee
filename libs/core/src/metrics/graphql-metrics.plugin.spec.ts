import { operationLabel } from './graphql-metrics.plugin';

describe('operationLabel', () => {
  it('keeps known names, and folds names past the cap into "other"', () => {
    const seen = new Set<string>();
    expect(operationLabel(seen, undefined)).toBe('anonymous');
    for (let i = 0; i < 200; i++) expect(operationLabel(seen, `Op${i}`)).toBe(`Op${i}`);
    expect(operationLabel(seen, 'Invented201')).toBe('other');
    expect(operationLabel(seen, 'Op7')).toBe('Op7');
    expect(operationLabel(new Set(), 'x'.repeat(101))).toBe('other');
    expect(seen.size).toBe(200);
  });
});
