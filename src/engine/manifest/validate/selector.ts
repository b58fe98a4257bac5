/**
 * labels.Selector.Matches for a metav1.LabelSelector (LabelSelectorAsSelector): every matchLabels pair and
 * every matchExpressions requirement holds. A missing selector is labels.Nothing() and matches nothing; an
 * empty one is labels.Everything().
 *
 * @example
 * selectorMatches({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['web'] }] }, { tier: 'web' }); // true
 */
import { goQuote } from './field';
import { goStringMap } from './metadata';
import { isObj, type Obj } from './values';

export function selectorMatches(selector: unknown, labels: Record<string, unknown>): boolean {
  if (!isObj(selector)) return false;
  const matchLabels = isObj(selector.matchLabels) ? selector.matchLabels : {};
  for (const [k, v] of Object.entries(matchLabels)) if (labels[k] !== v) return false;
  const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  for (const raw of expressions) {
    const e = isObj(raw) ? raw : {};
    const key = typeof e.key === 'string' ? e.key : '';
    const values = Array.isArray(e.values) ? e.values.map(String) : [];
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    const value = has ? String(labels[key]) : undefined;
    switch (e.operator) {
      case 'In':
        if (value === undefined || !values.includes(value)) return false;
        break;
      case 'NotIn':
        if (value !== undefined && values.includes(value)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/**
 * A metav1.LabelSelector as %#v prints it (map keys sorted, as Go's fmt does).
 *
 * @example goLabelSelector({ matchLabels: { app: 'pi' } }).goLiteral;
 * // 'v1.LabelSelector{MatchLabels:map[string]string{"app":"pi"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}'
 */
export function goLabelSelector(selector: Obj): { goLiteral: string } {
  const labels = isObj(selector.matchLabels) ? selector.matchLabels : {};
  const exprs = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  const matchLabels = Object.keys(labels).length ? goStringMap(labels).goLiteral : 'map[string]string(nil)';
  const requirement = (e: unknown): string => {
    const r = isObj(e) ? e : {};
    const values = Array.isArray(r.values)
      ? `[]string{${r.values.map((v) => goQuote(String(v))).join(', ')}}`
      : '[]string(nil)';
    return `v1.LabelSelectorRequirement{Key:${goQuote(String(r.key ?? ''))}, Operator:${goQuote(String(r.operator ?? ''))}, Values:${values}}`;
  };
  const matchExpressions = exprs.length
    ? `[]v1.LabelSelectorRequirement{${exprs.map(requirement).join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return { goLiteral: `v1.LabelSelector{MatchLabels:${matchLabels}, MatchExpressions:${matchExpressions}}` };
}
