/** The 绩效自评报告: draft model, drafting, and the report sheet. */
export * from './model';
export * from './format';
export * from './draft';
export * from './reportSheet';
export * from './attachment';
