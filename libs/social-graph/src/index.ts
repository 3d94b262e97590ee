export * from './block.entity';
export * from './blocks.service';
export * from './follow.entity';
export * from './follows.service';
export * from './social-graph.errors';
export * from './social-graph.module';
