# Built by docker-compose for the production shape; the app reads routes/ and mappings/ from /app.
FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends libarchive-tools fonts-wqy-microhei postgresql-client tesseract-ocr tesseract-ocr-chi-sim && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY target/contest-intake-*.jar /app/contest-intake.jar
ENV INTAKE_ELASTICSEARCH_EMBEDDED_ENABLED=false
USER 1000
# 512 MB of heap whatever the host: attachments stream to disk and documents are parsed in child JVMs of their own.
ENTRYPOINT ["java", "-Xmx512m", "-jar", "/app/contest-intake.jar"]
