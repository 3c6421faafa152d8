# The production image, built from source: `docker compose up` on a machine with only Docker builds the jar in the
# first stage (Maven through the wrapper, tests left to CI) and runs it in the second. The app reads routes/ and
# mappings/ from /app (the compose file mounts the host's, read-only) and keeps its data in /data.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# the wrapper and the dependencies first, so that a change of the sources alone reuses them
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q -ntp dependency:resolve dependency:resolve-plugins || true
COPY src src
COPY mappings mappings
COPY routes routes
# the local Elasticsearch distribution is for bin/run-local and the tests, not for the image (mdep.skip)
RUN ./mvnw -B -q -ntp -DskipTests -Dmdep.skip=true package && cp target/contest-intake-*.jar /src/contest-intake.jar

FROM eclipse-temurin:17-jre
# Every Debian package the app uses: bsdtar (rar), the Chinese font (review packets), pg_dump and pg_restore
# (bin/backup), Tesseract with Simplified Chinese (OCR), curl (the health check).
RUN apt-get update \
 && apt-get install -y --no-install-recommends libarchive-tools fonts-wqy-microhei postgresql-client tesseract-ocr \
      tesseract-ocr-chi-sim curl \
 && rm -rf /var/lib/apt/lists/*
# A user of its own that owns /data: a named volume mounted there starts as the image's folder, owned by it.
RUN groupadd --system --gid 10001 intake \
 && useradd --system --uid 10001 --gid intake --home-dir /data --no-create-home intake \
 && mkdir -p /data /app \
 && chown intake:intake /data
WORKDIR /app
COPY --from=build /src/contest-intake.jar /app/contest-intake.jar
COPY mappings /app/mappings
COPY routes /app/routes
ENV INTAKE_ELASTICSEARCH_EMBEDDED_ENABLED=false INTAKE_DATA_DIR=/data
USER intake
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=5 \
  CMD curl -fs http://localhost:8080/actuator/health || exit 1
# 512 MB of heap whatever the host: attachments stream to disk and documents are parsed in child JVMs of their own.
ENTRYPOINT ["java", "-Xmx512m", "-jar", "/app/contest-intake.jar"]
