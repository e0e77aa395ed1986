# The image of each of the three services (build argument SERVICE: ingest-service, index-service or search-service),
# built with the repository root as context after the jars are packaged (mvn -B -DskipTests package).
FROM eclipse-temurin:17-jre
# curl only for the healthchecks.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 app
ARG SERVICE
COPY ${SERVICE}/target/${SERVICE}-*-exec.jar /app/app.jar
# The same JVM options as the local stack and the tests (one file for both), then the service's own.
COPY compose/service-jvm.options /app/jvm.options
COPY compose/${SERVICE}.jvm.options /app/service.jvm.options
# Which methods C2 compiles (index-service's and search-service's options name it).
COPY compose/compiler-directives.json /app/compiler-directives.json
ENV MALLOC_ARENA_MAX=2
USER app
WORKDIR /app
ENTRYPOINT ["java", "@/app/jvm.options", "@/app/service.jvm.options", "-jar", "/app/app.jar"]
