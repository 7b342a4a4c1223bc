# Build with the Maven Wrapper, exactly as the README does, then run on a small Java 17 runtime.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests package

# glibc-based (Ubuntu) JRE: ONNX Runtime's native library does not run on musl/Alpine
FROM eclipse-temurin:17-jre
RUN useradd --system --create-home --home-dir /app --shell /usr/sbin/nologin cca
WORKDIR /app
COPY --from=build /src/target/cca-bot.jar /app/cca-bot.jar
# the shipped articles and settings; mount your own over /app/knowledge or /app/config
COPY knowledge /app/knowledge
COPY config /app/config
RUN mkdir -p /app/.cca-cache && chown -R cca:cca /app/.cca-cache
# embeddings and the optimised model survive restarts on this volume
VOLUME /app/.cca-cache
ENV CCA_KNOWLEDGE_DIR=/app/knowledge \
    CCA_INDEX_CACHE_DIR=/app/.cca-cache
USER cca
# settings: CCA_* variables; secrets: TELEGRAM_BOT_TOKEN and LLM_API_KEY at `docker run -e`, never baked in
ENTRYPOINT ["java", "-jar", "/app/cca-bot.jar"]
