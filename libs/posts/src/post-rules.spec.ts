import { canDeleteComment, canModifyPost } from './post-rules';

const alice = { id: '1', role: 'user' as const };
const bob = { id: '2', role: 'user' as const };
const admin = { id: '9', role: 'admin' as const };

describe('canModifyPost', () => {
  it('lets the author and admins modify a post, nobody else', () => {
    const post = { authorId: '1' };
    expect(canModifyPost(post, alice)).toBe(true);
    expect(canModifyPost(post, admin)).toBe(true);
    expect(canModifyPost(post, bob)).toBe(false);
  });
});

describe('canDeleteComment', () => {
  const comment = { authorId: '2', postAuthorId: '1' };

  it('lets the comment author, the post author and admins delete a comment', () => {
    expect(canDeleteComment(comment, bob)).toBe(true);
    expect(canDeleteComment(comment, alice)).toBe(true);
    expect(canDeleteComment(comment, admin)).toBe(true);
  });

  it('refuses anyone else', () => {
    expect(canDeleteComment(comment, { id: '3', role: 'user' })).toBe(false);
  });
});
