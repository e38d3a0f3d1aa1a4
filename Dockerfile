# Lentera: build the server and the client, then run the compiled server on a slim Node 24.
# Used by docker-compose.yml; `docker build -t lentera .` works on its own too.

FROM node:24-slim AS build
WORKDIR /app
RUN npm i -g pnpm@10.34.9
# Manifests first, so the dependency layer is reused while only sources change.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
COPY server/package.json server/
COPY client/package.json client/
RUN pnpm install --frozen-lockfile
COPY tsconfig.base.json ./
COPY schema schema
COPY server server
COPY client client
RUN pnpm build

# Production dependencies of the server only (no client toolchain, no test tools).
FROM node:24-slim AS deps
WORKDIR /app
RUN npm i -g pnpm@10.34.9
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
COPY server/package.json server/
COPY client/package.json client/
RUN pnpm install --frozen-lockfile --prod --filter @lentera/server

FROM node:24-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000
WORKDIR /app
COPY --from=deps /app/node_modules node_modules
COPY --from=deps /app/server/node_modules server/node_modules
COPY --from=build /app/package.json ./
COPY --from=build /app/server/package.json server/
COPY --from=build /app/server/dist server/dist
COPY --from=build /app/client/dist client/dist
USER node
EXPOSE 4000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The first platform admin: `docker compose exec -T lentera node server/dist/cli.js create-admin --email … --name …`
# (password on stdin or in LENTERA_ADMIN_PASSWORD); production never seeds demo accounts by itself.
# Node is PID 1: SIGTERM from `docker stop` reaches main.js, which closes HTTP and the pool and exits 0.
CMD ["node", "server/dist/main.js"]
