// The tabs GraphiQL opens with (until the browser has saved its own): DESIGN §4's six seed
// operations as the brief writes them (named here so each tab has a title), plus the login, "me"
// and live-counter steps a newcomer needs. docs/api.md runs the same operations in tests.
export const exampleTabs = [
  {
    query: `# Reading is public. Writing needs a token: run Login, copy accessToken, and put
# { "Authorization": "Bearer <accessToken>" } in Headers (below).
query AllPosts { allPosts { id content author { id username } } }
`,
  },
  {
    query: `mutation CreateUser { createUser(username: "alice", email: "alice@mail.com", password: "s3cret-pass") { user { id username email } } }
`,
  },
  {
    query: `mutation Login { login(input: { username: "alice", password: "s3cret-pass" }) { accessToken refreshToken expiresIn user { id username } } }
`,
  },
  { query: '# Needs the Authorization header.\nquery Me { me { id username email } }\n' },
  { query: 'mutation CreatePost { createPost(content: "Hello") { post { id content } } }\n' },
  {
    query:
      'query PostById { postById(id: 1) { id title content author { username } comments { id content author { username } } } }\n',
  },
  { query: 'mutation ToggleLike { toggleLike(postId: 1) { liked post { id content } } }\n' },
  {
    query: `# Your home feed: userId must be your own id (needs the Authorization header).
query Feed { feed(userId: 1) { id content author { username } createdAt } }
`,
  },
  {
    query: `# Live counters over graphql-ws: run this, then like post 1 from the ToggleLike tab.
subscription PostInteraction { postInteraction(postId: 1) { type post { id likeCount commentCount shareCount } } }
`,
  },
];
