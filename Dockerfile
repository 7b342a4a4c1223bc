# Build with the Maven Wrapper, exactly as the README does, then run on a small Java 17 runtime.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
# dependencies in a layer of their own: a change under src/ does not download them again
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests package

# glibc-based (Ubuntu) JRE: ONNX Runtime's native library does not run on musl/Alpine
FROM eclipse-temurin:17-jre
# a fixed non-root user, so files on a volume or a bind mount keep their owner across images and hosts
# (--no-log-init: a high UID would otherwise grow a sparse /var/log/lastlog)
RUN groupadd --gid 10001 cca \
    && useradd --uid 10001 --gid cca --no-log-init --no-create-home --home-dir /app --shell /usr/sbin/nologin cca \
    && mkdir -p /app /var/lib/cca-bot \
    && chown cca:cca /var/lib/cca-bot
WORKDIR /app
# The shaded jar alone, as one layer (146 MB, 83 MB of it the embedding model): it is the artifact CI runs with
# java -jar. Dependencies in a layer of their own would re-ship less after a code change, but the image would run
# something else: the original jars (with the 83 MB of other platforms' natives and debug symbols that the shaded
# jar leaves out) or an exploded jar (without its Multi-Release and Enable-Native-Access entries).
COPY --from=build /src/target/cca-bot.jar /app/cca-bot.jar
# the shipped articles and settings; mount your own over /app/knowledge or /app/config
COPY knowledge /app/knowledge
COPY config /app/config
# One volume for everything the bot writes: the embedding cache and optimised model (index.cache-dir) and, in
# its telegram/ folder, the journal of updates not yet answered (telegram.state-dir, by default inside the cache
# folder). A restart then embeds nothing and loses no question.
VOLUME /var/lib/cca-bot
# the health server (server.*) listens on every interface of the container; publish the port to reach it
ENV CCA_KNOWLEDGE_DIR=/app/knowledge \
    CCA_INDEX_CACHE_DIR=/var/lib/cca-bot \
    CCA_SERVER_BIND=0.0.0.0 \
    CCA_SERVER_PORT=8080
EXPOSE 8080
# numeric, so that an orchestrator can check it is not root (Kubernetes' runAsNonRoot)
USER 10001:10001
# Ready when GET /health/ready answers 200. The JRE image has no curl or wget, so bash (which it has) opens the TCP
# connection itself through its /dev/tcp/HOST/PORT redirection, writes the request, and reads the status line.
# The port comes from CCA_SERVER_PORT: change the port through that variable, not a settings file.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${CCA_SERVER_PORT:-8080} && printf 'GET /health/ready HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nConnection: close\\r\\n\\r\\n' >&3 && read -r -t 4 status <&3 && [[ $status == HTTP/1.?' 200'* ]]"]
# settings: CCA_* variables; secrets: TELEGRAM_BOT_TOKEN and LLM_API_KEY at `docker run -e`, never baked in
ENTRYPOINT ["java", "-jar", "/app/cca-bot.jar"]
