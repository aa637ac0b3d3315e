# pushgate service image: `pushgate serve` (default) or `pushgate worker`.
# See README.md, "Running the service", and docker-compose.yml.

FROM node:20-bookworm-slim AS build
# A C toolchain for pushgate's own native prefilter (native/prefilter.c; about 4x the
# WebAssembly kernel, which is what runs without it).
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# Install scripts are skipped: TypeScript is compiled below, the addon is built on its own
# (next step), and the other native extras (esbuild's binary check, msgpackr's optional addon)
# are not needed to build or run.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY binding.gyp ./
COPY native ./native
COPY scripts ./scripts
RUN PUSHGATE_REQUIRE_NATIVE=1 node scripts/build-native.mjs
COPY tsconfig.json tsconfig.build.json ./
COPY bin ./bin
COPY cli ./cli
COPY detectors ./detectors
COPY hooks ./hooks
COPY liveness ./liveness
COPY scanner ./scanner
COPY services ./services
COPY bench ./bench
COPY test/support ./test/support
RUN npm run build && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

FROM node:20-bookworm-slim
# git clones and scans repositories; ssh for ssh:// and scp-like URLs.
RUN apt-get update \
  && apt-get install -y --no-install-recommends git openssh-client ca-certificates \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production \
    PUSHGATE_HOST=0.0.0.0 \
    PUSHGATE_PORT=8080 \
    PUSHGATE_WORK_DIR=/var/lib/pushgate/work
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/bin ./bin
COPY --from=build /app/dist ./dist
COPY --from=build /app/build/Release/pushgate_prefilter.node ./build/Release/pushgate_prefilter.node
RUN mkdir -p /var/lib/pushgate/work /var/log/pushgate && chown -R node:node /var/lib/pushgate /var/log/pushgate
# The node image's unprivileged user.
USER node
EXPOSE 8080
ENTRYPOINT ["node", "bin/pushgate.js"]
CMD ["serve"]
