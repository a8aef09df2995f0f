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
# The tests run in CI (./mvnw verify, .ci/run), not in the image build.
RUN ./mvnw -B -DskipTests package \
    && cp target/community-lifecycle-*.jar application.jar

FROM eclipse-temurin:17-jre
RUN groupadd --system lifecycle \
    && useradd --system --gid lifecycle --home-dir /app --no-create-home lifecycle
WORKDIR /app
COPY --from=build /workspace/application.jar /tmp/application.jar
# Started as Spring Boot's class data sharing support describes (docs/benchmark.md, "Startup"): the jar
# extracted (application.jar beside lib/), and a training run that starts the context and exits before it serves,
# leaving the classes it loaded in a CDS archive; every start then maps them instead of loading them from the jars.
# The training run builds the engine and deploys the models, so it gets an H2 database in memory of its own and never
# sees a real one. The archive belongs to this JRE and to these jars: it is made here, in the image that runs it. A JVM
# that cannot use it (another JRE, changed jars) says so and starts without it.
RUN java -Djarmode=tools -jar /tmp/application.jar extract --destination /app \
    && rm /tmp/application.jar \
    && { java -XX:ArchiveClassesAtExit=application.jsa -Dspring.context.exit=onRefresh -jar application.jar \
        --spring.datasource.url=jdbc:h2:mem:cds-training --logging.threshold.console=WARN > /tmp/training.log 2>&1 \
        || { cat /tmp/training.log; exit 1; }; } \
    && test -s application.jsa && rm /tmp/training.log \
    && chown -R lifecycle:lifecycle /app
USER lifecycle
EXPOSE 8080
# The node is taken out of the load balancer only for what it cannot work without (the database), not for mail
# (docs/adr/0004-mail-is-not-part-of-health.md). curl ships with the eclipse-temurin images.
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health || exit 1
# JVM options come in through JAVA_TOOL_OPTIONS (e.g. -Xmx512m), which the JVM reads by itself.
# The same class path as in the training run (a relative application.jar in /app), or the archive is not used.
ENTRYPOINT ["java", "-XX:SharedArchiveFile=application.jsa", "-jar", "application.jar"]
