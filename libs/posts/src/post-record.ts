/** A live (not deleted) post as services return it; ids are bigint strings. */
export interface PostRecord {
  id: string;
  authorId: string;
  title: string | null;
  content: string;
  mediaUrl: string | null;
  likeCount: number;
  commentCount: number;
  shareCount: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface CommentRecord {
  id: string;
  postId: string;
  authorId: string;
  content: string;
  createdAt: Date;
}

export interface ShareRecord {
  id: string;
  postId: string;
  userId: string;
  createdAt: Date;
}

/** The author as embedded in REST post and comment bodies. */
export interface AuthorSummary {
  id: string;
  username: string;
  displayName: string | null;
  avatarUrl: string | null;
}

/** The REST post shape of DESIGN §4: the record plus its author and the viewer's like state. */
export interface PostDetails extends Omit<PostRecord, 'authorId'> {
  author: AuthorSummary | null;
  viewerHasLiked: boolean;
}

export interface CommentDetails extends Omit<CommentRecord, 'authorId'> {
  author: AuthorSummary | null;
}
