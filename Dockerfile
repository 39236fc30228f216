# VirtPlanet: multi-stage build mirroring `dotnet publish` of src/VirtPlanet.Web.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
# On x64, the CPU baseline of the precompiled code (VirtPlanet.Web.csproj, ReadyToRunX64InstructionSet): x86-64-v3
# needs AVX2. For an older CPU, build with --build-arg X64_INSTRUCTION_SET= (crossgen2's own baseline), or the
# runtime compiles everything as it runs.
ARG X64_INSTRUCTION_SET=x86-64-v3
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props VirtPlanet.sln .editorconfig ./
COPY src/VirtPlanet.Web/VirtPlanet.Web.csproj src/VirtPlanet.Web/
RUN dotnet restore src/VirtPlanet.Web/VirtPlanet.Web.csproj -a "$TARGETARCH" -p:SelfContained=true -p:PublishReadyToRun=true
COPY src/ src/
# Self-contained, with the app and the framework precompiled together into one composite ReadyToRun image: every
# start (the server, and poll-once run from cron) spends less time in the JIT than with the app alone precompiled
# (warm poll-once of 1,000 feeds 1.65-1.79 s → 1.34-1.49 s, docs/performance.md round 4).
RUN dotnet publish src/VirtPlanet.Web/VirtPlanet.Web.csproj -c Release -a "$TARGETARCH" --self-contained true \
    -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -p:ReadyToRunX64InstructionSet="$X64_INSTRUCTION_SET" \
    --no-restore -o /app

FROM mcr.microsoft.com/dotnet/runtime-deps:10.0 AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
# The content root is /app: the top-level appsettings.json and wwwroot/ live beside the binaries.
COPY appsettings.json ./
COPY wwwroot/ ./wwwroot/
RUN mkdir -p /data && chown "$APP_UID" /data
ENV ASPNETCORE_URLS=http://+:8080 \
    Planet__DataDirectory=/data
VOLUME /data
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/healthz || exit 1
ENTRYPOINT ["./VirtPlanet.Web"]
