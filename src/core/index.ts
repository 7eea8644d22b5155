export * from './grid';
export * from './result';
export * from './profile';
export * from './writePlan';
export * from './engine';
export * from "./sheetSpec";
