import { UserEntity } from '@nexus/users';
import { Check, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/** `blocker` blocked `blocked`: no follows either way, and neither sees the other in a feed. */
@Entity('blocks')
@Check('blocks_not_self', 'blocker_id <> blocked_id')
export class BlockEntity {
  @PrimaryColumn({ type: 'bigint' })
  blockerId!: string;

  @PrimaryColumn({ type: 'bigint' })
  blockedId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'blocker_id' })
  blocker?: UserEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'blocked_id' })
  blocked?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
