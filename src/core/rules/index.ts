/** The rule engine's public surface. */
export { judgeToken } from './engine';
export { judgeKeySet } from './rules.key';
export { RULES, getRule, ruleDocUrl } from './catalog';
export type { RequestContext, RuleContext, RuleMeta, RuleScope } from './context';
export { renderRulesDoc } from './docs';
