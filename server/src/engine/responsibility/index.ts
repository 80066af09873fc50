// The responsibility knowledge base and its presentations: which security duties AWS carries for a resource,
// which are the customer's, and whether the code meets them. Pure TypeScript: no editor, file-system or network access.
export * from './types';
export { getResourceResponsibility, allResourceResponsibilities, allTypeNames, getAttributeFact, suggestTypeNames, namesOf, isCloudFormationType } from './kb';
export { explainResource, explainAttribute, type ResourceExplanation, type AttributeExplanation, type LayerCard, type LayerStatus, type ExplainContext, type ExplainAttributeOptions } from './explain';
export { renderResourceMarkdown, renderAttributeMarkdown, renderResourceText, type MarkdownOptions } from './render';
