// The Group Policy template sets exactly the value the tool reads, with exactly the languages it speaks,
// and every string and presentation it refers to exists in its en-US resources.
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { POLICY_KEY, POLICY_VALUE } from '../../shared/i18n/policy.js';
import { LANGUAGES } from '../../shared/i18n/languages.js';

const read = (path: string) => readFileSync(new URL(`../../build/policy/${path}`, import.meta.url), 'utf8');
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['item', 'string', 'policy'].includes(name),
});

describe('the Group Policy template (build/policy)', () => {
  const admx = parser.parse(read('MarsReadiness.admx')).policyDefinitions;
  const adml = parser.parse(read('en-US/MarsReadiness.adml')).policyDefinitionResources;
  const policy = admx.policies.policy[0];

  it('writes the value the tool reads, under its policy key, for the machine', () => {
    expect(`HKLM\\${policy.key}`).toBe(POLICY_KEY);
    expect(policy.class).toBe('Machine');
    expect(policy.elements.enum.valueName).toBe(POLICY_VALUE);
  });

  it('offers each language the tool speaks, once, and no other', () => {
    const values = policy.elements.enum.item.map((item: { value: { string: string[] } }) => item.value.string[0]);
    expect(values).toEqual([...LANGUAGES]);
  });

  it('names only strings and presentations its resources define', () => {
    const strings = new Set(adml.resources.stringTable.string.map((s: { id: string }) => s.id));
    const refs = [...read('MarsReadiness.admx').matchAll(/\$\(string\.([^)]+)\)/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(LANGUAGES.length);
    expect(refs.filter((id) => !strings.has(id))).toEqual([]);
    expect(adml.resources.presentationTable.presentation.id).toBe(policy.presentation.replace(/^\$\(presentation\.(.*)\)$/, '$1'));
  });
});
