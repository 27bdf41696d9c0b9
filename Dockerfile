# syntax=docker/dockerfile:1

# Build stage: every dependency, a typecheck, and the compiled dist/.
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 is built from source with this toolchain (about a minute):
# npm_config_build_from_source keeps its installer from fetching a prebuilt
# binary, so the build takes nothing but npm packages (see README, Storage).
ENV npm_config_build_from_source=better-sqlite3
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run typecheck && npm run build \
  # The runtime keeps only production dependencies, already built for this
  # platform, so it needs neither a toolchain nor a second download.
  && npm prune --omit=dev --no-audit --no-fund

# Runtime stage: production dependencies, compiled code, the content pack.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
  PORT=3000 \
  HOST=0.0.0.0 \
  STORE_URL=sqlite:///app/data/chronicle.sqlite
WORKDIR /app
COPY --from=build --chown=root:root /app/package.json /app/package-lock.json ./
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --from=build --chown=root:root /app/bin ./bin
COPY --from=build --chown=root:root /app/content ./content
# The code stays owned by root and read-only to the bot; only data/ is its own.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 3000
# No curl in slim images: node asks /healthz itself (200 healthy, 503 not).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# exec form: node is PID 1 and receives SIGTERM directly for the graceful stop.
CMD ["node", "bin/chronicle.js", "start"]
