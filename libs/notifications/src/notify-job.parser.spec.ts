import { InvalidJobPayloadError } from '@nexus/core';
import { parseNotifyJob } from './notify-job.parser';

describe('parseNotifyJob', () => {
  it('accepts a like with its ids and drops unknown fields', () => {
    expect(
      parseNotifyJob({ type: 'POST_LIKED', recipientId: '1', actorId: '2', postId: '3', x: 1 }),
    ).toEqual({ type: 'POST_LIKED', recipientId: '1', actorId: '2', postId: '3' });
  });

  it('accepts a follow and a poll close', () => {
    expect(parseNotifyJob({ type: 'USER_FOLLOWED', recipientId: '1', actorId: '2' }).type).toBe(
      'USER_FOLLOWED',
    );
    expect(parseNotifyJob({ type: 'POLL_CLOSED', recipientId: '1', pollId: '9' }).pollId).toBe('9');
  });

  it.each([
    [null, /not an object/],
    [{ type: 'HELLO', recipientId: '1' }, /type must be one of/],
    [{ type: 'POST_LIKED', recipientId: 1, actorId: '2', postId: '3' }, /recipientId/],
    [{ type: 'POST_LIKED', recipientId: '1', actorId: '2' }, /needs a postId/],
    [{ type: 'USER_FOLLOWED', recipientId: '1' }, /needs an actorId/],
    [{ type: 'POLL_CLOSED', recipientId: '1', pollId: 'x' }, /pollId must be/],
  ])('rejects %j with a clear message', (data, message) => {
    expect(() => parseNotifyJob(data)).toThrow(InvalidJobPayloadError);
    expect(() => parseNotifyJob(data)).toThrow(message);
  });
});
