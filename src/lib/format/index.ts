export * from './number';
export * from './labels';
