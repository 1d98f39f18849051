# Multi-stage build of the ChainMatch service; the runtime image runs as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/ChainMatch.Api -c Release -o /out/api \
 && dotnet publish src/ChainMatch.Cli -c Release -o /out/cli

FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN groupadd --system chainmatch && useradd --system --gid chainmatch --uid 10001 chainmatch \
 && mkdir -p /data && chown chainmatch:chainmatch /data
WORKDIR /app
COPY --from=build /out/api ./
COPY --from=build /out/cli ./cli
COPY graph-seeds ./graph-seeds
USER chainmatch
ENV Graph__DataDirectory=/data \
    Graph__SeedDirectory=/app/graph-seeds \
    Urls=http://0.0.0.0:5080
EXPOSE 5080
VOLUME /data
ENTRYPOINT ["dotnet", "ChainMatch.Api.dll"]
