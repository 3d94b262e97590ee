export * from './block.entity';
export * from './follow.entity';
