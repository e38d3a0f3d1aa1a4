export interface GraphQLResponse<T = any> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; fields?: { field: string; constraint: string; message: string }[]; [k: string]: unknown }; path?: (string | number)[] }[];
}

/** A browser-like GraphQL client over real HTTP: keeps the session cookie between calls. */
export class GraphQLClient {
  private cookie: string | null = null;
  language: 'id' | 'en' | null = null;
  /** Sent with every request (e.g. X-Forwarded-For, to stand for another client address). */
  headers: Record<string, string> = {};

  constructor(readonly endpoint: string) {}

  async request<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...this.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.language) headers['accept-language'] = this.language;
    const res = await fetch(this.endpoint, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const setCookie = res.headers.getSetCookie?.() ?? [];
    for (const c of setCookie) {
      const [pair] = c.split(';');
      const [name, value] = pair.split('=');
      if (name === 'lentera_session') this.cookie = value ? `${name}=${value}` : null;
    }
    return (await res.json()) as GraphQLResponse<T>;
  }

  /** Like request(), but fails the test on any error and returns data. */
  async ok<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const res = await this.request<T>(query, variables);
    if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors, null, 2)}`);
    return res.data as T;
  }

  /** Expects exactly one error and returns its code (and the response for more checks). */
  async errorCode(query: string, variables?: Record<string, unknown>): Promise<string | undefined> {
    const res = await this.request(query, variables);
    if (!res.errors?.length) throw new Error(`expected an error, got data ${JSON.stringify(res.data)}`);
    return res.errors[0].extensions?.code;
  }

  async signIn(login: string, password: string): Promise<void> {
    await this.ok(`mutation($input: SignInInput!) { signIn(input: $input) { me { id } } }`, { input: { login, password } });
  }

  /** Uses a session created straight in the database (the matrix makes hundreds; signing in each would cost an argon2 hash). */
  useSessionToken(token: string): this {
    this.cookie = `lentera_session=${token}`;
    return this;
  }

  get sessionCookie(): string | null {
    return this.cookie;
  }
}
