export * from './number';
export * from './labels';
export * from './collate';
