// The id of a finding on a page - the wizard's finding card, the HTML report's section - so that the
// doctor's block can point at it: stable (the same finding has the same id in every report) and unique
// (two findings never share one). Letters, digits, dots and hyphens are kept; any other character (a
// subject's path, say) is written as _<hex>_, so that no two subjects collapse into one id and the id
// needs no escaping in an attribute, a URL fragment or getElementById.

export function findingAnchor(finding: { check: string; subject: string | null }): string {
  const part = (text: string) => text.replace(/[^A-Za-z0-9.-]/g, (c) => `_${c.charCodeAt(0).toString(16)}_`);
  return `finding-${part(finding.check)}${finding.subject === null ? '' : `--${part(finding.subject)}`}`;
}
