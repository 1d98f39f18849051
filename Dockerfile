# Multi-stage build of the ChainMatch service; the runtime image (aspnet:10.0, Ubuntu 24.04 "noble") runs as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# The web UI's browser libraries: `npm ci` from package-lock.json, copied into wwwroot/vendor by `make assets`.
RUN apt-get update && apt-get install -y --no-install-recommends make nodejs npm && make assets
RUN dotnet publish src/ChainMatch.Api -c Release -o /out/api \
 && dotnet publish src/ChainMatch.Cli -c Release -o /out/cli

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# libgomp1: OpenMP, which LightGBM's native library (from its NuGet package) links, so that `cli/chainmatch train`
# can retrain the ranking model inside the image; serving needs no native library. fonts-arphic-gbsn00lp: the TrueType
# font the monthly bulletin's PDF is set in (docs/dashboard.md).
RUN apt-get update \
 && apt-get install -y --no-install-recommends libgomp1 fonts-arphic-gbsn00lp \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system chainmatch && useradd --system --gid chainmatch --uid 10001 chainmatch \
 && mkdir -p /data /keyring && chown chainmatch:chainmatch /data /keyring
WORKDIR /app
COPY --from=build /out/api ./
COPY --from=build /out/cli ./cli
COPY graph-seeds ./graph-seeds
COPY models ./models
USER chainmatch
ENV Graph__DataDirectory=/data \
    Graph__SeedDirectory=/app/graph-seeds \
    Ranking__ModelPath=/app/models/lead-ranker.zip \
    Urls=http://0.0.0.0:5080
EXPOSE 5080
VOLUME /data
ENTRYPOINT ["dotnet", "ChainMatch.Api.dll"]
