# syntax=docker/dockerfile:1
# The OASM cockpit in a container: built with Maven on a JDK 25, run on a JRE 25.
#
#   docker build -t oasm .
#   docker run --rm -it -v oasm-root:/oasm oasm                    # the interactive cockpit
#   echo 'oasm manifest validate' | docker run --rm -i oasm         # commands from stdin
#   docker run --rm oasm /opt/oasm/examples/01_substrate_basics.oasm  # a session file
#   docker run --rm -v "$PWD/reports:/reports" oasm test --suite full --output /reports
#
# docs/CONTAINER.md says what each of these does and what was tested without a Docker engine.

# ---- build: the jars, and the cockpit's runtime dependencies in one folder
FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /src
COPY pom.xml ./
COPY .mvn/ .mvn/
COPY substrate/pom.xml substrate/
COPY asm-formats/pom.xml asm-formats/
COPY polyglot-bridge/pom.xml polyglot-bridge/
COPY cockpit/pom.xml cockpit/
# .mvn/toolchains.xml names the JDK 25 of a developer's machine; here it is the image's own.
RUN sed -i "s|<jdkHome>.*</jdkHome>|<jdkHome>${JAVA_HOME}</jdkHome>|" .mvn/toolchains.xml
COPY substrate/src/ substrate/src/
COPY asm-formats/src/ asm-formats/src/
COPY polyglot-bridge/src/ polyglot-bridge/src/
COPY cockpit/src/ cockpit/src/
COPY schemas/ schemas/
COPY manifests/ manifests/
COPY templates/ templates/
COPY shell_profile.yaml ./
# The tests run in CI (.ci/run), not here: they need bash, tmux, h5dump and the other references.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -DskipTests install \
 && mvn -B -q -pl cockpit dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=/opt/oasm/lib \
 && cp cockpit/target/cockpit-*.jar /opt/oasm/lib/

# ---- run: a JRE, the jars, the data folders, and the OASM root as a volume
FROM eclipse-temurin:25-jre
# What command blocks and sessions start: bash (.sh scripts), python3 and PyYAML (the CAD and
# coverage blocks), jq (the example sessions). EXTRA_PACKAGES adds more, e.g. "graphviz
# python3-pytest" for SVG graphs and the test blocks.
ARG EXTRA_PACKAGES=""
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends bash python3 python3-yaml jq ${EXTRA_PACKAGES} \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /opt/oasm/lib/ /opt/oasm/lib/
COPY docker/layout.sh docker/entrypoint.sh /opt/oasm/bin/
COPY examples/ /opt/oasm/examples/
# The root's own data folders, as the plan's layout has them; a named volume starts with these
# copies, and an empty folder mounted on /oasm falls back to the copies inside the jars.
COPY templates/ /oasm/templates/
COPY manifests/ /oasm/manifests/
COPY schemas/ /oasm/schemas/
COPY shell_profile.yaml /oasm/
ENV OASM_ROOT=/oasm
# The JVM's argument file (flags, class path) and its ahead-of-time cache, trained here on this
# JRE and this class path; the training runs in a temporary root of its own.
RUN /opt/oasm/bin/layout.sh /opt/oasm --train
VOLUME ["/oasm"]
WORKDIR /work
ENTRYPOINT ["/opt/oasm/bin/entrypoint.sh"]
