# SyncLab staging image: the `synclab` CLI (src/SyncLab.Cli) on the ASP.NET runtime.
# Default command: `dotnet synclab.dll up --bind 0.0.0.0 --store postgres` (see docker-compose.yml).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Build rules and central package versions first, so the restore layer survives source edits.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY eng/ eng/
COPY src/ src/
# The seeded estate's mapping file is embedded in the staging (its default mapping).
COPY fixtures/mappings/ fixtures/mappings/
# global.json pins the repository's exact SDK band; inside this image its own SDK 10 is the one to use.
RUN dotnet restore src/SyncLab.Cli/SyncLab.Cli.csproj
RUN dotnet publish src/SyncLab.Cli/SyncLab.Cli.csproj -c Release --no-restore -o /app /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    REQNROLL_TELEMETRY_ENABLED=0
# 5100 engine/admin, 5101 ERP, 5102 storefront, 5103 POS, 5104 warehouse; 5105-5107 the foreign-service stubs (tax, carrier, address).
EXPOSE 5100 5101 5102 5103 5104 5105 5106 5107
ENTRYPOINT ["dotnet", "synclab.dll"]
CMD ["up", "--bind", "0.0.0.0", "--store", "postgres"]
