// Public entry points of the HCL parser. The tree shape is defined in ast.ts.
import type { HclFile } from './ast';
import { parseHclText } from './parser';

export type * from './ast';
export { parseTerraformJson, type TerraformJsonOptions } from './json';
export { parseTemplate, MAX_DEPTH } from './parser';
export { attributeOf, forEachExpr, childExprs, staticString, traversalSteps } from './walk';

/** Parses Terraform native syntax (.tf, .tfvars). Never throws; syntax errors are in `errors`. */
export function parseHcl(text: string): HclFile {
  return parseHclText(text);
}
