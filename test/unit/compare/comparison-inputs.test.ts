/** The comparison's inputs: defaults as action.yml says, bad values named with the fix. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseInputs } from '../../../src/config/inputs.js';

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('comparison inputs', () => {
  it('defaults: 200 requests per side, report-only latency, regressions fail, no cold starts', () => {
    expect(parseInputs(reader({}))).toMatchObject({
      compareRequests: 200,
      latencyThreshold: undefined,
      failOnRegression: true,
      coldStart: false,
    });
    const action = parse(readFileSync('action.yml', 'utf8')) as {
      inputs: Record<string, { default: string }>;
    };
    expect(
      ['compare-requests', 'latency-threshold', 'fail-on-regression', 'cold-start'].map(
        (name) => action.inputs[name]?.default,
      ),
    ).toEqual(['200', '', 'true', 'false']);
  });

  it('reads a threshold in percent, 0 requests (off) and cold starts', () => {
    expect(
      parseInputs(
        reader({
          'compare-requests': '0',
          'latency-threshold': '12.5',
          'fail-on-regression': 'false',
          'cold-start': 'true',
        }),
      ),
    ).toMatchObject({
      compareRequests: 0,
      latencyThreshold: 12.5,
      failOnRegression: false,
      coldStart: true,
    });
  });

  it.each([
    [
      'latency-threshold',
      '20%',
      /Input 'latency-threshold' has the value '20%'.*percentage from 0 to 1000/,
    ],
    ['latency-threshold', '-5', /latency-threshold/],
    ['compare-requests', '20000', /Input 'compare-requests' has the value '20000'.*0 to 10000/],
    ['cold-start', 'yes', /Input 'cold-start' has the value 'yes'.*true or false/],
  ])('refuses %s: %s', (name, value, message) => {
    expect(() => parseInputs(reader({ [name]: value }))).toThrow(message);
  });
});
