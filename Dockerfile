# syntax=docker/dockerfile:1
# One image for every Signet app; the CMD picks which one runs, e.g.
#   docker run signet dist/apps/verify/src/main.worker.js
#   docker run signet tools/migrate.mjs
# Node 22 LTS (the engines range in package.json also admits 20.19+, for machines that still run it).
ARG NODE_VERSION=22

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
ENV NX_DAEMON=false
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:${NODE_VERSION}-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/tools ./tools
# The base image's "node" user, numeric so Kubernetes runAsNonRoot can verify it.
USER 1000:1000
# The API (gateway) and every process's health port: /livez, /readyz, /metrics (libs/health).
ENV SIGNET_HEALTH_PORT=9464
EXPOSE 8080 9464
# Whichever app runs: its /readyz on the health port (tools/healthcheck.mjs).
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 CMD ["node", "tools/healthcheck.mjs"]
ENTRYPOINT ["node"]
CMD ["dist/apps/gateway/src/main.js"]
