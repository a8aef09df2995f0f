# The application image: built with the Maven wrapper on a JDK, run on a JRE as a non-root user.
# docker compose builds it (docker-compose.yml); alone: docker build -t community-lifecycle .

FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace
# Dependencies first, in their own layer: it is rebuilt only when the build changes.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
# The tests run in CI (./mvnw verify, README), not in the image build.
RUN ./mvnw -B -DskipTests package \
    && cp target/community-lifecycle-*.jar application.jar

FROM eclipse-temurin:17-jre
RUN groupadd --system lifecycle \
    && useradd --system --gid lifecycle --home-dir /app --no-create-home lifecycle
WORKDIR /app
COPY --from=build --chown=lifecycle:lifecycle /workspace/application.jar application.jar
USER lifecycle
EXPOSE 8080
# The node is taken out of the load balancer only for what it cannot work without (the database), not for mail
# (docs/adr/0004-mail-is-not-part-of-health.md). curl ships with the eclipse-temurin images.
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health || exit 1
# JVM options come in through JAVA_TOOL_OPTIONS (e.g. -Xmx512m), which the JVM reads by itself.
ENTRYPOINT ["java", "-jar", "/app/application.jar"]
